package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The nodes behind {@link CaseField} and {@link SimpleCaseField}: each builder step copies one CASE node. */
final class Cases {
    private Cases() {}

    /** The type a first THEN value fixes for the whole CASE: the value's default PostgreSQL type. */
    @SuppressWarnings("unchecked")
    static <T> PgType<T> typeOf(Supplier<String> call, @Nullable T value) {
        if (value == null) {
            throw new IllegalArgumentException(call.get() + ": the first THEN value is null, so it gives the CASE no type; "
                    + "pass a typed NULL, value(null, PgType.X), or put a non-null branch first");
        }
        if (value instanceof Enum<?> || value instanceof List<?>) {
            throw new IllegalArgumentException(call.get() + ": " + value.getClass().getName() + " has no default "
                    + "PostgreSQL type; pass the value as a field of its type: value(v, PgType.enumType(...)) or "
                    + "value(v, PgType.arrayOf(...))");
        }
        return PgType.forClass((Class<T>) value.getClass());
    }

    /**
     * A THEN or ELSE value: PostgreSQL types a CASE whose results are all untyped parameters as text, so every
     * bound result but a text one is cast to the CASE's type; NULL is allowed, a branch may yield it.
     */
    static <T> Expr result(Supplier<String> call, @Nullable T value, PgType<T> type) {
        Expr.Bind bind = NulText.bind(call, value, type);
        return type.sqlName().equals("text") ? bind : new Expr.Cast(bind, type);
    }

    static Expr field(Supplier<String> call, @Nullable Field<?> field) {
        if (field == null) {
            throw new IllegalArgumentException(call.get() + ": the field is null; for a NULL result pass a typed NULL "
                    + "value, (Integer) null or value(null, PgType.X)");
        }
        return field.unaliased();
    }

    static Expr condition(Supplier<String> call, @Nullable Condition condition) {
        if (condition == null) {
            throw new IllegalArgumentException(call.get() + ": the WHEN condition is null");
        }
        return condition.node();
    }

    /** A first branch, or the CASE {@code start} with one more branch. */
    static Expr.Case when(Expr.@Nullable Case start, @Nullable Expr operand, Expr when, Expr then) {
        List<Expr> whens = new ArrayList<>(start == null ? List.of() : start.whens());
        List<Expr> thens = new ArrayList<>(start == null ? List.of() : start.thens());
        whens.add(when);
        thens.add(then);
        return new Expr.Case(operand, whens, thens, null);
    }

    /** The finished CASE {@code open} with its ELSE, a plain field: no branch may follow. */
    static <T> Field<T> otherwise(Field<T> open, Expr otherwise) {
        Expr.Case c = (Expr.Case) open.node();
        return new Expression<>(new Expr.Case(c.operand(), c.whens(), c.thens(), otherwise), open.type());
    }
}
