package dev.belay.dsl.internal;

import java.util.List;

/**
 * A statement rendered for one placeholder style: its SQL text and, per placeholder in order, the
 * node that supplies the value ({@link Expr.Bind} or {@link Expr.Slot}). Computed once per query shape.
 */
public record Rendered(String sql, List<Expr> slots) {}
