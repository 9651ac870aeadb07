package dev.belay.dsl.query;

import static dev.belay.dsl.FrameBound.currentRow;
import static dev.belay.dsl.FrameBound.preceding;
import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertBranches;
import static dev.belay.dsl.query.QueryAssertions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.dsl.AggregateField;
import dev.belay.dsl.Param;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.WindowSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregates, windows and grouping sets are values: branching one leaves it as it was, and a query renders once. */
final class AggregateReuseTest {
    private static final String NAME = "\"users\".\"name\"";
    private static final String FROM_USERS = " FROM \"users\"";

    @Test
    void anAggregateBranchesByOrderDistinctAndFilter() {
        AggregateField<List<String>> base = arrayAgg(USER.NAME);
        String text = base.toString();
        AggregateField<List<String>> ordered = base.orderBy(USER.NAME.desc());
        AggregateField<List<String>> distinct = base.distinct();
        AggregateField<List<String>> filtered = ordered.filter(USER.AGE.ge(18));
        assertEquals(text, base.toString());
        assertEquals("array_agg(" + NAME + ")", text);
        assertEquals("array_agg(" + NAME + " ORDER BY " + NAME + " DESC)", ordered.toString());
        assertEquals("array_agg(DISTINCT " + NAME + ")", distinct.toString());
        assertEquals("array_agg(" + NAME + " ORDER BY " + NAME + " DESC) FILTER (WHERE \"users\".\"age\" >= 18)",
                filtered.toString());
        // a second orderBy replaces the first, on a copy
        assertEquals("array_agg(" + NAME + " ORDER BY \"users\".\"id\" ASC)", ordered.orderBy(USER.ID).toString());
        assertEquals("array_agg(" + NAME + " ORDER BY " + NAME + " DESC)", ordered.toString());
    }

    @Test
    void anOrderedSetAggregateBranchesByKey() {
        var median = percentileCont(0.5);
        assertEquals("percentile_cont(CAST(0.5 AS float8)) WITHIN GROUP (ORDER BY \"orders\".\"total\" ASC)",
                median.withinGroup(ORDER.TOTAL).toString());
        assertEquals("percentile_cont(CAST(0.5 AS float8)) WITHIN GROUP (ORDER BY \"users\".\"age\" DESC)",
                median.withinGroup(USER.AGE.desc()).toString());
        assertEquals("percentile_cont(CAST(0.5 AS float8))", median.toString());
    }

    @Test
    void aSelectBranchesByWindowAndGrouping() {
        Select<Tuple2<String, Long>> base = select(USER.NAME, rowNumber().over("w")).from(USER);
        String sql = "SELECT " + NAME + ", row_number() OVER \"w\"" + FROM_USERS;
        assertBranches(base.window("w", window()), expect(sql + " WINDOW \"w\" AS ()"),
                base.window("w", partitionBy(USER.AGE)), expect(sql + " WINDOW \"w\" AS (PARTITION BY \"users\".\"age\")"),
                base.window("w", window().orderBy(USER.NAME).rowsBetween(preceding(1), currentRow())),
                expect(sql + " WINDOW \"w\" AS (ORDER BY " + NAME + " ASC ROWS BETWEEN ? PRECEDING AND CURRENT ROW)", 1L));

        Select<Tuple2<String, Long>> grouped = select(USER.NAME, count()).from(USER);
        String counted = "SELECT " + NAME + ", count(*)" + FROM_USERS + " GROUP BY ";
        assertBranches(grouped.groupBy(USER.NAME), expect(counted + NAME),
                grouped.groupBy(rollup(USER.NAME)), expect(counted + "ROLLUP (" + NAME + ")"),
                grouped.groupBy(USER.NAME).groupBy(cube(USER.AGE)), expect(counted + NAME + ", CUBE (\"users\".\"age\")"));
    }

    @Test
    void aWindowSpecWithAnIntervalFrameIsReusable() {
        WindowSpec byTime = window().orderBy(ORDER.CREATED_AT);
        WindowSpec week = byTime.rangeBetween(preceding(Duration.ofDays(7)), currentRow());
        String order = "ORDER BY \"orders\".\"created_at\" ASC";
        assertEquals("count(*) OVER (" + order + ")", count().over(byTime).toString());
        assertEquals("count(*) OVER (" + order + " RANGE BETWEEN '" + Duration.ofDays(7) + "'::interval PRECEDING AND "
                + "CURRENT ROW)", count().over(week).toString());
        assertEquals("count(*) OVER (" + order + ")", count().over(byTime).toString());
    }

    /** Built once, rendered twice and bound twice: the same SQL text, each binding its own values. */
    @Test
    void aReportQueryRendersOnceAndBindsTwice() {
        Param<BigDecimal> min = param("min", BigDecimal.class);
        Select<Tuple2<Long, String>> report = select(ORDER.USER_ID, stringAgg(ORDER.STATUS.cast(dev.belay.dsl.PgType.TEXT),
                ", ").orderBy(ORDER.ID).filter(ORDER.TOTAL.ge(min))).from(ORDER)
                .groupBy(groupingSets(set(ORDER.USER_ID), set())).window("w", partitionBy(ORDER.USER_ID));
        RenderedSql a = report.bind(min, BigDecimal.ONE).render();
        RenderedSql b = report.bind(min, BigDecimal.TEN).render();
        assertSame(a.sql(), b.sql());
        assertEquals(a.sql(), report.bind(min, BigDecimal.ONE).render().sql());
        assertEquals("SELECT \"orders\".\"user_id\", string_agg(CAST(\"orders\".\"status\" AS text), ? ORDER BY "
                + "\"orders\".\"id\" ASC) FILTER (WHERE \"orders\".\"total\" >= ?) FROM \"orders\" GROUP BY GROUPING SETS "
                + "((\"orders\".\"user_id\"), ()) WINDOW \"w\" AS (PARTITION BY \"orders\".\"user_id\")", a.sql());
        assertEquals(List.of(", ", BigDecimal.ONE), a.params());
        assertEquals(List.of(", ", BigDecimal.TEN), b.params());
    }
}
