package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.ParamKey;
import dev.belay.dsl.internal.Rendered;
import java.util.function.Supplier;

/**
 * {@code = NULL} is never true, so a comparison that would silently match nothing is refused: for a value
 * when the condition is built ({@code eq(null)}), for a {@link Param} when it is bound to NULL (or rendered
 * with NULL bound before the comparison was added).
 */
final class NullComparison {
    private NullComparison() {}

    /** What every refusal says after naming the comparison. */
    static final String FIX = "a comparison with NULL is never true in SQL. Use isNull() / isNotNull(), or "
            + "isNotDistinctFrom(value) / isDistinctFrom(value) for a null-safe comparison.";

    /** {@code eq(null) on "users"."age": a comparison with NULL ...}. */
    static IllegalArgumentException ofValue(String op, Field<?> field) {
        return new IllegalArgumentException(op + "(null) on " + field + ": " + FIX);
    }

    /** The operand, a Param's slot marked so that binding it to NULL is refused naming {@code where}. */
    static Expr operand(Expr operand, Supplier<String> where) {
        return operand instanceof Expr.Slot s ? new Expr.Slot(s.key(), where) : operand;
    }

    /** Throws when {@code key} is compared somewhere in the statement; for a NULL bound to it. */
    static void refuse(Rendered shape, ParamKey key) {
        Supplier<String> where = shape.comparedIn().get(key);
        if (where != null) {
            throw new IllegalArgumentException(where.get() + ": :" + key.name() + " is bound to null, and " + FIX);
        }
    }
}
