package dev.belay.dsl.internal;

import java.util.List;

/**
 * The name of a called function: one of PostgreSQL's built-ins, written by the renderer in lower case as
 * PostgreSQL prints them, or a user-defined function whose (optionally schema-qualified) name is always quoted.
 */
public sealed interface FunctionName {

    /** PostgreSQL's built-in functions that Belay calls. */
    enum Builtin implements FunctionName {
        COUNT, SUM, AVG, MIN, MAX, COALESCE, GREATEST, LEAST, LOWER, UPPER, LENGTH, NOW,
        ROW_NUMBER, RANK, DENSE_RANK, LAG, LEAD, NEXTVAL, UNNEST, GENERATE_SERIES,
        NULLIF, DATE_TRUNC, AGE,
        STRING_AGG, ARRAY_AGG, JSON_AGG, JSONB_AGG, JSON_BUILD_OBJECT, JSONB_BUILD_OBJECT, EVERY, BOOL_AND, BOOL_OR,
        PERCENTILE_CONT, PERCENTILE_DISC, MODE, NTILE, PERCENT_RANK, CUME_DIST, FIRST_VALUE, LAST_VALUE, NTH_VALUE,
        GROUPING
    }

    /** A user function: {@code "schema"."name"}; parts are identifiers, quoted when rendered. */
    record UserFunction(List<String> parts) implements FunctionName {
        public UserFunction {
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a function name needs at least one part");
            }
            parts = List.copyOf(parts);
        }
    }
}
