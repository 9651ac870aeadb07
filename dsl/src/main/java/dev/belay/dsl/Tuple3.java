package dev.belay.dsl;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of a 3-field projection: {@code select(f1, f2, f3)} gives
 * {@code Select<Tuple3<A, B, C>>}. Values are null where the column is SQL NULL.
 */
public record Tuple3<A, B, C>(@Nullable A v1, @Nullable B v2, @Nullable C v3) {}
