package dev.belay.dsl;

import java.util.List;

/**
 * A VALUES list of 2-item rows in FROM, {@code values(row("a", 1), row("b", 2)).as("v", "name", "n")}, rendering
 * {@code (VALUES (CAST(? AS text), CAST(? AS int4)), (?, ?)) AS "v"("name", "n")}; its columns are typed like the rows' items: {@code v.v1()} renders {@code "v"."name"}.
 *
 * @param <A> the Java type of column 1
 * @param <B> the Java type of column 2
 */
public final class ValuesTable2<A, B> extends ValuesTable {
    ValuesTable2(List<RowValue2<A, B>> rows, String alias, List<String> columns) {
        super(rows, alias, columns);
    }

    /** Column 1, as the alias qualifies it. */
    public Field<A> v1() {
        return column(0);
    }

    /** Column 2, as the alias qualifies it. */
    public Field<B> v2() {
        return column(1);
    }
}
