package dev.belay.dsl;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT into 6 named columns, each row typed by the column list: {@code values("Bob", "bob@x.org", 30, "x", "y", "z")}
 * adds the row {@code (?, ?, ?, ?, ?, ?)}; call it again for more rows, or give a query with {@code select(...)}.
 *
 * @param <R> the row type of the table inserted into
 */
public final class InsertValues6<R, A, B, C, D, E, F> extends InsertQuery<R, InsertValues6<R, A, B, C, D, E, F>> {

    InsertValues6(Statement statement, Table<R> table, List<Column<R, ?>> columns) {
        super(statement, table, columns);
    }

    /** Adds one row: one more {@code (?, ...)} of 6 placeholders in the VALUES list. */
    public InsertValues6<R, A, B, C, D, E, F> values(@Nullable A a, @Nullable B b, @Nullable C c, @Nullable D d, @Nullable E e, @Nullable F f) {
        return with(withRow(a, b, c, d, e, f));
    }

    /** {@code INSERT INTO t (...) SELECT ...}: the query's fields must have the columns' types, in order. */
    public Insert<R> select(Select<Tuple6<A, B, C, D, E, F>> query) {
        return fromSelect(query);
    }

    @Override
    InsertValues6<R, A, B, C, D, E, F> with(Statement next) {
        return new InsertValues6<>(next, table(), columns());
    }
}
