package dev.belay.dsl;

import dev.belay.dsl.internal.WithNode;

/**
 * CTEs waiting for their statement: {@code with(adults).select(adults.field(USER.NAME)).from(adults)}
 * renders {@code WITH "adults" AS (...) SELECT "adults"."name" FROM "adults"}.
 */
public final class With {
    private final WithNode with;

    With(WithNode with) {
        this.with = with;
    }

    /** See {@link Sql#select(Class)}. */
    public <R> Select<R> select(Class<R> rowType) {
        return Sql.select(rowType).withCtes(with);
    }

    /** See {@link Sql#select(Table)}. */
    public <R> Select<R> select(Table<R> table) {
        return Sql.select(table).withCtes(with);
    }

    /** See {@link Sql#select(Field)}. */
    public <A> Select<A> select(Field<A> a) {
        return Sql.select(a).withCtes(with);
    }

    /** See {@link Sql#select(Field, Field)}. */
    public <A, B> Select<Tuple2<A, B>> select(Field<A> a, Field<B> b) {
        return Sql.select(a, b).withCtes(with);
    }

    /** See {@link Sql#select(Field, Field, Field)}. */
    public <A, B, C> Select<Tuple3<A, B, C>> select(Field<A> a, Field<B> b, Field<C> c) {
        return Sql.select(a, b, c).withCtes(with);
    }

    /** See {@link Sql#select(Field, Field, Field, Field)}. */
    public <A, B, C, D> Select<Tuple4<A, B, C, D>> select(Field<A> a, Field<B> b, Field<C> c, Field<D> d) {
        return Sql.select(a, b, c, d).withCtes(with);
    }

    /** See {@link Sql#select(Field, Field, Field, Field, Field)}. */
    public <A, B, C, D, E> Select<Tuple5<A, B, C, D, E>> select(
            Field<A> a, Field<B> b, Field<C> c, Field<D> d, Field<E> e) {
        return Sql.select(a, b, c, d, e).withCtes(with);
    }

    /** See {@link Sql#select(Field, Field, Field, Field, Field, Field)}. */
    public <A, B, C, D, E, F> Select<Tuple6<A, B, C, D, E, F>> select(
            Field<A> a, Field<B> b, Field<C> c, Field<D> d, Field<E> e, Field<F> f) {
        return Sql.select(a, b, c, d, e, f).withCtes(with);
    }

    /** See {@link Sql#select(Field...)}. */
    public Select<Row> select(Field<?>... fields) {
        return Sql.select(fields).withCtes(with);
    }

    /** {@code with(moved).insertInto(ARCHIVE)...} renders {@code WITH "moved" AS (...) INSERT INTO ...}. */
    public <R> InsertInto<R> insertInto(Table<R> table) {
        return Dml.insertInto(table, with);
    }

    /** {@code with(c).update(USER)...} renders {@code WITH ... UPDATE "users" ...}. */
    public <R> UpdateStep<R> update(Table<R> table) {
        return Dml.update(table, with);
    }

    /** {@code with(c).deleteFrom(USER)...} renders {@code WITH ... DELETE FROM "users" ...}. */
    public <R> DeleteStep<R> deleteFrom(Table<R> table) {
        return Dml.deleteFrom(table, with);
    }
}
