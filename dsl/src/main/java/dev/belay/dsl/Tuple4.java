package dev.belay.dsl;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of a 4-field projection: {@code select(f1, f2, f3, f4)} gives
 * {@code Select<Tuple4<A, B, C, D>>}. Values are null where the column is SQL NULL.
 */
public record Tuple4<A, B, C, D>(@Nullable A v1, @Nullable B v2, @Nullable C v3, @Nullable D v4) {}
