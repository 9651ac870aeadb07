package dev.belay.dsl;

import dev.belay.dsl.internal.AggregateOrder;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.SortSpec;
import dev.belay.dsl.internal.SqlRenderer;
import dev.belay.dsl.internal.WindowDef;
import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate call such as {@code count()} or {@code sum(f)}: a field that can also be filtered
 * ({@code count().filter(USER.AGE.ge(18))} renders {@code count(*) FILTER (WHERE "users"."age" >= ?)}),
 * ordered ({@code stringAgg(USER.NAME, ", ").orderBy(USER.NAME.asc())} renders
 * {@code string_agg("users"."name", ? ORDER BY "users"."name" ASC)}), made DISTINCT, or used as a window
 * function ({@code sum(ORDER.TOTAL).over(partitionBy(ORDER.USER_ID))}).
 *
 * @param <T> the Java type of the result
 */
public final class AggregateField<T> extends Field<T> {
    private final Expr.Func call;
    /** The call's own result type is not {@code T}'s; the field is {@code CAST(call AS type)}, see {@code sum}. */
    private final boolean castResult;

    AggregateField(Expr.Func call, PgType<T> type) {
        this(call, type, false);
    }

    AggregateField(Expr.Func call, PgType<T> type, boolean castResult) {
        super(castResult ? new Expr.Cast(call, type) : call, type);
        this.call = call;
        this.castResult = castResult;
    }

    private AggregateField<T> with(Expr.Func next) {
        return new AggregateField<>(next, type(), castResult);
    }

    /**
     * {@code FILTER (WHERE condition)}: aggregates only the rows the condition keeps. A second call ANDs,
     * like {@code where}.
     */
    public AggregateField<T> filter(Condition condition) {
        return with(call.withFilter(Select.andWith(call.filter(), condition)));
    }

    /**
     * The order in which the aggregate reads its rows, which decides the result of the order-sensitive ones:
     * {@code arrayAgg(USER.NAME).orderBy(USER.AGE.desc(), USER.NAME)} renders
     * {@code array_agg("users"."name" ORDER BY "users"."age" DESC, "users"."name" ASC)}. Replaces an earlier order.
     *
     * @throws IllegalArgumentException on {@code count()} (no argument to order), on an ordered-set aggregate
     *         (its order is given by {@code withinGroup}), or when the aggregate is DISTINCT and an item is not
     *         one of its arguments
     */
    public AggregateField<T> orderBy(SortItem... items) {
        refuseStar("orderBy");
        refuseWithinGroup("orderBy");
        if (items.length == 0) {
            throw new IllegalArgumentException(this + ".orderBy(): name at least one item to order by");
        }
        List<SortSpec> specs = new ArrayList<>(items.length);
        for (SortItem item : items) {
            specs.add(SortField.spec(item));
        }
        if (call.distinct()) {
            requireOrderInArguments(specs);
        }
        return with(call.withOrder(new AggregateOrder(AggregateOrder.Placement.IN_ARGUMENTS, specs)));
    }

    /**
     * Aggregates each distinct value once: {@code arrayAgg(USER.AGE).distinct()} renders
     * {@code array_agg(DISTINCT "users"."age")}. With {@code orderBy}, PostgreSQL needs every ORDER BY item to be
     * an argument.
     *
     * @throws IllegalArgumentException on {@code count()} (use {@code countDistinct(f)}) or an ordered-set aggregate
     */
    public AggregateField<T> distinct() {
        refuseStar("distinct");
        refuseWithinGroup("distinct");
        AggregateOrder order = call.order();
        if (order != null) {
            requireOrderInArguments(order.items());
        }
        return with(call.withDistinct(true));
    }

    /** As a window function: {@code sum(x).over(partitionBy(y))} renders {@code sum(x) OVER (PARTITION BY y)}. */
    public Field<T> over(WindowSpec window) {
        return overDefinition(window.definition());
    }

    /**
     * Over a window of the SELECT's WINDOW clause: {@code sum(ORDER.TOTAL).over("w")} renders
     * {@code sum("orders"."total") OVER "w"}; the query must define it with {@code .window("w", ...)}, which
     * rendering checks.
     */
    public Field<T> over(String windowName) {
        return overDefinition(NamedWindow.reference(windowName));
    }

    /** Over a named window: {@code sum(ORDER.TOTAL).over(w)} renders {@code sum("orders"."total") OVER "w"}. */
    public Field<T> over(NamedWindow window) {
        return over(window.name());
    }

    /** PostgreSQL computes neither DISTINCT, nor an aggregate ORDER BY, nor an ordered-set aggregate over a window. */
    private Field<T> overDefinition(WindowDef window) {
        refuseWithinGroup("over");
        if (call.distinct() || call.order() != null) {
            throw new IllegalArgumentException(this + ".over(...): PostgreSQL does not implement "
                    + (call.distinct() ? "DISTINCT" : "an aggregate ORDER BY") + " in a window function; order the "
                    + "window instead (partitionBy(...).orderBy(...)) or aggregate in a subquery");
        }
        Expr.Func windowed = call.withOver(window);
        return new Expression<>(castResult ? new Expr.Cast(windowed, type()) : windowed, type());
    }

    private void refuseStar(String method) {
        if (call.star()) {
            throw new IllegalArgumentException(this + "." + method + "(...): count(*) has no argument to "
                    + (method.equals("distinct") ? "make distinct; use countDistinct(field)" : "order"));
        }
    }

    private void refuseWithinGroup(String method) {
        AggregateOrder order = call.order();
        if (order != null && order.placement() == AggregateOrder.Placement.WITHIN_GROUP) {
            throw new IllegalArgumentException(this + "." + method + "(...): an ordered-set aggregate (WITHIN GROUP) "
                    + "takes no " + switch (method) {
                        case "orderBy" -> "second ORDER BY; its order is the one given to withinGroup";
                        case "distinct" -> "DISTINCT";
                        default -> "OVER: PostgreSQL computes it per group only";
                    });
        }
    }

    /** "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list" (42P10). */
    private void requireOrderInArguments(List<SortSpec> order) {
        for (SortSpec s : order) {
            if (!call.args().contains(s.expr())) {
                throw new IllegalArgumentException(this + ": with DISTINCT, PostgreSQL orders only by the "
                        + "aggregated arguments, and " + SqlRenderer.inline(s.expr()) + " is not one of them");
            }
        }
    }
}
