package dev.belay.dsl;

import dev.belay.dsl.internal.AggregateOrder;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FunctionName.Builtin;
import dev.belay.dsl.internal.SqlRenderer;
import java.util.List;

/**
 * An ordered-set aggregate whose result is one of the ordered values, so it has the sort key's type:
 * {@code percentileDisc(0.9).withinGroup(ORDER.TOTAL)} renders
 * {@code percentile_disc(CAST(? AS float8)) WITHIN GROUP (ORDER BY "orders"."total" ASC)}, a {@code Field<BigDecimal>};
 * {@code mode().withinGroup(ORDER.STATUS)} the most frequent status. It becomes an {@link AggregateField} with
 * {@code withinGroup}, which can then be filtered; PostgreSQL computes it per group, never over a window.
 */
public final class OrderedSetAggregate {
    private final Expr.Func call;

    OrderedSetAggregate(Builtin name, List<Expr> args) {
        this.call = Expr.Func.of(name, args);
    }

    /** {@code WITHIN GROUP (ORDER BY order)}; the result has the type of the ordered field. */
    public <T> AggregateField<T> withinGroup(SortField<T> order) {
        return new AggregateField<>(ordered(call, order), order.field().type());
    }

    /** {@code WITHIN GROUP (ORDER BY field ASC)}. */
    public <T> AggregateField<T> withinGroup(Field<T> order) {
        return withinGroup(order.asc());
    }

    /** The call with its WITHIN GROUP order. */
    static Expr.Func ordered(Expr.Func call, SortField<?> order) {
        return call.withOrder(new AggregateOrder(AggregateOrder.Placement.WITHIN_GROUP, List.of(order.spec())));
    }

    /**
     * A bound fraction of the ordered rows, which PostgreSQL accepts from 0 to 1. Cast, because an untyped parameter
     * could also be the array of fractions of the functions' other form (42725, "not unique").
     */
    static Expr fraction(String name, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException(name + "(" + fraction + "): the fraction must be between 0 and 1, "
                    + "such as 0.5 for the median");
        }
        return new Expr.Cast(new Expr.Bind(fraction, PgType.FLOAT8), PgType.FLOAT8);
    }

    /** The call without its order, values inlined; for messages. */
    @Override
    public String toString() {
        return SqlRenderer.inline(call);
    }
}
