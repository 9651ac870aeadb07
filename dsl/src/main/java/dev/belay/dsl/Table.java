package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.ExprWalk;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.Identifiers;
import dev.belay.dsl.internal.RowScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Describes a table whose rows map to {@code R}, a record or a class with a no-argument constructor.
 * Hand-written descriptors are short:
 *
 * <pre>{@code
 * public final class UserTable extends Table<User> {
 *     public static final UserTable USER = new UserTable();
 *     public final Column<User, Long>   ID   = column("id", PgType.INT8).primaryKey().generated();
 *     public final Column<User, String> NAME = column("name", PgType.TEXT);
 *     private UserTable() { super("users", User.class); }
 *     private UserTable(Alias alias) { super(alias); }   // lets USER.as("u") be a UserTable
 * }
 * }</pre>
 *
 * or derived from the row type with {@link #of(Class)}. Columns keep their declaration order. A
 * descriptor is immutable once declared and safe to share between threads.
 *
 * <p>The second constructor is what makes typed aliases: {@link #as(String)} calls it to build a new instance
 * of the descriptor's own class whose field initializers declare the same columns, now qualified by the alias.
 *
 * <pre>{@code
 * UserTable older = USER.as("older");
 * select(USER.NAME, older.NAME).from(USER).join(older).on(older.ID.gt(USER.ID));
 * // SELECT "users"."name", "older"."name" FROM "users" JOIN "users" AS "older" ON "older"."id" > "users"."id"
 * }</pre>
 *
 * A descriptor whose constructor takes arguments (a table name, say) declares the same one-line constructor:
 * the alias carries the original's schema, name and row type.
 *
 * @param <R> the row type
 */
public non-sealed class Table<R> extends TableLike {
    private static final ClassValue<Table<?>> DERIVED = new ClassValue<>() {
        @Override
        protected Table<?> computeValue(Class<?> type) {
            return TableDerivation.derive(type);
        }
    };

    private final @Nullable String schema;
    private final String name;
    private final @Nullable String alias;
    private final Class<R> rowType;
    private final @Nullable RowScope scope;
    private final List<Column<R, ?>> declared = new ArrayList<>();
    private volatile @Nullable List<Column<R, ?>> frozen;
    /** Built on first use, once the columns are frozen: {@code select(TABLE)} is the most common query. */
    private volatile @Nullable Projection<R> rowProjection;
    /** {@code select(TABLE)} itself, immutable and so made once: most queries start with it. */
    private volatile @Nullable Select<R> selectAll;
    private volatile FromItem.@Nullable TableItem fromItem;
    private volatile RowValues.@Nullable Accessors lastAccessors;

    /** A table in the connection's search_path. */
    protected Table(String name, Class<R> rowType) {
        this(null, name, null, rowType);
    }

    /** A table in {@code schema}: renders {@code "schema"."name"}. */
    protected Table(String schema, String name, Class<R> rowType) {
        this(Identifiers.check(schema, "schema name"), name, null, rowType);
    }

    /**
     * The descriptor re-created under an alias, for {@link #as(String)} (and {@link #scoped(Condition)},
     * {@link #inSchema(String)}): declare it as {@code private UserTable(Alias alias) { super(alias); }} and
     * nothing else, so the field initializers declare the same columns as the original's.
     */
    @SuppressWarnings("unchecked") // as(String) builds the alias from an instance of this very class
    protected Table(Alias alias) {
        this(alias.schema, alias.original.name, alias.alias, (Class<R>) alias.original.rowType, alias.scope);
    }

    Table(@Nullable String schema, String name, @Nullable String alias, Class<R> rowType) {
        this(schema, name, alias, rowType, null);
    }

    private Table(@Nullable String schema, String name, @Nullable String alias, Class<R> rowType,
                  @Nullable RowScope scope) {
        this.schema = schema;
        this.name = Identifiers.check(name, "table name");
        this.alias = alias;
        this.rowType = Objects.requireNonNull(rowType, "rowType");
        this.scope = scope;
    }

    /**
     * Derives the descriptor of a row type from its record components (or fields, a superclass's first): column names are
     * the snake_case of the Java names unless {@code @Column} says otherwise, {@code @Id} marks the
     * primary key, {@code @Generated} database-filled columns, and a {@code @Nullable} type nullable
     * ones. The table name comes from {@code @Table} or the snake_case class name. The result is cached.
     *
     * @throws IllegalArgumentException naming the class and the reason when it cannot be described
     */
    @SuppressWarnings("unchecked")
    public static <R> Table<R> of(Class<R> rowType) {
        return (Table<R>) DERIVED.get(Objects.requireNonNull(rowType, "rowType"));
    }

    /**
     * Declares the next column. Call it from a field initializer of the descriptor.
     * {@code column("age", PgType.INT4)} declares {@code "age"}, mapped to the property {@code age}.
     */
    protected final <T> Column<R, T> column(String name, PgType<T> type) {
        Column.checkName(name);
        Objects.requireNonNull(type, "type");
        requireDeclaring(name);
        for (Column<R, ?> c : declared) {
            if (c.name().equals(name)) {
                throw new IllegalStateException("table " + this + " declares column \"" + name + "\" twice");
            }
        }
        Column<R, T> column = new Column<>(this, name, Identifiers.camelCase(name), type, false, false, false);
        declared.add(column);
        return column;
    }

    /** Replaces the column just declared with a copy carrying one more flag. */
    <T> Column<R, T> redeclare(Column<R, T> old, Column<R, T> replacement) {
        requireDeclaring(old.name());
        int last = declared.size() - 1;
        if (last < 0 || declared.get(last) != old) {
            throw new IllegalStateException("column flags of " + old + " must be chained on its column(...) "
                    + "declaration, e.g. column(\"id\", PgType.INT8).primaryKey()");
        }
        declared.set(last, replacement);
        return replacement;
    }

    private void requireDeclaring(String columnName) {
        if (frozen != null) {
            throw new IllegalStateException("table " + this + " is already in use; column \"" + columnName
                    + "\" and its flags must be declared in the descriptor's field initializers");
        }
    }

    /** The columns in declaration order. */
    public final List<Column<R, ?>> columns() {
        List<Column<R, ?>> cols = frozen;
        if (cols == null) {
            synchronized (declared) {
                cols = frozen;
                if (cols == null) {
                    if (declared.isEmpty()) {
                        throw new IllegalStateException("table " + this + " declares no columns");
                    }
                    cols = List.copyOf(declared);
                    frozen = cols;
                }
            }
        }
        return cols;
    }

    /** The primary-key columns in declaration order; empty when the table has none. */
    public final List<Column<R, ?>> primaryKey() {
        List<Column<R, ?>> key = new ArrayList<>();
        for (Column<R, ?> c : columns()) {
            if (c.isPrimaryKey()) {
                key.add(c);
            }
        }
        return List.copyOf(key);
    }

    /**
     * The same table under an alias, as an instance of the descriptor's own class, so its typed columns render
     * qualified by the alias: with {@code UserTable u = USER.as("u")},
     * {@code select(u.NAME).from(u).join(USER).on(u.ID.eq(USER.ID))} renders
     * {@code SELECT "u"."name" FROM "users" AS "u" JOIN "users" ON "u"."id" = "users"."id"}.
     * {@code u.field(USER.NAME)} reaches the same column, and is the way for a {@link #of(Class) derived}
     * descriptor, whose alias is a plain {@code Table<R>}.
     *
     * <p>{@code T} is inferred from the assignment. To reach the alias's fields in one expression,
     * {@code USER.as("u").NAME}, a descriptor overrides this method with its own class as the return type, as
     * generated descriptors do:
     * <pre>{@code
     * @Override
     * @SuppressWarnings("unchecked") // the override narrows the type this method infers
     * public UserTable as(String alias) { return super.as(alias); }
     * }</pre>
     * Without it, assign the alias to a variable of the descriptor's class first. Assigning to a descriptor class
     * other than this one's (two classes of the same row type) fails with a {@link ClassCastException}.
     *
     * @throws IllegalStateException naming the class and the constructor to add, when the descriptor's class
     *     declares no {@code (Alias)} constructor (see the class documentation) or cannot be instantiated
     */
    public <T extends Table<R>> T as(String alias) {
        return recreate(new Alias(this, Identifiers.check(alias, "table alias"), schema, scope));
    }

    /**
     * A view of this table that only ever sees the rows {@code condition} holds for, as an instance of the
     * descriptor's own class (like {@link #as(String)}): {@code UserTable t42 = USER.scoped(USER.TENANT_ID.eq(42L))}.
     * Every statement that reads it adds the condition, qualified by the name the table has there:
     * {@code select(t42.NAME).from(t42)} renders {@code SELECT "users"."name" FROM "users" WHERE
     * "users"."tenant_id" = ?}; in an INNER or LEFT join it goes to the join's ON, before a RIGHT or FULL join the
     * table is filtered in a subquery {@code (SELECT * FROM "users" WHERE ...) AS "users"}, and UPDATE, DELETE,
     * their FROM and USING and an ON CONFLICT DO UPDATE are filtered the same way. A column the condition pins with
     * an equality ({@code TENANT_ID = 42}) is filled in by inserts that leave it unset, and a write that gives it
     * another value is refused. {@code t42.as("u")} keeps the scope; {@code t42.scoped(more)} narrows it.
     *
     * @throws IllegalArgumentException naming what is at fault when the condition refers to another table, holds
     *     a subquery, a {@link Param} or a window
     */
    public final <T extends Table<R>> T scoped(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        Expr node = condition.node();
        String use = this + ".scoped(" + condition + ")";
        ExprWalk.walk(node, e -> {
            if (e instanceof Expr.ColumnRef c && !qualifier().equals(c.qualifier())) {
                throw new IllegalArgumentException(use + ": the condition refers to "
                        + (c.qualifier() != null ? "table \"" + c.qualifier() + "\" (column " + c.name() + ")"
                        : "the unqualified column " + c.name()) + "; a scope may use only the columns of " + this);
            } else if (e instanceof Expr.Subquery || e instanceof Expr.Excluded) {
                throw new IllegalArgumentException(use + ": a scope cannot hold a subquery; it may use only the "
                        + "columns of " + this + " and values");
            } else if (e instanceof Expr.Slot s) {
                throw new IllegalArgumentException(use + ": a scope cannot hold the parameter :" + s.key().name()
                        + "; its values are fixed when it is made, so scope the table once per value");
            } else if (e instanceof Expr.Func f && (f.over() != null || f.order() != null)) {
                throw new IllegalArgumentException(use + ": a scope is a row condition; it cannot hold a window "
                        + "or an ordered aggregate");
            }
        });
        RowScope next;
        if (scope == null) {
            next = RowScope.of(node, qualifier());
        } else if (scope.qualifier().equals(qualifier())) {
            next = scope.and(node);
        } else {
            throw new IllegalArgumentException(use + ": narrow the scope before giving the table an alias");
        }
        return recreate(new Alias(this, alias, schema, next));
    }

    /**
     * The same table in another schema, as an instance of the descriptor's own class (like {@link #as(String)}):
     * {@code UserTable a = USER.inSchema("tenant_a")} renders {@code "tenant_a"."users"} wherever it goes,
     * statements and schema statements ({@code createTable(a)}) alike. Alias and scope are kept; columns are
     * still qualified by the table's name or alias, {@code "users"."name"}.
     */
    public final <T extends Table<R>> T inSchema(String schema) {
        return recreate(new Alias(this, alias, Identifiers.check(schema, "schema name"), scope));
    }

    @SuppressWarnings("unchecked") // TableAliases returns an instance of getClass()
    private <T extends Table<R>> T recreate(Alias token) {
        return (T) (getClass() == Table.class ? copy(token) : TableAliases.recreate(this, token));
    }

    /** True when made by {@link #scoped(Condition)}: statements through it see only the rows its scope holds. */
    public final boolean isScoped() {
        return scope != null;
    }

    /** The row filter of a {@link #scoped(Condition) scoped} table, or null; an internal value, for the executor. */
    @SuppressWarnings("exports") // RowScope's package is exported to the executor only
    public final @Nullable RowScope rowScope() {
        return scope;
    }

    /**
     * The same table under an alias as a plain {@code Table<R>}, for a descriptor that cannot be re-created
     * because its columns come from constructor arguments: {@code Table<Row> o = dynamic.asPlain("o")} renders
     * {@code "things" AS "o"}, and {@code o.field(dynamic.KEY)} its {@code "o"."key"}.
     */
    public final Table<R> asPlain(String alias) {
        return copy(new Alias(this, Identifiers.check(alias, "table alias"), schema, scope));
    }

    private Table<R> copy(Alias alias) {
        Table<R> aliased = new Table<>(alias);
        for (Column<R, ?> c : columns()) {
            aliased.declared.add(c.reownedBy(aliased));
        }
        aliased.columns();
        return aliased;
    }

    /** This table's column with the name of {@code column}: how columns of an aliased table are reached. */
    @SuppressWarnings("unchecked")
    public final <T> Column<R, T> field(Column<R, T> column) {
        for (Column<R, ?> c : columns()) {
            if (c.name().equals(column.name()) && c.type().equals(column.type())) {
                return (Column<R, T>) c;
            }
        }
        throw new IllegalArgumentException("table " + this + " has no column " + column.name() + " of type "
                + column.type());
    }

    /**
     * A column by its SQL name and type, for descriptors with no class of their own:
     * {@code Table.of(Doc.class).field("body", PgType.JSONB)} is the {@code "docs"."body"} column.
     *
     * @throws IllegalArgumentException naming the table when it has no such column of that type
     */
    @SuppressWarnings("unchecked") // the type is compared before the cast
    public final <T> Column<R, T> field(String name, PgType<T> type) {
        for (Column<R, ?> c : columns()) {
            if (c.name().equals(name)) {
                if (!c.type().equals(type)) {
                    throw new IllegalArgumentException("column " + c + " of " + this + " has type " + c.type()
                            + ", not " + type);
                }
                return (Column<R, T>) c;
            }
        }
        throw new IllegalArgumentException("table " + this + " has no column \"" + name + "\"");
    }

    /** The table's SQL name, unquoted: {@code "users"} for a table that renders {@code "users"}. */
    public final String name() {
        return name;
    }

    /** The schema, or null for a table found through the connection's {@code search_path}. */
    public final @Nullable String schema() {
        return schema;
    }

    /** The alias given by {@link #as(String)}, or null. */
    public final @Nullable String alias() {
        return alias;
    }

    /** The record or class a row of this table maps to. */
    public final Class<R> rowType() {
        return rowType;
    }

    @Override
    final FromItem fromItem() {
        FromItem.TableItem item = fromItem;
        if (item == null) {
            // immutable and equal whoever builds it, so a racing build is harmless
            item = new FromItem.TableItem(schema, name, alias, scope, false);
            fromItem = item;
        }
        return item;
    }

    /** See {@link RowValues#accessors}. */
    final RowValues.@Nullable Accessors lastAccessors() {
        return lastAccessors;
    }

    final void lastAccessors(RowValues.Accessors accessors) {
        lastAccessors = accessors;
    }

    /** Every column, read as the row type; see {@link Projection#tableRow}. */
    final Projection<R> rowProjection() {
        Projection<R> p = rowProjection;
        if (p == null) {
            // immutable and equal whoever builds it, so a racing build is harmless
            p = Projection.ofTableRow(this);
            rowProjection = p;
        }
        return p;
    }

    /** What {@code select(TABLE)} returns; made on first use (a racing build is harmless, as above). */
    final Select<R> selectAll() {
        Select<R> q = selectAll;
        if (q == null) {
            q = Select.of(Projection.tableRow(this), List.of(fromItem()));
            selectAll = q;
        }
        return q;
    }

    @Override
    final String qualifier() {
        return alias != null ? alias : name;
    }

    /**
     * What {@link #as(String)} hands to a descriptor's {@code (Alias)} constructor: the original table and the
     * alias. Only Belay creates one; a descriptor passes it on with {@code super(alias)}.
     */
    public static final class Alias {
        private final Table<?> original;
        private final @Nullable String alias;
        private final @Nullable String schema;
        private final @Nullable RowScope scope;

        private Alias(Table<?> original, @Nullable String alias, @Nullable String schema, @Nullable RowScope scope) {
            this.original = original;
            this.alias = alias;
            this.schema = schema;
            this.scope = scope;
        }
    }

    /** The table as it renders in FROM: {@code "users"}, {@code "app"."users"}, {@code "users" AS "boss"}. */
    @Override
    public String toString() {
        String t = (schema != null ? Identifiers.quote(schema) + "." : "") + Identifiers.quote(name);
        return alias != null ? t + " AS " + Identifiers.quote(alias) : t;
    }
}
