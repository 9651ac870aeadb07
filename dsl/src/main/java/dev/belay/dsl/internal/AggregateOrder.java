package dev.belay.dsl.internal;

import java.util.List;

/**
 * The ORDER BY of an aggregate call: inside its argument list, {@code string_agg(x, ? ORDER BY y)}, or after it,
 * {@code percentile_cont(?) WITHIN GROUP (ORDER BY y)} for the ordered-set aggregates, whose result the order
 * defines rather than merely arranges.
 */
public record AggregateOrder(Placement placement, List<SortSpec> items) {

    /** Where the ORDER BY stands in the call. */
    public enum Placement { IN_ARGUMENTS, WITHIN_GROUP }

    public AggregateOrder {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an aggregate ORDER BY needs at least one item");
        }
    }
}
