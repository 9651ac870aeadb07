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

    Column(Table<R> table, String name, String property, PgType<T> type,
           boolean nullable, boolean generated, boolean primaryKey) {
        super(new Expr.ColumnRef(table.qualifier(), name), type);
        this.table = table;
        this.name = name;
        this.property = property;
        this.nullable = nullable;
        this.generated = generated;
        this.primaryKey = primaryKey;
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
        return table.redeclare(this, new Column<>(table, name, property, type(), true, generated, primaryKey));
    }

    /** Marks the column as filled by the database when the row leaves it null; only while declaring. */
    public Column<R, T> generated() {
        return table.redeclare(this, new Column<>(table, name, property, type(), nullable, true, primaryKey));
    }

    /** Adds the column to the primary key (several calls make a composite key); only while declaring. */
    public Column<R, T> primaryKey() {
        return table.redeclare(this, new Column<>(table, name, property, type(), nullable, generated, true));
    }

    /** Maps the column to a differently named record component or field; only while declaring. */
    public Column<R, T> property(String javaName) {
        Objects.requireNonNull(javaName, "javaName");
        return table.redeclare(this, new Column<>(table, name, javaName, type(), nullable, generated, primaryKey));
    }

    Column<R, T> reownedBy(Table<R> owner) {
        return new Column<>(owner, name, property, type(), nullable, generated, primaryKey);
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
