package dev.belay.it.bulk;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.bulk.CopyTables.EveryTable.EVERY;
import static dev.belay.it.bulk.CopyTables.EveryTable.TWIN;
import static dev.belay.it.bulk.CopyTables.GenTable.GEN;
import static dev.belay.it.bulk.CopyTables.StrictTable.STRICT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.fixtures.Order;
import dev.belay.executor.BelayException;
import dev.belay.executor.BindException;
import dev.belay.executor.CheckViolationException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.ForeignKeyViolationException;
import dev.belay.executor.NotNullViolationException;
import dev.belay.executor.UniqueViolationException;
import dev.belay.it.FixtureDatabase;
import dev.belay.it.StubDataSource;
import dev.belay.it.bulk.CopyTables.Email;
import dev.belay.it.bulk.CopyTables.Every;
import dev.belay.it.bulk.CopyTables.Gen;
import dev.belay.it.bulk.CopyTables.Mood;
import dev.belay.it.bulk.CopyTables.Point;
import dev.belay.it.bulk.CopyTables.Strict;
import dev.belay.test.TestDatabase;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code db.copy(table, rows)}: COPY FROM STDIN in text format. Every supported type stores exactly what the DSL's
 * INSERT stores and reads back as written; values Belay refuses, and rows the server rejects, name the input row
 * and the column and leave nothing written, outside a transaction and inside one (whose earlier work stays).
 */
