package dev.belay.dsl;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT into 1 named column, each row typed by the column list: {@code values("Bob")}
 * adds the row {@code (?)}; call it again for more rows, or give a query with {@code select(...)}.
 *
 * @param <R> the row type of the table inserted into
 */
public final class InsertValues1<R, A> extends InsertQuery<R, InsertValues1<R, A>> {

    InsertValues1(Statement statement, Table<R> table, List<Column<R, ?>> columns) {
        super(statement, table, columns);
    }

    /** Adds one row: {@code .values("Jo")} adds {@code (?)} to the VALUES list. */
    public InsertValues1<R, A> values(@Nullable A a) {
        return with(withRow(a));
    }

    /** {@code INSERT INTO t (...) SELECT ...}: the query's fields must have the columns' types, in order. */
    public Insert<R> select(Select<A> query) {
        return fromSelect(query);
    }

    @Override
    InsertValues1<R, A> with(Statement next) {
        return new InsertValues1<>(next, table(), columns());
    }
}
