package dev.belay.dsl;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of a 5-field projection: {@code select(f1, f2, f3, f4, f5)} gives
 * {@code Select<Tuple5<A, B, C, D, E>>}. Values are null where the column is SQL NULL.
 */
public record Tuple5<A, B, C, D, E>(@Nullable A v1, @Nullable B v2, @Nullable C v3, @Nullable D v4, @Nullable E v5) {}
