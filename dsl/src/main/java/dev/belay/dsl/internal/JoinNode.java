package dev.belay.dsl.internal;

import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code kind JOIN target [ON condition]}; a CROSS join, and only it, has no condition. */
public record JoinNode(JoinKind kind, FromItem target, @Nullable Expr on) {
    public JoinNode {
        if ((kind == JoinKind.CROSS) != (on == null)) {
            throw new IllegalArgumentException(kind == JoinKind.CROSS
                    ? "a CROSS JOIN has no ON condition" : "a " + kind + " join needs an ON condition");
        }
    }
}
