package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Query;
import dev.belay.dsl.Table;
import dev.belay.executor.BindException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.RawSql;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 16, case 7: a value PostgreSQL would store as something else (a date or timestamp outside its range,
 * a numeric beyond its digits, a sub-microsecond interval, text with an unpaired surrogate) is refused with a
 * {@link BindException} naming the column (DSL) or the placeholder (raw SQL), and nothing is written; the
 * valid extremes round-trip exactly.
 */
@FixtureDatabase
final class OutOfRangeWriteTest {
    record WRow(Integer id, LocalDate d, LocalDateTime ts, Instant tz, OffsetDateTime tzo, BigDecimal n, Duration iv,
                String t, String j, List<LocalDate> ds, List<LocalDateTime> tss, List<Instant> tzs,
                List<BigDecimal> ns, List<Duration> ivs, List<String> txts) {}

    static final class W extends Table<WRow> {
        static final W W = new W();
        final Column<WRow, Integer> id = column("id", PgType.INT4).primaryKey();
        final Column<WRow, LocalDate> d = column("d", PgType.DATE).nullable();
        final Column<WRow, LocalDateTime> ts = column("ts", PgType.TIMESTAMP).nullable();
        final Column<WRow, Instant> tz = column("tz", PgType.TIMESTAMPTZ).nullable();
        final Column<WRow, OffsetDateTime> tzo = column("tzo", PgType.TIMESTAMPTZ_OFFSET).nullable();
        final Column<WRow, BigDecimal> n = column("n", PgType.NUMERIC).nullable();
        final Column<WRow, Duration> iv = column("iv", PgType.INTERVAL).nullable();
        final Column<WRow, String> t = column("t", PgType.TEXT).nullable();
        final Column<WRow, String> j = column("j", PgType.JSONB).nullable();
        final Column<WRow, List<LocalDate>> ds = column("ds", PgType.arrayOf(PgType.DATE)).nullable();
        final Column<WRow, List<LocalDateTime>> tss = column("tss", PgType.arrayOf(PgType.TIMESTAMP)).nullable();
        final Column<WRow, List<Instant>> tzs = column("tzs", PgType.arrayOf(PgType.TIMESTAMPTZ)).nullable();
        final Column<WRow, List<BigDecimal>> ns = column("ns", PgType.arrayOf(PgType.NUMERIC)).nullable();
        final Column<WRow, List<Duration>> ivs = column("ivs", PgType.arrayOf(PgType.INTERVAL)).nullable();
        final Column<WRow, List<String>> txts = column("txts", PgType.arrayOf(PgType.TEXT)).nullable();

        private W() {
            super("w", WRow.class);
        }
    }

    private static final W T = W.W;
    /** A date, a timestamp and an instant just before PostgreSQL's earliest, 4714-11-24 BC (ISO year -4713). */
    private static final LocalDate DAY_BEFORE_MIN = LocalDate.of(-4713, 11, 23);
    private static final LocalDateTime JUST_BEFORE_MIN = LocalDateTime.of(-4713, 11, 23, 23, 59, 59, 999_999_000);
    private static final LocalDateTime JUST_AFTER_MAX = LocalDateTime.of(294_277, 1, 1, 0, 0);

    private static DBConnection db;
    private static TestDatabase testDb;
    /** Ids for the rows the round trips write. */
    private static final AtomicInteger NEXT_ID = new AtomicInteger(100);

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE w (id int4 PRIMARY KEY, d date, ts timestamp, tz timestamptz, tzo timestamptz, "
                + "n numeric, iv interval, t text, j jsonb, ds date[], tss timestamp[], tzs timestamptz[], "
                + "ns numeric[], ivs interval[], txts text[]); "
                + "INSERT INTO w (id, d, ts, tz, n, iv, t, j) VALUES (1, '2000-01-01', '2000-01-01 00:00', "
                + "'2000-01-01 00:00Z', 1, '1 second', 'seed', '\"seed\"')");
        testDb = t;
        db = t.open();
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The whole table as PostgreSQL holds it, read outside Belay: equal snapshots mean nothing was written. */
    private static String snapshot() {
        return jdbcText("select count(*) || ':' || coalesce(md5(string_agg(w::text, '|' order by id)), '') from w");
    }

