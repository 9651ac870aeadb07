package dev.belay.dsl;

import dev.belay.dsl.internal.DeleteNode;

/**
 * An immutable DELETE:
 *
 * <pre>{@code
 * deleteFrom(USER).where(USER.EMAIL.endsWith("@spam.example"));
 * // DELETE FROM "users" WHERE "users"."email" LIKE ?     -- bound to '%@spam.example'
 * }</pre>
 *
 * @param <R> the row type of the table deleted from
 */
public final class Delete<R> extends DmlQuery<R, Delete<R>> {

    Delete(Statement statement, Table<R> table) {
        super(statement, table);
    }

    /**
     * Narrows the rows further; repeated calls AND together: {@code deleteFrom(USER).where(USER.AGE.lt(0))
     * .where(USER.NAME.eq("x"))} renders {@code DELETE FROM "users" WHERE ("users"."age" < ?) AND ("users"."name" = ?)}.
     */
    public Delete<R> where(Condition condition) {
        DeleteNode node = (DeleteNode) node();
        return with(statement().withNode(node.withWhere(Select.andWith(node.where(), condition))));
    }

    @Override
    Delete<R> with(Statement next) {
        return new Delete<>(next, table());
    }
}
