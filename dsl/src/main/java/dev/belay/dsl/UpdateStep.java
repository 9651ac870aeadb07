package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.UpdateNode;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code update(USER).set(...)}, waiting for its WHERE. It is not a query yet: an UPDATE becomes one with
 * {@link #where(Condition)}, or with {@link #all()} when every row is really meant, so an UPDATE of the
 * whole table cannot be written by forgetting the WHERE.
 *
 * @param <R> the row type of the updated table
 */
public final class UpdateStep<R> {
    private final Table<R> table;
    private final UpdateNode node;

    UpdateStep(Table<R> table, UpdateNode node) {
        this.table = table;
        this.node = node;
    }

    private String describe() {
        return "update " + table;
    }

    /** {@code .set(USER.AGE, 31)} renders {@code SET "age" = ?}; repeated calls add assignments. */
    public <T> UpdateStep<R> set(Column<R, T> column, @Nullable T value) {
        return assign(column, Assignments.value(this::describe, column, value));
    }

    /** {@code .set(USER.AGE, USER.AGE.plus(1))} renders {@code SET "age" = "users"."age" + ?}. */
    public <T> UpdateStep<R> set(Column<R, T> column, Field<T> value) {
        return assign(column, Assignments.field(this::describe, value));
    }

    /** {@code .setNull(USER.AGE)} renders {@code SET "age" = ?} bound to a typed NULL. */
    public UpdateStep<R> setNull(Column<R, ?> column) {
        return assign(column, Assignments.value(this::describe, column, null));
    }

    private UpdateStep<R> assign(Column<R, ?> column, Expr value) {
        return new UpdateStep<>(table, node.withSet(Assignments.add(this::describe, table, node.set(), column, value)));
    }

    /** {@code .from(ORDER)} renders {@code FROM "orders"}, joined to the updated table in the WHERE. */
    public UpdateStep<R> from(TableLike... tables) {
        List<FromItem> from = new ArrayList<>(node.from());
        for (TableLike t : tables) {
            from.add(t.fromItem());
        }
        return new UpdateStep<>(table, node.withFrom(from));
    }

    /** {@code .where(USER.ID.eq(7L))} renders {@code WHERE "users"."id" = ?}. */
    public Update<R> where(Condition condition) {
        return new Update<>(new Statement(requireSet().withWhere(Select.andWith(null, condition))), table);
    }

    /** Every row of the table, on purpose: {@code update(USER).set(USER.AGE, 0).all()} renders no WHERE. */
    public Update<R> all() {
        return new Update<>(new Statement(requireSet()), table);
    }

    private UpdateNode requireSet() {
        if (node.set().isEmpty()) {
            throw new IllegalStateException(describe() + " sets nothing: call set(column, value) first");
        }
        return node;
    }
}
