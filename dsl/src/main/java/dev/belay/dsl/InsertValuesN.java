package dev.belay.dsl;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT into more than six named columns: each {@code values(...)} row is checked against the
 * column list when it is added (count, Java type, nullability) instead of by the compiler.
 *
 * @param <R> the row type of the table inserted into
 */
public final class InsertValuesN<R> extends InsertQuery<R, InsertValuesN<R>> {

    InsertValuesN(Statement statement, Table<R> table, List<Column<R, ?>> columns) {
        super(statement, table, columns);
    }

    /**
     * Adds one row, one value per column in column-list order.
     *
     * @throws IllegalArgumentException naming the column when the count, a type or a NULL does not fit
     */
    public InsertValuesN<R> values(@Nullable Object... values) {
        if (values == null || values.length != columns().size()) {
            throw new IllegalArgumentException(describe() + ": values(...) got " + (values == null ? 0 : values.length)
                    + " values for the " + columns().size() + " columns " + names(columns()));
        }
        return with(withRow(values));
    }

    /** {@code INSERT INTO t (...) SELECT ...}: the query's fields must have the columns' types, in order. */
    public Insert<R> select(Select<?> query) {
        return fromSelect(query);
    }

    @Override
    InsertValuesN<R> with(Statement next) {
        return new InsertValuesN<>(next, table(), columns());
    }
}
