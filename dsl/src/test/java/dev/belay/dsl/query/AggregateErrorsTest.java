package dev.belay.dsl.query;

import static dev.belay.dsl.FrameBound.currentRow;
import static dev.belay.dsl.FrameBound.following;
import static dev.belay.dsl.FrameBound.preceding;
import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertFails;

import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.dsl.WindowSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aggregates, windows and grouping sets PostgreSQL would reject are refused while building, naming what is wrong. */
final class AggregateErrorsTest {
    private static final Field<String> DOC = value("{}", PgType.JSONB);

    @Test
    void aggregateOrderAndDistinct() {
        assertFails(IllegalArgumentException.class, () -> count().orderBy(USER.NAME), "count(*)", "no argument to order");
        assertFails(IllegalArgumentException.class, () -> count().distinct(), "countDistinct(field)");
        assertFails(IllegalArgumentException.class, () -> arrayAgg(USER.NAME).orderBy(), "at least one item");
        // DISTINCT orders only by its arguments (42P10), whichever is called first
        assertFails(IllegalArgumentException.class, () -> arrayAgg(USER.NAME).distinct().orderBy(USER.AGE),
                "array_agg(DISTINCT \"users\".\"name\")", "\"users\".\"age\" is not one of them");
        assertFails(IllegalArgumentException.class, () -> arrayAgg(USER.NAME).orderBy(USER.ID).distinct(),
                "\"users\".\"id\" is not one of them");
    }

    @Test
    void windowsRefuseWhatPostgresDoesNotImplementThere() {
        assertFails(IllegalArgumentException.class, () -> countDistinct(USER.AGE).over(window()),
                "count(DISTINCT \"users\".\"age\").over(...)", "does not implement DISTINCT in a window function");
        assertFails(IllegalArgumentException.class, () -> stringAgg(USER.NAME, ",").orderBy(USER.NAME).over("w"),
                "an aggregate ORDER BY in a window function");
        assertFails(IllegalArgumentException.class, () -> percentileCont(0.5).withinGroup(USER.AGE).over(window()),
                "ordered-set aggregate", "per group only");
    }

    @Test
    void orderedSetAggregates() {
        assertFails(IllegalArgumentException.class, () -> percentileCont(1.5), "percentileCont(1.5)", "between 0 and 1");
        assertFails(IllegalArgumentException.class, () -> percentileCont(-0.1), "between 0 and 1");
        assertFails(IllegalArgumentException.class, () -> percentileDisc(Double.NaN), "percentileDisc(NaN)");
        assertFails(IllegalArgumentException.class, () -> mode().withinGroup(USER.NAME).orderBy(USER.ID),
                "its order is the one given to withinGroup");
        assertFails(IllegalArgumentException.class, () -> percentileDisc(0.1).withinGroup(USER.NAME).distinct(),
                "takes no DISTINCT");
        assertFails(IllegalArgumentException.class, () -> percentileCont(0.5)
                .withinGroupInterval(value(Duration.ofHours(1), PgType.custom("my_interval", Duration.class))),
                "\"my_interval\", not interval");
    }

    @Test
    void sumAndAvgNameTheVariantThatFits() {
        Field<Double> f8 = USER.AGE.cast(PgType.FLOAT8);
        assertFails(IllegalArgumentException.class, () -> sum(f8), "sum of float8", "use sumDouble(field)");
        assertFails(IllegalArgumentException.class, () -> sum(USER.AGE.cast(PgType.FLOAT4)),
                "sumDouble(field.cast(PgType.FLOAT8))");
        assertFails(IllegalArgumentException.class, () -> avg(f8), "avg of float8", "use avgDouble(field)");
        assertFails(IllegalArgumentException.class, () -> sum(value(1, PgType.custom("money", Integer.class))),
                "the field is \"money\"", "field.cast(PgType.NUMERIC)");
        assertFails(IllegalArgumentException.class, () -> sumDouble(value(1.0, PgType.custom("d", Double.class))),
                "sumDouble(", "is for float8 fields");
    }

    @Test
    void textArrayAndJsonArguments() {
        assertFails(IllegalArgumentException.class, () -> stringAgg(USER.NAME, null), "stringAgg(", "give a delimiter");
        assertFails(IllegalArgumentException.class, () -> stringAgg(DOC, ","), "stringAgg() applies to [text]");
        assertFails(IllegalArgumentException.class, () -> stringAgg(USER.NAME, "a\0b"), "NUL");
        assertFails(IllegalArgumentException.class, () -> arrayAgg(ORDER.TAGS), "already an array (text[])", "unnest");
        assertFails(IllegalArgumentException.class, () -> jsonbBuildObject("a", USER.NAME, "a", USER.AGE),
                "key \"a\" is given twice");
        assertFails(IllegalArgumentException.class, () -> jsonbBuildObject(null, USER.NAME), "a key is null");
        Map<String, Field<?>> nullValue = new HashMap<>();
        nullValue.put("k", null);
        assertFails(IllegalArgumentException.class, () -> jsonBuildObject(nullValue), "value of key \"k\" is null");
        Map<String, Field<?>> nulKey = new LinkedHashMap<>();
        nulKey.put("a\0", USER.NAME);
        assertFails(IllegalArgumentException.class, () -> jsonbBuildObject(nulKey), "NUL");
    }

