package dev.belay.dsl;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT into 5 named columns, each row typed by the column list: {@code values("Bob", "bob@x.org", 30, "x", "y")}
 * adds the row {@code (?, ?, ?, ?, ?)}; call it again for more rows, or give a query with {@code select(...)}.
 *
 * @param <R> the row type of the table inserted into
 */
public final class InsertValues5<R, A, B, C, D, E> extends InsertQuery<R, InsertValues5<R, A, B, C, D, E>> {

    InsertValues5(Statement statement, Table<R> table, List<Column<R, ?>> columns) {
        super(statement, table, columns);
    }

    /** Adds one row: one more {@code (?, ...)} of 5 placeholders in the VALUES list. */
    public InsertValues5<R, A, B, C, D, E> values(@Nullable A a, @Nullable B b, @Nullable C c, @Nullable D d, @Nullable E e) {
        return with(withRow(a, b, c, d, e));
    }

    /** {@code INSERT INTO t (...) SELECT ...}: the query's fields must have the columns' types, in order. */
    public Insert<R> select(Select<Tuple5<A, B, C, D, E>> query) {
        return fromSelect(query);
    }

    @Override
    InsertValues5<R, A, B, C, D, E> with(Statement next) {
        return new InsertValues5<>(next, table(), columns());
    }
}
