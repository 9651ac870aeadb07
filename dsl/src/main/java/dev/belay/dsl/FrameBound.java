package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.WindowDef;
import dev.belay.dsl.internal.WindowDef.BoundKind;

/** One end of a window frame: {@code FrameBound.preceding(2)} renders {@code ? PRECEDING} with 2 bound. */
public final class FrameBound {
    private final WindowDef.Bound bound;

    private FrameBound(WindowDef.Bound bound) {
        this.bound = bound;
    }

    /** {@code UNBOUNDED PRECEDING}. */
    public static FrameBound unboundedPreceding() {
        return new FrameBound(new WindowDef.Bound(BoundKind.UNBOUNDED_PRECEDING, null));
    }

    /** {@code ? PRECEDING}. */
    public static FrameBound preceding(long rows) {
        return new FrameBound(new WindowDef.Bound(BoundKind.PRECEDING, offset(rows)));
    }

    /** {@code CURRENT ROW}. */
    public static FrameBound currentRow() {
        return new FrameBound(new WindowDef.Bound(BoundKind.CURRENT_ROW, null));
    }

    /** {@code ? FOLLOWING}. */
    public static FrameBound following(long rows) {
        return new FrameBound(new WindowDef.Bound(BoundKind.FOLLOWING, offset(rows)));
    }

    /** {@code UNBOUNDED FOLLOWING}. */
    public static FrameBound unboundedFollowing() {
        return new FrameBound(new WindowDef.Bound(BoundKind.UNBOUNDED_FOLLOWING, null));
    }

    private static Expr offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("a frame offset must not be negative: " + rows);
        }
        return new Expr.Bind(rows, PgType.INT8);
    }

    WindowDef.Bound bound() {
        return bound;
    }
}
