package dev.belay.dsl;

import dev.belay.dsl.internal.FromItem;

/**
 * {@code mergeInto(USER).using(source)}, waiting for the condition that matches source rows to target rows.
 *
 * @param <R> the row type of the table merged into
 */
public final class MergeUsing<R> {
    private final Table<R> target;
    private final TableLike source;

    MergeUsing(Table<R> target, TableLike source) {
        this.target = target;
        this.source = source;
    }

    /**
     * {@code .on(USER.EMAIL.eq(v.v2()))} renders {@code ON "users"."email" = "v"."email"}; then give the
     * WHEN clauses.
     */
    public MergeOn<R> on(Condition condition) {
        if (condition == null) {
            throw new IllegalArgumentException("merge into " + target + ": on(null); give the condition that matches "
                    + "a source row to a target row");
        }
        return new MergeOn<>(target, (FromItem.TableItem) target.fromItem(), source.fromItem(), condition.node());
    }
}
