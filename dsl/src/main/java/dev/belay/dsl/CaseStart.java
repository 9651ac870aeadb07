package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import java.util.function.Supplier;

/**
 * A searched CASE before its first branch, from {@link Sql#case_()}. The first {@code when} fixes the CASE's
 * result type: {@code case_().when(USER.AGE.lt(18), "minor")} is a {@code CaseField<String>}, whose further
 * branches and ELSE take strings only.
 */
public final class CaseStart {
    static final CaseStart INSTANCE = new CaseStart();

    private CaseStart() {}

    /**
     * {@code case_().when(USER.AGE.lt(18), "minor")} renders {@code CASE WHEN "users"."age" < ? THEN ? END}; the
     * value's Java type gives the CASE's PostgreSQL type ({@code String} text, {@code Integer} int4, ...).
     */
    public <T> CaseField<T> when(Condition condition, T result) {
        Supplier<String> call = () -> "case_().when(" + condition + ", ...)";
        PgType<T> type = Cases.typeOf(call, result);
        return new CaseField<>(Cases.when(null, null, Cases.condition(call, condition),
                Cases.result(call, result, type)), type);
    }

    /** {@code case_().when(USER.AGE.isNull(), USER.NAME)} renders {@code CASE WHEN "users"."age" IS NULL THEN "users"."name" END}. */
    public <T> CaseField<T> when(Condition condition, Field<T> result) {
        Supplier<String> call = () -> "case_().when(" + condition + ", ...)";
        Expr then = Cases.field(call, result);
        return new CaseField<>(Cases.when(null, null, Cases.condition(call, condition), then), result.type());
    }
}
