package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.DocSql.assertSql;
import static dev.belay.it.docs.OrderTable.ORDER;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.DatePart;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/scalar.md, rendered and run on the seeded fixture (Alice 30, Bob 17, Carol; orders 120.00, 15.50, 300.00). */
@FixtureDatabase
final class ScalarDocTest {
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        t.runScript(FixtureDatabase.SEED);
        db = t.open();
    }

    @Test
    void caseExpressions() {
        // tag::scalar-case[]
        Field<String> group = case_()
                .when(USER.AGE.lt(18), "minor")
                .when(USER.AGE.lt(65), "adult")
                .otherwise("unknown");                      // no otherwise(): NULL when no branch holds
        Field<Integer> rank = case_(ORDER.STATUS)
                .when(Order.Status.PAID, 1)
                .when(Order.Status.NEW, 0)
                .otherwise(-1);
        List<Tuple2<String, String>> groups = db.exec(select(USER.NAME, group).from(USER).orderBy(USER.NAME));
        // [(Alice, adult), (Bob, minor), (Carol, unknown)]
        // end::scalar-case[]
        assertEquals(List.of(new Tuple2<>("Alice", "adult"), new Tuple2<>("Bob", "minor"),
                new Tuple2<>("Carol", "unknown")), groups);
        assertSql(select(USER.NAME, group).from(USER), """
                SELECT "users"."name", CASE WHEN "users"."age" < ? THEN ? WHEN "users"."age" < ? THEN ? ELSE ? END
                  FROM "users"
                """);
        assertSql(select(ORDER.ID, rank).from(ORDER), """
                SELECT "orders"."id", CASE "orders"."status" WHEN ? THEN CAST(? AS int4) WHEN ? THEN CAST(? AS int4)
                  ELSE CAST(? AS int4) END FROM "orders"
                """);
        assertEquals(List.of(0, 1, -1), db.exec(select(rank).from(ORDER).orderBy(ORDER.TOTAL)));
    }

    @Test
    void valuesAndCasts() {
        // tag::scalar-values[]
        Field<Integer> adultAge = greatest(USER.AGE, 18);            // greatest("users"."age", ?)
        Field<String> named = nullif(USER.NAME, "");                 // nullif("users"."name", ?)
        Field<Long> big = cast(5L, PgType.INT8);                     // CAST(? AS int8)
        Field<String> asText = USER.AGE.cast(PgType.TEXT);           // CAST("users"."age" AS text)
        // end::scalar-values[]
        assertEquals(List.of(30, 18, 18), db.exec(select(adultAge).from(USER).orderBy(USER.NAME)));
        assertEquals("greatest(\"users\".\"age\", 18)", adultAge.toString());
        assertEquals("nullif(\"users\".\"name\", '')", named.toString());
        assertEquals(5L, db.one(select(big)));
        assertEquals("30", db.one(select(asText).from(USER).where(USER.NAME.eq("Alice"))));
    }

    @Test
    void datesAndTimes() {
        Instant since = Instant.EPOCH;
        // tag::scalar-month[]
        Field<Instant> month = dateTrunc(DatePart.MONTH, ORDER.CREATED_AT);
        Select<Tuple2<Instant, BigDecimal>> revenue = select(month, sum(ORDER.TOTAL)).from(ORDER)
                .where(ORDER.CREATED_AT.ge(since)).groupBy(month).orderBy(month);
        // end::scalar-month[]
        assertSql(revenue, """
                SELECT date_trunc('month', "orders"."created_at"), sum("orders"."total") FROM "orders"
                  WHERE "orders"."created_at" >= ? GROUP BY date_trunc('month', "orders"."created_at")
                  ORDER BY date_trunc('month', "orders"."created_at") ASC
                """);
        List<Tuple2<Instant, BigDecimal>> rows = db.exec(revenue);
        assertEquals(1, rows.size(), "the seed inserts its orders in one statement, so in one month");
        assertEquals(new BigDecimal("435.50"), rows.get(0).v2());

        // tag::scalar-interval[]
        Field<Instant> dueAt = ORDER.CREATED_AT.plusInterval(Duration.ofDays(30));   // + CAST(? AS interval)
        Field<Duration> waited = timestampDiff(now(), ORDER.CREATED_AT);             // now() - "orders"."created_at"
        Field<BigDecimal> year = extract(DatePart.YEAR, ORDER.CREATED_AT);           // EXTRACT(YEAR FROM ...)
        Field<LocalDateTime> day = dateTrunc(DatePart.DAY, currentDate().cast(PgType.TIMESTAMP));
        // end::scalar-interval[]
        Tuple2<Instant, Duration> due = db.exec(select(dueAt, waited).from(ORDER)).get(0);
        assertTrue(due.v1().isAfter(Instant.now().plus(Duration.ofDays(29))), due.toString());
        assertTrue(due.v2().compareTo(Duration.ofMinutes(10)) < 0, due.toString());
        assertTrue(db.one(select(year).from(ORDER).limit(1L)).intValue() >= 2024);
        assertEquals(0, db.one(select(day)).getHour());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> currentDate().plusInterval(Duration.ofDays(1)));
        assertTrue(e.getMessage().contains("date + interval is a timestamp in PostgreSQL"), e.getMessage());
    }

    @Test
    void textMatching() {
        // tag::scalar-text[]
        Select<String> names = select(USER.NAME).from(USER).orderBy(USER.NAME);
        db.exec(names.where(USER.NAME.matches("^[AB]")));            // "users"."name" ~ ?       [Alice, Bob]
        db.exec(names.where(USER.NAME.containsIgnoreCase("AR")));    // ILIKE ? with %AR%        [Carol]
        db.exec(names.where(USER.NAME.like(escapeLike("50%") + "%"))); // LIKE ? with 50\%%      []
        // end::scalar-text[]
        assertEquals(List.of("Alice", "Bob"), db.exec(names.where(USER.NAME.matches("^[AB]"))));
        assertEquals(List.of("Carol"), db.exec(names.where(USER.NAME.containsIgnoreCase("AR"))));
        assertEquals(List.of(), db.exec(names.where(USER.NAME.like(escapeLike("50%") + "%"))));
        assertEquals("50\\%", escapeLike("50%"));
        assertSql(names.where(USER.NAME.matchesIgnoreCase("^a").or(USER.NAME.similarTo("(Bo|Ca)%"))), """
                SELECT "users"."name" FROM "users" WHERE ("users"."name" ~* ?) OR ("users"."name" SIMILAR TO ?)
                  ORDER BY "users"."name" ASC
                """);
    }
}