@FixtureDatabase
final class CopyTest {
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute(CopyTables.DDL);
        testDb = t;
        db = t.open(b -> b.types(CopyTables.TYPES));
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE every, every_twin, gen, strict");
    }

    // ---- values -------------------------------------------------------------------------------

    private static final byte[] ALL_BYTES = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL_BYTES[i] = (byte) i;
        }
    }

    private static final String NASTY = "tab\there\nnew line\r\ncrlf \\ back\\\\slashes \\N \\. 'single' \"double\" "
            + "{braces} [x] a,b ü € 😀 中文 \b\f\u000B\u0001\u007F end";

    private static Every typical() {
        return new Every(1L, "plain", "varchar ✓", (short) 12, 34, 56L, new BigDecimal("12345678901234567890.0100"),
                1.5f, 2.25, true, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), LocalDate.of(2024, 2, 29),
                LocalTime.of(12, 0), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000),
                Instant.parse("2024-05-06T07:08:09.123456Z"),
                OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC), Duration.ofHours(26).plusMillis(1500),
                new byte[] {1, 2, 3}, "{\"k\": [1, 2]}", "{\"a\": 1, \"b\": [true, null]}", List.of("a", "b"),
                List.of(1, 2, 3), List.of(LocalDate.of(2000, 1, 1)), List.of(new BigDecimal("1.50")),
                List.of(Instant.parse("2020-01-01T00:00:00Z")), List.of(0.5), List.of(Duration.ofMinutes(90)),
                Order.Status.PAID, Mood.happy, new Email("ann@example.org"), new Point(1, -2));
    }

    /** The ends of every range, infinities, BC and far-future dates, and text COPY must escape. */
    private static Every extremes() {
        return new Every(2L, NASTY, "", Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE,
                new BigDecimal("1E+1000"), Float.NaN, Double.NEGATIVE_INFINITY, false,
                new UUID(-1L, -1L), LocalDate.of(-4713, 11, 24), LocalTime.of(23, 59, 59, 999_999_000),
                LocalDateTime.of(-99, 2, 28, 12, 30, 15, 123_456_000),
                LocalDateTime.of(-500, 1, 1, 0, 0, 0, 1_000).toInstant(ZoneOffset.UTC),
                OffsetDateTime.MAX, Duration.ofSeconds(-1, 500_000_000), ALL_BYTES,
                "{\"tab\": \"a\\tb\", \"quote\": \"\\\"\", \"uni\": \"é😀\", \"back\": \"\\\\\"}",
                "{\"k\": \"line\\nbreak \\\\ \\\"q\\\"\"}",
                Arrays.asList("", "NULL", "null", null, "a,b", "{x}", "\"q\"", "back\\slash", " spaced ", "tab\there",
                        "new\nline", "ü😀", "\\N"),
                Arrays.asList(Integer.MIN_VALUE, null, Integer.MAX_VALUE), Arrays.asList(LocalDate.of(-43, 3, 15), null,
                        LocalDate.of(12345, 6, 7)),
                Arrays.asList(new BigDecimal("-0.001"), null, new BigDecimal("1E+20")),
                Arrays.asList(Instant.MIN, null, Instant.parse("+20000-01-01T00:00:00Z")),
                Arrays.asList(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE, null),
                Arrays.asList(Duration.ofSeconds(-3601, 1_000), null, Duration.ofDays(100 * 366)),
                Order.Status.NEW, Mood.calm, new Email("tab\tin@example.org"), new Point(0, 0));
    }

    /** The other ends: the largest values, the other infinities, empty arrays. */
    private static Every otherExtremes() {
        return new Every(3L, "\\", "x", Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE,
                new BigDecimal(BigInteger.ONE, 16_383), Float.POSITIVE_INFINITY, -0.0, true, new UUID(0L, 0L),
                LocalDate.MAX, LocalTime.MIDNIGHT, LocalDateTime.MIN, Instant.MAX,
                OffsetDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
                Duration.ofHours(Integer.MAX_VALUE).plusSeconds(3599).plusNanos(999_999_000), new byte[0], "[]", "{}",
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Order.Status.SHIPPED,
                Mood.happy, new Email(""), new Point(Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    private static Every nulls() {
        return new Every(4L, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Every withDates(long id, LocalDate d, LocalDateTime ts) {
        Every n = nulls();
        return new Every(id, n.t(), n.vc(), n.i2(), n.i4(), n.i8(), n.num(), Float.MIN_VALUE, Double.MAX_VALUE, n.b(),
                n.u(), d, n.tm(), ts, n.tstz(), n.tstz2(), n.iv(), n.bin(), n.js(), n.jsb(), n.ta(), n.ia(), n.da(),
                n.na(), n.tsa(), n.fa(), n.iva(), n.st(), n.mood(), n.email(), n.doc());
    }

    private static List<Every> everyKind() {
        return List.of(typical(), extremes(), otherExtremes(), nulls(),
                withDates(5L, LocalDate.MIN, LocalDateTime.MAX),
                withDates(6L, LocalDate.of(-4, 2, 29), LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000)),
                withDates(7L, LocalDate.of(5_874_897, 12, 31), LocalDateTime.of(-4713, 11, 24, 0, 0)));
    }

    @Test
    void everyTypeReadsBackAsWritten() {
        List<Every> rows = everyKind();
        assertEquals(rows.size(), db.copy(EVERY, rows));
        List<Every> read = db.exec(select(EVERY).orderBy(EVERY.id.asc()));
        assertEquals(rows.size(), read.size());
        for (int i = 0; i < rows.size(); i++) {
            assertSameRow(rows.get(i), read.get(i));
        }
    }

    /** COPY and INSERT store every value alike, OffsetDateTime.MAX/MIN (infinity) included. */
    @Test
    void everyTypeStoresWhatInsertStores() {
        List<Every> rows = everyKind();
        db.copy(EVERY, rows);
        db.exec(insertInto(TWIN).values(rows));
        // the text of each whole row, as the server prints it: json keeps its input text, so this is exact
        assertEquals(List.of(), rowTexts("SELECT ev::text FROM every ev EXCEPT ALL SELECT tw::text FROM every_twin tw"),
                "copied rows that INSERT stores differently");
        assertEquals(List.of(), rowTexts("SELECT tw::text FROM every_twin tw EXCEPT ALL SELECT ev::text FROM every ev"),
                "inserted rows that COPY stores differently");
        assertEquals(rows.size(), testDb.count("SELECT count(*) FROM every"));
    }

    private static List<String> rowTexts(String sql) {
        List<String> texts = new ArrayList<>();
        try (Connection c = testDb.connect(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String text = rs.getString(1);
                texts.add(text.length() > 2_000 ? text.substring(0, 1_000) + "..." + text.substring(text.length() - 1_000)
                        : text);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
        return texts;
    }

    /** Compares component by component: arrays by content, numerics by value and scale as PostgreSQL keeps them. */
    private static void assertSameRow(Every expected, Every actual) {
        for (RecordComponent c : Every.class.getRecordComponents()) {
            Object e = get(c, expected);
            Object a = get(c, actual);
            String what = "row " + expected.id() + ", " + c.getName();
            if (e instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) a, what);
            } else if (e instanceof BigDecimal n) {
                assertEquals(n.scale() < 0 ? n.setScale(0) : n, a, what);
            } else if (e instanceof OffsetDateTime t && !t.equals(OffsetDateTime.MAX) && !t.equals(OffsetDateTime.MIN)) {
                assertEquals(t.toInstant(), ((OffsetDateTime) a).toInstant(), what);
            } else if (e instanceof List<?> list && !list.isEmpty() && list.stream().anyMatch(x -> x instanceof BigDecimal)) {
                List<Object> scaled = new ArrayList<>();
                list.forEach(x -> scaled.add(x instanceof BigDecimal n && n.scale() < 0 ? n.setScale(0) : x));
                assertEquals(scaled, a, what);
            } else {
                assertEquals(e, a, what);
            }
        }
    }

    private static Object get(RecordComponent c, Every row) {
        try {
            return c.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Text and bytes read back with plain JDBC, independent of Belay's readers. */
    @Test
    void textAndBytesReadBackWithPlainJdbc() throws SQLException {
        List<String> texts = List.of(NASTY, "", "\\", "\\\\", "\\N", "\\.", "\t", "\n", "\r", "end\\", "𝄞 surrogate pair",
                "x".repeat(200_000) + "\t" + "é".repeat(100_000));
        List<Every> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Every n = nulls();
            byte[] bytes = i == 0 ? ALL_BYTES : texts.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            rows.add(new Every((long) i, texts.get(i), n.vc(), n.i2(), n.i4(), n.i8(), n.num(), n.f4(), n.f8(), n.b(),
                    n.u(), n.d(), n.tm(), n.ts(), n.tstz(), n.tstz2(), n.iv(), bytes, n.js(), n.jsb(), n.ta(), n.ia(),
                    n.da(), n.na(), n.tsa(), n.fa(), n.iva(), n.st(), n.mood(), n.email(), n.doc()));
        }
        assertEquals(texts.size(), db.copy(EVERY, rows));
        try (Connection c = testDb.connect();
             PreparedStatement ps = c.prepareStatement("SELECT id, t, bin, length(bin) FROM every ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            for (Every row : rows) {
                assertTrue(rs.next());
                assertEquals(row.id(), rs.getLong(1));
                assertEquals(row.t(), rs.getString(2), "row " + row.id());
                assertArrayEquals(row.bin(), rs.getBytes(3), "row " + row.id());
                assertEquals(row.bin().length, rs.getInt(4));
            }
            assertFalse(rs.next());
        }
    }

    // ---- refused before sending ---------------------------------------------------------------

    private static Strict ok(int id) {
        return new Strict(id, "name " + id, "c" + (id % 1000), id, 1, Mood.calm);
    }

    /** {@code count} good rows with {@code bad} at index {@code at}. */
    private static List<Strict> rowsWith(int count, int at, Strict bad) {
        List<Strict> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(i == at ? bad : ok(i));
        }
        return rows;
    }

    private static <E extends BelayException> E fails(Class<E> type, Executable call, int row, String column) {
        E e = assertThrows(type, call);
        assertEquals(row, e.context().row(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains("row " + row + ", column \"" + column + "\""), e.getMessage());
        assertTrue(e.getMessage().startsWith("copy into \""), e.getMessage());
        return e;
    }

    private static void nothingWritten() {
        assertEquals(0, testDb.count("SELECT count(*) FROM strict"));
        assertEquals(0, testDb.count("SELECT count(*) FROM every"));
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedNamingRowAndColumn() {
        BindException nul = fails(BindException.class,
                () -> db.copy(STRICT, rowsWith(5, 2, new Strict(2, "a\0b", null, null, null, null))), 2, "name");
        assertTrue(nul.getMessage().contains("NUL"), nul.getMessage());
        fails(BindException.class,
                () -> db.copy(STRICT, rowsWith(5, 4, new Strict(4, "ok", "\uD800x", null, null, null))), 4, "code");
        Every n = nulls();
        Every loneInArray = new Every(9L, n.t(), n.vc(), n.i2(), n.i4(), n.i8(), n.num(), n.f4(), n.f8(), n.b(), n.u(),
                n.d(), n.tm(), n.ts(), n.tstz(), n.tstz2(), n.iv(), n.bin(), n.js(), "{\"a\": \"\uDC00\"}", n.ta(), n.ia(),
                n.da(), n.na(), n.tsa(), n.fa(), n.iva(), n.st(), n.mood(), n.email(), n.doc());
        fails(BindException.class, () -> db.copy(EVERY, List.of(typical(), loneInArray)), 1, "jsb");
        Every nulInArray = new Every(9L, n.t(), n.vc(), n.i2(), n.i4(), n.i8(), n.num(), n.f4(), n.f8(), n.b(), n.u(),
                n.d(), n.tm(), n.ts(), n.tstz(), n.tstz2(), n.iv(), n.bin(), n.js(), n.jsb(), List.of("fine", "nul\0"),
                n.ia(), n.da(), n.na(), n.tsa(), n.fa(), n.iva(), n.st(), n.mood(), n.email(), n.doc());
        BindException element = fails(BindException.class, () -> db.copy(EVERY, List.of(typical(), nulInArray)), 1, "ta");
        assertTrue(element.getMessage().contains("element 1"), element.getMessage());
        nothingWritten();
    }

    @Test
    void valuesPostgresqlWouldChangeAreRefused() {
        Every n = nulls();
        Function<Duration, Every> interval = iv -> new Every(9L, n.t(), n.vc(), n.i2(), n.i4(), n.i8(), n.num(), n.f4(),
                n.f8(), n.b(), n.u(), n.d(), n.tm(), n.ts(), n.tstz(), n.tstz2(), iv, n.bin(), n.js(), n.jsb(), n.ta(),
                n.ia(), n.da(), n.na(), n.tsa(), n.fa(), n.iva(), n.st(), n.mood(), n.email(), n.doc());
        fails(BindException.class, () -> db.copy(EVERY, List.of(typical(), interval.apply(Duration.ofNanos(1500)))),
                1, "iv");
        fails(BindException.class, () -> db.copy(EVERY, List.of(withDates(8L, LocalDate.of(-4713, 11, 23), null))),
                0, "d");
        fails(BindException.class, () -> db.copy(EVERY, List.of(withDates(8L, null,
                LocalDateTime.of(294_277, 1, 1, 0, 0)))), 0, "ts");
        Every huge = new Every(9L, n.t(), n.vc(), n.i2(), n.i4(), n.i8(), new BigDecimal("1E+131072"), n.f4(), n.f8(),
                n.b(), n.u(), n.d(), n.tm(), n.ts(), n.tstz(), n.tstz2(), n.iv(), n.bin(), n.js(), n.jsb(), n.ta(),
                n.ia(), n.da(), n.na(), n.tsa(), n.fa(), n.iva(), n.st(), n.mood(), n.email(), n.doc());
        fails(BindException.class, () -> db.copy(EVERY, List.of(typical(), huge)), 1, "num");
        nothingWritten();
    }

    /** The first buffers have gone to the server when the bad value comes: the COPY is cancelled. */
    @Test
    void aRefusalMidStreamCancelsTheCopy() {
        fails(BindException.class, () -> db.copy(STRICT, rowsWith(100_000, 60_000,
                new Strict(60_000, "nul\0", null, null, null, null)).iterator()), 60_000, "name");
        nothingWritten();
        IllegalStateException thrown = new IllegalStateException("the source failed");
        Stream<Strict> failing = IntStream.range(0, 100_000).mapToObj(i -> {
            if (i == 70_000) {
                throw thrown;
            }
            return ok(i);
        });
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> db.copy(STRICT, failing)));
        nothingWritten();
    }

    @Test
    void aValueInAGeneratedColumnIsRefused() {
        List<Gen> rows = List.of(new Gen(null, "a", null), new Gen(7L, "b", null), new Gen(null, "c", null));
        BindException e = fails(BindException.class, () -> db.copy(GEN, rows), 1, "id");
        assertTrue(e.getMessage().contains("generated") && e.getMessage().contains("insert"), e.getMessage());
        fails(BindException.class, () -> db.copy(GEN, List.of(new Gen(null, "a", Instant.EPOCH))), 0, "created");
        assertEquals(0, testDb.count("SELECT count(*) FROM gen"));

        assertEquals(2, db.copy(GEN, List.of(new Gen(null, "a", null), new Gen(null, "b", null))));
        assertEquals(2, testDb.count("SELECT count(*) FROM gen WHERE id IS NOT NULL AND created IS NOT NULL"));
    }

    @Test
    void aNullRowIsRefusedNamingItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> db.copy(STRICT, Arrays.asList(ok(0), null)));
        assertTrue(e.getMessage().contains("row 1 is null"), e.getMessage());
        nothingWritten();
    }

    /** No rows: 0, without a connection. */
    @Test
    void emptyInputMakesNoRoundTrip() {
        DBConnection noServer = DBConnection.of(new NoConnections());
        assertEquals(0, noServer.copy(STRICT, List.of()));
        assertEquals(0, noServer.copy(STRICT, Stream.empty()));
        assertEquals(0, noServer.copy(STRICT, Collections.emptyIterator()));
        assertThrows(IllegalStateException.class, () -> noServer.copy(STRICT, List.of(ok(1))));
    }

    // ---- rejected by the server ---------------------------------------------------------------

    /** Fits varchar(5), so only the constraint under test rejects the row that holds it. */
    private static final String SECRET = "zq9x1";

    /** The server's context and detail quote the row; without logParameters neither reaches the exception. */
    private static void noValues(BelayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.getMessage());
        }
    }

    @Test
    void serverRejectionsNameRowAndColumnAndWriteNothing() {
        NotNullViolationException notNull = fails(NotNullViolationException.class,
                () -> db.copy(STRICT, rowsWith(5, 3, new Strict(3, null, SECRET, null, null, null))), 3, "name");
        noValues(notNull);
        BelayException tooLong = fails(BelayException.class,
                () -> db.copy(STRICT, rowsWith(5, 2, new Strict(2, "n", SECRET + "-too-long", null, null, null))), 2, "code");
        assertEquals("22001", tooLong.sqlState());
        noValues(tooLong);
        CheckViolationException check = fails(CheckViolationException.class,
                () -> db.copy(STRICT, rowsWith(5, 4, new Strict(4, SECRET, null, -1, null, null))), 4, "qty");
        assertEquals("qty_not_negative", check.constraint());
        noValues(check);
        BelayException label = fails(BelayException.class,
                () -> db.copy(STRICT, rowsWith(5, 1, new Strict(1, SECRET, null, null, null, Mood.furious))), 1, "mood");
        assertEquals("22P02", label.sqlState());
        UniqueViolationException unique = fails(UniqueViolationException.class,
                () -> db.copy(STRICT, rowsWith(5, 2, new Strict(0, SECRET, null, null, null, null))), 2, "id");
        noValues(unique);
        ForeignKeyViolationException fk = fails(ForeignKeyViolationException.class,
                () -> db.copy(STRICT, rowsWith(5, 3, new Strict(3, SECRET, null, null, 99, null))), 3, "parent");
        noValues(fk);
        nothingWritten();
    }

    /** PostgreSQL checks foreign keys after the last row: a stream, read once, cannot tell which row it was. */
    @Test
    void aForeignKeyViolationFromAStreamNamesTheColumnOnly() {
        ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
                () -> db.copy(STRICT, rowsWith(5, 3, new Strict(3, "n", null, null, 99, null)).stream()));
        assertNull(e.context().row());
        assertEquals("parent", e.column());
        assertTrue(e.getMessage().contains("row not known") && e.getMessage().contains("Collection"), e.getMessage());
        nothingWritten();
    }

    @Test
    void logParametersShowsTheServerDetail() {
        DBConnection showing = testDb.open(b -> b.types(CopyTables.TYPES).logParameters(true));
        try {
            CheckViolationException e = fails(CheckViolationException.class,
                    () -> showing.copy(STRICT, rowsWith(3, 1, new Strict(1, SECRET, null, -5, null, null))), 1, "qty");
            assertTrue(e.getMessage().contains(SECRET), e.getMessage());
        } finally {
            testDb.close(showing);
        }
    }

    /** A descriptor the database does not match fails when the COPY starts, typed, naming the call. */
    @Test
    void aColumnTheTableLacksFailsTyped() {
        testDb.execute("CREATE TABLE strict_short (id int4 PRIMARY KEY)");
        try {
            CopyTables.StrictTable wrong = CopyTables.StrictTable.named("strict_short");
            BelayException e = assertThrows(BelayException.class, () -> db.copy(wrong, List.of(ok(1))));
            assertEquals("42703", e.sqlState(), e.getMessage());
            assertTrue(e.getMessage().startsWith("copy into \"strict_short\": "), e.getMessage());
            assertNull(e.context().row());
        } finally {
            testDb.execute("DROP TABLE strict_short");
        }
    }

    // ---- atomicity inside a transaction -------------------------------------------------------

    @Test
    void insideATransactionAFailedCopyLeavesEarlierWorkIntact() {
        db.useTransaction(tx -> {
            tx.sql("insert into strict (id, name) values (-1, 'before')").execute();
            fails(CheckViolationException.class,
                    () -> tx.copy(STRICT, rowsWith(10, 7, new Strict(7, "n", null, -1, null, null))), 7, "qty");
            fails(BindException.class, () -> tx.copy(STRICT, rowsWith(100_000, 90_000,
                    new Strict(90_000, "\uDBFF", null, null, null, null)).stream()), 90_000, "name");
            fails(ForeignKeyViolationException.class,
                    () -> tx.copy(STRICT, rowsWith(10, 9, new Strict(9, "n", null, null, 42, null))), 9, "parent");
            assertEquals(3, tx.copy(STRICT, List.of(ok(1), ok(2), ok(3))));
            tx.sql("insert into strict (id, name) values (-2, 'after')").execute();
        });
        assertEquals(5, testDb.count("SELECT count(*) FROM strict"));
        assertEquals(2, testDb.count("SELECT count(*) FROM strict WHERE id < 0"));
    }

    @Test
    void aCopyInsideATransactionRollsBackWithIt() {
        assertThrows(IllegalStateException.class, () -> db.useTransaction(tx -> {
            assertEquals(2, tx.copy(STRICT, List.of(ok(1), ok(2)).iterator()));
            assertEquals(2L, tx.sql("select count(*) from strict").one(Long.class));
            throw new IllegalStateException("undo");
        }));
        nothingWritten();
    }

    @Test
    void eachFormCopiesAndCounts() {
        assertEquals(3, db.copy(STRICT, List.of(ok(1), ok(2), ok(3))));
        assertEquals(2, db.copy(STRICT, Stream.of(ok(4), ok(5))));
        assertEquals(1, db.copy(STRICT, List.of(ok(6)).iterator()));
        assertEquals(6, testDb.count("SELECT count(*) FROM strict"));
        assertNotNull(db.first(select(STRICT).where(STRICT.id.eq(6))).orElse(null));
        assertEquals(Objects.requireNonNull(ok(5).name()),
                db.one(select(STRICT.name).from(STRICT).where(STRICT.id.eq(5))));
    }

    /** A DataSource that fails any attempt to connect: a call that borrows a connection shows. */
    private static final class NoConnections extends StubDataSource {
        @Override
        public Connection getConnection() {
            throw new IllegalStateException("no round trip expected");
        }

    }
}
