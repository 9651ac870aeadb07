package dev.belay.dsl.internal;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A select list of plain column references with its SQL text made once: a table's row projection, which
 * {@code select(TABLE)} uses for every query of the table, renders as one append instead of an append and a type
 * dispatch per column and separator (a fifth of rendering a select by primary key).
 */
public final class ColumnList extends AbstractList<Expr> implements RandomAccess {
    private final Expr[] items;
    /** The list as SQL, or null when an item is not a plain column reference. */
    private final @Nullable String sql;

    private ColumnList(Expr[] items, @Nullable String sql) {
        this.items = items;
        this.sql = sql;
    }

    /** A list over {@code items}, which the caller gives up. */
    public static ColumnList of(Expr[] items) {
        StringBuilder text = new StringBuilder();
        for (Expr e : items) {
            if (!(e instanceof Expr.ColumnRef c)) {
                return new ColumnList(items, null);
            }
            text.append(text.length() > 0 ? ", " : "").append(c.sql());
        }
        return new ColumnList(items, text.toString());
    }

    @Nullable String sql() {
        return sql;
    }

    @Override
    public Expr get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
