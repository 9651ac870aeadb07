package dev.belay.dsl;

import dev.belay.dsl.internal.DeleteNode;
import dev.belay.dsl.internal.FromItem;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deleteFrom(USER)}, waiting for its WHERE. It is not a query yet: a DELETE becomes one with
 * {@link #where(Condition)}, or with {@link #all()} when every row is really meant, so emptying a table
 * cannot be written by forgetting the WHERE.
 *
 * @param <R> the row type of the table deleted from
 */
public final class DeleteStep<R> {
    private final Table<R> table;
    private final DeleteNode node;

    DeleteStep(Table<R> table, DeleteNode node) {
        this.table = table;
        this.node = node;
    }

    /** {@code .using(ORDER)} renders {@code USING "orders"}, joined to the target in the WHERE. */
    public DeleteStep<R> using(TableLike... tables) {
        List<FromItem> using = new ArrayList<>(node.using());
        for (TableLike t : tables) {
            using.add(t.fromItem());
        }
        return new DeleteStep<>(table, node.withUsing(using));
    }

    /** {@code .where(USER.ID.eq(7L))} renders {@code WHERE "users"."id" = ?}. */
    public Delete<R> where(Condition condition) {
        return new Delete<>(new Statement(node.withWhere(Select.andWith(null, condition))), table);
    }

    /** Every row of the table, on purpose: {@code deleteFrom(USER).all()} renders {@code DELETE FROM "users"}. */
    public Delete<R> all() {
        return new Delete<>(new Statement(node), table);
    }
}
