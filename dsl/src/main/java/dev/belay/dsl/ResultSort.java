package dev.belay.dsl;

import dev.belay.dsl.internal.SortSpec;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An ORDER BY item on a column of the query's result:
 * {@code orderBy(resultColumn("n").desc().nullsLast())} renders {@code ORDER BY "n" DESC NULLS LAST}.
 */
public final class ResultSort implements SortItem {
    private final ResultColumn column;
    private final boolean descending;
    private final @Nullable Boolean nullsFirst;

    ResultSort(ResultColumn column, boolean descending, @Nullable Boolean nullsFirst) {
        this.column = column;
        this.descending = descending;
        this.nullsFirst = nullsFirst;
    }

    /** {@code resultColumn(2).asc().nullsFirst()} renders {@code 2 ASC NULLS FIRST}. */
    public ResultSort nullsFirst() {
        return new ResultSort(column, descending, true);
    }

    /** {@code resultColumn(2).desc().nullsLast()} renders {@code 2 DESC NULLS LAST}. */
    public ResultSort nullsLast() {
        return new ResultSort(column, descending, false);
    }

    ResultColumn column() {
        return column;
    }

    /** The item, checked against the query's result columns. */
    SortSpec spec(Projection<?> projection, String call) {
        return new SortSpec(column.sortNode(projection, call), descending, nullsFirst);
    }

    /**
     * The selected field it sorts by, in the same direction: {@code seek} compares with that field.
     */
    SortField<?> field(Projection<?> projection) {
        Field<?> f = projection.fields().get(column.index(projection, "orderBy"));
        return new SortField<>(f, descending, nullsFirst);
    }

    @Override
    public String toString() {
        return column + (descending ? " DESC" : " ASC")
                + (nullsFirst == null ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
