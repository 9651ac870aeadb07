package dev.belay.dsl.internal;

import java.util.List;

/**
 * A grouping element of GROUP BY other than a plain expression: {@code ROLLUP (a, b)}, {@code CUBE (a, b)},
 * {@code GROUPING SETS ((a, b), (a), ())}, or one parenthesized set {@code (a, b)} (empty: the grand total).
 * It is an {@link Expr} only so that GROUP BY stays one list; the builders place it nowhere else.
 */
public record Grouping(Kind kind, List<Expr> items) implements Expr {

    /** The grouping constructs. */
    public enum Kind { ROLLUP, CUBE, GROUPING_SETS, SET }

    public Grouping {
        items = List.copyOf(items);
        if (items.isEmpty() && kind != Kind.SET) {
            throw new IllegalArgumentException(kind + " of no items: PostgreSQL's grammar needs at least one");
        }
    }
}
