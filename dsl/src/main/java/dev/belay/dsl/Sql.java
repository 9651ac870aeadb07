package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Identifiers;
import dev.belay.dsl.internal.Operator;
import dev.belay.dsl.internal.ParamKey;
import dev.belay.dsl.internal.SafeLiteral;
import dev.belay.dsl.internal.WithNode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The entry point: {@code import static dev.belay.dsl.Sql.*;} then
 *
 * <pre>{@code
 * select(User.class).where(USER.AGE.ge(18)).orderBy(USER.NAME.asc());
 * // SELECT "users"."id", "users"."name", ... FROM "users" WHERE "users"."age" >= ? ORDER BY "users"."name" ASC
 * }</pre>
 *
 * Functions ({@code count()}, {@code sum(f)}, {@code rowNumber()}, ...) come from here too.
 */
public final class Sql extends SchemaStatements {
    private Sql() {}

    // ---- SELECT ------------------------------------------------------------------------------

    /** All columns of the row type's table: {@code select(User.class)} renders {@code SELECT "users"."id", ... FROM "users"}. */
    public static <R> Select<R> select(Class<R> rowType) {
        return select(Table.of(rowType));
    }

    /** All columns of a table: {@code select(USER)} renders {@code SELECT "users"."id", ... FROM "users"}. */
    public static <R> Select<R> select(Table<R> table) {
        return table.selectAll();
    }

    /** One field, read as a scalar per row: {@code select(USER.NAME).from(USER)} gives {@code Select<String>}. */
    public static <A> Select<A> select(Field<A> a) {
        return Select.of(Projection.scalar(a), List.of());
    }

    /** {@code select(USER.NAME, count())} gives {@code Select<Tuple2<String, Long>>}. */
    public static <A, B> Select<Tuple2<A, B>> select(Field<A> a, Field<B> b) {
        return tuple(Tuple2.class, a, b);
    }

    /** Three fields as a {@link Tuple3}. */
    public static <A, B, C> Select<Tuple3<A, B, C>> select(Field<A> a, Field<B> b, Field<C> c) {
        return tuple(Tuple3.class, a, b, c);
    }

    /** Four fields as a {@link Tuple4}. */
    public static <A, B, C, D> Select<Tuple4<A, B, C, D>> select(Field<A> a, Field<B> b, Field<C> c, Field<D> d) {
        return tuple(Tuple4.class, a, b, c, d);
    }

    /** Five fields as a {@link Tuple5}. */
    public static <A, B, C, D, E> Select<Tuple5<A, B, C, D, E>> select(
            Field<A> a, Field<B> b, Field<C> c, Field<D> d, Field<E> e) {
        return tuple(Tuple5.class, a, b, c, d, e);
    }

    /** Six fields as a {@link Tuple6}. */
    public static <A, B, C, D, E, F> Select<Tuple6<A, B, C, D, E, F>> select(
            Field<A> a, Field<B> b, Field<C> c, Field<D> d, Field<E> e, Field<F> f) {
        return tuple(Tuple6.class, a, b, c, d, e, f);
    }

    /** Any number of fields as generic {@link Row}s; map them to a record with {@code .into(MyRecord.class)}. */
    public static Select<Row> select(Field<?>... fields) {
        return Select.of(Projection.row("select", fields), List.of());
    }

    @SuppressWarnings("rawtypes")
    private static <T> Select<T> tuple(Class tupleType, Field<?>... fields) {
        return Select.of(Projection.<T>tuple(tupleType, fields), List.of());
    }

    /** {@code selectDistinct(User.class)} renders {@code SELECT DISTINCT ...}. */
    public static <R> Select<R> selectDistinct(Class<R> rowType) {
        return select(rowType).distinct();
    }

    /** {@code selectDistinct(USER)} renders {@code SELECT DISTINCT ...}. */
    public static <R> Select<R> selectDistinct(Table<R> table) {
        return select(table).distinct();
    }

    /** {@code selectDistinct(USER.NAME).from(USER)} renders {@code SELECT DISTINCT "users"."name" FROM "users"}. */
    public static <A> Select<A> selectDistinct(Field<A> a) {
        return select(a).distinct();
    }

    /** Two distinct fields. */
    public static <A, B> Select<Tuple2<A, B>> selectDistinct(Field<A> a, Field<B> b) {
        return select(a, b).distinct();
    }

    /** Three distinct fields. */
    public static <A, B, C> Select<Tuple3<A, B, C>> selectDistinct(Field<A> a, Field<B> b, Field<C> c) {
        return select(a, b, c).distinct();
    }

    /** Any number of distinct fields as {@link Row}s. */
    public static Select<Row> selectDistinct(Field<?>... fields) {
        return select(fields).distinct();
    }

    // ---- INSERT, UPDATE, DELETE --------------------------------------------------------------

