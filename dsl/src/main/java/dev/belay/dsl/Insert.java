package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.InsertNode;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An immutable INSERT, from {@code insertInto(table)}:
 *
 * <pre>{@code
 * insertInto(USER).values(new User(null, "Bob", "bob@x.org", 30, null)).returning(USER.ID);
 * // INSERT INTO "users" ("name", "email", "age") VALUES (?, ?, ?) RETURNING "users"."id"
 * insertInto(USER).set(USER.NAME, "Ann").set(USER.EMAIL, "ann@x.org");
 * // INSERT INTO "users" ("name", "email") VALUES (?, ?)
 * }</pre>
 *
 * @param <R> the row type of the table inserted into
 */
public final class Insert<R> extends InsertQuery<R, Insert<R>> {
    /** True for an insert built column by column with {@code set}, which may take more columns. */
    private final boolean settable;

    Insert(Statement statement, Table<R> table, List<Column<R, ?>> columns, boolean settable) {
        super(statement, table, columns);
        this.settable = settable;
    }

    /** {@code .set(USER.NAME, "Ann")} adds the column {@code "name"} with the value {@code ?}. */
    public <T> Insert<R> set(Column<R, T> column, @Nullable T value) {
        return set(column, Assignments.insertValue(this::describe, table(), column, value));
    }

    /** {@code .set(USER.CREATED_AT, now())} adds the column {@code "created_at"} with the value {@code now()}. */
    public <T> Insert<R> set(Column<R, T> column, Field<T> value) {
        return set(column, Assignments.field(this::describe, value));
    }

    /** {@code .setNull(USER.AGE)} adds the column {@code "age"} with a typed NULL parameter. */
    public Insert<R> setNull(Column<R, ?> column) {
        return set(column, Assignments.insertValue(this::describe, table(), column, null));
    }

    private Insert<R> set(Column<R, ?> column, Expr value) {
        if (!settable) {
            throw new IllegalStateException(describe() + ": set(...) builds a single row column by column; it cannot "
                    + "follow values(...), select(...), defaultValues() or onConflict(...)");
        }
        Assignments.requireColumnOf(this::describe, table(), column);
        InsertNode node = insertNode();
        if (node.columns().contains(column.name())) {
            throw new IllegalArgumentException(describe() + ": column " + Assignments.name(column) + " is set twice");
        }
        List<String> names = new ArrayList<>(node.columns());
        names.add(column.name());
        List<Expr> row = new ArrayList<>(((InsertNode.Values) node.source()).rows().get(0));
        row.add(value);
        List<Column<R, ?>> columns = new ArrayList<>(columns());
        columns.add(column);
        InsertNode next = node.withSource(names, new InsertNode.Values(List.of(row)));
        return new Insert<>(statement().withNode(next), table(), List.copyOf(columns), true);
    }

    @Override
    Insert<R> with(Statement next) {
        return new Insert<>(next, table(), columns(), settable);
    }
}
