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
    static final WindowSpec EMPTY = new WindowSpec(List.of(), List.of(), null);

    private final List<Expr> partitionBy;
    private final List<SortSpec> orderBy;
    private final WindowDef.@Nullable Frame frame;

    private WindowSpec(List<Expr> partitionBy, List<SortSpec> orderBy, WindowDef.@Nullable Frame frame) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
        this.frame = frame;
    }

    /** {@code PARTITION BY fields}; replaces any earlier partitioning. */
    public WindowSpec partitionBy(Field<?>... fields) {
        List<Expr> parts = new ArrayList<>();
        for (Field<?> f : fields) {
            parts.add(f.unaliased());
        }
        return new WindowSpec(List.copyOf(parts), orderBy, frame);
    }

    /** {@code ORDER BY items}; replaces any earlier ordering. */
    public WindowSpec orderBy(SortItem... items) {
        List<SortSpec> specs = new ArrayList<>();
        for (SortItem i : items) {
            specs.add(SortField.spec(i));
        }
        return new WindowSpec(partitionBy, List.copyOf(specs), frame);
    }

    /** {@code ROWS BETWEEN start AND end}. */
    public WindowSpec rowsBetween(FrameBound start, FrameBound end) {
        return frame(Unit.ROWS, start, end);
    }

    /** {@code RANGE BETWEEN start AND end}. */
    public WindowSpec rangeBetween(FrameBound start, FrameBound end) {
        return frame(Unit.RANGE, start, end);
    }

    /** {@code GROUPS BETWEEN start AND end}. */
    public WindowSpec groupsBetween(FrameBound start, FrameBound end) {
        return frame(Unit.GROUPS, start, end);
    }

    private WindowSpec frame(Unit unit, FrameBound start, FrameBound end) {
        return new WindowSpec(partitionBy, orderBy, new WindowDef.Frame(unit, start.bound(), end.bound()));
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
    }
}
