package dev.belay.it;

import static dev.belay.dsl.FrameBound.currentRow;
import static dev.belay.dsl.FrameBound.preceding;
import static dev.belay.dsl.FrameBound.unboundedPreceding;
import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Field;
import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.Tuple4;
import dev.belay.dsl.fixtures.Order.Status;
import dev.belay.executor.DBConnection;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports aggregates and windows exist for, run through {@code db.exec} on PostgreSQL over orders with known
 * times and totals, each checked value by value: revenue per user with its statuses, running totals, a 7-day
 * moving sum, medians, and rollup subtotals told apart from data by {@code grouping()}.
 */
@FixtureDatabase
final class ReportExecutionTest {
    /** Orders by time: o1 Alice, o5 Bob, o2 Alice, o7 Dave, o6 Bob, o3 Alice, o4 Alice. */
    static final String ROWS = """
            INSERT INTO users (id, name, email, age) OVERRIDING SYSTEM VALUE VALUES
                (1, 'Alice', 'alice@x.org', 30), (2, 'Bob', 'bob@x.org', 17), (3, 'Carol', 'carol@x.org', NULL),
                (4, 'Dave', 'dave@x.org', 45);
            INSERT INTO orders (id, user_id, total, status, tags, created_at) OVERRIDING SYSTEM VALUE VALUES
                (1, 1, 100.00, 'PAID',    '{a}',   '2024-01-01 10:00+00'),
                (2, 1,  50.00, 'SHIPPED', '{a,b}', '2024-01-03 10:00+00'),
                (3, 1,  25.00, 'NEW',     '{}',    '2024-01-09 10:00+00'),
                (4, 1,  10.00, 'PAID',    '{b}',   '2024-01-20 10:00+00'),
                (5, 2, 300.00, 'SHIPPED', '{c}',   '2024-01-02 12:00+00'),
                (6, 2,  20.00, 'NEW',     '{}',    '2024-01-05 12:00+00'),
                (7, 4,  80.00, 'PAID',    '{a}',   '2024-01-04 08:00+00');
            """;

    private static DBConnection db;

    @BeforeAll
    static void insertRows(TestDatabase t) throws SQLException {
        try (Connection c = t.connect(); Statement st = c.createStatement()) {
            st.execute(ROWS);
        }
        db = t.open();
    }

