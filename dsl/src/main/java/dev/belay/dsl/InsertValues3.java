package dev.belay.dsl;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT into 3 named columns, each row typed by the column list: {@code values("Bob", "bob@x.org", 30)}
 * adds the row {@code (?, ?, ?)}; call it again for more rows, or give a query with {@code select(...)}.
 *
 * @param <R> the row type of the table inserted into
 */
public final class InsertValues3<R, A, B, C> extends InsertQuery<R, InsertValues3<R, A, B, C>> {

    InsertValues3(Statement statement, Table<R> table, List<Column<R, ?>> columns) {
        super(statement, table, columns);
    }

    /** Adds one row: {@code .values("Jo", "jo@example.org", 5)} adds {@code (?, ?, ?)} to the VALUES list. */
    public InsertValues3<R, A, B, C> values(@Nullable A a, @Nullable B b, @Nullable C c) {
        return with(withRow(a, b, c));
    }

    /** {@code INSERT INTO t (...) SELECT ...}: the query's fields must have the columns' types, in order. */
    public Insert<R> select(Select<Tuple3<A, B, C>> query) {
        return fromSelect(query);
    }

    @Override
    InsertValues3<R, A, B, C> with(Statement next) {
        return new InsertValues3<>(next, table(), columns());
    }
}
