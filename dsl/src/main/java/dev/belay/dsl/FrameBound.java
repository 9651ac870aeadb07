package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.WindowDef;
import dev.belay.dsl.internal.WindowDef.BoundKind;
import java.math.BigInteger;
import java.time.Duration;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One end of a window frame: {@code FrameBound.preceding(2)} renders {@code ? PRECEDING} with 2 bound. An offset
 * counts rows in ROWS frames, peer groups in GROUPS frames and values of the ORDER BY key in RANGE frames, so a
 * RANGE over a date or time key takes an interval: {@code FrameBound.preceding(Duration.ofDays(7))}.
 */
public final class FrameBound {
    private final WindowDef.Bound bound;

    private FrameBound(WindowDef.Bound bound) {
        this.bound = bound;
    }

    /** {@code UNBOUNDED PRECEDING}. */
    public static FrameBound unboundedPreceding() {
        return new FrameBound(new WindowDef.Bound(BoundKind.UNBOUNDED_PRECEDING, null));
    }

    /** {@code ? PRECEDING}: {@code rows} rows, peer groups, or (RANGE over a numeric key) that much less. */
    public static FrameBound preceding(long rows) {
        return new FrameBound(new WindowDef.Bound(BoundKind.PRECEDING, offset(rows)));
    }

    /**
     * {@code ? PRECEDING} with an interval bound, for RANGE frames over a date, time, timestamp or interval key:
     * {@code window().orderBy(ORDER.CREATED_AT).rangeBetween(preceding(Duration.ofDays(7)), currentRow())} renders
     * {@code RANGE BETWEEN ? PRECEDING AND CURRENT ROW}: the rows of the 7 days up to this one.
     */
    public static FrameBound preceding(Duration length) {
        return interval(BoundKind.PRECEDING, length, PgType.INTERVAL, length != null && length.isNegative());
    }

    /** {@code CURRENT ROW}. */
    public static FrameBound currentRow() {
        return new FrameBound(new WindowDef.Bound(BoundKind.CURRENT_ROW, null));
    }

    /** {@code ? FOLLOWING}. */
    public static FrameBound following(long rows) {
        return new FrameBound(new WindowDef.Bound(BoundKind.FOLLOWING, offset(rows)));
    }

    /** {@code ? FOLLOWING} with an interval bound, for RANGE frames over a date or time key; see {@link #preceding(Duration)}. */
    public static FrameBound following(Duration length) {
        return interval(BoundKind.FOLLOWING, length, PgType.INTERVAL, length != null && length.isNegative());
    }

    /**
     * {@code ? PRECEDING} with an interval that may hold months, for RANGE frames over a date or time key:
     * {@code preceding(PgInterval.ofMonths(1))} is the calendar month before each row.
     */
    public static FrameBound preceding(PgInterval length) {
        return interval(BoundKind.PRECEDING, length, PgType.INTERVAL_FULL, negative(length));
    }

    /** {@code ? FOLLOWING} with an interval that may hold months; see {@link #preceding(PgInterval)}. */
    public static FrameBound following(PgInterval length) {
        return interval(BoundKind.FOLLOWING, length, PgType.INTERVAL_FULL, negative(length));
    }

    /** PostgreSQL refuses a frame offset below zero, comparing intervals as it always does: a month as 30 days. */
    private static boolean negative(@Nullable PgInterval length) {
        if (length == null) {
            return false;
        }
        BigInteger days = BigInteger.valueOf(length.months()).multiply(BigInteger.valueOf(30))
                .add(BigInteger.valueOf(length.days()));
        return days.multiply(BigInteger.valueOf(86_400_000_000L)).add(BigInteger.valueOf(length.micros())).signum() < 0;
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

    /** Every interval offset, whatever Java type carries it, is built here: a new type is one more overload. */
    private static FrameBound interval(BoundKind kind, @Nullable Object length, PgType<?> type, boolean negative) {
        if (length == null) {
            throw new IllegalArgumentException("a frame offset must not be null; use unboundedPreceding() or "
                    + "unboundedFollowing() for no limit");
        }
        if (negative) {
            throw new IllegalArgumentException("a frame offset must not be negative: " + length);
        }
        return new FrameBound(new WindowDef.Bound(kind, new Expr.Bind(length, type)));
    }

    /** Whether the bound's offset is an interval rather than a count. */
    static boolean hasIntervalOffset(WindowDef.Bound bound) {
        return bound.offset() instanceof Expr.Bind b && b.type().sqlName().equals("interval");
    }

    WindowDef.Bound bound() {
        return bound;
    }
}
