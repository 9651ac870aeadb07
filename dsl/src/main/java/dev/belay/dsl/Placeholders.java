package dev.belay.dsl;

/**
 * How placeholders are written in rendered SQL. Either way a value used in several clauses stays one expression
 * to PostgreSQL, which compares GROUP BY, DISTINCT ON and ORDER BY items with the select list:
 * {@code Field<Integer> m = T.MS.div(60000); select(m, count()).from(T).groupBy(m).orderBy(m)} renders
 * {@code SELECT "t"."ms" / ?, count(*) FROM "t" GROUP BY 1 ORDER BY 1 ASC} (an item that holds a value and
 * equals a select-list item is written as its position).
 */
public enum Placeholders {
    /**
     * {@code ?}, as JDBC expects (and the executor sends); jsonb's {@code ?} operators are written {@code ??}.
     * pgjdbc numbers each {@code ?} itself, so a value or {@link Param} used twice is sent twice. Where such a
     * value must match across clauses and is not in the select list ({@code having(m.gt(1))} next to
     * {@code groupBy(m)}), a number, boolean or text constant is written as a literal ({@code "t"."ms" / 60000}).
     * A Param has no literal: PostgreSQL cannot match its uses there; select the expression, or use
     * {@code NUMBERED}.
     */
    JDBC,
    /**
     * {@code $1 .. $n}, as PostgreSQL's protocol, psql's PREPARE and other drivers write them: one number per
     * value node or Param however often it is used ({@code ... >= $1 ... <> $1}); two equal values given
     * separately stay two parameters.
     */
    NUMBERED
}
