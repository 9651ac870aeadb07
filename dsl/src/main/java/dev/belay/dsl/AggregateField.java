package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;

/**
 * An aggregate call such as {@code count()} or {@code sum(f)}: a field that can also be filtered
 * ({@code count().filter(USER.AGE.ge(18))} renders {@code count(*) FILTER (WHERE "users"."age" >= ?)})
 * or used as a window function ({@code sum(ORDER.TOTAL).over(partitionBy(ORDER.USER_ID))}).
 *
 * @param <T> the Java type of the result
 */
public final class AggregateField<T> extends Field<T> {
    private final Expr.Func call;

    AggregateField(Expr.Func call, PgType<T> type) {
        super(call, type);
        this.call = call;
    }

    /**
     * {@code FILTER (WHERE condition)}: aggregates only the rows the condition keeps. A second call ANDs,
     * like {@code where}.
     */
    public AggregateField<T> filter(Condition condition) {
        return new AggregateField<>(call.withFilter(Select.andWith(call.filter(), condition)), type());
    }

    /** As a window function: {@code sum(x).over(partitionBy(y))} renders {@code sum(x) OVER (PARTITION BY y)}. */
    public Field<T> over(WindowSpec window) {
        return new Expression<>(call.withOver(window.definition()), type());
    }
}
