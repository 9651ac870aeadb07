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

    private ValuesTable2(ValuesTable2<A, B> table) {
        super(table);
    }

    /**
     * The same list marked LATERAL, for rows that refer to columns of earlier FROM items:
     * {@code from(USER).crossJoin(values(row(value("name"), USER.NAME), row(value("email"), USER.EMAIL))
     * .as("kv", "k", "v").lateral())} renders {@code CROSS JOIN LATERAL (VALUES ...) AS "kv"("k", "v")}.
     */
    public ValuesTable2<A, B> lateral() {
        return new ValuesTable2<>(this);
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
