package dev.belay.dsl;

import java.util.List;

/**
 * A VALUES list of 4-item rows in FROM, {@code values(row(1, 2, 3, 4)).as("v", "a", ...)} with a name per
 * column, rendering {@code (VALUES (CAST(? AS int4), ...)) AS "v"("a", ...)}; its columns are typed like the rows'
 * items: {@code v.v1()} renders {@code "v"."a"}.
 *
 * @param <A> the Java type of column 1
 * @param <B> the Java type of column 2
 * @param <C> the Java type of column 3
 * @param <D> the Java type of column 4
 */
public final class ValuesTable4<A, B, C, D> extends ValuesTable {
    ValuesTable4(List<RowValue4<A, B, C, D>> rows, String alias, List<String> columns) {
        super(rows, alias, columns);
    }

    private ValuesTable4(ValuesTable4<A, B, C, D> table) {
        super(table);
    }

    /** The same list marked LATERAL, for rows that refer to earlier FROM items; see {@link ValuesTable2#lateral()}. */
    public ValuesTable4<A, B, C, D> lateral() {
        return new ValuesTable4<>(this);
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

    /** Column 4, as the alias qualifies it. */
    public Field<D> v4() {
        return column(3);
    }
}