    @Test
    void windowFunctionArguments() {
        assertFails(IllegalArgumentException.class, () -> ntile(0), "ntile(0)", "buckets must be at least 1");
        assertFails(IllegalArgumentException.class, () -> nthValue(USER.NAME, 0), "nthValue(0)", "at least 1");
    }

    @Test
    void namedWindows() {
        Select<Long> q = select(rowNumber().over("w")).from(USER).window("v", window());
        assertFails(IllegalArgumentException.class, q::render, "over(\"w\")", "defines no window \"w\"",
                "it defines [v]", ".window(\"w\"");
        assertFails(IllegalArgumentException.class, () -> select(count().over(window("w", window()))).from(USER)
                .render(), "it defines none");
        // a window is named per SELECT: the outer one's name does not reach into a subquery
        assertFails(IllegalArgumentException.class, () -> select(USER.ID).from(USER).window("w", window())
                .where(USER.ID.in(select(rowNumber().over("w")).from(ORDER))).render(), "defines no window \"w\"");
        assertFails(IllegalArgumentException.class, () -> select(USER.ID).from(USER).window("w", window())
                .window("w", partitionBy(USER.NAME)), "already defines a window \"w\"");
        assertFails(IllegalArgumentException.class, () -> rank().over(""), "window name");
        // the frame of a named window is checked like any other
        assertFails(IllegalArgumentException.class, () -> window("w", window().groupsBetween(preceding(1),
                currentRow())), "GROUPS frames need an ORDER BY");
    }

    @Test
    void rangeOffsetsMustFitTheOrderKey() {
        WindowSpec byTime = window().orderBy(ORDER.CREATED_AT);
        assertFails(IllegalArgumentException.class, () -> count().over(byTime.rangeBetween(preceding(7), currentRow())),
                "RANGE BETWEEN PRECEDING AND CURRENT ROW over ORDER BY \"orders\".\"created_at\" (timestamptz)",
                "must be an interval", "Duration.ofDays(7)");
        assertFails(IllegalArgumentException.class, () -> count().over(window().orderBy(ORDER.TOTAL)
                        .rangeBetween(preceding(Duration.ofDays(1)), currentRow())),
                "over ORDER BY \"orders\".\"total\" (numeric)", "must be a number");
        assertFails(IllegalArgumentException.class, () -> count().over(window().orderBy(USER.NAME)
                .rangeBetween(currentRow(), following(1))), "(text)", "only along a numeric, date, time or interval key");
        // mixed: an interval start and a number end over a timestamp
        assertFails(IllegalArgumentException.class, () -> count().over(byTime.rangeBetween(
                preceding(Duration.ofDays(1)), following(1))), "must be an interval");
    }

    @Test
    void intervalOffsetsOnlyInRangeFrames() {
        assertFails(IllegalArgumentException.class, () -> count().over(window().orderBy(ORDER.CREATED_AT)
                        .rowsBetween(preceding(Duration.ofDays(1)), currentRow())),
                "ROWS BETWEEN PRECEDING AND CURRENT ROW", "ROWS offsets count rows", "not intervals");
        assertFails(IllegalArgumentException.class, () -> count().over(window().orderBy(ORDER.CREATED_AT)
                        .groupsBetween(currentRow(), following(Duration.ofDays(1)))),
                "GROUPS offsets count peer groups");
        assertFails(IllegalArgumentException.class, () -> preceding(Duration.ofDays(-1)), "must not be negative: PT-24H");
        assertFails(IllegalArgumentException.class, () -> following((Duration) null), "must not be null",
                "unboundedFollowing()");
    }

    @Test
    void groupingSetsNeedItems() {
        assertFails(IllegalArgumentException.class, () -> rollup(), "rollup(): name at least one field");
        assertFails(IllegalArgumentException.class, () -> cube(), "cube(): name at least one field");
        assertFails(IllegalArgumentException.class, () -> groupingSets(), "set() is the grand total");
        assertFails(IllegalArgumentException.class, () -> grouping(), "grouping(): name at least one GROUP BY field");
    }
}
