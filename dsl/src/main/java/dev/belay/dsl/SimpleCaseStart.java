package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import java.util.function.Supplier;

/**
 * A simple CASE before its first branch, from {@link Sql#case_(Field)}: each WHEN is a value the operand is
 * compared with. The first {@code when} fixes the result type.
 *
 * @param <V> the Java type of the operand, and so of every WHEN value
 */
public final class SimpleCaseStart<V> {
    private final Field<V> operand;

    SimpleCaseStart(Field<V> operand) {
        this.operand = operand;
    }

    /**
     * {@code case_(ORDER.STATUS).when(Status.PAID, 1)} renders {@code CASE "orders"."status" WHEN ? THEN CAST(? AS int4) END};
     * the result's Java type gives the CASE's PostgreSQL type.
     */
    public <T> SimpleCaseField<V, T> when(V match, T result) {
        Supplier<String> call = () -> "case_(" + operand + ").when(" + match + ", ...)";
        PgType<T> type = Cases.typeOf(call, result);
        return new SimpleCaseField<>(operand, first(match, Cases.result(call, result, type)), type);
    }

    /** {@code case_(ORDER.STATUS).when(Status.NEW, ORDER.TOTAL)} renders {@code CASE "orders"."status" WHEN ? THEN "orders"."total" END}. */
    public <T> SimpleCaseField<V, T> when(V match, Field<T> result) {
        Expr then = Cases.field(() -> "case_(" + operand + ").when(" + match + ", ...)", result);
        return new SimpleCaseField<>(operand, first(match, then), result.type());
    }

    private Expr.Case first(V match, Expr then) {
        return Cases.when(null, operand.unaliased(), Operands.value(operand, "when", match), then);
    }
}
