package dev.belay.dsl;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT into 4 named columns, each row typed by the column list: {@code values("Bob", "bob@x.org", 30, "x")}
 * adds the row {@code (?, ?, ?, ?)}; call it again for more rows, or give a query with {@code select(...)}.
 *
 * @param <R> the row type of the table inserted into
 */
public final class InsertValues4<R, A, B, C, D> extends InsertQuery<R, InsertValues4<R, A, B, C, D>> {

    InsertValues4(Statement statement, Table<R> table, List<Column<R, ?>> columns) {
        super(statement, table, columns);
    }

    /** Adds one row: one more {@code (?, ...)} of 4 placeholders in the VALUES list. */
    public InsertValues4<R, A, B, C, D> values(@Nullable A a, @Nullable B b, @Nullable C c, @Nullable D d) {
        return with(withRow(a, b, c, d));
    }

    /** {@code INSERT INTO t (...) SELECT ...}: the query's fields must have the columns' types, in order. */
    public Insert<R> select(Select<Tuple4<A, B, C, D>> query) {
        return fromSelect(query);
    }

    @Override
    InsertValues4<R, A, B, C, D> with(Statement next) {
        return new InsertValues4<>(next, table(), columns());
    }
}
