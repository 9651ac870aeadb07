package dev.belay.it.docs;

import static dev.belay.dsl.FrameBound.currentRow;
import static dev.belay.dsl.FrameBound.preceding;
import static dev.belay.dsl.FrameBound.unboundedPreceding;
import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.DocSql.assertSql;
import static dev.belay.it.docs.OrderTable.ORDER;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.AggregateField;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.Tuple4;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/aggregates.md, rendered and run on the seeded fixture: Alice (30) with orders 120.00 PAID and 15.50 NEW,
 * Bob (17) with 300.00 SHIPPED, Carol (no age) with none.
 */
@FixtureDatabase
final class AggregatesDocTest {
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) throws Exception {
        t.runScript(FixtureDatabase.SEED);
        db = t.open();
    }

    @Test
    void orderedAggregates() {
        // tag::agg-ordered[]
        Select<Tuple3<String, String, List<BigDecimal>>> perUser = select(USER.NAME,
                stringAgg(ORDER.STATUS.cast(PgType.TEXT), ", ").orderBy(ORDER.TOTAL.desc()),
                arrayAgg(ORDER.TOTAL).orderBy(ORDER.TOTAL).filter(ORDER.TOTAL.gt(new BigDecimal("20"))))
                .from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID))
                .groupBy(USER.NAME).orderBy(USER.NAME);
        // end::agg-ordered[]
        assertSql(perUser, """
                SELECT "users"."name", string_agg(CAST("orders"."status" AS text), ? ORDER BY "orders"."total" DESC),
                  array_agg("orders"."total" ORDER BY "orders"."total" ASC) FILTER (WHERE "orders"."total" > ?)
                  FROM "orders" JOIN "users" ON "orders"."user_id" = "users"."id"
                  GROUP BY "users"."name" ORDER BY "users"."name" ASC
                """);
        assertEquals(List.of(new Tuple3<>("Alice", "PAID, NEW", List.of(new BigDecimal("120.00"))),
                new Tuple3<>("Bob", "SHIPPED", List.of(new BigDecimal("300.00")))), db.exec(perUser));
    }

    @Test
    void sumAndAvgTypes() {
        // tag::agg-sum-types[]
        AggregateField<BigDecimal> total = sum(ORDER.TOTAL);     // numeric: sum("orders"."total")
        AggregateField<BigDecimal> ages = sum(USER.AGE);         // numeric: CAST(sum("users"."age") AS numeric)
        AggregateField<Long> agesAsLong = sumLong(USER.AGE);     // bigint, as PostgreSQL sums int4
        AggregateField<BigDecimal> meanAge = avg(USER.AGE);      // numeric
        // end::agg-sum-types[]
        assertEquals(new BigDecimal("435.50"), db.one(select(total).from(ORDER)));
        assertEquals(new Tuple3<>(new BigDecimal("47"), 47L, new BigDecimal("23.5000000000000000")),
                db.one(select(ages, agesAsLong, meanAge).from(USER)));
    }

    @Test
    void withinGroup() {
        // tag::agg-median[]
        Select<Tuple2<Double, BigDecimal>> median = select(
                percentileCont(0.5).withinGroup(ORDER.TOTAL),       // interpolated: a double
                percentileDisc(0.5).withinGroup(ORDER.TOTAL))       // one of the totals
                .from(ORDER);
        // end::agg-median[]
        assertSql(median, """
                SELECT percentile_cont(CAST(? AS float8)) WITHIN GROUP (ORDER BY "orders"."total" ASC),
                  percentile_disc(CAST(? AS float8)) WITHIN GROUP (ORDER BY "orders"."total" ASC) FROM "orders"
                """);
        assertEquals(new Tuple2<>(120.0, new BigDecimal("120.00")), db.one(median));
    }

    @Test
    void windows() {
        // tag::agg-windows[]
        Select<Tuple4<Long, BigDecimal, BigDecimal, Long>> running = select(ORDER.ID,
                sum(ORDER.TOTAL).over("per_user"),
                sum(ORDER.TOTAL).over(window().orderBy(ORDER.CREATED_AT)
                        .rangeBetween(preceding(Duration.ofDays(7)), currentRow())),
                rowNumber().over("per_user"))
                .from(ORDER)
                .window("per_user", partitionBy(ORDER.USER_ID).orderBy(ORDER.ID)
                        .rowsBetween(unboundedPreceding(), currentRow()))
                .orderBy(ORDER.ID);
        // end::agg-windows[]
        assertSql(running, """
                SELECT "orders"."id", sum("orders"."total") OVER "per_user",
                  sum("orders"."total") OVER (ORDER BY "orders"."created_at" ASC
                  RANGE BETWEEN ? PRECEDING AND CURRENT ROW), row_number() OVER "per_user"
                  FROM "orders" WINDOW "per_user" AS (PARTITION BY "orders"."user_id" ORDER BY "orders"."id" ASC
                  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ORDER BY "orders"."id" ASC
                """);
        // the seed inserts the three orders at one time, so the 7-day window holds all three
        assertEquals(List.of(new Tuple4<>(1L, new BigDecimal("120.00"), new BigDecimal("435.50"), 1L),
                new Tuple4<>(2L, new BigDecimal("135.50"), new BigDecimal("435.50"), 2L),
                new Tuple4<>(3L, new BigDecimal("300.00"), new BigDecimal("435.50"), 1L)), db.exec(running));
    }

    @Test
    void rollupSubtotals() {
        // tag::agg-rollup[]
        Field<Integer> subtotal = grouping(ORDER.STATUS);      // 1 where the row sums all statuses
        Select<Tuple4<Long, Order.Status, BigDecimal, Integer>> report =
                select(ORDER.USER_ID, ORDER.STATUS, sum(ORDER.TOTAL), subtotal)
                        .from(ORDER).groupBy(rollup(ORDER.USER_ID, ORDER.STATUS))
                        .orderBy(ORDER.USER_ID.asc().nullsLast(), subtotal, ORDER.STATUS);
        // end::agg-rollup[]
        assertSql(report, """
                SELECT "orders"."user_id", "orders"."status", sum("orders"."total"), grouping("orders"."status")
                  FROM "orders" GROUP BY ROLLUP ("orders"."user_id", "orders"."status")
                  ORDER BY "orders"."user_id" ASC NULLS LAST, grouping("orders"."status") ASC, "orders"."status" ASC
                """);
        assertEquals(Arrays.asList(
                new Tuple4<>(1L, Order.Status.NEW, new BigDecimal("15.50"), 0),
                new Tuple4<>(1L, Order.Status.PAID, new BigDecimal("120.00"), 0),
                new Tuple4<>(1L, null, new BigDecimal("135.50"), 1),
                new Tuple4<>(2L, Order.Status.SHIPPED, new BigDecimal("300.00"), 0),
                new Tuple4<>(2L, null, new BigDecimal("300.00"), 1),
                new Tuple4<>(null, null, new BigDecimal("435.50"), 1)), db.exec(report));
    }
}
