package dev.belay.dsl.internal;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code ON CONFLICT [("a", "b") [WHERE predicate] | ON CONSTRAINT "name"] DO NOTHING | DO UPDATE SET ...
 * [WHERE condition]}. An empty target with a null constraint is a conflict on any unique index, which
 * PostgreSQL allows only with DO NOTHING.
 */
public record ConflictNode(
        List<String> target,
        @Nullable String constraint,
        @Nullable Expr targetWhere,
        boolean doNothing,
        List<Assignment> set,
        @Nullable Expr updateWhere) {

    public ConflictNode {
        target = Lists.immutable(target);
        set = Lists.immutable(set);
    }

    public ConflictNode withTargetWhere(Expr w) {
        return new ConflictNode(target, constraint, w, doNothing, set, updateWhere);
    }

    public ConflictNode withUpdate(List<Assignment> s, @Nullable Expr w) {
        return new ConflictNode(target, constraint, targetWhere, false, s, w);
    }

    public ConflictNode withNothing() {
        return new ConflictNode(target, constraint, targetWhere, true, List.of(), null);
    }
}
