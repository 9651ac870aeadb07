package dev.belay.dsl.internal;

/** One entry of a SELECT's {@code WINDOW "name" AS (definition)} clause. */
public record WindowClause(String name, WindowDef definition) {}
