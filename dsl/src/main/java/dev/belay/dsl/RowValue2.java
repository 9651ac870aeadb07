package dev.belay.dsl;

import java.util.List;

/**
 * A row value of 2 typed items, {@code row(USER.NAME, USER.AGE)}, as SQL writes {@code (a, b)}. It compares
 * only with a row of the same item types, item by item in order:
 *
 * <pre>{@code
 * row(USER.NAME, USER.AGE).eq(row("Alice", 30))
 * // ("users"."name", "users"."age") = (?, ?)
 * }</pre>
 *
 * It is also a row of {@code values(...)}, a VALUES list in FROM.
 *
 * @param <A> the Java type of item 1
 * @param <B> the Java type of item 2
 */
public final class RowValue2<A, B> extends RowValue<RowValue2<A, B>> {
    RowValue2(Field<A> v1, Field<B> v2) {
        super(List.of(v1, v2));
    }

    /** Item 1. */
    public Field<A> v1() {
        return item(0);
    }

    /** Item 2. */
    public Field<B> v2() {
        return item(1);
    }

    /**
     * {@code row(USER.NAME, USER.AGE).in(select(USER.NAME, USER.AGE).from(USER))} renders
     * {@code (...) IN (SELECT ...)}; the query selects the same item types.
     */
    public Condition in(Select<Tuple2<A, B>> subquery) {
        return inQuery(subquery);
    }
}
