package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A simple CASE with at least one branch, usable as a field as it is (no ELSE: NULL when nothing matches):
 * <pre>{@code
 * case_(ORDER.STATUS).when(Status.PAID, 1).when(Status.NEW, 0).otherwise(-1)
 * // CASE "orders"."status" WHEN ? THEN CAST(? AS int4) WHEN ? THEN CAST(? AS int4) ELSE CAST(? AS int4) END
 * }</pre>
 *
 * @param <V> the Java type of the operand and the WHEN values
 * @param <T> the Java type of the results, fixed by the first branch
 */
public final class SimpleCaseField<V, T> extends Field<T> {
    private final Field<V> operand;

    SimpleCaseField(Field<V> operand, Expr.Case node, PgType<T> type) {
        super(node, type);
        this.operand = operand;
    }

    private Expr.Case caseNode() {
        return (Expr.Case) node();
    }

    /** {@code .when(Status.NEW, 0)} adds {@code WHEN ? THEN CAST(? AS int4)}; a null result is NULL. */
    public SimpleCaseField<V, T> when(V match, @Nullable T result) {
        Supplier<String> call = () -> "when(" + match + ", ...) on " + this;
        return next(match, Cases.result(call, result, type()));
    }

    /** {@code .when(Status.NEW, f)} adds {@code WHEN ? THEN f}. */
    public SimpleCaseField<V, T> when(V match, Field<T> result) {
        return next(match, Cases.field(() -> "when(" + match + ", ...) on " + this, result));
    }

    /** {@code .otherwise(-1)} ends the CASE with {@code ELSE CAST(? AS int4) END}. */
    public Field<T> otherwise(@Nullable T result) {
        return Cases.otherwise(this, Cases.result(() -> "otherwise(...) on " + this, result, type()));
    }

    /** {@code .otherwise(f)} ends the CASE with {@code ELSE f END}. */
    public Field<T> otherwise(Field<T> result) {
        return Cases.otherwise(this, Cases.field(() -> "otherwise(...) on " + this, result));
    }

    private SimpleCaseField<V, T> next(V match, Expr then) {
        return new SimpleCaseField<>(operand, Cases.when(caseNode(), operand.unaliased(),
                Operands.value(operand, "when", match), then), type());
    }
}