    /** {@code insertInto(USER).values(user)} renders {@code INSERT INTO "users" (...) VALUES (...)}; see {@link InsertInto}. */
    public static <R> InsertInto<R> insertInto(Table<R> table) {
        return Dml.insertInto(table, WithNode.NONE);
    }

    /** {@code update(USER).set(USER.AGE, 31).where(USER.ID.eq(7L))} renders {@code UPDATE "users" SET "age" = ? WHERE ...}. */
    public static <R> UpdateStep<R> update(Table<R> table) {
        return Dml.update(table, WithNode.NONE);
    }

    /** {@code deleteFrom(USER).where(USER.ID.eq(7L))} renders {@code DELETE FROM "users" WHERE "users"."id" = ?}. */
    public static <R> DeleteStep<R> deleteFrom(Table<R> table) {
        return Dml.deleteFrom(table, WithNode.NONE);
    }

    /**
     * The value the conflicting row would have had, in {@code ON CONFLICT ... DO UPDATE}:
     * {@code excluded(USER.AGE)} renders {@code EXCLUDED."age"}.
     */
    public static <T> Field<T> excluded(Column<?, T> column) {
        return new Expression<>(new Expr.Excluded(column.name()), column.type());
    }

    /**
     * In the RETURNING list of an upsert, true for a row the statement inserted and false for one that
     * {@code ON CONFLICT DO UPDATE} updated: {@code inserted(USER)} renders {@code "users"."xmax" = 0 AS "inserted"}
     * (a row version created by this statement's insert has no deleting transaction yet).
     */
    public static Field<Boolean> inserted(Table<?> table) {
        Expr xmaxIsZero = new Expr.Binary(new Expr.ColumnRef(table.qualifier(), "xmax"), Operator.EQ,
                new Expr.Constant(0, PgType.INT4));
        return new Expression<>(new Expr.Alias(xmaxIsZero, "inserted"), PgType.BOOL);
    }

    // ---- WITH --------------------------------------------------------------------------------

    /** {@code with(adults).select(...)} renders {@code WITH "adults" AS (...) SELECT ...}. */
    public static With with(Cte<?>... ctes) {
        return new With(Cte.withNode(false, ctes));
    }

    /** {@code withRecursive(tree).select(...)} renders {@code WITH RECURSIVE "tree"(...) AS (...) SELECT ...}. */
    public static With withRecursive(Cte<?>... ctes) {
        return new With(Cte.withNode(true, ctes));
    }

    /** Names a CTE, optionally with its column names: {@code cte("tree", "id", "parent_id").as(query)}. */
    public static CteName cte(String name, String... columns) {
        return new CteName(name, Arrays.asList(columns));
    }

    /** A derived table that may refer to earlier FROM items: {@code crossJoin(lateral(q.asTable("t")))}. */
    public static <R> DerivedTable<R> lateral(DerivedTable<R> table) {
        return table.lateral();
    }

    // ---- values and parameters ---------------------------------------------------------------

    /** A named parameter slot of a Java type with a default PostgreSQL type: {@code param("name", String.class)}. */
    public static <T> Param<T> param(String name, Class<T> type) {
        return param(name, PgType.forClass(type));
    }

    /** A named parameter slot of a PostgreSQL type: {@code param("tags", PgType.arrayOf(PgType.TEXT))}. */
    public static <T> Param<T> param(String name, PgType<T> type) {
        Objects.requireNonNull(type, "type");
        return new Param<>(new ParamKey(Identifiers.check(name, "parameter name"), type), type);
    }

    /** A bound value as a field: {@code value(5)} renders {@code ?}. Null needs {@link #value(Object, PgType)}. */
    @SuppressWarnings("unchecked")
    public static <T> Field<T> value(T value) {
        if (value == null) {
            throw new IllegalArgumentException("value(null): a NULL has no Java type to take a PostgreSQL type from; "
                    + "use value(null, PgType.X)");
        }
        return value(value, PgType.forClass((Class<T>) value.getClass()));
    }

    /** A bound value of an explicit type: {@code value(null, PgType.INT4)} renders {@code ?} bound to NULL. */
    public static <T> Field<T> value(@Nullable T value, PgType<T> type) {
        return new Expression<>(NulText.bind(() -> "value(...)", value, type), type);
    }

