package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A searched CASE with at least one branch, usable as a field as it is (no ELSE: NULL when no branch holds):
 * <pre>{@code
 * case_().when(USER.AGE.lt(18), "minor").when(USER.AGE.lt(65), "adult").otherwise("senior")
 * // CASE WHEN "users"."age" < ? THEN ? WHEN "users"."age" < ? THEN ? ELSE ? END
 * }</pre>
 * Bound results of a type other than text are written {@code CAST(? AS type)}, so PostgreSQL does not read a
 * CASE of parameters as text.
 *
 * @param <T> the Java type of the results, fixed by the first branch
 */
public final class CaseField<T> extends Field<T> {

    CaseField(Expr.Case node, PgType<T> type) {
        super(node, type);
    }

    private Expr.Case caseNode() {
        return (Expr.Case) node();
    }

    /** {@code .when(USER.AGE.lt(65), "adult")} adds {@code WHEN "users"."age" < ? THEN ?}; a null result is NULL. */
    public CaseField<T> when(Condition condition, @Nullable T result) {
        Supplier<String> call = () -> "when(" + condition + ", ...) on " + this;
        return new CaseField<>(Cases.when(caseNode(), null, Cases.condition(call, condition),
                Cases.result(call, result, type())), type());
    }

    /** {@code .when(c, USER.NAME)} adds {@code WHEN c THEN "users"."name"}. */
    public CaseField<T> when(Condition condition, Field<T> result) {
        Supplier<String> call = () -> "when(" + condition + ", ...) on " + this;
        return new CaseField<>(Cases.when(caseNode(), null, Cases.condition(call, condition),
                Cases.field(call, result)), type());
    }

    /** {@code .otherwise("senior")} ends the CASE with {@code ELSE ? END}. */
    public Field<T> otherwise(@Nullable T result) {
        return Cases.otherwise(this, Cases.result(() -> "otherwise(...) on " + this, result, type()));
    }

    /** {@code .otherwise(USER.NAME)} ends the CASE with {@code ELSE "users"."name" END}. */
    public Field<T> otherwise(Field<T> result) {
        return Cases.otherwise(this, Cases.field(() -> "otherwise(...) on " + this, result));
    }
}
