package dev.belay.dsl;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT into 2 named columns, each row typed by the column list: {@code values("Bob", "bob@x.org")}
 * adds the row {@code (?, ?)}; call it again for more rows, or give a query with {@code select(...)}.
 *
 * @param <R> the row type of the table inserted into
 */
public final class InsertValues2<R, A, B> extends InsertQuery<R, InsertValues2<R, A, B>> {

    InsertValues2(Statement statement, Table<R> table, List<Column<R, ?>> columns) {
        super(statement, table, columns);
    }

    /**
     * Adds one row: {@code insertInto(USER).columns(USER.NAME, USER.EMAIL).values("Jo", "jo@example.org")} renders
     * {@code INSERT INTO "users" ("name", "email") VALUES (?, ?)}; each further call adds {@code , (?, ?)}.
     */
    public InsertValues2<R, A, B> values(@Nullable A a, @Nullable B b) {
        return with(withRow(a, b));
    }

    /** {@code INSERT INTO t (...) SELECT ...}: the query's fields must have the columns' types, in order. */
    public Insert<R> select(Select<Tuple2<A, B>> query) {
        return fromSelect(query);
    }

    @Override
    InsertValues2<R, A, B> with(Statement next) {
        return new InsertValues2<>(next, table(), columns());
    }
}
