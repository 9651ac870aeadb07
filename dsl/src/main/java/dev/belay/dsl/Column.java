package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Identifiers;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A column of table {@code R} holding values of type {@code T}. Declared in a descriptor:
 *
 * <pre>{@code
 * public final Column<User, Long> ID = column("id", PgType.INT8).primaryKey().generated();
 * }</pre>
 *
 * It renders qualified by its table (or the table's alias): {@code "users"."id"}.
 *
 * @param <R> the row type of the owning table
 * @param <T> the Java type of the column's values
 */
public final class Column<R, T> extends Field<T> {
    private final Table<R> table;
    private final String name;
    private final String property;
    private final boolean nullable;
    private final boolean generated;
    private final boolean primaryKey;
    private final ColumnConstraints constraints;

    Column(Table<R> table, String name, String property, PgType<T> type,
           boolean nullable, boolean generated, boolean primaryKey) {
        this(table, name, property, type, nullable, generated, primaryKey, ColumnConstraints.NONE);
    }

    private Column(Table<R> table, String name, String property, PgType<T> type,
                   boolean nullable, boolean generated, boolean primaryKey, ColumnConstraints constraints) {
        super(new Expr.ColumnRef(table.qualifier(), name), type);
        this.table = table;
        this.name = name;
        this.property = property;
        this.nullable = nullable;
        this.generated = generated;
        this.primaryKey = primaryKey;
        this.constraints = constraints;
    }

    /** The table (or aliased table) this column belongs to. */
    public Table<R> table() {
        return table;
    }

    /** The column's SQL name, unquoted. */
    public String name() {
        return name;
    }

    /** The row type's record component or field this column maps to. */
    public String property() {
        return property;
    }

    /**
     * This column's value in a row object, read from its property (a record component, a getter, or the field):
     * {@code USER.NAME.valueOf(user)} is {@code user.name()}. The accessor is found once per class.
     *
     * @throws IllegalArgumentException when the row's class has no such property or it cannot be read
     */
    @SuppressWarnings("unchecked") // the descriptor declares the property's type as T
    public @Nullable T valueOf(R row) {
        return (T) RowValues.read(this, Objects.requireNonNull(row, "row"));
    }

    /** True when declared {@code .nullable()}: NULL may be written and read; otherwise a null is refused, naming the column. */
    public boolean isNullable() {
        return nullable;
    }

    /** True when the database fills the value (identity, serial, default) if the row leaves it null. */
    public boolean isGenerated() {
        return generated;
    }

    /** True when declared {@code .primaryKey()}: the row helpers ({@code db.get}, {@code db.update(row)}) key on it. */
    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /** Marks the column nullable; only while declaring the descriptor. */
    public Column<R, T> nullable() {
        return table.redeclare(this, new Column<>(table, name, property, type(), true, generated, primaryKey, constraints));
    }

    /** Marks the column as filled by the database when the row leaves it null; only while declaring. */
    public Column<R, T> generated() {
        return table.redeclare(this, new Column<>(table, name, property, type(), nullable, true, primaryKey, constraints));
    }

    /** Adds the column to the primary key (several calls make a composite key); only while declaring. */
    public Column<R, T> primaryKey() {
        return table.redeclare(this, new Column<>(table, name, property, type(), nullable, generated, true, constraints));
    }

    /** Maps the column to a differently named record component or field; only while declaring. */
    public Column<R, T> property(String javaName) {
        Objects.requireNonNull(javaName, "javaName");
        return table.redeclare(this, new Column<>(table, name, javaName, type(), nullable, generated, primaryKey, constraints));
    }

    /**
     * For {@code createTable}: a UNIQUE constraint on this column alone; only while declaring.
     * {@code column("email", PgType.TEXT).unique()} renders {@code UNIQUE ("email")} in CREATE TABLE.
     */
    public Column<R, T> unique() {
        return redeclared(nullable, generated, constraints.withUnique());
    }

    /**
     * For {@code createTable}: a foreign key to {@code target}, a column of the same Java type; only while declaring.
     * {@code column("user_id", PgType.INT8).references(USER.ID)} renders
     * {@code FOREIGN KEY ("user_id") REFERENCES "users" ("id")}.
     */
    public Column<R, T> references(Column<?, T> target) {
        Objects.requireNonNull(target, "target");
        if (!target.type().equals(type())) {
            throw new IllegalArgumentException("column " + name + " (" + type() + ") cannot reference " + target
                    + " (" + target.type() + "): PostgreSQL needs the same type on both sides");
        }
        return redeclared(nullable, generated, constraints.withReferences(target));
    }

    /**
     * The column's DEFAULT, which the database uses when an INSERT leaves the column out; it also marks the column
     * {@link #generated()}. Only while declaring. {@code column("created_at", PgType.TIMESTAMPTZ).defaultTo(now())}
     * renders {@code DEFAULT now()} in CREATE TABLE.
     */
    public Column<R, T> defaultTo(Field<T> value) {
        Objects.requireNonNull(value, "value");
        return redeclared(nullable, true, constraints.withDefault(value));
    }

    /**
     * A constant DEFAULT: {@code column("status", STATUS).defaultTo(Status.NEW)} renders
     * {@code DEFAULT E'NEW'::"order_status"}; numbers and booleans are written as they are.
     */
    public Column<R, T> defaultTo(T value) {
        Objects.requireNonNull(value, "value: a column without DEFAULT already defaults to NULL");
        return defaultTo(new Expression<>(NulText.bind(() -> "defaultTo(...) on column " + name, value, type()), type()));
    }

    ColumnConstraints constraints() {
        return constraints;
    }

    private Column<R, T> redeclared(boolean nullable, boolean generated, ColumnConstraints next) {
        return table.redeclare(this, new Column<>(table, name, property, type(), nullable, generated, primaryKey, next));
    }

    Column<R, T> reownedBy(Table<R> owner) {
        return new Column<>(owner, name, property, type(), nullable, generated, primaryKey, constraints);
    }

    @Override
    @Nullable String outputName() {
        return name;
    }

    static String checkName(String name) {
        return Identifiers.check(name, "column name");
    }

    /** Columns are equal when they render the same reference with the same type. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Column<?, ?> c && c.name.equals(name) && c.table.qualifier().equals(table.qualifier())
                && c.type().equals(type());
    }

    @Override
    public int hashCode() {
        return table.qualifier().hashCode() * 31 + name.hashCode();
    }
}
