package dev.belay.dsl;

import java.util.List;

/**
 * A VALUES list of 3-item rows in FROM, {@code values(row("a", 1, 2L)).as("v", "name", "n", "id")}, rendering
 * {@code (VALUES (CAST(? AS text), CAST(? AS int4), CAST(? AS int8))) AS "v"("name", "n", "id")}; its columns
 * are typed like the rows' items: {@code v.v1()} renders {@code "v"."name"}.
 *
 * @param <A> the Java type of column 1
 * @param <B> the Java type of column 2
 * @param <C> the Java type of column 3
 */
public final class ValuesTable3<A, B, C> extends ValuesTable {
    ValuesTable3(List<RowValue3<A, B, C>> rows, String alias, List<String> columns) {
        super(rows, alias, columns);
    }

    private ValuesTable3(ValuesTable3<A, B, C> table) {
        super(table);
    }

    /**
     * The same list marked LATERAL, for rows that refer to columns of earlier FROM items:
     * {@code from(USER).crossJoin(values(row(value("name"), USER.NAME), row(value("email"), USER.EMAIL))
     * .as("kv", "k", "v").lateral())} renders {@code CROSS JOIN LATERAL (VALUES ...) AS "kv"("k", "v")}.
     */
    public ValuesTable3<A, B, C> lateral() {
        return new ValuesTable3<>(this);
    }

    /** Column 1, as the alias qualifies it. */
    public Field<A> v1() {
        return column(0);
    }

    /** Column 2, as the alias qualifies it. */
    public Field<B> v2() {
        return column(1);
    }

    /** Column 3, as the alias qualifies it. */
    public Field<C> v3() {
        return column(2);
    }
}
