package dev.belay.it;

import static dev.belay.dsl.FrameBound.unboundedFollowing;
import static dev.belay.dsl.FrameBound.unboundedPreceding;
import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.NamedWindow;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.Tuple4;
import dev.belay.dsl.Tuple5;
import dev.belay.dsl.Tuple6;
import dev.belay.dsl.WindowSpec;
import dev.belay.dsl.fixtures.Order.Status;
import dev.belay.executor.DBConnection;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each aggregate and window function run through {@code db.exec} on the rows of {@link ReportExecutionTest}, its
 * values checked as the Java type its field declares (users aged 30, 17, NULL, 45; Bob's orders 300.00 then 20.00).
 */
@FixtureDatabase
final class AggregateExecutionTest {
    private static DBConnection db;

    @BeforeAll
    static void insertRows(TestDatabase t) throws SQLException {
        try (Connection c = t.connect(); Statement st = c.createStatement()) {
            st.execute(ReportExecutionTest.ROWS);
        }
        db = t.open();
    }

    /** Each sum and avg reads as the type PostgreSQL returns (or is cast to), with its exact value. */
    @Test
    void sumAndAvgHavePostgresResultTypes() {
        Tuple5<BigDecimal, Long, BigDecimal, BigDecimal, Double> r = db.one(select(sum(USER.AGE), sumLong(USER.AGE),
                avg(USER.AGE), sum(USER.ID), avgDouble(USER.AGE.cast(PgType.FLOAT8))).from(USER));
        assertEquals(new BigDecimal("92"), r.v1());
        assertEquals(92L, r.v2());
        assertEquals(new BigDecimal("30.6666666666666667"), r.v3());
        assertEquals(new BigDecimal("10"), r.v4());
        assertEquals(92.0 / 3, r.v5(), 1e-12);
        assertEquals(Double.valueOf(92.0), db.one(select(sumDouble(USER.AGE.cast(PgType.FLOAT8))).from(USER)));
        // no rows to sum: SQL NULL, not zero
        assertEquals(Arrays.asList((Long) null), db.exec(select(sumLong(USER.AGE)).from(USER).where(USER.ID.lt(0L))));
    }

    @Test
    void arraysInOrderDistinctAndFiltered() {
        Tuple4<List<String>, List<Integer>, List<Status>, List<Long>> r = db.one(select(
                arrayAgg(USER.NAME).orderBy(USER.NAME.desc()),
                arrayAgg(USER.AGE).orderBy(USER.AGE.asc().nullsFirst()),
                arrayAgg(ORDER.STATUS).distinct().orderBy(ORDER.STATUS),
                arrayAgg(ORDER.ID).orderBy(ORDER.ID).filter(ORDER.TOTAL.ge(new BigDecimal("80"))))
                .from(USER).join(ORDER).on(ORDER.USER_ID.eq(USER.ID)).where(USER.NAME.ne("Dave")));
        assertEquals(List.of("Bob", "Bob", "Alice", "Alice", "Alice", "Alice"), r.v1());
        assertEquals(List.of(17, 17, 30, 30, 30, 30), r.v2());
        assertEquals(List.of(Status.NEW, Status.PAID, Status.SHIPPED), r.v3());
        assertEquals(List.of(1L, 5L), r.v4());
        assertEquals(Arrays.asList(null, 17, 30, 45),
                db.one(select(arrayAgg(USER.AGE).orderBy(USER.AGE.asc().nullsFirst())).from(USER)));
    }

    @Test
    void jsonAggregatesAndObjects() {
        Tuple3<String, String, String> r = db.one(select(jsonAgg(USER.NAME).orderBy(USER.NAME),
                jsonbAgg(USER.AGE).distinct().filter(USER.AGE.isNotNull()),
                jsonBuildObject("n", count(), "ages", arrayAgg(USER.AGE).orderBy(USER.AGE))).from(USER));
        assertEquals("[\"Alice\", \"Bob\", \"Carol\", \"Dave\"]", r.v1());
        assertEquals("[17, 30, 45]", r.v2());
        assertEquals("{\"n\" : 4, \"ages\" : [17,30,45,null]}", r.v3());
        assertEquals(List.of("{\"age\": 30, \"name\": \"Alice\"}", "{\"age\": null, \"name\": \"Carol\"}"),
                db.exec(select(jsonbBuildObject("name", USER.NAME, "age", USER.AGE)).from(USER)
                        .where(USER.NAME.in("Alice", "Carol")).orderBy(USER.NAME)));
        // a bound value is typed in the call, so it reaches the object as a number, not a string
        assertEquals("{\"one\": 1}", db.one(select(jsonbBuildObject("one", value(1)))));
    }

    @Test
    void booleanAggregates() {
        Tuple4<Boolean, Boolean, Boolean, Boolean> r = db.one(select(every(USER.AGE.ge(18)), boolAnd(USER.AGE.ge(18))
                .filter(USER.NAME.ne("Bob")), boolOr(USER.AGE.lt(18)), boolOr(USER.AGE.gt(99))).from(USER));
        assertEquals(new Tuple4<>(false, true, true, false), r);
    }

    @Test
    void rankingAndDistributionWindows() {
        WindowSpec byTotal = window().orderBy(ORDER.TOTAL);
        List<Tuple4<Long, Integer, Double, Double>> rows = db.exec(select(ORDER.ID, ntile(3).over(byTotal),
                percentRank().over(byTotal), cumeDist().over(byTotal)).from(ORDER).where(ORDER.USER_ID.eq(1L))
                .orderBy(ORDER.TOTAL));
        // Alice's 10, 25, 50, 100: ntile(3) puts the extra row in the first bucket
        assertEquals(List.of(new Tuple4<>(4L, 1, 0.0, 0.25), new Tuple4<>(3L, 1, 1.0 / 3, 0.5),
                new Tuple4<>(2L, 2, 2.0 / 3, 0.75), new Tuple4<>(1L, 3, 1.0, 1.0)), rows);
    }

    @Test
    void valueWindowsOverANamedWindow() {
        NamedWindow w = window("by_time", partitionBy(ORDER.USER_ID).orderBy(ORDER.CREATED_AT)
                .rowsBetween(unboundedPreceding(), unboundedFollowing()));
        List<Tuple6<Long, BigDecimal, BigDecimal, Status, Long, BigDecimal>> rows = db.exec(select(ORDER.ID, firstValue(ORDER.TOTAL).over(w), lastValue(ORDER.TOTAL).over(w),
                nthValue(ORDER.STATUS, 2).over(w), rowNumber().over(w), max(ORDER.TOTAL).over("by_time"))
                .from(ORDER).window(w).orderBy(ORDER.ID));
        assertEquals(7, rows.size());
        // order 5 is Bob's first (300.00 SHIPPED), order 6 his last (20.00 NEW)
        assertEquals(new Tuple6<>(5L, new BigDecimal("300.00"), new BigDecimal("20.00"), Status.NEW, 1L,
                new BigDecimal("300.00")), rows.get(4));
        // Dave has one order: no second value
        assertEquals(new Tuple6<>(7L, new BigDecimal("80.00"), new BigDecimal("80.00"), null, 1L,
                new BigDecimal("80.00")), rows.get(6));
    }

    @Test
    void aggregatesOverFramesWithFilter() {
        List<Tuple2<Long, BigDecimal>> rows = db.exec(select(ORDER.ID, sum(ORDER.TOTAL)
                .filter(ORDER.STATUS.ne(Status.NEW)).over(partitionBy(ORDER.USER_ID).orderBy(ORDER.CREATED_AT)
                        .groupsBetween(unboundedPreceding(), dev.belay.dsl.FrameBound.currentRow())))
                .from(ORDER).where(ORDER.USER_ID.eq(1L)).orderBy(ORDER.CREATED_AT));
        // Alice: 100 PAID, 50 SHIPPED, 25 NEW (skipped), 10 PAID
        assertEquals(List.of(new Tuple2<>(1L, new BigDecimal("100.00")), new Tuple2<>(2L, new BigDecimal("150.00")),
                new Tuple2<>(3L, new BigDecimal("150.00")), new Tuple2<>(4L, new BigDecimal("160.00"))), rows);
        // sum of an int4 over a window keeps its cast to numeric
        assertEquals(List.of(new BigDecimal("30"), new BigDecimal("47"), new BigDecimal("47"), new BigDecimal("92")),
                db.exec(select(sum(USER.AGE).over(window().orderBy(USER.ID).rowsBetween(unboundedPreceding(),
                        dev.belay.dsl.FrameBound.currentRow()))).from(USER).orderBy(USER.ID)));
    }
}
