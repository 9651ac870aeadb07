package dev.belay.dsl;

import dev.belay.dsl.internal.UpdateNode;

/**
 * An immutable UPDATE:
 *
 * <pre>{@code
 * update(USER).set(USER.AGE, USER.AGE.plus(1)).where(USER.ID.eq(7L));
 * // UPDATE "users" SET "age" = "users"."age" + ? WHERE "users"."id" = ?
 * }</pre>
 *
 * @param <R> the row type of the updated table
 */
public final class Update<R> extends DmlQuery<R, Update<R>> {

    Update(Statement statement, Table<R> table) {
        super(statement, table);
    }

    /**
     * Narrows the rows further; repeated calls AND together: {@code update(USER).set(USER.AGE, 31)
     * .where(USER.ID.eq(7L))} renders {@code UPDATE "users" SET "age" = ? WHERE "users"."id" = ?}.
     */
    public Update<R> where(Condition condition) {
        UpdateNode node = (UpdateNode) node();
        return with(statement().withNode(node.withWhere(Select.andWith(node.where(), condition))));
    }

    @Override
    Update<R> with(Statement next) {
        return new Update<>(next, table());
    }
}
