package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Identifiers;
import java.util.List;

/**
 * A set-returning function of one output column, {@code unnest(...)} or {@code generateSeries(...)}, waiting for
 * the alias that makes it a FROM item: {@code unnest(List.of(1, 2)).as("u")} renders
 * {@code unnest(CAST(? AS int4[])) AS "u"("value")}.
 *
 * @param <T> the Java type of the values it returns
 */
public final class SetFunction<T> {
    private final Expr.Func call;
    private final PgType<T> type;
    /** Read the column cast to {@code type}: a date series is computed in timestamp. */
    private final boolean cast;
    private final boolean ordinality;

    SetFunction(Expr.Func call, PgType<T> type, boolean cast, boolean ordinality) {
        this.call = call;
        this.type = type;
        this.cast = cast;
        this.ordinality = ordinality;
    }

    /**
     * Numbers the rows from 1 in the function's output order: {@code unnest(tags).withOrdinality().as("t")}
     * renders {@code unnest(...) WITH ORDINALITY AS "t"("value", "ordinality")}; read the number with
     * {@link FunctionTable#ordinality()}.
     */
    public SetFunction<T> withOrdinality() {
        return new SetFunction<>(call, type, cast, true);
    }

    /** {@code .as("u")}: the value column is named {@code "value"}, the ordinality {@code "ordinality"}. */
    public FunctionTable<T> as(String alias) {
        return as(alias, "value", "ordinality");
    }

    /** {@code .as("u", "tag")} renders {@code AS "u"("tag")} (and {@code "ordinality"} with ordinality). */
    public FunctionTable<T> as(String alias, String column) {
        return as(alias, column, "ordinality");
    }

    /** {@code .withOrdinality().as("u", "tag", "n")} renders {@code WITH ORDINALITY AS "u"("tag", "n")}. */
    public FunctionTable<T> as(String alias, String column, String ordinalityColumn) {
        String value = Identifiers.check(column, "function column name");
        List<String> columns = ordinality
                ? List.of(value, Identifiers.check(ordinalityColumn, "ordinality column name")) : List.of(value);
        if (columns.size() == 2 && value.equals(columns.get(1))) {
            throw new IllegalArgumentException(FunctionTable.name(call) + " AS \"" + alias + "\": the value and ordinality columns "
                    + "are both named \"" + value + "\"");
        }
        return new FunctionTable<>(call, ordinality, Identifiers.check(alias, "function alias"), columns, type, cast);
    }
}
