package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.MergeNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code WHEN NOT MATCHED [AND condition]}, waiting for what to do with a source row that matches no target row:
 * insert it or skip it.
 *
 * @param <R> the row type of the table merged into
 */
public final class MergeNotMatched<R> {
    private final MergeClauses<R> merge;
    private final @Nullable Expr condition;

    MergeNotMatched(MergeClauses<R> merge, @Nullable Expr condition) {
        this.merge = merge;
        this.condition = condition;
    }

    /**
     * {@code .thenInsert(USER.NAME, v.v1()).set(USER.EMAIL, v.v2())} renders
     * {@code THEN INSERT ("name", "email") VALUES ("v"."name", "v"."email")}.
     */
    public <T> MergeSet<R> thenInsert(Column<R, T> column, Field<T> value) {
        return insert(column, Assignments.field(merge::describe, value));
    }

    /** {@code .thenInsert(USER.AGE, 0)} renders {@code THEN INSERT ("age") VALUES (?)}. */
    public <T> MergeSet<R> thenInsert(Column<R, T> column, @Nullable T value) {
        return insert(column, Assignments.value(merge::describe, column, value));
    }

    private MergeSet<R> insert(Column<R, ?> column, Expr value) {
        return merge.thenWrite(false, condition, column, value);
    }

    /** {@code .thenDoNothing()} renders {@code THEN DO NOTHING}: the source row is skipped. */
    public Merge<R> thenDoNothing() {
        return merge.then(false, condition, new MergeNode.DoNothing());
    }
}
