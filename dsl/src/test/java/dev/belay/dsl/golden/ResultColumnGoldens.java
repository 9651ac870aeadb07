package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;

import dev.belay.dsl.Field;
import dev.belay.dsl.Param;
import java.math.BigDecimal;
import java.util.List;

/**
 * A value used in several clauses must be one expression to PostgreSQL (GROUP BY, DISTINCT, DISTINCT ON and
 * ORDER BY compare expressions), inline literals, and ORDER BY / GROUP BY by result column name or position.
 * Every case runs on the seeded fixture, where the users are 30, 17 and NULL years old.
 */
final class ResultColumnGoldens {
    private ResultColumnGoldens() {}

    private static List<Golden> concat(List<Golden> a, List<Golden> b) {
        List<Golden> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * An integer constant standing alone as an ORDER BY, GROUP BY or DISTINCT ON item, or inside ROLLUP, is cast:
     * PostgreSQL would read a bare one, parenthesized or negative, as the position of a select-list item.
     */
    private static List<Golden> constantsAreNotPositions() {
        String nameAge = "SELECT \"users\".\"name\", \"users\".\"age\" FROM \"users\" ";
        return List.of(
                Golden.of("order by an inline integer", select(USER.NAME, USER.AGE).from(USER).orderBy(inline(2),
                        USER.NAME), nameAge + "ORDER BY CAST(2 AS int4) ASC, \"users\".\"name\" ASC").rows(3),
                Golden.of("order by a negative inline integer", select(USER.NAME, USER.AGE).from(USER)
                        .orderBy(inline(-2), USER.NAME), nameAge + "ORDER BY CAST((-2) AS int4) ASC, \"users\".\"name\" ASC")
                        .rows(3),
                Golden.of("order by a value the where clause repeats", select(USER.NAME, USER.AGE).from(USER)
                                .where(USER.AGE.ne(2).or(USER.AGE.isNull())).orderBy(value(2).asc(), USER.NAME.asc()),
                        nameAge + "WHERE (\"users\".\"age\" <> 2) OR (\"users\".\"age\" IS NULL) ORDER BY CAST(2 AS int4) "
                                + "ASC, \"users\".\"name\" ASC").rows(3),
                Golden.of("distinct on a value the where clause repeats", select(USER.NAME, USER.AGE).from(USER)
                                .where(USER.AGE.ne(2).or(USER.AGE.isNull())).distinctOn(value(2))
                                .orderBy(value(2).asc(), USER.NAME.asc()),
                        "SELECT DISTINCT ON (CAST(2 AS int4)) \"users\".\"name\", \"users\".\"age\" FROM \"users\" WHERE "
                                + "(\"users\".\"age\" <> 2) OR (\"users\".\"age\" IS NULL) ORDER BY CAST(2 AS int4) ASC, "
                                + "\"users\".\"name\" ASC").rows(1),
                Golden.of("group by an inline integer", select(USER.NAME, count()).from(USER).groupBy(USER.NAME,
                        inline(2)), "SELECT \"users\".\"name\", count(*) FROM \"users\" GROUP BY \"users\".\"name\", CAST(2 AS int4)")
                        .rows(3),
                Golden.of("rollup of an inline integer", select(USER.NAME, count()).from(USER).groupBy(rollup(USER.NAME,
                        inline(2))), "SELECT \"users\".\"name\", count(*) FROM \"users\" GROUP BY ROLLUP (\"users\".\"name\", "
                        + "CAST(2 AS int4))").rows(7));
    }

    static List<Golden> cases() {
        Field<Integer> decade = USER.AGE.div(10);
        Param<Integer> width = param("width", Integer.class);
        Field<Integer> bucket = USER.AGE.div(width);
        return concat(constantsAreNotPositions(), List.of(
                Golden.of("repeated constant in group by and order by", select(decade, count()).from(USER)
                                .groupBy(decade).orderBy(decade),
                        "SELECT \"users\".\"age\" / ?, count(*) FROM \"users\" GROUP BY 1 ORDER BY 1 ASC", 10).rows(3),
                Golden.of("equal constants built twice in group by", select(USER.AGE.div(10), count()).from(USER)
                                .groupBy(USER.AGE.div(10)),
                        "SELECT \"users\".\"age\" / ?, count(*) FROM \"users\" GROUP BY 1", 10).rows(3),
                Golden.of("repeated constant in having is inlined", select(decade, count()).from(USER).groupBy(decade)
                                .having(decade.gt(1)),
                        "SELECT \"users\".\"age\" / 10, count(*) FROM \"users\" GROUP BY 1 "
                                + "HAVING (\"users\".\"age\" / 10) > ?", 1).rows(1),
                Golden.of("equal constants built thrice in having are inlined", select(USER.AGE.div(10), count())
                                .from(USER).groupBy(USER.AGE.div(10)).having(USER.AGE.div(10).gt(1)),
                        "SELECT \"users\".\"age\" / 10, count(*) FROM \"users\" GROUP BY 1 "
                                + "HAVING (\"users\".\"age\" / 10) > ?", 1).rows(1),
                Golden.of("repeated constant in select distinct and order by", selectDistinct(decade).from(USER)
                                .where(USER.AGE.isNotNull()).orderBy(decade.desc()),
                        "SELECT DISTINCT \"users\".\"age\" / ? FROM \"users\" WHERE \"users\".\"age\" IS NOT NULL "
                                + "ORDER BY 1 DESC", 10).rows(2),
                Golden.of("repeated constant in distinct on and order by", select(decade, USER.NAME).from(USER)
                                .distinctOn(decade).orderBy(decade, USER.NAME),
                        "SELECT DISTINCT ON (1) \"users\".\"age\" / ?, \"users\".\"name\" FROM \"users\" "
                                + "ORDER BY 1 ASC, \"users\".\"name\" ASC", 10).rows(3),
                Golden.of("repeated constant in distinct on, not selected", select(USER.NAME).from(USER)
                                .distinctOn(decade).orderBy(decade, USER.NAME),
                        "SELECT DISTINCT ON (\"users\".\"age\" / 10) \"users\".\"name\" FROM \"users\" "
                                + "ORDER BY (\"users\".\"age\" / 10) ASC, \"users\".\"name\" ASC").rows(3),
                Golden.of("param used three times", select(bucket, count()).from(USER).where(USER.AGE.ge(width))
                                .groupBy(bucket).orderBy(bucket).bind(width, 10),
                        "SELECT \"users\".\"age\" / ?, count(*) FROM \"users\" WHERE \"users\".\"age\" >= $1 "
                                + "GROUP BY 1 ORDER BY 1 ASC", 10).rows(2),
                Golden.of("inline literals", select(inline(60000), inline(7L), inline(new BigDecimal("-2.50")),
                                inline(true), inline("it's"), inline("a\\b")),
                        "SELECT 60000, 7::int8, (-2.50)::numeric, TRUE, 'it''s'::text, E'a\\\\b'::text").rows(1),
                Golden.of("inline float literals", select(inline((short) -3), inline(-0.0d), inline(1.5f),
                                inline(Double.NaN)),
                        "SELECT (-3)::int2, '-0.0'::float8, '1.5'::float4, 'NaN'::float8").rows(1),
                Golden.of("inline literal in a condition", select(USER.NAME).from(USER).where(USER.AGE.gt(inline(18))),
                        "SELECT \"users\".\"name\" FROM \"users\" WHERE \"users\".\"age\" > 18").rows(1),
                Golden.of("group by and order by result column names", select(USER.NAME, count().as("n")).from(USER)
                                .groupBy(resultColumn("name")).orderBy(resultColumn("n").desc(), resultColumn(1)),
                        "SELECT \"users\".\"name\", count(*) AS \"n\" FROM \"users\" GROUP BY 1 "
                                + "ORDER BY \"n\" DESC, 1 ASC").rows(3),
                Golden.of("order by positions", select(USER.NAME, USER.AGE).from(USER).orderBy(2, 1),
                        "SELECT \"users\".\"name\", \"users\".\"age\" FROM \"users\" ORDER BY 2 ASC, 1 ASC").rows(3),
                Golden.of("group by position, order by position with nulls", select(USER.AGE.div(10), count())
                                .from(USER).groupBy(1).orderBy(resultColumn(1).desc().nullsLast()),
                        "SELECT \"users\".\"age\" / ?, count(*) FROM \"users\" GROUP BY 1 ORDER BY 1 DESC NULLS LAST",
                        10).rows(3),
                Golden.of("order by result column after union", select(USER.NAME).from(USER)
                                .union(select(USER.EMAIL).from(USER)).orderBy(resultColumn(1).desc()),
                        "(SELECT \"users\".\"name\" FROM \"users\") UNION (SELECT \"users\".\"email\" FROM \"users\") "
                                + "ORDER BY 1 DESC").rows(6)));
    }
}
