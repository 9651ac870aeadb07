package dev.belay.dsl.internal;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An OVER clause: {@code PARTITION BY ... ORDER BY ... [frame]}, or with {@code ref} the window of that name in
 * the SELECT's WINDOW clause: {@code OVER "w"} alone, {@code OVER ("w" ...)} when it adds to it.
 */
public record WindowDef(@Nullable String ref, List<Expr> partitionBy, List<SortSpec> orderBy, @Nullable Frame frame) {

    public WindowDef {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    /** A window defined in place. */
    public WindowDef(List<Expr> partitionBy, List<SortSpec> orderBy, @Nullable Frame frame) {
        this(null, partitionBy, orderBy, frame);
    }

    /** {@code OVER "name"}: the named window as it is defined. */
    public static WindowDef named(String name) {
        return new WindowDef(name, List.of(), List.of(), null);
    }

    /** What a frame offset counts: physical rows, values of the ORDER BY key, or peer groups. */
    public enum Unit { ROWS, RANGE, GROUPS }

    /** The kinds of frame bound, declared from the earliest row a frame can reach to the latest. */
    public enum BoundKind {
        UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING;

        /** Whether the bound counts from the current row by an offset ({@code n PRECEDING}). */
        public boolean hasOffset() {
            return this == PRECEDING || this == FOLLOWING;
        }
    }

    /** {@code ROWS|RANGE|GROUPS BETWEEN start AND end}. */
    public record Frame(Unit unit, Bound start, Bound end) {}

    /** One end of a frame; the offset is present exactly when the kind counts from the current row. */
    public record Bound(BoundKind kind, @Nullable Expr offset) {
        public Bound {
            if (kind.hasOffset() != (offset != null)) {
                throw new IllegalArgumentException(kind + (offset == null ? " needs an offset" : " takes no offset"));
            }
        }
    }
}
