package dev.belay.dsl;

import dev.belay.dsl.internal.Assignment;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.MergeNode;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The WHEN clauses a MERGE can add, before its first clause ({@link MergeOn}) and after ({@link Merge}). A MATCHED
 * clause offers UPDATE, DELETE and DO NOTHING, a NOT MATCHED one INSERT and DO NOTHING, so an INSERT for a matched
 * row does not compile.
 *
 * @param <R> the row type of the table merged into
 */
abstract sealed class MergeClauses<R> permits MergeOn, Merge {
    private final Table<R> target;

    MergeClauses(Table<R> target) {
        this.target = target;
    }

    /** The table merged into. */
    public final Table<R> target() {
        return target;
    }

    final String describe() {
        return "merge into " + target;
    }

    /** The statement with {@code when} added after the clauses so far. */
    abstract Statement next(MergeNode.When when);

    /** This MERGE with one more WHEN clause doing {@code action}. */
    final Merge<R> then(boolean matched, @Nullable Expr condition, MergeNode.Action action) {
        return new Merge<>(next(new MergeNode.When(matched, condition, action)), target);
    }

    /** This MERGE with one more WHEN clause: an UPDATE (matched) or INSERT (not matched) of its first column. */
    final MergeSet<R> thenWrite(boolean matched, @Nullable Expr condition, Column<R, ?> column, Expr value) {
        List<Assignment> first = Assignments.add(this::describe, target, List.of(), column, value);
        MergeNode.Action action = matched ? new MergeNode.Update(first) : new MergeNode.Insert(first);
        return new MergeSet<>(next(new MergeNode.When(matched, condition, action)), target);
    }

    /** {@code .whenMatched().thenDelete()} renders {@code WHEN MATCHED THEN DELETE}. */
    public final MergeMatched<R> whenMatched() {
        return new MergeMatched<>(this, null);
    }

    /** {@code .whenMatchedAnd(v.v2().lt(0)).thenDelete()} renders {@code WHEN MATCHED AND "v"."n" < ? THEN DELETE}. */
    public final MergeMatched<R> whenMatchedAnd(Condition condition) {
        return new MergeMatched<>(this, require(condition, "whenMatchedAnd"));
    }

    /** {@code .whenNotMatched().thenInsert(USER.NAME, v.v1())} renders {@code WHEN NOT MATCHED THEN INSERT ...}. */
    public final MergeNotMatched<R> whenNotMatched() {
        return new MergeNotMatched<>(this, null);
    }

    /** {@code .whenNotMatchedAnd(cond)} renders {@code WHEN NOT MATCHED AND cond THEN ...}. */
    public final MergeNotMatched<R> whenNotMatchedAnd(Condition condition) {
        return new MergeNotMatched<>(this, require(condition, "whenNotMatchedAnd"));
    }

    private Expr require(@Nullable Condition condition, String method) {
        if (condition == null) {
            throw new IllegalArgumentException(describe() + ": " + method + "(null); give a condition, or use "
                    + (method.equals("whenMatchedAnd") ? "whenMatched()" : "whenNotMatched()"));
        }
        return condition.node();
    }

    /**
     * {@code earlier} and then {@code next}, refusing a clause no row could reach: PostgreSQL rejects a WHEN
     * [NOT] MATCHED after an unconditional one of the same kind.
     */
    final List<MergeNode.When> append(List<MergeNode.When> earlier, MergeNode.When next) {
        for (MergeNode.When w : earlier) {
            if (w.matched() == next.matched() && w.condition() == null) {
                String kind = next.matched() ? "WHEN MATCHED" : "WHEN NOT MATCHED";
                throw new IllegalStateException(describe() + ": this " + kind + " clause follows an unconditional "
                        + kind + " clause, so no row reaches it (PostgreSQL refuses it); give the earlier clause a "
                        + "condition with " + (next.matched() ? "whenMatchedAnd" : "whenNotMatchedAnd")
                        + "(...), or move the unconditional one last");
            }
        }
        List<MergeNode.When> all = new ArrayList<>(earlier);
        all.add(next);
        return all;
    }
}