    /**
     * The conflict target of a bulk upsert, {@code db.upsert(users, onConflict(USER.EMAIL).doUpdateAllExcept(USER.ID))};
     * the columns name the table. Renders {@code ON CONFLICT ("email") DO UPDATE SET ...} inside the upsert.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the columns are only read
    public static <R> OnConflictTarget<R> onConflict(Column<R, ?> column, Column<R, ?>... more) {
        return OnConflictTarget.of(column, more);
    }

    /**
     * A literal written into the SQL text instead of a bound parameter, for where PostgreSQL needs to see the
     * value itself (a partial index's predicate, an expression repeated in GROUP BY): {@code inline(60000)}
     * renders {@code 60000}, {@code inline(7L)} {@code 7::int8}, {@code inline(new BigDecimal("2.50"))}
     * {@code 2.50::numeric}, {@code inline(true)} {@code TRUE}, {@code inline("it's")} {@code 'it''s'::text}
     * and {@code inline("a\b")} {@code E'a\\b'::text} (an E-string means the same whatever the session's
     * {@code standard_conforming_strings}). Only numbers (Short, Integer, Long, BigDecimal, Float, Double),
     * Boolean and String have such a literal; anything else is a bound parameter, {@link #value(Object)}.
     *
     * @throws IllegalArgumentException for null, another type (named), or text with NUL or an unpaired surrogate
     */
    public static <T> Field<T> inline(T value) {
        if (value == null) {
            throw new IllegalArgumentException("inline(null): a NULL has no Java type to take a PostgreSQL type "
                    + "from; use value(null, PgType.X), or isNull() in a condition");
        }
        @SuppressWarnings("unchecked")
        PgType<T> type = (PgType<T>) SafeLiteral.typeOf(value);
        if (type == null) {
            throw new IllegalArgumentException("inline(...) of a " + value.getClass().getName() + ": only numbers "
                    + "(Short, Integer, Long, BigDecimal, Float, Double), Boolean and String have a literal Belay "
                    + "writes into SQL; send this value as a bound parameter with value(...)");
        }
        if (SafeLiteral.of(value, type) == null) {
            throw new IllegalArgumentException("inline(...) of a String: the text has a NUL character or an unpaired "
                    + "UTF-16 surrogate, which PostgreSQL cannot hold");
        }
        return new Expression<>(new Expr.Constant(value, type), type);
    }

    /**
     * The query's result column named {@code name} (a column's name or an {@code .as(...)} alias), for its
     * ORDER BY and GROUP BY: {@code orderBy(resultColumn("n").desc())} renders {@code ORDER BY "n" DESC}.
     * A name the select list does not have is refused when the query is built. See {@link ResultColumn}.
     */
    public static ResultColumn resultColumn(String name) {
        return ResultColumn.named(name);
    }

    /**
     * The query's result column at {@code position} (from 1), for its ORDER BY and GROUP BY:
     * {@code groupBy(resultColumn(1))} renders {@code GROUP BY 1}; {@code orderBy(resultColumn(2).desc())}
     * renders {@code ORDER BY 2 DESC}. A position past the select list is refused when the query is built.
     */
    public static ResultColumn resultColumn(int position) {
        return ResultColumn.at(position);
    }

    // ---- conditions --------------------------------------------------------------------------

    /** {@code and(a, b, c)} renders {@code (a) AND (b) AND (c)}; {@code and()} is TRUE. */
    public static Condition and(Condition... conditions) {
        return Condition.combine(Expr.Logical.Op.AND, Arrays.asList(conditions));
    }

    /** {@code or(a, b)} renders {@code (a) OR (b)}; {@code or()} is FALSE. */
    public static Condition or(Condition... conditions) {
        return Condition.combine(Expr.Logical.Op.OR, Arrays.asList(conditions));
    }

    /** {@code not(a)} renders {@code NOT (a)}. */
    public static Condition not(Condition condition) {
        return condition.not();
    }

    /** {@code TRUE}. */
    public static Condition trueCondition() {
        return Condition.TRUE;
    }

    /** {@code FALSE}. */
    public static Condition falseCondition() {
        return Condition.FALSE;
    }

    /** A boolean field as a condition: {@code condition(USER.ACTIVE)} renders {@code "users"."active"}. */
    public static Condition condition(Field<Boolean> field) {
        return field instanceof Condition c ? c : new Condition(field.unaliased());
    }

    /** {@code exists(select(...))} renders {@code EXISTS (SELECT ...)}. */
    public static Condition exists(Select<?> subquery) {
        return new Condition(new Expr.Prefix(Expr.Prefix.Op.EXISTS, new Expr.Subquery(subquery.nestedNode("exists"))));
    }

    /** {@code notExists(select(...))} renders {@code NOT EXISTS (SELECT ...)}. */
    public static Condition notExists(Select<?> subquery) {
        return new Condition(new Expr.Prefix(Expr.Prefix.Op.NOT_EXISTS, new Expr.Subquery(subquery.nestedNode("notExists"))));
    }

    /** A one-column subquery as a value: {@code field(select(max(USER.AGE)).from(USER))} renders {@code (SELECT ...)}. */
    public static <T> Field<T> field(Select<T> subquery) {
        Field<?> only = subquery.fields().size() == 1 ? subquery.fields().get(0) : null;
        if (only == null) {
            throw new IllegalArgumentException("field(subquery): a scalar subquery selects exactly one column, this "
                    + "one selects " + subquery.fields().size());
        }
        @SuppressWarnings("unchecked")
        PgType<T> type = (PgType<T>) only.type();
        return new Expression<>(new Expr.Subquery(subquery.singleColumnNode("field")), type);
    }
}
