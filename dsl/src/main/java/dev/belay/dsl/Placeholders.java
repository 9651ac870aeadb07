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
     * pgjdbc numbers each {@code ?} itself and passes {@code $n} through untouched, so a {@link Param}, or a value
     * node without a literal, is written {@code ?} where it first appears and {@code $n} (the number of that
     * {@code ?}) where it appears again: {@code ... >= ? ... <> $1}, one parameter. A number, boolean or text
     * constant repeated where it must match across clauses and is not in the select list ({@code having(m.gt(1))}
     * next to {@code groupBy(m)}) is written as a literal ({@code "t"."ms" / 60000}). The {@code $n} reuse needs
     * pgjdbc's default extended protocol: {@code preferQueryMode=simple} substitutes only the {@code ?}s.
     */
    JDBC,
    /**
     * {@code $1 .. $n}, as PostgreSQL's protocol, psql's PREPARE and other drivers write them: one number per
     * value node or Param however often it is used ({@code ... >= $1 ... <> $1}); two equal values given
     * separately stay two parameters.
     */
    NUMBERED
}
