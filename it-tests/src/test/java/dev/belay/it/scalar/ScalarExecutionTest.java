package dev.belay.it.scalar;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.DatePart;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import dev.belay.dsl.fixtures.Order.Status;
import dev.belay.dsl.fixtures.OrderTable;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CASE, nullif, greatest/least, date and time functions, regular expressions and escaped ILIKE run on PostgreSQL
 * through {@code db.exec}, over the seeded fixture (Alice 30, Bob 17, Carol with no age; orders of 120.00 PAID,
 * 15.50 NEW and 300.00 SHIPPED) and a sales table of known timestamps; the values read back are checked.
 */
@FixtureDatabase
final class ScalarExecutionTest {
    @dev.belay.dsl.annotations.Table("sales")
    record Sale(@Id @Generated Long id, LocalDateTime soldAt, BigDecimal total) {}

    private static final Table<Sale> SALES = Table.of(Sale.class);
    private static final Column<Sale, LocalDateTime> SOLD_AT = SALES.field("sold_at", PgType.TIMESTAMP);
    private static final Column<Sale, BigDecimal> TOTAL = SALES.field("total", PgType.NUMERIC);

    private static DBConnection db;
    private static TestDatabase database;

    @BeforeAll
    static void seed(TestDatabase t) {
        database = t;
        t.runScript(FixtureDatabase.SEED);
        t.execute("CREATE TABLE sales (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "sold_at timestamp NOT NULL, total numeric(12, 2) NOT NULL);"
                + "INSERT INTO sales (sold_at, total) VALUES "
                + "('2023-12-31 23:59:59', 999.00), ('2024-01-05 10:00', 10.00), ('2024-01-20 18:30', 20.50), "
                + "('2024-02-01 00:00', 5.00), ('2024-03-31 23:59:59.999999', 7.25);"
                + "INSERT INTO users (name, email) VALUES ('Promo 50%', 'p50@example.org'), ('Promo 500', 'p500@example.org')");
        db = t.open();
    }

    @Test
    void monthlyRevenue() {
        LocalDateTime bound = LocalDateTime.of(2024, 1, 1, 0, 0);
        Field<LocalDateTime> month = dateTrunc(DatePart.MONTH, SOLD_AT);
        Select<Tuple2<LocalDateTime, BigDecimal>> revenue =
                select(month, sum(TOTAL)).from(SALES).where(SOLD_AT.ge(bound)).groupBy(month).orderBy(month);

        assertEquals(List.of(new Tuple2<>(LocalDateTime.of(2024, 1, 1, 0, 0), new BigDecimal("30.50")),
                new Tuple2<>(LocalDateTime.of(2024, 2, 1, 0, 0), new BigDecimal("5.00")),
                new Tuple2<>(LocalDateTime.of(2024, 3, 1, 0, 0), new BigDecimal("7.25"))), db.exec(revenue));
    }

    @Test
    void searchedCase() {
        Field<String> group = case_().when(USER.AGE.lt(18), "minor").when(USER.AGE.lt(65), "adult").otherwise("senior");
        assertEquals(List.of(new Tuple2<>("Alice", "adult"), new Tuple2<>("Bob", "minor"), new Tuple2<>("Carol", "senior")),
                db.exec(select(USER.NAME, group).from(USER).where(USER.ID.le(3L)).orderBy(USER.NAME)));

        // results fixed as int4 by CAST, so they read as Integer; no ELSE reads as null
        assertEquals(List.of(new Tuple2<>("Alice", 1), new Tuple2<>("Bob", null), new Tuple2<>("Carol", null)),
                db.exec(select(USER.NAME, case_().when(USER.AGE.ge(18), 1)).from(USER).where(USER.ID.le(3L))
                        .orderBy(USER.NAME)));

        Field<Integer> age = case_().when(USER.AGE.isNull(), 0).otherwise(USER.AGE);
        assertEquals(List.of("Alice", "Bob"), db.exec(select(USER.NAME).from(USER).where(age.gt(0)).orderBy(USER.NAME)));
    }

    /** A CASE whose every result is a bound value: typed by CAST, so a timestamptz comes back as one, not text. */
    @Test
    void caseOfBoundValuesKeepsTheirType() {
        Instant early = Instant.parse("2001-02-03T04:05:06.789Z");
        Instant late = Instant.parse("2030-01-01T00:00:00Z");
        assertEquals(List.of(early, late, late), db.exec(select(case_().when(ORDER.TOTAL.lt(new BigDecimal("100")),
                early).otherwise(late)).from(ORDER).orderBy(ORDER.TOTAL)));
        assertEquals(List.of(Duration.ofHours(1)), db.exec(select(case_().when(trueCondition(), Duration.ofHours(1))
                .otherwise(Duration.ZERO))));
        assertEquals(List.of(new BigDecimal("1.5")), db.exec(select(case_().when(falseCondition(), BigDecimal.ONE)
                .otherwise(new BigDecimal("1.5")))));
    }

    /**
     * The executor binds typed parameters, so these rows would read right even untyped; the CAST makes the type
     * part of the statement, as PostgreSQL describes it before any value is bound: a CASE of untyped parameters
     * it describes as text.
     */
    @Test
    void caseResultTypeIsInTheStatement() throws SQLException {
        Select<Tuple2<Instant, Integer>> typed = select(case_().when(trueCondition(), Instant.EPOCH),
                case_(ORDER.STATUS).when(Status.PAID, 1).otherwise(0)).from(ORDER);
        try (Connection c = database.connect()) {
            ResultSetMetaData described = c.prepareStatement(typed.render().sql()).getMetaData();
            assertEquals(List.of("timestamptz", "int4"), List.of(described.getColumnTypeName(1),
                    described.getColumnTypeName(2)));
            ResultSetMetaData untyped = c.prepareStatement("SELECT CASE WHEN TRUE THEN ? ELSE ? END").getMetaData();
            assertEquals("text", untyped.getColumnTypeName(1));
        }
    }

    @Test
    void simpleCase() {
        Field<Integer> rank = case_(ORDER.STATUS).when(Status.PAID, 1).when(Status.NEW, 0).otherwise(-1);
        assertEquals(List.of(new Tuple2<>(new BigDecimal("15.50"), 0), new Tuple2<>(new BigDecimal("120.00"), 1),
                new Tuple2<>(new BigDecimal("300.00"), -1)), db.exec(select(ORDER.TOTAL, rank).from(ORDER).orderBy(ORDER.TOTAL)));

        Field<Status> promoted = case_(ORDER.STATUS).when(Status.NEW, value(Status.PAID, OrderTable.STATUS_TYPE))
                .otherwise(ORDER.STATUS);
        assertEquals(List.of(Status.PAID, Status.PAID, Status.SHIPPED), db.exec(select(promoted).from(ORDER).orderBy(ORDER.TOTAL)));
    }

    @Test
    void nullifGreatestLeast() {
        assertEquals(Arrays.asList("Alice", null, "Carol"), db.exec(select(nullif(USER.NAME, "Bob")).from(USER)
                .where(USER.ID.le(3L)).orderBy(USER.ID)));
        assertEquals(List.of(30, 21, 21), db.exec(select(greatest(USER.AGE, 18, 21)).from(USER).where(USER.ID.le(3L))
                .orderBy(USER.ID)));
        assertEquals(List.of(new BigDecimal("15.50"), new BigDecimal("100"), new BigDecimal("100")),
                db.exec(select(least(ORDER.TOTAL, new BigDecimal("100"))).from(ORDER).orderBy(ORDER.TOTAL)));
    }

    @Test
    void datesAndTimes() {
        LocalDateTime march = LocalDateTime.of(2024, 3, 31, 23, 59, 59, 999_999_000);
        Field<LocalDateTime> last = field(select(max(SOLD_AT)).from(SALES));
        assertEquals(march, db.one(select(last)));
        assertEquals(new BigDecimal("2024"), db.one(select(extract(DatePart.YEAR, last))));
        assertEquals(new BigDecimal("59.999999"), db.one(select(extract(DatePart.SECOND, last))));
        assertEquals(new BigDecimal("1"), db.one(select(extract(DatePart.QUARTER, last))));
        assertEquals(new BigDecimal("14"), db.one(select(extract(DatePart.WEEK, value(LocalDate.of(2024, 4, 1))))));
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), db.one(select(dateTrunc(DatePart.YEAR, last))));
        assertEquals(LocalDateTime.of(2024, 3, 31, 0, 0),
                db.one(select(dateTrunc(DatePart.DAY, value(LocalDate.of(2024, 3, 31)).cast(PgType.TIMESTAMP)))));

        assertEquals(march.plusDays(1).plusHours(2), db.one(select(last.plusInterval(Duration.ofHours(26)))));
        assertEquals(march.minusMinutes(90), db.one(select(last.minusInterval(value(Duration.ofMinutes(90))))));
        Instant t = Instant.parse("2024-02-28T12:00:00Z");
        assertEquals(Instant.parse("2024-03-01T12:00:00Z"), db.one(select(value(t).plusInterval(Duration.ofDays(2)))));

        LocalDateTime first = LocalDateTime.of(2024, 1, 5, 10, 0);
        assertEquals(Duration.ofDays(86).plusHours(13).plusMinutes(59).plusSeconds(59).plusNanos(999_999_000),
                db.one(select(timestampDiff(last, value(first)))));
        assertEquals(29, db.one(select(dateDiff(value(LocalDate.of(2024, 3, 1)), value(LocalDate.of(2024, 2, 1))))));
        assertEquals(PgInterval.ofDays(20).plus(PgInterval.ofHours(1)), db.one(select(age(value(first.plusDays(20)
                .plusHours(1)), value(first)))));
        // an age of months and years, which a Duration cannot hold
        assertEquals(PgInterval.of(14, 3, 0), db.one(select(age(value(LocalDateTime.of(2025, 3, 8, 10, 0)), value(first)))));
        // a calendar month: from January 31 to the end of February, and a RANGE frame counted in months
        assertEquals(LocalDateTime.of(2024, 2, 29, 10, 0),
                db.one(select(value(LocalDateTime.of(2024, 1, 31, 10, 0)).plusInterval(PgInterval.ofMonths(1)))));
        assertEquals(LocalDateTime.of(2023, 3, 31, 0, 0),
                db.one(select(value(LocalDateTime.of(2024, 3, 31, 0, 0)).minusInterval(PgInterval.ofYears(1)))));
        assertEquals(LocalDateTime.of(2024, 4, 30, 0, 0),
                db.one(select(value(LocalDateTime.of(2024, 3, 31, 0, 0)).plusInterval(value(PgInterval.ofMonths(1))))));
        // a date plus an interval is a timestamp; plus a number of days, a date
        Field<LocalDate> leap = value(LocalDate.of(2024, 1, 31));
        assertEquals(LocalDateTime.of(2024, 2, 29, 0, 0), db.one(select(dateAdd(leap, PgInterval.ofMonths(1)))));
        assertEquals(LocalDateTime.of(2024, 1, 29, 12, 0), db.one(select(dateSubtract(leap, Duration.ofHours(36)))));
        assertEquals(LocalDate.of(2024, 2, 3), db.one(select(datePlusDays(leap, 3))));

        Tuple3<Instant, LocalDateTime, Instant> now = db.one(select(currentTimestamp(), localTimestamp(), now()));
        assertTrue(Duration.between(now.v1(), Instant.now()).abs().compareTo(Duration.ofMinutes(5)) < 0, now.toString());
        assertEquals(now.v3(), now.v1(), "CURRENT_TIMESTAMP is now()");
        assertTrue(now.v2() != null, now.toString());
    }

    @Test
    void regularExpressions() {
        Select<String> names = select(USER.NAME).from(USER).orderBy(USER.NAME);
        assertEquals(List.of("Alice", "Bob"), db.exec(names.where(USER.NAME.matches("^[AB]"))));
        assertEquals(List.of("Alice"), db.exec(names.where(USER.NAME.matchesIgnoreCase("^a"))));
        assertEquals(List.of("Alice", "Promo 50%", "Promo 500"), db.exec(names.where(USER.NAME.notMatches("^[BC]"))));
        assertEquals(List.of("Bob", "Promo 50%", "Promo 500"), db.exec(names.where(USER.NAME.notMatchesIgnoreCase("a"))));
        assertEquals(List.of("Promo 500"), db.exec(names.where(USER.NAME.matches("[0-9]{3}$"))));
        assertEquals(List.of("Alice", "Bob"), db.exec(names.where(USER.NAME.similarTo("(Al|Bo)%"))));
        assertEquals(List.of("Alice", "Carol"), db.exec(names.where(USER.NAME.notSimilarTo("(Bob|Promo)%"))));
    }

    @Test
    void escapedIgnoreCaseMatches() {
        Select<String> names = select(USER.NAME).from(USER).orderBy(USER.NAME);
        assertEquals(List.of("Promo 50%"), db.exec(names.where(USER.NAME.containsIgnoreCase("O 50%"))));
        assertEquals(List.of("Promo 50%", "Promo 500"), db.exec(names.where(USER.NAME.containsIgnoreCase("o 50"))));
        assertEquals(List.of("Alice"), db.exec(names.where(USER.NAME.startsWithIgnoreCase("aL"))));
        assertEquals(List.of(), db.exec(names.where(USER.NAME.startsWithIgnoreCase("_lice"))));
        assertEquals(List.of("Promo 50%"), db.exec(names.where(USER.NAME.endsWithIgnoreCase("0%"))));
        assertEquals(List.of("Promo 50%", "Promo 500"), db.exec(names.where(USER.NAME.like(escapeLike("Promo 50") + "_"))));
        assertEquals(List.of("Promo 50%"), db.exec(names.where(USER.NAME.like(escapeLike("Promo 50%")))));
    }
}
