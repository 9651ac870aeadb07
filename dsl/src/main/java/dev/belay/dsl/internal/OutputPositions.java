package dev.belay.dsl.internal;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A SELECT's list, against which its GROUP BY, DISTINCT ON and ORDER BY items are matched: an item that holds
 * a value (only then could a placeholder make two equal expressions differ) and is the same expression, with
 * the same values, as a select-list item is written as that item's position, {@code GROUP BY 1}, which means
 * exactly that item to PostgreSQL. Items without values keep their text, as users wrote them.
 */
final class OutputPositions {
    /** An expression rendered on its own with {@code $n}, so its text shows which of its values are shared. */
    record Alone(String sql, ValueSlots values) {}

    private final List<Expr> projection;
    private @Nullable List<Alone> selected;

    OutputPositions(List<Expr> projection) {
        this.projection = projection;
    }

    /** For a set operation's ORDER BY, whose items are result column names or positions already. */
    static OutputPositions none() {
        return new OutputPositions(List.of());
    }

    /** The item's position from 1, or 0; its values are noted in {@code values} as ones PostgreSQL matches. */
    int of(Expr item, ValueSlots values) {
        if (item instanceof Expr.ColumnRef || item instanceof Expr.Position || item instanceof Expr.Constant
                || item instanceof Keyword) {
            return 0; // holds no value, so it keeps its text; the common ORDER BY column needs no rendering alone
        }
        Alone alone = SqlRenderer.alone(item);
        values.matched(alone.values());
        if (alone.values().isEmpty()) {
            return 0;
        }
        List<Alone> list = selected;
        if (list == null) {
            list = new ArrayList<>();
            for (Expr p : projection) {
                list.add(SqlRenderer.alone(p instanceof Expr.Alias a ? a.operand() : p));
            }
            selected = list;
        }
        for (int i = 0; i < list.size(); i++) {
            Alone candidate = list.get(i);
            if (candidate.sql().equals(alone.sql()) && candidate.values().sameValues(alone.values())) {
                return i + 1;
            }
        }
        return 0;
    }
}
