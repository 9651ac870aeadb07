package dev.belay.dsl;

import dev.belay.dsl.internal.Grouping;

/**
 * A GROUP BY element that groups the rows several ways in one query: {@code rollup(a, b)} renders
 * {@code ROLLUP (a, b)}, {@code cube(a, b)} {@code CUBE (a, b)}, {@code groupingSets(set(a, b), set(a), set())}
 * {@code GROUPING SETS ((a, b), (a), ())}. A column a grouping set leaves out reads as NULL in that set's rows;
 * {@code grouping(a)} tells such a row from one where {@code a} is NULL.
 */
public final class GroupingSet implements GroupItem {
    private final Grouping node;

    GroupingSet(Grouping node) {
        this.node = node;
    }

    Grouping node() {
        return node;
    }

    /** The element as SQL, values inlined; for messages. */
    @Override
    public String toString() {
        return dev.belay.dsl.internal.SqlRenderer.inline(node);
    }
}
