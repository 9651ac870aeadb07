package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import java.util.List;
import java.util.Locale;

/**
 * A set-returning function in FROM or JOIN: {@code select(s.value()).from(generateSeries(1, 3).as("s"))} renders
 * {@code SELECT "s"."value" FROM generate_series(CAST(? AS int4), CAST(? AS int4)) AS "s"("value")}. A function call in FROM may take columns
 * of the FROM items before it without the LATERAL keyword, which PostgreSQL treats as noise there:
 * {@code select(ORDER.ID, t.value()).from(ORDER).crossJoin(unnest(ORDER.TAGS).as("t"))}.
 *
 * @param <T> the Java type of its values
 */
public final class FunctionTable<T> extends TableLike {
    private final Expr.Func call;
    private final boolean ordinality;
    private final String alias;
    private final List<String> columns;
    private final PgType<T> type;
    /** A date series is computed in timestamp and read as date; see {@code generateSeries(LocalDate, ...)}. */
    private final boolean cast;

    FunctionTable(Expr.Func call, boolean ordinality, String alias, List<String> columns, PgType<T> type, boolean cast) {
        this.call = call;
        this.ordinality = ordinality;
        this.alias = alias;
        this.columns = columns;
        this.type = type;
        this.cast = cast;
    }

    /** The function's values: {@code s.value()} renders {@code "s"."value"}. */
    public Field<T> value() {
        Expr ref = new Expr.ColumnRef(alias, columns.get(0));
        return new Expression<>(cast ? new Expr.Cast(ref, type) : ref, type);
    }

    /**
     * The row number {@code WITH ORDINALITY} adds, from 1, as bigint: {@code s.ordinality()} renders
     * {@code "s"."ordinality"}.
     *
     * @throws IllegalStateException when the function was not given {@code withOrdinality()}
     */
    public Field<Long> ordinality() {
        if (!ordinality) {
            throw new IllegalStateException(name(call) + " AS \"" + alias + "\" has no ordinality column: call "
                    + "withOrdinality() before as(...)");
        }
        return new Expression<>(new Expr.ColumnRef(alias, columns.get(1)), PgType.INT8);
    }

    /** The function's name for messages: {@code unnest}. */
    static String name(Expr.Func call) {
        return String.valueOf(call.name()).toLowerCase(Locale.ROOT);
    }

    @Override
    FromItem fromItem() {
        return new FromItem.FunctionItem(call, ordinality, alias, columns);
    }

    @Override
    String qualifier() {
        return alias;
    }
}
