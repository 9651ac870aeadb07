package dev.belay.dsl;

import dev.belay.dsl.internal.Identifiers;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Rows for a VALUES list, waiting for the alias and column names PostgreSQL needs to use it in FROM:
 * {@code values(row("a", 1), row("b", 2)).as("v", "name", "n")} renders
 * {@code (VALUES (CAST(? AS text), CAST(? AS int4)), (?, ?)) AS "v"("name", "n")}.
 *
 * @param <T> the table it becomes, {@link ValuesTable2} to {@link ValuesTable6}
 */
public final class Values<T extends TableLike> {
    private final int arity;
    private final BiFunction<String, List<String>, T> table;

    Values(int arity, BiFunction<String, List<String>, T> table) {
        this.arity = arity;
        this.table = table;
    }

    /**
     * The VALUES list as a FROM item: {@code values(row("a", 1)).as("v", "name", "n")} renders
     * {@code (VALUES (CAST(? AS text), CAST(? AS int4))) AS "v"("name", "n")}; one name per item of a row.
     *
     * @throws IllegalArgumentException when the count of names is not the rows' arity, or a name is bad or repeated
     */
    public T as(String alias, String... columns) {
        Identifiers.check(alias, "values alias");
        if (columns.length != arity) {
            throw new IllegalArgumentException("values(...).as(\"" + alias + "\", " + Arrays.toString(columns)
                    + "): the rows have " + arity + " items, so name " + arity + " columns");
        }
        return table.apply(alias, List.of(columns));
    }
}
