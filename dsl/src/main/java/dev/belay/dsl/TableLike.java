package dev.belay.dsl;

import dev.belay.dsl.internal.FromItem;

/**
 * Something that can stand in FROM and JOIN: a {@link Table}, a {@link DerivedTable} (a subquery with an
 * alias), a {@link Cte}, a VALUES list ({@code values(...).as(...)}) or a set-returning function
 * ({@code unnest(...)}, {@code generateSeries(...)}).
 */
public abstract sealed class TableLike permits Table, DerivedTable, Cte, CteName, ValuesTable, FunctionTable {
    TableLike() {}

    abstract FromItem fromItem();

    /** The name that qualifies this item's columns in SQL. */
    abstract String qualifier();
}
