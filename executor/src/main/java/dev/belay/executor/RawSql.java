package dev.belay.executor;

import dev.belay.dsl.PgType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Raw SQL from {@link DBConnection#sql(String)}, for what the DSL lacks. Immutable: each {@code bind}
 * returns a new statement. Values are always sent as parameters, never spliced into the text.
 *
 * <pre>{@code
 * List<Row> rows = db.sql("select id, name from users where age > :age").bind("age", 18).fetch(Row.class);
 * int n = db.sql("update users set age = age + 1 where id = ?").bind(1, 7L).execute();
 * }</pre>
 */
public final class RawSql {
    private final DBConnection db;
    private final NamedSql sql;
    private final @Nullable Object[] values;
    private final @Nullable PgType<?>[] types;
    private final boolean[] bound;

    RawSql(DBConnection db, NamedSql sql) {
        this(db, sql, new Object[sql.names().size()], new PgType<?>[sql.names().size()],
                new boolean[sql.names().size()]);
    }

    private RawSql(DBConnection db, NamedSql sql, @Nullable Object[] values, @Nullable PgType<?>[] types,
                   boolean[] bound) {
        this.db = db;
        this.sql = sql;
        this.values = values;
        this.types = types;
        this.bound = bound;
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
        Binders.refuseNul("?" + position, value);
        RawSql next = copy();
        next.values[position - 1] = value;
        next.types[position - 1] = type;
        next.bound[position - 1] = true;
        return next;
    }

    private RawSql bindTyped(String name, @Nullable Object value, PgType<?> type) {
        Binders.refuseNul(":" + name, value);
        RawSql next = copy();
        boolean found = false;
        for (int i = 0; i < values.length; i++) {
            if (sql.names().get(i).equals(name)) {
                next.values[i] = value;
                next.types[i] = type;
                next.bound[i] = true;
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("bind(\"" + name + "\", ...): the SQL has no :" + name + " placeholder; "
                    + "it has " + sql.names());
        }
        return next;
    }

    private RawSql copy() {
        return new RawSql(db, sql, values.clone(), types.clone(), bound.clone());
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
        return fetch(type, 0);
    }

    /** The first row, or empty. */
    public <T> Optional<T> first(Class<T> type) {
        List<T> rows = fetch(type, 1);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** Exactly one row, else {@link NoRowException} or {@link TooManyRowsException}. */
    public <T> T one(Class<T> type) {
        List<T> rows = fetch(type, 2);
        if (rows.size() != 1) {
            String msg = "one(): the SQL returned " + (rows.isEmpty() ? "no row" : "more than one row");
            throw rows.isEmpty() ? new NoRowException(msg, null, null, sql.jdbc(), null, null, null)
                    : new TooManyRowsException(msg, null, null, sql.jdbc(), null, null, null);
        }
        return rows.get(0);
    }

    /** pgjdbc's SQLSTATE for a statement run for its update count that produced a result set. */
    private static final String RESULT_RETURNED = "0100E";

    /** Runs a statement that returns no rows and gives its update count. */
    public int execute() {
        List<@Nullable Object> params = params();
        Engine engine = db.engine();
        return db.call(sql.jdbc(), params, c -> {
            long start = System.nanoTime();
            try (PreparedStatement ps = engine.prepare(c, sql.jdbc(), params, types(), db.timeoutSeconds())) {
                int count;
                try {
                    count = ps.executeUpdate();
                } catch (SQLException e) {
                    if (RESULT_RETURNED.equals(e.getSQLState())) {
                        throw new IllegalStateException("execute() is for statements without a result, but this one "
                                + "returned rows: read them with fetch(type), first(type) or one(type)\n  in: "
                                + sql.jdbc(), e);
                    }
                    throw e;
                }
                engine.log(sql.jdbc(), params, start, count);
                return count;
            }
        });
    }

    private <T> List<T> fetch(Class<T> type, int maxRows) {
        List<@Nullable Object> params = params();
        List<PgType<?>> paramTypes = types();
        Engine engine = db.engine();
        return db.call(sql.jdbc(), params, c -> {
            long start = System.nanoTime();
            try (PreparedStatement ps = engine.prepare(c, sql.jdbc(), params, paramTypes, db.timeoutSeconds())) {
                if (maxRows > 0) {
                    ps.setMaxRows(maxRows);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    RowMapper<T> mapper = engine.plan(PlanKey.ofParams(sql.jdbc(), type, paramTypes), rs,
                            set -> RowMappers.forLabels(type, set.getMetaData(), engine.config.types()));
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                    engine.log(sql.jdbc(), params, start, rows.size());
                    return rows;
                }
            }
        });
    }

    private List<@Nullable Object> params() {
        for (int i = 0; i < bound.length; i++) {
            if (!bound[i]) {
                String name = sql.names().get(i);
                throw new IllegalStateException("sql(...): placeholder " + (name.isEmpty() ? "?" + (i + 1) : ":" + name)
                        + " is not bound");
            }
        }
        return Arrays.asList(values.clone());
    }

    private List<PgType<?>> types() {
        List<PgType<?>> list = new ArrayList<>(types.length);
        for (PgType<?> t : types) {
            list.add(t);
        }
        return list;
    }
}