    private static String jdbcText(String sql) {
        try (Connection c = testDb.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static BindException refused(Executable call, String names) {
        BindException e = assertThrows(BindException.class, call);
        assertTrue(e.getMessage().contains(names), "the message names " + names + ": " + e.getMessage());
        assertEquals(0, db.poolStats().active());
        return e;
    }

    /**
     * {@code bad} written to {@code col} by a DSL INSERT, an UPDATE and compared in a WHERE: each query builds,
     * each execution is refused naming the column, and the table is unchanged.
     */
    private static <T> void refusedByDsl(Column<WRow, T> col, T bad, String why) {
        String before = snapshot();
        Query insert = insertInto(T).columns(T.id, col).values(NEXT_ID.incrementAndGet(), bad);
        Query update = update(T).set(col, bad).where(T.id.eq(1));
        Query where = select(T.id).from(T).where(col.eq(bad));
        String column = ": column w." + col.name();
        List<BindException> errors = List.of(refused(() -> run(insert), "insert into \"w\"" + column),
                refused(() -> run(update), "update \"w\"" + column),
                refused(() -> run(where), "eq(...) on \"w\".\"" + col.name() + "\""));
        for (BindException e : errors) {
            assertTrue(e.getMessage().contains(why), "the message says why (" + why + "): " + e.getMessage());
        }
        assertEquals(before, snapshot(), "nothing was written");
    }

    private static void run(Query q) {
        if (q instanceof dev.belay.dsl.ResultQuery<?> r) {
            db.exec(r);
        } else {
            db.exec((dev.belay.dsl.RowCountQuery) q);
        }
    }

    /**
     * {@code bad} bound in raw SQL by name and by position (with {@code type}, or typed by its class when null):
     * refused at execution naming the placeholder, and the table is unchanged.
     */
    private static <T> void refusedByRaw(String column, T bad, @Nullable PgType<T> type, String why) {
        String before = snapshot();
        RawSql insert = db.sql("insert into w (id, " + column + ") values (:id, :v)")
                .bind("id", NEXT_ID.incrementAndGet());
        RawSql byName = type == null ? insert.bind("v", bad) : insert.bind("v", bad, type);
        RawSql update = db.sql("update w set " + column + " = ? where id = ?");
        RawSql byPosition = (type == null ? update.bind(1, bad) : update.bind(1, bad, type)).bind(2, 1);
        assertTrue(refused(byName::execute, "placeholder :v").getMessage().contains(why));
        assertTrue(refused(byPosition::execute, "placeholder ?1").getMessage().contains(why));
        assertEquals(before, snapshot(), "nothing was written");
    }

    /** Writes {@code value} with the DSL, reads it back with the DSL, and returns what PostgreSQL shows as text. */
    private static <T> String roundTrips(Column<WRow, T> col, T value) {
        int id = NEXT_ID.incrementAndGet();
        db.exec(insertInto(T).columns(T.id, col).values(id, value));
        assertEquals(value, db.one(select(col).from(T).where(T.id.eq(id))), "read back from " + col.name());
        return jdbcText("select " + col.name() + "::text from w where id = " + id);
    }

    /** The same through raw SQL: a bound value, read back by label. */
    private static <T> void rawRoundTrips(String column, T value, Class<T> type) {
        int id = NEXT_ID.incrementAndGet();
        db.sql("insert into w (id, " + column + ") values (:id, :v)").bind("id", id).bind("v", value).execute();
        assertEquals(value, db.sql("select " + column + " from w where id = :id").bind("id", id).one(type));
    }

    // ---- dates and timestamps ----------------------------------------------------------------

    @Test
    void datesOutsidePostgresRangeAreRefused() {
        String why = "outside PostgreSQL's range";
        for (LocalDate bad : List.of(LocalDate.of(-5000, 1, 1), DAY_BEFORE_MIN, LocalDate.of(5_874_898, 1, 1))) {
            refusedByDsl(T.d, bad, why);
            refusedByRaw("d", bad, null, why);
            refusedByDsl(T.ds, List.of(LocalDate.of(2000, 1, 1), bad), "element 1");
            refusedByRaw("ds", List.of(LocalDate.of(2000, 1, 1), bad), PgType.arrayOf(PgType.DATE), "element 1");
        }
    }

    @Test
    void timestampsOutsidePostgresRangeAreRefusedButNanosecondsAreNot() {
        String why = "outside PostgreSQL's";
        for (LocalDateTime bad : List.of(LocalDateTime.of(-5000, 1, 1, 0, 0), JUST_BEFORE_MIN, JUST_AFTER_MAX)) {
            refusedByDsl(T.ts, bad, why);
            refusedByRaw("ts", bad, null, why);
            refusedByDsl(T.tss, List.of(bad), "element 0");
            Instant instant = bad.toInstant(ZoneOffset.UTC);
            refusedByDsl(T.tz, instant, why);
            refusedByRaw("tz", instant, null, why);
            refusedByDsl(T.tzs, List.of(Instant.EPOCH, instant), "element 1");
            refusedByRaw("tzs", List.of(Instant.EPOCH, instant), PgType.arrayOf(PgType.TIMESTAMPTZ), "element 1");
            OffsetDateTime offset = bad.atOffset(ZoneOffset.UTC);
            refusedByDsl(T.tzo, offset, why);
            refusedByRaw("tzo", offset, null, why);
        }
        // in range in its own zone, but before 4714-11-24 BC in UTC
        refusedByDsl(T.tzo, LocalDateTime.of(-4713, 11, 24, 5, 0).atOffset(ZoneOffset.ofHours(10)), why);

        // a timestamp with nanoseconds is a timestamp PostgreSQL rounds to the microsecond, not a refusal
        Instant now = Instant.now();
        int id = NEXT_ID.incrementAndGet();
        db.exec(insertInto(T).columns(T.id, T.tz).values(id, now));
        Instant stored = db.one(select(T.tz).from(T).where(T.id.eq(id)));
        assertTrue(Duration.between(now, stored).abs().compareTo(Duration.ofNanos(500)) <= 0, now + " -> " + stored);
        Instant nanos = Instant.parse("2024-05-01T10:00:00.123456789Z");
        assertEquals(1, db.sql("insert into w (id, tz) values (:id, :tz)").bind("id", NEXT_ID.incrementAndGet())
                .bind("tz", nanos).execute());
        LocalDateTime local = LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_789);
        assertEquals(local.truncatedTo(ChronoUnit.MICROS).plusNanos(1000),
                db.one(select(T.ts).from(T).where(T.id.eq(insertTs(local)))));
    }

    private static int insertTs(LocalDateTime value) {
        int id = NEXT_ID.incrementAndGet();
        db.exec(insertInto(T).columns(T.id, T.ts).values(id, value));
        return id;
    }

    @Test
    void theExtremesPostgresAcceptsRoundTripExactly() {
        assertEquals("5874897-12-31", roundTrips(T.d, LocalDate.of(5_874_897, 12, 31)));
        assertEquals("294276-12-31 23:59:59.999999",
                roundTrips(T.ts, LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000)));
        roundTrips(T.tz, LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000).toInstant(ZoneOffset.UTC));
        assertEquals("4713-01-01 BC", roundTrips(T.d, LocalDate.of(-4712, 1, 1)));
        rawRoundTrips("ts", LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.class);
        rawRoundTrips("d", LocalDate.of(5_874_897, 12, 31), LocalDate.class);
        // MIN and MAX stand for -infinity and infinity
        assertEquals("-infinity", roundTrips(T.d, LocalDate.MIN));
        assertEquals("infinity", roundTrips(T.d, LocalDate.MAX));
        assertEquals("-infinity", roundTrips(T.ts, LocalDateTime.MIN));
        assertEquals("infinity", roundTrips(T.ts, LocalDateTime.MAX));
        assertEquals("-infinity", roundTrips(T.tz, Instant.MIN));
        assertEquals("infinity", roundTrips(T.tz, Instant.MAX));
        rawRoundTrips("d", LocalDate.MAX, LocalDate.class);

