package dev.belay.dsl.internal;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code (left) op (right) [ORDER BY ...] [LIMIT ...] [OFFSET ...]}. ORDER BY and LIMIT here apply to the combined result.
 */
public record SetOpNode(WithNode with, QueryNode left, SetOperator op, QueryNode right,
                        List<SortSpec> orderBy, @Nullable Expr limit, @Nullable Expr offset) implements QueryNode {

    public SetOpNode {
        orderBy = List.copyOf(orderBy);
    }

    public SetOpNode withWith(WithNode w) {
        return new SetOpNode(w, left, op, right, orderBy, limit, offset);
    }

    public SetOpNode withOrderBy(List<SortSpec> o) {
        return new SetOpNode(with, left, op, right, o, limit, offset);
    }

    public SetOpNode withLimit(@Nullable Expr l) {
        return new SetOpNode(with, left, op, right, orderBy, l, offset);
    }

    public SetOpNode withOffset(@Nullable Expr o) {
        return new SetOpNode(with, left, op, right, orderBy, limit, o);
    }
}
