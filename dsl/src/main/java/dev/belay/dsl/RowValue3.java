package dev.belay.dsl;

import java.util.List;

/**
 * A row value of 3 typed items, {@code row(USER.NAME, USER.AGE, USER.ID)}, as SQL writes {@code (a, b, c)}. It compares
 * only with a row of the same item types, item by item in order:
 *
 * <pre>{@code
 * row(USER.NAME, USER.AGE, USER.ID).eq(row("Alice", 30, 1L))
 * // ("users"."name", "users"."age", "users"."id") = (?, ?, ?)
 * }</pre>
 *
 * It is also a row of {@code values(...)}, a VALUES list in FROM.
 *
 * @param <A> the Java type of item 1
 * @param <B> the Java type of item 2
 * @param <C> the Java type of item 3
 */
public final class RowValue3<A, B, C> extends RowValue<RowValue3<A, B, C>> {
    RowValue3(Field<A> v1, Field<B> v2, Field<C> v3) {
        super(List.of(v1, v2, v3));
    }

    /** Item 1. */
    public Field<A> v1() {
        return item(0);
    }

    /** Item 2. */
    public Field<B> v2() {
        return item(1);
    }

    /** Item 3. */
    public Field<C> v3() {
        return item(2);
    }

    /**
     * {@code row(USER.NAME, USER.AGE, USER.ID).in(select(USER.NAME, USER.AGE, USER.ID).from(USER))} renders
     * {@code (...) IN (SELECT ...)}; the query selects the same item types.
     */
    public Condition in(Select<Tuple3<A, B, C>> subquery) {
        return inQuery(subquery);
    }
}
