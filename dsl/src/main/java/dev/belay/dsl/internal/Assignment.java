package dev.belay.dsl.internal;

/** {@code "column" = value} in UPDATE SET and ON CONFLICT DO UPDATE SET; the column is never qualified. */
public record Assignment(String column, Expr value) {}
