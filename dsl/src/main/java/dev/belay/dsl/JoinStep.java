package dev.belay.dsl;

import dev.belay.dsl.internal.Identifiers;
import dev.belay.dsl.internal.JoinKind;
import dev.belay.dsl.internal.JoinNode;
import dev.belay.dsl.internal.SqlRenderer;

/**
 * A join waiting for its condition: {@code select(...).from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID))}
 * renders {@code FROM "orders" JOIN "users" ON "orders"."user_id" = "users"."id"}.
 *
 * @param <R> the row type of the query
 */
public final class JoinStep<R> {
    private final Select<R> query;
    private final JoinKind kind;
    private final TableLike target;

    JoinStep(Select<R> query, JoinKind kind, TableLike target) {
        this.query = query;
        this.kind = kind;
        this.target = target;
    }

    /** The join condition: {@code .join(USER).on(ORDER.USER_ID.eq(USER.ID))} renders {@code JOIN "users" ON "orders"."user_id" = "users"."id"}. */
    public Select<R> on(Condition condition) {
        if (condition == null) {
            throw new IllegalArgumentException(SqlRenderer.joinKind(kind) + " " + Identifiers.quote(target.qualifier())
                    + ": on(null); use trueCondition() for a join on every pair");
        }
        return query.addJoin(new JoinNode(kind, target.fromItem(), condition.node()));
    }
}
