package dev.belay.dsl.internal;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** An OVER clause: {@code PARTITION BY ... ORDER BY ... [frame]}. */
public record WindowDef(List<Expr> partitionBy, List<SortSpec> orderBy, @Nullable Frame frame) {

    /** {@code ROWS|RANGE|GROUPS BETWEEN start AND end}. */
    public record Frame(String unit, Bound start, Bound end) {}

    /** {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW}, ...; offset is null unless n is given. */
    public record Bound(String keyword, @Nullable Expr offset) {}
}
