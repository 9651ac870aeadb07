package dev.belay.executor;

import dev.belay.dsl.PgType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Raw SQL from {@link DBConnection#sql(String)}, for what the DSL lacks. Immutable: each {@code bind}
 * returns a new statement. Values are always sent as parameters, never spliced into the text, and run
 * through the same pipeline, checks and mapping rules as DSL queries.
 *
 * <pre>{@code
 * List<Row> rows = db.sql("select id, name from users where age > :age").bind("age", 18).fetch(Row.class);
 * int n = db.sql("update users set age = age + 1 where id = ?").bind(1, 7L).execute();
 * }</pre>
 */
public final class RawSql {
    private final Session session;
    private final NamedSql sql;
    private final @Nullable Object[] values;
    private final @Nullable PgType<?>[] types;

    RawSql(Session session, NamedSql sql) {
        this(session, sql, new Object[sql.names().size()], new PgType<?>[sql.names().size()]);
    }

    private RawSql(Session session, NamedSql sql, @Nullable Object[] values, @Nullable PgType<?>[] types) {
        this.session = session;
        this.sql = sql;
        this.values = values;
        this.types = types;
    }

    /** Binds every {@code :name} placeholder of that name; the PostgreSQL type comes from the value's class. */
    public RawSql bind(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("bind(\"" + name + "\", null): a NULL needs a type, use bindNull(name, PgType.X)");
        }
        return bindTyped(name, value, typeOf(value, ":" + name));
    }

    /** Binds a value with an explicit type, e.g. {@code bind("mood", Mood.HAPPY, PgType.enumType("mood", Mood.class))}. */
    public <T> RawSql bind(String name, @Nullable T value, PgType<T> type) {
        return bindTyped(name, value, type);
    }

    /** Binds {@code :name} to a NULL of {@code type}. */
    public RawSql bindNull(String name, PgType<?> type) {
        return bindTyped(name, null, type);
    }

    /** Binds the {@code position}-th {@code ?} placeholder, counting from 1. */
    public RawSql bind(int position, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("bind(" + position + ", null): a NULL needs a type, use bind(position, null, PgType.X)");
        }
        return bindAt(position, value, typeOf(value, "?" + position));
    }

    /** Binds the {@code position}-th {@code ?} with an explicit type (which may carry a NULL). */
    public <T> RawSql bind(int position, @Nullable T value, PgType<T> type) {
        return bindAt(position, value, type);
    }

    private RawSql bindAt(int position, @Nullable Object value, PgType<?> type) {
        if (position < 1 || position > values.length || !sql.names().get(position - 1).isEmpty()) {
            throw new IllegalArgumentException("bind(" + position + ", ...): the SQL has " + values.length
                    + " ? placeholders" + (sql.names().stream().anyMatch(s -> !s.isEmpty()) ? " (it uses :names)" : ""));
        }
        refuseText("?" + position, value);
        RawSql next = copy();
        next.values[position - 1] = value;
        next.types[position - 1] = type;
        return next;
    }

    private RawSql bindTyped(String name, @Nullable Object value, PgType<?> type) {
        refuseText(":" + name, value);
        RawSql next = copy();
        boolean found = false;
        for (int i = 0; i < values.length; i++) {
            if (sql.names().get(i).equals(name)) {
                next.values[i] = value;
                next.types[i] = type;
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("bind(\"" + name + "\", ...): the SQL has no :" + name + " placeholder; "
                    + "it has " + sql.names());
        }
        return next;
    }

    /** Text PostgreSQL would refuse or alter (NUL, unpaired surrogates) is refused at bind, naming the placeholder. */
    private void refuseText(String where, @Nullable Object value) {
        try {
            if (value instanceof String s) {
                ValueRules.text(s);
            } else if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof String s) {
                        try {
                            ValueRules.text(s);
                        } catch (Refused e) {
                            throw new Refused("element " + i + ": " + e.getMessage());
                        }
                    }
                }
            }
        } catch (Refused e) {
            throw new BindException(where + ": " + e.getMessage() + "\n  in: " + sql.jdbc(), null,
                    ErrorContext.of(sql.jdbc()));
        }
    }

    private RawSql copy() {
        return new RawSql(session, sql, values.clone(), types.clone());
    }

    private static PgType<?> typeOf(Object value, String where) {
        if (value instanceof Enum<?>) {
            return PgType.custom("unknown", Object.class);
        }
        try {
            return PgType.forClass(value.getClass());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bind(" + where + ", ...): " + e.getMessage(), e);
        }
    }

    // ---- running -----------------------------------------------------------------------------

    /** Every row, mapped by column label: a scalar type for one column, a record or class by name, or {@link dev.belay.dsl.Row}. */
    public <T> List<T> fetch(Class<T> type) {
        return Pipeline.fetch(session, statement(), Plans.Target.ofLabels(type), 0);
    }

    /** The first row, or empty. Refused for a data-modifying statement, whose other changed rows it would hide. */
    public <T> Optional<T> first(Class<T> type) {
        BoundStatement st = statement();
        if (st.modifiesData()) {
            throw new IllegalStateException("first() would hide the rows this statement changes beyond the first "
                    + "(it does not start with SELECT, VALUES, TABLE or SHOW); use fetch(type) for all of them, or "
                    + "one(type) when it changes exactly one\n  in: " + sql.jdbc());
        }
        List<T> rows = Pipeline.fetch(session, st, Plans.Target.ofLabels(type), 1);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /**
     * Exactly one row, else {@link NoRowException} or {@link TooManyRowsException}. Atomic for a statement that
     * may change data: when it throws, the statement's changes are rolled back.
     */
    public <T> T one(Class<T> type) {
        return Pipeline.<T>single(session, statement(), Plans.Target.ofLabels(type), "one()", false).get(0);
    }

    /**
     * The rows as a lazily read stream, mapped by label like {@link #fetch}, with the same rules as
     * {@link DBConnection#stream}: outside a transaction it commits only when read to the end, and it holds a
     * connection until then, so use try-with-resources:
     * {@code try (Stream<Row> rows = db.sql("select * from events").stream(Row.class)) { ... }}.
     */
    public <T> Stream<T> stream(Class<T> type) {
        return Streams.open(session, statement(), Plans.Target.ofLabels(type));
    }

    /**
     * Runs the statement for what it does and gives the number of rows it changed; for a statement that returns
     * rows ({@code select pg_advisory_lock(1)}, {@code ... RETURNING}), the number of rows it returned, which are
     * read and dropped: use {@link #fetch}, {@link #first} or {@link #one} to have them.
     */
    public int execute() {
        return Pipeline.update(session, statement());
    }

    /** The statement as the pipeline runs it; every placeholder must be bound. */
    private BoundStatement statement() {
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                String name = sql.names().get(i);
                throw new IllegalStateException("sql(...): placeholder " + (name.isEmpty() ? "?" + (i + 1) : ":" + name)
                        + " is not bound");
            }
        }
        List<PgType<?>> paramTypes = Arrays.asList(types.clone());
        return new BoundStatement(sql.jdbc(), Arrays.asList(values.clone()), paramTypes, this::placeholder,
                sql.modifiesData());
    }

    private String placeholder(int index) {
        String name = sql.names().get(index);
        return "placeholder " + (name.isEmpty() ? "?" + (index + 1) : ":" + name);
    }
}
