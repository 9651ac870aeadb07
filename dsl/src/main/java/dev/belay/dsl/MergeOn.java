package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.MergeNode;
import dev.belay.dsl.internal.WithNode;
import java.util.List;

/**
 * {@code mergeInto(USER).using(source).on(condition)}, waiting for its first WHEN clause. It is not a query yet:
 * a MERGE without a WHEN clause is not SQL.
 *
 * @param <R> the row type of the table merged into
 */
public final class MergeOn<R> extends MergeClauses<R> {
    private final FromItem.TableItem targetItem;
    private final FromItem source;
    private final Expr on;

    MergeOn(Table<R> target, FromItem.TableItem targetItem, FromItem source, Expr on) {
        super(target);
        this.targetItem = targetItem;
        this.source = source;
        this.on = on;
    }

    @Override
    Statement next(MergeNode.When when) {
        return new Statement(new MergeNode(WithNode.NONE, targetItem, source, on, append(List.of(), when)));
    }
}
