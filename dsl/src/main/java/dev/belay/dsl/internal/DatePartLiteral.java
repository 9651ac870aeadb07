package dev.belay.dsl.internal;

import dev.belay.dsl.DatePart;

/**
 * A date part written into the SQL text as a string literal, {@code 'month'}: never a bound parameter, so that
 * {@code date_trunc('month', x)} in the select list, GROUP BY and ORDER BY is textually one expression, which
 * PostgreSQL requires of a grouped expression. The text comes only from {@link SqlRenderer}'s spelling of the enum.
 */
public record DatePartLiteral(DatePart part) implements Expr {}
