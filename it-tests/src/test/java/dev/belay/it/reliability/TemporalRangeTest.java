package dev.belay.it.reliability;

import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.select;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The two corners of PostgreSQL's date and timestamp range that {@link ValueFuzzTest} leaves out because
 * they fail today. Each value is written through the DSL and through raw SQL, judged by the server's own
 * text of what it stored, and read back through the DSL and raw SQL. The values next to each corner,
 * which work, are checked the same way, so a failure shows where the edge is.
 */
@FixtureDatabase
final class TemporalRangeTest {
    record Moment(Long id, LocalDate day, LocalDateTime ts, Instant tstz) {}

    static final class MomentTable extends Table<Moment> {
        static final MomentTable T = new MomentTable();
        final Column<Moment, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Moment, LocalDate> day = column("day", PgType.DATE).nullable();
        final Column<Moment, LocalDateTime> ts = column("ts", PgType.TIMESTAMP).nullable();
        final Column<Moment, Instant> tstz = column("tstz", PgType.TIMESTAMPTZ).nullable();

        private MomentTable() {
            super("moments", Moment.class);
        }
    }

    private static final MomentTable T = MomentTable.T;
    private static final AtomicLong IDS = new AtomicLong();
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE moments (id int8 PRIMARY KEY, day date, ts timestamp, tstz timestamptz)");
        testDb = t;
        db = t.open();
    }

    /**
     * 4714-11-24 BC, PostgreSQL's first day, up to 4713-01-01 BC. Fails today: pgjdbc, which Belay lets
     * format java.time values, writes anything before 4713-01-01 BC as {@code -infinity}, so the row holds
     * {@code -infinity} and reads back as LocalDate.MIN: a silent change of a value PostgreSQL can store.
     */
    @Test
    void theFirstYearOfPostgreSQLsRangeIsStoredExactlyNotAsMinusInfinity() {
        List<Executable> checks = new ArrayList<>();
        for (LocalDate day : List.of(Fuzz.FIRST_DAY, LocalDate.of(-4713, 12, 31), Fuzz.FIRST_GENERATED_DAY)) {
            checkEveryPath(checks, day, day.atStartOfDay());
        }
        checkEveryPath(checks, LocalDate.of(-4713, 12, 31), LocalDateTime.of(-4713, 12, 31, 23, 59, 59, 999_999_000));
        assertAll("dates and timestamps from 4714-11-24 BC", checks);
    }

    /**
     * February 29 of BC leap years (1 BC and 5 BC are years 0 and -4 in java.time). Writing works, and so does
     * reading with a parameterized statement; reading with one that has no parameter fails today: pgjdbc
     * parses PostgreSQL's text {@code 0001-02-29 BC} as February 29 of year 1 before applying the era, and its
     * java.time.DateTimeException ("'1' is not a leap year") reaches the caller untranslated.
     */
    @Test
    void februaryTwentyNinthOfBcLeapYearsIsReadBackExactly() {
        List<Executable> checks = new ArrayList<>();
        for (LocalDate day : List.of(LocalDate.of(0, 2, 29), LocalDate.of(-4, 2, 29), LocalDate.of(0, 2, 28),
                LocalDate.of(0, 3, 1))) {
            checkEveryPath(checks, day, day.atTime(LocalTime.of(12, 34, 56, 789_000)));
        }
        assertAll("February 29 BC", checks);
    }

    /** Writes the moment through the DSL and through raw SQL; each row is judged by the server's text and read back. */
    private static void checkEveryPath(List<Executable> checks, LocalDate day, LocalDateTime ts) {
        Instant tstz = ts.toInstant(ZoneOffset.UTC);
        Moment expected = new Moment(null, day, ts, tstz);
        String what = day + " / " + ts + " / " + tstz;
        long viaDsl = IDS.incrementAndGet();
        checks.add(() -> {
            db.exec(insertInto(T).values(new Moment(viaDsl, day, ts, tstz)));
            assertStored(what + " written through the DSL", viaDsl, expected);
        });
        long viaRaw = IDS.incrementAndGet();
        checks.add(() -> {
            db.sql("INSERT INTO moments (id, day, ts, tstz) VALUES (:id, :day, :ts, :tstz)").bind("id", viaRaw)
                    .bind("day", day).bind("ts", ts).bind("tstz", tstz).execute();
            assertStored(what + " written through raw SQL", viaRaw, expected);
        });
        long viaLiteral = IDS.incrementAndGet();
        checks.add(() -> {
            testDb.execute("INSERT INTO moments VALUES (" + viaLiteral + ", '" + Judge.date(day) + "', '"
                    + Judge.timestamp(ts, "") + "', '" + Judge.timestamp(ts, "+00") + "')");
            assertReadBack(what + " written as SQL literals", viaLiteral, expected);
        });
    }

    /** The server's text of the stored values, with TimeZone UTC, is the text of the values written. */
    private static void assertStored(String what, long id, Moment expected) throws SQLException {
        try (Connection c = testDb.connect(); Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
            try (ResultSet rs = st.executeQuery("SELECT day::text, ts::text, tstz::text FROM moments WHERE id = " + id)) {
                rs.next();
                assertEquals(List.of(Judge.date(expected.day()), Judge.timestamp(expected.ts(), ""),
                        Judge.timestamp(LocalDateTime.ofInstant(expected.tstz(), ZoneOffset.UTC), "+00")),
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3)), what + ": stored as");
            }
        }
        assertReadBack(what, id, expected);
    }

    /**
     * Read back through the DSL and through raw SQL, with and without a parameter, several times: pgjdbc reads
     * a result as text or as binary depending on the statement and how often it ran.
     */
    private static void assertReadBack(String what, long id, Moment expected) {
        Moment want = new Moment(id, expected.day(), expected.ts(), expected.tstz());
        for (int i = 0; i < 3; i++) {
            read(what + ", read through the DSL", want, () -> db.one(select(T).where(T.id.eq(id))));
            read(what + ", read through raw SQL", want, () -> db.sql("SELECT id, day, ts, tstz FROM moments WHERE id = :id")
                    .bind("id", id).one(Moment.class));
            read(what + ", read through the DSL without parameters", want,
                    () -> db.exec(select(T)).stream().filter(m -> m.id() == id).findFirst().orElse(null));
            read(what + ", read through raw SQL without parameters", want,
                    () -> db.sql("SELECT id, day, ts, tstz FROM moments WHERE id = " + id).one(Moment.class));
        }
    }

    private static void read(String what, Moment want, Supplier<Moment> read) {
        Moment got;
        try {
            got = read.get();
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + e, e);
        }
        assertEquals(want, got, what);
    }
}
