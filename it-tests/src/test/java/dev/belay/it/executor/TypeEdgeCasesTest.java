package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.Field;
import dev.belay.dsl.Row;
import dev.belay.executor.DBConnection;
import dev.belay.executor.MappingException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scalar types at their limits, written through the DSL or bound in raw SQL, and read back both ways:
 * the values a type's happy path never reaches (MIN/MAX, NaN, -0.0, year 1, microseconds, all 256 bytes).
 */
@FixtureDatabase
final class TypeEdgeCasesTest {
    record Ints(short i2, int i4, long i8) {}

    record BoxedInts(Short i2, Integer i4, Long i8) {}

    record Floats(float f4, double f8) {}

    private static final TypesTable E = TypesTable.T;
    private static final AtomicLong IDS = new AtomicLong();
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        db = TypesTable.createAndOpen(t);
    }

    /** Writes {@code value} into a new row through the DSL and reads it back through the DSL. */
    private static <T> T dsl(Column<TypesTable.Holder, T> column, T value) {
        long id = IDS.incrementAndGet();
        assertEquals(1, db.exec(insertInto(E).set(E.id, id).set(column, value)));
        return db.one(select(column).from(E).where(E.id.eq(id)));
    }

    /** Binds {@code value} as a raw SQL parameter of {@code type} and reads the column back with raw SQL. */
    private static <T> T raw(Column<TypesTable.Holder, T> column, T value, Class<T> readAs) {
        long id = IDS.incrementAndGet();
        assertEquals(1, db.sql("insert into types (id, " + column.name() + ") values (:id, :v)").bind("id", id)
                .bind("v", value, column.type()).execute());
        return db.sql("select " + column.name() + " from types where id = :id").bind("id", id).one(readAs);
    }

    /** Both paths, each checked for equality with the value written. */
    private static <T> void both(Column<TypesTable.Holder, T> column, T value, Class<T> readAs) {
        assertEquals(value, dsl(column, value), "DSL " + column.name() + " " + value);
        assertEquals(value, raw(column, value, readAs), "raw " + column.name() + " " + value);
    }

    /** A literal inserted as SQL text (so no binder is involved), read through the DSL. */
    private static <T> T literal(Column<TypesTable.Holder, T> column, String sqlLiteral) {
        long id = IDS.incrementAndGet();
        db.sql("insert into types (id, " + column.name() + ") values (:id, " + sqlLiteral + ")").bind("id", id).execute();
        return db.one(select(column).from(E).where(E.id.eq(id)));
    }

    /** Every column as a typed NULL: set through the DSL, bound in raw SQL, and read back through both paths. */
    @Test
    void nullForEveryType() {
        for (Column<TypesTable.Holder, ?> c : E.columns()) {
            if (c == E.id) {
                continue;
            }
            long viaDsl = IDS.incrementAndGet();
            db.exec(insertInto(E).set(E.id, viaDsl).setNull(c));
            long viaRaw = IDS.incrementAndGet();
            db.sql("insert into types (id, " + c.name() + ") values (:id, :v)").bind("id", viaRaw).bindNull("v", c.type())
                    .execute();
            for (long id : new long[] {viaDsl, viaRaw}) {
                assertEquals(null, db.one(select(c).from(E).where(E.id.eq(id))), c.name());
                assertEquals(Optional.empty(), db.sql("select " + c.name() + " from types where id = :id").bind("id", id)
                        .first(c.type().javaType()), c.name());
                Row row = db.sql("select * from types where id = :id").bind("id", id).one(Row.class);
                assertEquals(E.columns().size(), row.size());
                assertEquals(null, row.get(c.name()), c.name());
                assertEquals(true, db.sql("select " + c.name() + " is null from types where id = :id").bind("id", id)
                        .one(Boolean.class), c.name() + " is a real SQL NULL");
            }
        }
        long id = IDS.incrementAndGet();
        db.exec(insertInto(E).set(E.id, id));
        Row all = db.one(select(E.columns().toArray(new Field<?>[0])).from(E).where(E.id.eq(id)));
        for (int i = 1; i < all.size(); i++) {
            assertEquals(null, all.get(i), E.columns().get(i).name());
        }
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void textEmptyAstralPlaneAndCombiningMarksSurviveBothPaths() {
        List<String> samples = List.of("", " ", "😀", "a😀b𝄞c🜁", "e\u0301", "\u1E9B\u0323", "Z\u0324\u0354\u0367\u0311\u0313",
                "שלום עולם", "\uFEFFbom", "tab\tnew\nline\r", "'; drop table types; --", "\\x00");
        for (String s : samples) {
            both(E.text, s, String.class);
            both(E.varchar, s, String.class);
        }
        // one astral code point is one character to PostgreSQL and four UTF-8 bytes: not CESU-8 surrogate pairs
        assertEquals(List.of(1, 4), List.of(
                db.sql("select length(:s)").bind("s", "😀").one(Integer.class),
                db.sql("select octet_length(:s)").bind("s", "😀").one(Integer.class)));
        assertEquals("e\u0301", literal(E.text, "U&'e\\0301'"));
        assertEquals(2, literal(E.text, "U&'e\\0301'").length(), "combining marks are not normalised away");
    }

    @Test
    void integerLimitsIntoBoxedAndPrimitiveComponents() {
        for (short s : new short[] {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE}) {
            both(E.int2, s, Short.class);
        }
        for (int i : new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}) {
            both(E.int4, i, Integer.class);
        }
        for (long l : new long[] {Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE}) {
            both(E.int8, l, Long.class);
        }
        long min = IDS.incrementAndGet();
        long max = IDS.incrementAndGet();
        db.exec(insertInto(E).set(E.id, min).set(E.int2, Short.MIN_VALUE).set(E.int4, Integer.MIN_VALUE)
                .set(E.int8, Long.MIN_VALUE));
        db.exec(insertInto(E).set(E.id, max).set(E.int2, Short.MAX_VALUE).set(E.int4, Integer.MAX_VALUE)
                .set(E.int8, Long.MAX_VALUE));
        Ints lo = new Ints(Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);
        Ints hi = new Ints(Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
        assertEquals(List.of(lo, hi), db.exec(select(E.int2, E.int4, E.int8).from(E).where(E.id.in(min, max))
                .orderBy(E.id.asc()).into(Ints.class)));
        assertEquals(List.of(lo, hi), db.sql("select i2, i4, i8 from types where id in (:a, :b) order by id")
                .bind("a", min).bind("b", max).fetch(Ints.class));
        assertEquals(new BoxedInts(Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE),
                db.sql("select i2, i4, i8 from types where id = :a").bind("a", min).one(BoxedInts.class));
    }

    /**
     * Regression: a value that does not fit the Java type surfaces as pgjdbc's "Bad value for type int" (a plain
     * BelayException, SQLSTATE 22003, no column) instead of the MappingException naming the column.
     */
    @Test
    void int8TooLargeForIntegerIsAMappingErrorNamingTheColumn() {
        MappingException e = assertThrows(MappingException.class,
                () -> db.sql("select 5000000000::int8 as too_big").one(Integer.class));
        assertTrue(e.getMessage().contains("too_big"), e.getMessage());
    }

    @Test
    void numericKeepsEveryDigitSignAndScale() {
        String forty = "1234567890123456789012345678901234567890";
        String thirty = "123456789012345678901234567890";
        for (String s : List.of(forty + "." + thirty, "-" + forty + "." + thirty, "1.500", "-1.500", "0.000", "0",
                "0." + "0".repeat(29) + "1", "9".repeat(1000) + "." + "9".repeat(100))) {
            BigDecimal v = new BigDecimal(s);
            assertEquals(s, dsl(E.numeric, v).toPlainString(), "DSL");
            assertEquals(s, raw(E.numeric, v, BigDecimal.class).toPlainString(), "raw");
        }
        assertEquals(3, dsl(E.numeric, new BigDecimal("1.500")).scale());
        assertEquals(new BigDecimal("-" + forty + "." + thirty), literal(E.numeric, "-" + forty + "." + thirty));
        assertEquals(new BigDecimal("1.500"), literal(E.numeric, "1.500"));
    }

    /**
     * Regression: numeric 'NaN' and 'Infinity' have no BigDecimal; they surface as pgjdbc's "Bad value for type
     * BigDecimal" (a plain BelayException) instead of a MappingException naming the column.
     */
    @Test
    void numericNaNAndInfinityIntoBigDecimalNameTheColumn() {
        for (String special : List.of("'NaN'", "'Infinity'", "'-Infinity'")) {
            MappingException dsl = assertThrows(MappingException.class, () -> literal(E.numeric, special));
            assertTrue(dsl.getMessage().contains("num"), dsl.getMessage());
            assertTrue(dsl.column() != null && dsl.column().contains("num"), dsl.column());
            MappingException raw = assertThrows(MappingException.class,
                    () -> db.sql("select " + special + "::numeric as nan_col").one(BigDecimal.class));
            assertTrue(raw.getMessage().contains("nan_col"), raw.getMessage());
        }
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void floatSpecialsSignedZeroAndLimits() {
        for (float f : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f,
                Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 0.1f}) {
            both(E.float4, f, Float.class);
        }
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1}) {
            both(E.float8, d, Double.class);
        }
        assertEquals(-0.0, literal(E.float8, "'-0'"));
        assertEquals(Float.NEGATIVE_INFINITY, literal(E.float4, "'-Infinity'"));
        long id = IDS.incrementAndGet();
        db.exec(insertInto(E).set(E.id, id).set(E.float4, Float.NaN).set(E.float8, -0.0));
        Floats read = db.sql("select f4, f8 from types where id = :id").bind("id", id).one(Floats.class);
        assertTrue(Float.isNaN(read.f4()), String.valueOf(read.f4()));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(read.f8()));
    }

    @Test
    void boolAndUuidExtremes() {
        both(E.bool, true, Boolean.class);
        both(E.bool, false, Boolean.class);
        assertEquals(false, literal(E.bool, "'f'"));
        for (UUID u : List.of(new UUID(0, 0), new UUID(-1L, -1L), UUID.fromString("00000000-0000-0000-0000-000000000001"),
                UUID.randomUUID())) {
            both(E.uuid, u, UUID.class);
        }
        assertEquals(new UUID(-1L, -1L), literal(E.uuid, "'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'"));
    }

    @Test
    void datesFromYearOneToYear9999AcrossTheGregorianCutover() {
        for (LocalDate d : List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(1582, 10, 4),
                LocalDate.of(1582, 10, 10), LocalDate.of(1582, 10, 15), LocalDate.of(1969, 12, 31),
                LocalDate.of(2000, 2, 29))) {
            both(E.date, d, LocalDate.class);
        }
        // 1582-10-10 does not exist in the Julian/Gregorian hybrid calendar of java.util; PostgreSQL is proleptic
        assertEquals(LocalDate.of(1582, 10, 10), literal(E.date, "'1582-10-10'"));
        assertEquals(LocalDate.of(1, 1, 1), literal(E.date, "'0001-01-01'"));
        assertEquals("1582-10-10", db.sql("select d::text from types where d = :d")
                .bind("d", LocalDate.of(1582, 10, 10)).first(String.class).orElseThrow());
    }

    /**
     * PostgreSQL's 'infinity' and '-infinity' have no java.time value: they read as LocalDate/LocalDateTime
     * MAX and MIN (pgjdbc's mapping) and, for timestamptz, Instant.MAX and Instant.MIN; each binds back as the
     * infinity it came from.
     */
    @Test
    void infiniteDatesReadAsLocalDateMaxAndMin() {
        assertEquals(LocalDate.MAX, literal(E.date, "'infinity'"));
        assertEquals(LocalDate.MIN, literal(E.date, "'-infinity'"));
        assertEquals(LocalDate.MAX, db.sql("select 'infinity'::date").one(LocalDate.class));
        long id = IDS.incrementAndGet();
        db.exec(insertInto(E).set(E.id, id).set(E.date, LocalDate.MAX));
        assertEquals("infinity", db.sql("select d::text from types where id = :id").bind("id", id).one(String.class));
        assertEquals(LocalDateTime.MAX, literal(E.timestamp, "'infinity'"));
        assertEquals(LocalDateTime.MIN, literal(E.timestamp, "'-infinity'"));
        assertEquals(Instant.MAX, literal(E.instant, "'infinity'"));
        assertEquals(Instant.MIN, literal(E.instant, "'-infinity'"));
        db.exec(update(E).set(E.instant, Instant.MIN).where(E.id.eq(id)));
        assertEquals("-infinity", db.sql("select tstz::text from types where id = :id").bind("id", id).one(String.class));
        assertEquals(Instant.MIN, db.fetchValue(select(E.instant).from(E).where(E.id.eq(id))));
    }

    @Test
    void timeFromMidnightToTheLastMicrosecond() {
        for (LocalTime t : List.of(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000), LocalTime.of(0, 0, 0, 1_000),
                LocalTime.NOON)) {
            both(E.time, t, LocalTime.class);
        }
        assertEquals(LocalTime.of(23, 59, 59, 999_999_000), literal(E.time, "'23:59:59.999999'"));
    }

    @Test
    void timestampsKeepMicrosecondsBefore1970AndFarAhead() {
        for (LocalDateTime t : List.of(LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1_000),
                LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(1582, 10, 10, 12, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000))) {
            both(E.timestamp, t, LocalDateTime.class);
        }
        for (Instant i : List.of(Instant.parse("2024-05-06T07:08:09.123456Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("1900-01-01T00:00:00.000001Z"), Instant.parse("1000-06-15T12:00:00.5Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.EPOCH)) {
            both(E.instant, i, Instant.class);
        }
        assertEquals(Instant.parse("1969-07-20T20:17:40.000001Z"), literal(E.instant, "'1969-07-20 22:17:40.000001+02'"));
        assertEquals(LocalDateTime.of(1, 1, 1, 0, 0, 0, 1_000), literal(E.timestamp, "'0001-01-01 00:00:00.000001'"));
    }

    @Test
    void intervalsWithDaysHoursMicrosecondsAndNegatives() {
        for (Duration d : List.of(Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(6).plusNanos(7_000),
                Duration.ofHours(-26), Duration.ofMillis(-1_500), Duration.ofNanos(1_000), Duration.ofNanos(-1_000),
                Duration.ofDays(-400).plusNanos(1_000), Duration.ofDays(24_000).plusNanos(1_000))) {
            both(E.interval, d, Duration.class);
        }
        assertEquals(Duration.ofHours(76).plusMinutes(5).plusSeconds(6).plusNanos(7_000),
                literal(E.interval, "'3 days 04:05:06.000007'"));
        assertEquals(Duration.ofHours(-22), literal(E.interval, "'-1 days +2 hours'"));
        assertEquals(Duration.ofHours(22), literal(E.interval, "'1 day -2 hours'"));
        assertEquals(Duration.ofSeconds(-1, -500_000_000), literal(E.interval, "'-1.5 seconds'"));
    }

    /**
     * Regression: an interval of a century reads back fine (see the literal) but cannot be bound: Binders puts all of
     * it into PGInterval's seconds, an int, and pgjdbc's IllegalArgumentException escapes unwrapped.
     */
    @Test
    void intervalLongerThan68YearsBindsToTheMicrosecond() {
        Duration century = Duration.ofDays(36_500).plusNanos(1_000);
        assertEquals(century, literal(E.interval, "'876000:00:00.000001'"));
        assertEquals(century, dsl(E.interval, century));
        assertEquals(century.negated(), raw(E.interval, century.negated(), Duration.class));
    }

    @Test
    void byteaEmptyAndAllByteValues() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertArrayEquals(all, dsl(E.bytea, all));
        assertArrayEquals(all, raw(E.bytea, all, byte[].class));
        assertArrayEquals(new byte[0], raw(E.bytea, new byte[0], byte[].class));
        assertEquals(256, db.sql("select length(:b)").bind("b", all).one(Integer.class));
        assertArrayEquals(all, db.sql("select decode(:hex, 'hex')").bind("hex", java.util.HexFormat.of().formatHex(all))
                .one(byte[].class));
    }

    @Test
    void jsonTextIsKeptAndJsonbIsNormalisedUnicodeAndNesting() {
        String nested = "{\"a\": {\"b\": [1, [2, [3, {\"c\": null}]]]}, \"e\": \"é😀\u0301\", \"n\": -1.5}";
        both(E.json, nested, String.class);
        // json keeps its text verbatim: whitespace, duplicate keys and \\u escapes
        String verbatim = "{ \"k\" :1,\"k\":2, \"u\":\"\\u00e9\\ud83d\\ude00\" }";
        both(E.json, verbatim, String.class);
        // jsonb is the server's canonical form: last duplicate wins, escapes become characters
        assertEquals("{\"k\": 2, \"u\": \"é😀\"}", dsl(E.jsonb, verbatim));
        assertEquals(nested, raw(E.jsonb, nested, String.class));
        both(E.jsonb, "\"😀\"", String.class);
        both(E.jsonb, "[]", String.class);
        both(E.jsonb, "null", String.class);
        assertEquals("{}", literal(E.jsonb, "'{ }'"));
    }
}