        // ...and one step beyond each finite extreme is refused
        refusedByDsl(T.d, DAY_BEFORE_MIN, "outside");
        refusedByDsl(T.d, LocalDate.of(5_874_898, 1, 1), "outside");
        refusedByDsl(T.ts, LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000).plusNanos(1000), "outside");
    }

    /**
     * PostgreSQL's earliest date and timestamp, 4714-11-24 BC, and the days up to 4713-01-01 BC: valid, so they
     * must be stored as themselves, not as -infinity (pgjdbc's setObject sends every LocalDate/LocalDateTime/
     * OffsetDateTime before 4713-01-01 BC as "-infinity").
     */
    @Test
    void theEarliestDatesPostgresAcceptsRoundTripExactly() {
        assertEquals("4714-11-24 BC", roundTrips(T.d, LocalDate.of(-4713, 11, 24)));
        assertEquals("4714-12-31 BC", roundTrips(T.d, LocalDate.of(-4713, 12, 31)));
        assertEquals("4714-11-24 00:00:00 BC", roundTrips(T.ts, LocalDateTime.of(-4713, 11, 24, 0, 0)));
        assertEquals("4714-11-24 00:00:00+00 BC",
                roundTrips(T.tz, LocalDateTime.of(-4713, 11, 24, 0, 0).toInstant(ZoneOffset.UTC)));
        rawRoundTrips("d", LocalDate.of(-4713, 11, 24), LocalDate.class);
    }

    /**
     * The same extremes as array elements. pgjdbc's createArrayOf writes a LocalDate/LocalDateTime/OffsetDateTime
     * element with toString(), which PostgreSQL cannot parse for years before 1 AD or after 9999 ("-4712-01-01",
     * "+10000-01-01") nor for MIN/MAX, so valid values fail at the server instead of being stored.
     */
    @Test
    void theExtremesRoundTripAsArrayElements() {
        assertEquals("{\"4713-01-01 BC\",5874897-12-31,-infinity,infinity}", roundTrips(T.ds,
                List.of(LocalDate.of(-4712, 1, 1), LocalDate.of(5_874_897, 12, 31), LocalDate.MIN, LocalDate.MAX)));
        roundTrips(T.tss, List.of(LocalDateTime.of(10_000, 1, 1, 0, 0),
                LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.MIN));
        roundTrips(T.tzs, List.of(Instant.parse("+10000-01-01T00:00:00Z"), Instant.MAX));
    }

    // ---- numbers and intervals ---------------------------------------------------------------

    @Test
    void numericsBeyondPostgresDigitsAreRefused() {
        BigDecimal tooLarge = new BigDecimal("1E+131072");              // 131,073 digits before the point
        BigDecimal largest = new BigDecimal("1E+131071");               // 131,072: the most numeric holds
        BigDecimal tooFine = new BigDecimal(BigInteger.ONE, 16_384);    // 16,384 digits after the point
        BigDecimal finest = new BigDecimal(BigInteger.valueOf(7), 16_383);
        for (BigDecimal bad : List.of(tooLarge, tooLarge.negate(), tooFine)) {
            refusedByDsl(T.n, bad, "numeric");
            refusedByRaw("n", bad, null, "numeric");
            refusedByDsl(T.ns, List.of(BigDecimal.ONE, bad), "element 1");
            refusedByRaw("ns", List.of(BigDecimal.ONE, bad), PgType.arrayOf(PgType.NUMERIC), "element 1");
        }
        // read back through the DSL and raw SQL (a 131,072-digit number takes the driver a while to parse: once each)
        int big = NEXT_ID.incrementAndGet();
        db.exec(insertInto(T).columns(T.id, T.n).values(big, largest));
        assertEquals(0, largest.compareTo(db.one(select(T.n).from(T).where(T.id.eq(big)))), "10^131071 read back");
        int fine = NEXT_ID.incrementAndGet();
        db.sql("insert into w (id, n) values (:id, :n)").bind("id", fine).bind("n", finest).execute();
        assertEquals(0, finest.compareTo(db.sql("select n from w where id = :id").bind("id", fine)
                .one(BigDecimal.class)), "7E-16383 read back");
        assertEquals(0, finest.compareTo(db.one(select(T.n).from(T).where(T.id.eq(fine)))));
        // the server agrees it is the number that was sent: 10^131071 has 131,072 digits
        assertEquals("131072", jdbcText("select length(trunc(n)::text) from w where n = 1e131071"));
    }

    @Test
    void subMicrosecondDurationsAreRefused() {
        String why = "below the microsecond";
        for (Duration bad : List.of(Duration.ofNanos(1500), Duration.ofNanos(1), Duration.ofSeconds(3, 999_999_999))) {
            refusedByDsl(T.iv, bad, why);
            refusedByRaw("iv", bad, null, why);
        }
        assertEquals("00:00:00.000002", roundTrips(T.iv, Duration.ofNanos(2000)));
        roundTrips(T.iv, Duration.ofSeconds(3, 999_999_000));
        rawRoundTrips("iv", Duration.ofNanos(2000), Duration.class);
    }

    @Test
    void subMicrosecondDurationsInArraysAreRefused() {
        for (Duration bad : List.of(Duration.ofNanos(1500), Duration.ofNanos(1))) {
            refusedByDsl(T.ivs, List.of(Duration.ofSeconds(1), bad), "element 1");
            refusedByRaw("ivs", List.of(Duration.ofSeconds(1), bad), PgType.arrayOf(PgType.INTERVAL), "element 1");
        }
        roundTrips(T.ivs, List.of(Duration.ofNanos(2000), Duration.ofHours(30)));
    }

    // ---- text --------------------------------------------------------------------------------

    private static final List<String> UNPAIRED =
            List.of("a\uD800b", "\uDC00", "ends high \uD83D", "swapped \uDE00\uD83D");

    @Test
    void textWithAnUnpairedSurrogateIsRefused() {
        String why = "unpaired UTF-16 surrogate";
        for (String bad : UNPAIRED) {
            // DSL values build (NUL is the only build-time text check) and are refused when executed
            refusedByDsl(T.t, bad, why);
            refusedByDsl(T.j, "\"" + bad + "\"", why);
            refusedByDsl(T.txts, List.of("fine", bad), "element 1");

            // raw SQL refuses at bind(..), naming the placeholder
            RawSql insert = db.sql("insert into w (id, t, j, txts) values (:id, :t, :j, :txts)");
            refused(() -> insert.bind("t", bad), ":t: ");
            refused(() -> insert.bind("j", "\"" + bad + "\"", PgType.JSONB), ":j: ");
            refused(() -> insert.bind("txts", List.of("fine", bad), PgType.arrayOf(PgType.TEXT)), ":txts: ");
            assertTrue(assertThrows(BindException.class, () -> insert.bind("txts", List.of("fine", bad),
                    PgType.arrayOf(PgType.TEXT))).getMessage().contains("element 1"));
            RawSql positional = db.sql("insert into w (id, t) values (?, ?)").bind(1, NEXT_ID.incrementAndGet());
            refused(() -> positional.bind(2, bad), "?2: ");
        }
    }

    @Test
    void pairedSurrogatesRoundTrip() {
        String emoji = "smile \uD83D\uDE00 \uD83D\uDC4D";
        assertEquals(emoji, roundTrips(T.t, emoji));
        roundTrips(T.j, "\"" + emoji + "\"");
        roundTrips(T.txts, List.of(emoji, "\uD800\uDC00"));
        rawRoundTrips("t", emoji, String.class);
        // PostgreSQL counts the pair as one character: it received the code point, not two '?'
        int id = NEXT_ID.incrementAndGet();
        db.exec(insertInto(T).columns(T.id, T.t).values(id, "\uD83D\uDE00"));
        assertEquals("1", jdbcText("select length(t) from w where id = " + id));
        assertEquals("128512", jdbcText("select ascii(t) from w where id = " + id));
        // and unpaired ones are still refused next to them
        refusedByDsl(T.t, emoji + "\uD83D", "unpaired");
    }

    @Test
    void identifiersWithALoneSurrogateAreRefused() {
        IllegalArgumentException table = assertThrows(IllegalArgumentException.class,
                () -> new Table<>("w\uD800", WRow.class) {});
        assertTrue(table.getMessage().contains("surrogate"), table.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Table<>("s\uDC00", "w", WRow.class) {});
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> new Table<>("w", WRow.class) {
                    final Column<WRow, String> bad = column("t\uD83D", PgType.TEXT);
                });
        assertTrue(column.getMessage().contains("column name"), column.getMessage());
        assertThrows(IllegalArgumentException.class, () -> T.as("alias\uD800"));
        Field<String> name = T.t;
        assertThrows(IllegalArgumentException.class, () -> name.as("label\uDFFF"));
        // paired, they are ordinary identifiers
        assertEquals("t\uD83D\uDE00", new Table<>("w", WRow.class) {
            final Column<WRow, String> fine = column("t\uD83D\uDE00", PgType.TEXT);
        }.columns().get(0).name());
    }

    @Test
    void aRefusedValueIsNeverSentSoTheTransactionStaysUsable() {
        String before = snapshot();
        int id = NEXT_ID.incrementAndGet();
        db.useTransaction(tx -> {
            assertThrows(BindException.class,
                    () -> tx.exec(insertInto(T).columns(T.id, T.d).values(901, LocalDate.of(-5000, 1, 1))));
            assertThrows(BindException.class,
                    () -> tx.sql("insert into w (id, iv) values (901, :iv)").bind("iv", Duration.ofNanos(1500))
                            .execute());
            assertThrows(BindException.class, () -> tx.exec(insertInto(T).columns(T.id, T.t).values(901, "a\uD800b")));
            // had any of them reached the server, it would have aborted the transaction
            tx.exec(insertInto(T).columns(T.id, T.t).values(id, "kept"));
        });
        assertEquals("kept", jdbcText("select t from w where id = " + id));
        assertEquals("0", jdbcText("select count(*) from w where id = 901"));
        assertNotEquals(before, snapshot(), "the transaction committed its good row");
    }
}
