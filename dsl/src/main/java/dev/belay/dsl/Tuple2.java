package dev.belay.dsl;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of a 2-field projection: {@code select(f1, f2)} gives
 * {@code Select<Tuple2<A, B>>}. Values are null where the column is SQL NULL.
 */
public record Tuple2<A, B>(@Nullable A v1, @Nullable B v2) {}
