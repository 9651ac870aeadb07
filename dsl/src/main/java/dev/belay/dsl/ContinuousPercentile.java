package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FunctionName.Builtin;
import dev.belay.dsl.internal.SqlRenderer;
import java.time.Duration;

/**
 * {@code percentile_cont(fraction)}, which interpolates between the two ordered values around the fraction, so its
 * result is not one of them: over numbers it is a double precision, over intervals an interval (PostgreSQL has the
 * two forms, {@code pg_typeof} shows). {@code percentileCont(0.5).withinGroup(ORDER.TOTAL.asc())} renders
 * {@code percentile_cont(CAST(? AS float8)) WITHIN GROUP (ORDER BY "orders"."total" ASC)}, a {@code Field<Double>}: the median.
 * The two result types are two methods because Java cannot overload on {@code SortField<Double>} and
 * {@code SortField<Duration>}, whose erasures are the same.
 */
public final class ContinuousPercentile {
    private final Expr.Func call;

    ContinuousPercentile(double fraction) {
        this.call = Expr.Func.of(Builtin.PERCENTILE_CONT, OrderedSetAggregate.fraction("percentileCont", fraction));
    }

    /**
     * {@code WITHIN GROUP (ORDER BY order)} over a number of any numeric type, which PostgreSQL reads as double
     * precision; the result is a {@code Double}.
     */
    public AggregateField<Double> withinGroup(SortField<? extends Number> order) {
        Operands.requireKind(order.field(), "percentileCont(...).withinGroup", PgType.Kind.NUMERIC);
        return new AggregateField<>(OrderedSetAggregate.ordered(call, order), PgType.FLOAT8);
    }

    /** {@code WITHIN GROUP (ORDER BY field ASC)} over a number; see {@link #withinGroup(SortField)}. */
    public AggregateField<Double> withinGroup(Field<? extends Number> order) {
        return withinGroup(order.asc());
    }

    /**
     * {@code WITHIN GROUP (ORDER BY order)} over an interval; the result is an interval:
     * {@code percentileCont(0.5).withinGroupInterval(TRIP.DURATION)} is the median duration.
     */
    public AggregateField<Duration> withinGroupInterval(SortField<Duration> order) {
        PgType<Duration> type = order.field().type();
        if (!type.sqlName().equals("interval")) {
            throw new IllegalArgumentException("percentileCont(...).withinGroupInterval(" + order + "): the key is "
                    + type.sqlName() + ", not interval");
        }
        return new AggregateField<>(OrderedSetAggregate.ordered(call, order), type);
    }

    /** {@code WITHIN GROUP (ORDER BY field ASC)} over an interval; see {@link #withinGroupInterval(SortField)}. */
    public AggregateField<Duration> withinGroupInterval(Field<Duration> order) {
        return withinGroupInterval(order.asc());
    }

    /** The call without its order, values inlined; for messages. */
    @Override
    public String toString() {
        return SqlRenderer.inline(call);
    }
}