    @Test
    void revenuePerUserWithItsStatusesInOrder() {
        Field<String> status = ORDER.STATUS.cast(PgType.TEXT);
        List<Tuple4<String, BigDecimal, String, String>> rows = db.exec(select(USER.NAME, sum(ORDER.TOTAL),
                stringAgg(status, ", ").orderBy(ORDER.CREATED_AT), stringAgg(status, "/").distinct().orderBy(status))
                .from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID)).groupBy(USER.NAME).orderBy(USER.NAME));
        assertEquals(List.of(
                new Tuple4<>("Alice", new BigDecimal("185.00"), "PAID, SHIPPED, NEW, PAID", "NEW/PAID/SHIPPED"),
                new Tuple4<>("Bob", new BigDecimal("320.00"), "SHIPPED, NEW", "NEW/SHIPPED"),
                new Tuple4<>("Dave", new BigDecimal("80.00"), "PAID", "PAID")), rows);
    }

    @Test
    void runningTotalPerUser() {
        List<Tuple3<Long, Long, BigDecimal>> rows = db.exec(select(ORDER.USER_ID, ORDER.ID,
                sum(ORDER.TOTAL).over(partitionBy(ORDER.USER_ID).orderBy(ORDER.CREATED_AT)
                        .rowsBetween(unboundedPreceding(), currentRow())))
                .from(ORDER).orderBy(ORDER.USER_ID, ORDER.CREATED_AT));
        assertEquals(List.of(row(1L, 1L, "100.00"), row(1L, 2L, "150.00"), row(1L, 3L, "175.00"), row(1L, 4L, "185.00"),
                row(2L, 5L, "300.00"), row(2L, 6L, "320.00"), row(4L, 7L, "80.00")), rows);
    }

    /** RANGE over the timestamp: each order with those of the 7 days before it, however many rows that is. */
    @Test
    void sevenDayMovingSumOverTime() {
        List<Tuple3<Long, BigDecimal, Long>> rows = db.exec(select(ORDER.ID,
                sum(ORDER.TOTAL).over("week"), count().over("week"))
                .from(ORDER).window("week", window().orderBy(ORDER.CREATED_AT)
                        .rangeBetween(preceding(Duration.ofDays(7)), currentRow()))
                .orderBy(ORDER.CREATED_AT));
        // o3 (Jan 9, 10:00) reaches back to Jan 2, 10:00: o1 (Jan 1) is out, exactly 8 days before
        assertEquals(List.of(new Tuple3<>(1L, new BigDecimal("100.00"), 1L), new Tuple3<>(5L, new BigDecimal("400.00"), 2L),
                new Tuple3<>(2L, new BigDecimal("450.00"), 3L), new Tuple3<>(7L, new BigDecimal("530.00"), 4L),
                new Tuple3<>(6L, new BigDecimal("550.00"), 5L), new Tuple3<>(3L, new BigDecimal("475.00"), 5L),
                new Tuple3<>(4L, new BigDecimal("10.00"), 1L)), rows);
    }

    /** The same frame with a PgInterval offset, and a one-month frame that holds every January order. */
    @Test
    void frameOffsetsWithMonths() {
        List<Long> weekly = db.exec(select(count().over(window().orderBy(ORDER.CREATED_AT)
                .rangeBetween(preceding(PgInterval.ofDays(7)), currentRow()))).from(ORDER).orderBy(ORDER.CREATED_AT));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 5L, 1L), weekly);
        List<Long> monthly = db.exec(select(count().over(window().orderBy(ORDER.CREATED_AT)
                .rangeBetween(preceding(PgInterval.ofMonths(1)), currentRow()))).from(ORDER).orderBy(ORDER.CREATED_AT));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), monthly);   // all seven orders are in January
    }

    @Test
    void medianOverallAndPerUser() {
        assertEquals(50.0, db.one(select(percentileCont(0.5).withinGroup(ORDER.TOTAL.asc())).from(ORDER)));
        List<Tuple4<String, Double, BigDecimal, Status>> perUser = db.exec(select(USER.NAME,
                percentileCont(0.5).withinGroup(ORDER.TOTAL), percentileDisc(0.5).withinGroup(ORDER.TOTAL),
                mode().withinGroup(ORDER.STATUS)).from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID))
                .groupBy(USER.NAME).orderBy(USER.NAME));
        assertEquals(List.of(new Tuple4<>("Alice", 37.5, new BigDecimal("25.00"), Status.PAID),
                new Tuple4<>("Bob", 160.0, new BigDecimal("20.00"), Status.NEW),
                new Tuple4<>("Dave", 80.0, new BigDecimal("80.00"), Status.PAID)), perUser);
        // FILTER on an ordered-set aggregate: the median of the paid orders only (10, 80, 100)
        assertEquals(80.0, db.one(select(percentileCont(0.5).withinGroup(ORDER.TOTAL)
                .filter(ORDER.STATUS.eq(Status.PAID))).from(ORDER)));
    }

    /** percentile_cont, sum and avg over an interval are intervals; Alice's orders are 10h, 2d10h, 8d10h, 19d10h in. */
    @Test
    void intervalMedianSumAndAverage() {
        Field<Duration> sinceNewYear = function("age", PgType.INTERVAL, ORDER.CREATED_AT,
                value(Instant.parse("2024-01-01T00:00:00Z")));
        Tuple3<Duration, Duration, Duration> r = db.one(select(percentileCont(0.5).withinGroupInterval(sinceNewYear),
                sumInterval(sinceNewYear), avgInterval(sinceNewYear)).from(ORDER).where(ORDER.USER_ID.eq(1L)));
        assertEquals(new Tuple3<>(Duration.ofHours(5 * 24 + 10), Duration.ofHours(736), Duration.ofHours(184)), r);
    }

    @Test
    void rollupSubtotalsToldApartByGrouping() {
        List<Tuple4<String, Status, BigDecimal, Integer>> rows = db.exec(select(USER.NAME, ORDER.STATUS,
                sum(ORDER.TOTAL), grouping(USER.NAME, ORDER.STATUS)).from(ORDER).join(USER)
                .on(ORDER.USER_ID.eq(USER.ID)).groupBy(rollup(USER.NAME, ORDER.STATUS))
                .orderBy(USER.NAME.asc().nullsLast(), ORDER.STATUS.asc().nullsLast()));
        assertEquals(Arrays.asList(
                new Tuple4<>("Alice", Status.NEW, new BigDecimal("25.00"), 0),
                new Tuple4<>("Alice", Status.PAID, new BigDecimal("110.00"), 0),
                new Tuple4<>("Alice", Status.SHIPPED, new BigDecimal("50.00"), 0),
                new Tuple4<>("Alice", null, new BigDecimal("185.00"), 1),
                new Tuple4<>("Bob", Status.NEW, new BigDecimal("20.00"), 0),
                new Tuple4<>("Bob", Status.SHIPPED, new BigDecimal("300.00"), 0),
                new Tuple4<>("Bob", null, new BigDecimal("320.00"), 1),
                new Tuple4<>("Dave", Status.PAID, new BigDecimal("80.00"), 0),
                new Tuple4<>("Dave", null, new BigDecimal("80.00"), 1),
                new Tuple4<>(null, null, new BigDecimal("585.00"), 3)), rows);
    }

    @Test
    void cubeAndGroupingSetsCountTheirGroups() {
        // cube (user, status): 6 pairs, 3 users, 3 statuses, 1 total
        assertEquals(13, db.exec(select(ORDER.USER_ID, ORDER.STATUS, count()).from(ORDER)
                .groupBy(cube(ORDER.USER_ID, ORDER.STATUS))).size());
        List<Tuple2<Status, Long>> perStatusAndTotal = db.exec(select(ORDER.STATUS, count()).from(ORDER)
                .groupBy(groupingSets(set(ORDER.STATUS), set())).orderBy(ORDER.STATUS.asc().nullsLast()));
        assertEquals(Arrays.asList(new Tuple2<>(Status.NEW, 2L), new Tuple2<>(Status.PAID, 3L),
                new Tuple2<>(Status.SHIPPED, 2L), new Tuple2<>(null, 7L)), perStatusAndTotal);
    }

    private static Tuple3<Long, Long, BigDecimal> row(long user, long order, String total) {
        return new Tuple3<>(user, order, new BigDecimal(total));
    }
}
