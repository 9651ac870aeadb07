package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.MergeNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code WHEN MATCHED [AND condition]}, waiting for what to do with a target row that has a matching source row:
 * update it, delete it or leave it.
 *
 * @param <R> the row type of the table merged into
 */
public final class MergeMatched<R> {
    private final MergeClauses<R> merge;
    private final @Nullable Expr condition;

    MergeMatched(MergeClauses<R> merge, @Nullable Expr condition) {
        this.merge = merge;
        this.condition = condition;
    }

    /**
     * {@code .thenUpdate(USER.NAME, v.v1())} renders {@code THEN UPDATE SET "name" = "v"."name"}; add columns with
     * {@link MergeSet#set(Column, Field)}.
     */
    public <T> MergeSet<R> thenUpdate(Column<R, T> column, Field<T> value) {
        return update(column, Assignments.field(merge::describe, value));
    }

    /** {@code .thenUpdate(USER.AGE, 0)} renders {@code THEN UPDATE SET "age" = ?}. */
    public <T> MergeSet<R> thenUpdate(Column<R, T> column, @Nullable T value) {
        return update(column, Assignments.value(merge::describe, column, value));
    }

    private MergeSet<R> update(Column<R, ?> column, Expr value) {
        return merge.thenWrite(true, condition, column, value);
    }

    /** {@code .thenDelete()} renders {@code THEN DELETE}. */
    public Merge<R> thenDelete() {
        return merge.then(true, condition, new MergeNode.Delete());
    }

    /** {@code .thenDoNothing()} renders {@code THEN DO NOTHING}: the row is left as it is. */
    public Merge<R> thenDoNothing() {
        return merge.then(true, condition, new MergeNode.DoNothing());
    }
}
