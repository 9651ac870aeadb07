package dev.belay.dsl.internal;

import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code kind target [ON condition]}; kind is e.g. {@code JOIN}, {@code LEFT JOIN}, {@code CROSS JOIN}. */
public record JoinNode(String kind, FromItem target, @Nullable Expr on) {}
