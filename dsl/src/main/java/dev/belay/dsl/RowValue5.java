package dev.belay.dsl;

import java.util.List;

/**
 * A row value of 5 typed items, {@code row(...)} of 5 fields or 5 values, as SQL writes {@code (a, b, ...)}. It
 * compares only with a row of the same item types, item by item in order:
 *
 * <pre>{@code
 * row(T.A, T.B, T.C, T.D, T.E).eq(row(1, 2, 3, 4, 5))
 * // ("t"."a", "t"."b", "t"."c", "t"."d", "t"."e") = (?, ?, ?, ?, ?)
 * }</pre>
 *
 * It is also a row of {@code values(...)}, a VALUES list in FROM.
 *
 * @param <A> the Java type of item 1
 * @param <B> the Java type of item 2
 * @param <C> the Java type of item 3
 * @param <D> the Java type of item 4
 * @param <E> the Java type of item 5
 */
public final class RowValue5<A, B, C, D, E> extends RowValue<RowValue5<A, B, C, D, E>> {
    RowValue5(Field<A> v1, Field<B> v2, Field<C> v3, Field<D> v4, Field<E> v5) {
        super(List.of(v1, v2, v3, v4, v5));
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

    /** Item 4. */
    public Field<D> v4() {
        return item(3);
    }

    /** Item 5. */
    public Field<E> v5() {
        return item(4);
    }

    /**
     * {@code row(T.A, ...).in(select(T.A, ...).from(T))} renders {@code (...) IN (SELECT ...)}; the query selects
     * the same 5 item types.
     */
    public Condition in(Select<Tuple5<A, B, C, D, E>> subquery) {
        return inQuery(subquery);
    }
}
