package dev.belay.dsl.internal;

import dev.belay.dsl.DatePart;

/** {@code EXTRACT(part FROM source)}: SQL's keyword syntax, which no function call can spell. */
public record Extract(DatePart part, Expr source) implements Expr {}
