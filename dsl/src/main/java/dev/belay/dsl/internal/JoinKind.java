package dev.belay.dsl.internal;

/** The kinds of join; a CROSS join alone has no ON condition. */
public enum JoinKind {
    INNER, LEFT, RIGHT, FULL, CROSS
}
