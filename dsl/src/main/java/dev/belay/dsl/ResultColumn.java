package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Identifiers;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A column of the query's own result, by its output name or its position from 1, for ORDER BY and GROUP BY.
 * It is checked against the select list when it is used, so a name or position the query does not have is
 * refused while building:
 *
 * <pre>{@code
 * select(USER.NAME, count().as("n")).from(USER).groupBy(resultColumn(1)).orderBy(resultColumn("n").desc())
 * // SELECT "users"."name", count(*) AS "n" FROM "users" GROUP BY 1 ORDER BY "n" DESC
 * }</pre>
 *
 * In ORDER BY a name is written as the quoted name, which PostgreSQL resolves to the output column first. In
 * GROUP BY it is written as its position, because there PostgreSQL resolves a name to an input column first
 * ({@code GROUP BY "name"} would group by {@code "users"."name"}, not by an expression aliased {@code name}).
 */
public final class ResultColumn implements SortItem {
    private final @Nullable String name;
    private final int position;

    private ResultColumn(@Nullable String name, int position) {
        this.name = name;
        this.position = position;
    }

    static ResultColumn named(String name) {
        return new ResultColumn(Identifiers.check(name, "result column name"), 0);
    }

    static ResultColumn at(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("resultColumn(" + position + "): positions count from 1");
        }
        return new ResultColumn(null, position);
    }

    /** The columns at the positions. */
    static ResultColumn[] at(int first, int... more) {
        ResultColumn[] columns = new ResultColumn[more.length + 1];
        columns[0] = at(first);
        for (int i = 0; i < more.length; i++) {
            columns[i + 1] = at(more[i]);
        }
        return columns;
    }

    /** {@code resultColumn("n").asc()} renders {@code "n" ASC}. */
    public ResultSort asc() {
        return new ResultSort(this, false, null);
    }

    /** {@code resultColumn(2).desc()} renders {@code 2 DESC}. */
    public ResultSort desc() {
        return new ResultSort(this, true, null);
    }

    /**
     * Where the column stands in {@code projection}, from 0.
     *
     * @throws IllegalArgumentException naming the column and listing the selected ones when there is no such
     *                                  column, or when two selected columns have the name
     */
    int index(Projection<?> projection, String call) {
        List<@Nullable String> names = projection.outputNames();
        if (name == null) {
            if (position > names.size()) {
                throw new IllegalArgumentException(call + "(" + this + "): the query selects " + names.size()
                        + " column" + (names.size() == 1 ? "" : "s") + " " + listed(projection)
                        + "; positions count from 1");
            }
            return position - 1;
        }
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            if (name.equals(names.get(i))) {
                if (found >= 0) {
                    throw new IllegalArgumentException(call + "(" + this + "): the columns at positions " + (found + 1)
                            + " and " + (i + 1) + " are both named \"" + name + "\"; refer to one by position, or "
                            + "rename one with .as(...)");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException(call + "(" + this + "): the query selects no column named \"" + name
                    + "\"; its columns are " + listed(projection) + ". Name an expression with .as(\"" + name
                    + "\") in the select list");
        }
        return found;
    }

    /** The ORDER BY item: the quoted name, or the position. */
    Expr sortNode(Projection<?> projection, String call) {
        int at = index(projection, call);
        return name != null ? new Expr.ColumnRef(null, name) : new Expr.Position(at + 1);
    }

    /** {@code 1: "name", 2: "n", 3: (no name) sum("orders"."total")}. */
    private static String listed(Projection<?> projection) {
        List<String> items = new ArrayList<>();
        List<@Nullable String> names = projection.outputNames();
        for (int i = 0; i < names.size(); i++) {
            String label = names.get(i);
            items.add((i + 1) + ": " + (label != null ? "\"" + label + "\"" : "(no name) " + projection.fields().get(i)));
        }
        return "[" + String.join(", ", items) + "]";
    }

    @Override
    public String toString() {
        return name != null ? "resultColumn(\"" + name + "\")" : "resultColumn(" + position + ")";
    }
}
