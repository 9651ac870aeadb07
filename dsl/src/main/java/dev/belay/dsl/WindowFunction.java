package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;

/**
 * A function that only exists over a window, such as {@code rowNumber()} or {@code lag(f)}; it becomes a
 * field with {@link #over}: {@code rowNumber().over(window().orderBy(USER.ID.asc()))} renders
 * {@code row_number() OVER (ORDER BY "users"."id" ASC)}.
 *
 * @param <T> the Java type of the result
 */
public final class WindowFunction<T> {
    private final Expr.Func call;
    private final PgType<T> type;

    WindowFunction(Expr.Func call, PgType<T> type) {
        this.call = call;
        this.type = type;
    }

    /** The function over {@code window}. */
    public Field<T> over(WindowSpec window) {
        return new Expression<>(call.withOver(window.definition()), type);
    }

    /**
     * Over a window of the SELECT's WINDOW clause: {@code rowNumber().over("w")} renders {@code row_number() OVER "w"};
     * the query must define it with {@code .window("w", ...)}, which rendering checks.
     */
    public Field<T> over(String windowName) {
        return new Expression<>(call.withOver(NamedWindow.reference(windowName)), type);
    }

    /** Over a named window: {@code rowNumber().over(w)} renders {@code row_number() OVER "w"}. */
    public Field<T> over(NamedWindow window) {
        return over(window.name());
    }
}
