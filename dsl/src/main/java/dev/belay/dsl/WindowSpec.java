package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.SortSpec;
import dev.belay.dsl.internal.SqlRenderer;
import dev.belay.dsl.internal.WindowDef;
import dev.belay.dsl.internal.WindowDef.BoundKind;
import dev.belay.dsl.internal.WindowDef.Unit;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A window for {@code over(...)}: {@code partitionBy(ORDER.USER_ID).orderBy(ORDER.ID.asc())
 * .rowsBetween(FrameBound.unboundedPreceding(), FrameBound.currentRow())} renders
 * {@code PARTITION BY "orders"."user_id" ORDER BY "orders"."id" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}.
 * {@code window()} is the empty window, {@code OVER ()}.
 */
public final class WindowSpec {
    static final WindowSpec EMPTY = new WindowSpec(List.of(), List.of(), List.of(), null);

    private final List<Expr> partitionBy;
    private final List<SortSpec> orderBy;
    /** The ORDER BY keys' types: a RANGE offset must be of a type PostgreSQL can add to the key. */
    private final List<PgType<?>> orderTypes;
    private final WindowDef.@Nullable Frame frame;

    private WindowSpec(List<Expr> partitionBy, List<SortSpec> orderBy, List<PgType<?>> orderTypes,
                       WindowDef.@Nullable Frame frame) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
        this.orderTypes = orderTypes;
        this.frame = frame;
    }

    /** {@code PARTITION BY fields}; replaces any earlier partitioning. */
    public WindowSpec partitionBy(Field<?>... fields) {
        List<Expr> parts = new ArrayList<>();
        for (Field<?> f : fields) {
            parts.add(f.unaliased());
        }
        return new WindowSpec(List.copyOf(parts), orderBy, orderTypes, frame);
    }

    /** {@code ORDER BY items}; replaces any earlier ordering. */
    public WindowSpec orderBy(SortItem... items) {
        List<SortSpec> specs = new ArrayList<>();
        List<PgType<?>> types = new ArrayList<>();
        for (SortItem i : items) {
            specs.add(SortField.spec(i));
            types.add((i instanceof SortField<?> s ? s.field() : (Field<?>) i).type());
        }
        return new WindowSpec(partitionBy, List.copyOf(specs), List.copyOf(types), frame);
    }

    /** {@code ROWS BETWEEN start AND end}. */
    public WindowSpec rowsBetween(FrameBound start, FrameBound end) {
        return frame(Unit.ROWS, start, end);
    }

    /**
     * {@code RANGE BETWEEN start AND end}. Offsets need exactly one ORDER BY key and are measured in its values:
     * numbers for a numeric key, intervals ({@code FrameBound.preceding(Duration)}) for a date or time key.
     */
    public WindowSpec rangeBetween(FrameBound start, FrameBound end) {
        return frame(Unit.RANGE, start, end);
    }

    /** {@code GROUPS BETWEEN start AND end}. */
    public WindowSpec groupsBetween(FrameBound start, FrameBound end) {
        return frame(Unit.GROUPS, start, end);
    }

    private WindowSpec frame(Unit unit, FrameBound start, FrameBound end) {
        return new WindowSpec(partitionBy, orderBy, orderTypes, new WindowDef.Frame(unit, start.bound(), end.bound()));
    }

    WindowDef definition() {
        if (frame != null) {
            checkFrame(frame);
        }
        return new WindowDef(partitionBy, orderBy, frame);
    }

    /** PostgreSQL's frame rules, checked here so the error names the frame rather than arriving from the server. */
    private void checkFrame(WindowDef.Frame f) {
        BoundKind start = f.start().kind();
        BoundKind end = f.end().kind();
        String frameText = f.unit() + " BETWEEN " + SqlRenderer.boundKind(start) + " AND " + SqlRenderer.boundKind(end);
        if (start == BoundKind.UNBOUNDED_FOLLOWING) {
            throw new IllegalArgumentException(frameText + ": a frame cannot start at UNBOUNDED FOLLOWING");
        }
        if (end == BoundKind.UNBOUNDED_PRECEDING) {
            throw new IllegalArgumentException(frameText + ": a frame cannot end at UNBOUNDED PRECEDING");
        }
        if (start.compareTo(end) > 0) {
            throw new IllegalArgumentException(frameText + ": the frame starts after it ends");
        }
        boolean offset = f.start().offset() != null || f.end().offset() != null;
        if (f.unit() == Unit.GROUPS && orderBy.isEmpty()) {
            throw new IllegalArgumentException(frameText + ": GROUPS frames need an ORDER BY in the window");
        }
        if (f.unit() == Unit.RANGE && offset && orderBy.size() != 1) {
            throw new IllegalArgumentException(frameText + ": RANGE with an offset needs exactly one ORDER BY "
                    + "column in the window, it has " + orderBy.size());
        }
        boolean interval = FrameBound.hasIntervalOffset(f.start()) || FrameBound.hasIntervalOffset(f.end());
        if (f.unit() != Unit.RANGE && interval) {
            throw new IllegalArgumentException(frameText + ": " + f.unit() + " offsets count "
                    + (f.unit() == Unit.ROWS ? "rows" : "peer groups") + ", so they are numbers, not intervals; "
                    + "an interval offset needs a RANGE frame over a date or time ORDER BY key");
        }
        if (f.unit() == Unit.RANGE && offset) {
            checkRangeOffsets(frameText, f);
        }
    }

    /** PostgreSQL adds a RANGE offset to the ORDER BY key (its in_range functions): numbers to numbers, intervals to dates and times. */
    private void checkRangeOffsets(String frameText, WindowDef.Frame f) {
        PgType<?> key = orderTypes.get(0);
        String over = frameText + " over ORDER BY " + SqlRenderer.inline(orderBy.get(0).expr()) + " (" + key.sqlName() + ")";
        boolean temporal = key.kind() == PgType.Kind.TEMPORAL;
        if (key.kind() != PgType.Kind.NUMERIC && !temporal) {
            throw new IllegalArgumentException(over + ": PostgreSQL measures RANGE offsets only along a numeric, "
                    + "date, time or interval key, not " + key.sqlName() + "; use ROWS or GROUPS, or no offset");
        }
        for (WindowDef.Bound b : List.of(f.start(), f.end())) {
            if (b.offset() != null && FrameBound.hasIntervalOffset(b) != temporal) {
                throw new IllegalArgumentException(over + (temporal
                        ? ": the offset must be an interval, such as FrameBound.preceding(Duration.ofDays(7)), "
                                + "not a number"
                        : ": the offset must be a number, such as FrameBound.preceding(10), not an interval"));
            }
        }
    }
}
