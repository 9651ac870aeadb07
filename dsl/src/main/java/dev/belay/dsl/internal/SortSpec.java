package dev.belay.dsl.internal;

import org.checkerframework.checker.nullness.qual.Nullable;

/** One ORDER BY item. {@code nullsFirst} null means PostgreSQL's default for the direction. */
public record SortSpec(Expr expr, boolean descending, @Nullable Boolean nullsFirst) {}
