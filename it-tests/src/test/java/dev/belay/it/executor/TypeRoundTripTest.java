package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.fixtures.Order;
import dev.belay.executor.BindException;
import dev.belay.executor.Converter;
import dev.belay.executor.DBConnection;
import dev.belay.executor.MappingException;
import dev.belay.executor.TypeRegistry;
import dev.belay.it.FixtureDatabase;
import dev.belay.it.executor.TypesTable.Email;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each supported type written through Belay and read back through the DSL and raw SQL. */
@FixtureDatabase
final class TypeRoundTripTest {
    record PrimitiveInt(int value) {}

    record Ints(List<Integer> ia) {}

    private static final TypesTable T = TypesTable.T;
    private static final AtomicInteger IDS = new AtomicInteger();
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        db = TypesTable.createAndOpen(t);
    }

    /** Inserts {@code value} into a new row through the DSL and reads it back through the DSL. */
    private static <T> T roundTrip(Column<TypesTable.Holder, T> column, T value) {
        long id = IDS.incrementAndGet();
        int inserted = value == null ? db.exec(insertInto(T).set(T.id, id).setNull(column))
                : db.exec(insertInto(T).set(T.id, id).set(column, value));
        assertEquals(1, inserted);
        return db.one(select(column).from(T).where(T.id.eq(id)));
    }

    /** Like {@link #roundTrip} and also checks the value read back equals the one written. */
    private static <T> void same(Column<TypesTable.Holder, T> column, T value) {
        assertEquals(value, roundTrip(column, value), column.name());
    }

    /** A value written with raw SQL text, read back through raw SQL as {@code type}. */
    private static <T> T rawRead(String column, String literal, Class<T> type) {
        long id = IDS.incrementAndGet();
        db.sql("insert into types (id, " + column + ") values (:id, " + literal + ")").bind("id", id).execute();
        return db.sql("select " + column + " from types where id = :id").bind("id", id).one(type);
    }

    @Test
    void text() {
        same(T.text, "");
        same(T.text, "héllo wörld 😀 中文 \t\n 'quoted' \\ \"double\"");
        same(T.text, null);
        same(T.varchar, "varchar ✓ 😀");
        assertEquals("a'b 😀", rawRead("t", "'a''b 😀'", String.class));
    }

    @Test
    void integers() {
        same(T.int2, Short.MIN_VALUE);
        same(T.int2, Short.MAX_VALUE);
        same(T.int4, Integer.MIN_VALUE);
        same(T.int4, Integer.MAX_VALUE);
        same(T.int4, 0);
        same(T.int4, null);
        same(T.int8, Long.MIN_VALUE);
        same(T.int8, Long.MAX_VALUE);
        same(T.int8, null);
        assertEquals(Long.MIN_VALUE, rawRead("i8", "-9223372036854775808", Long.class));
    }

    @Test
    void nullIntoPrimitiveNamesTheColumn() {
        long id = IDS.incrementAndGet();
        db.exec(insertInto(T).set(T.id, id).setNull(T.int4));
        MappingException raw = assertThrows(MappingException.class,
                () -> db.sql("select i4 as value from types where id = :id").bind("id", id).one(PrimitiveInt.class));
        assertTrue(raw.getMessage().contains("\"value\"") && raw.getMessage().contains("PrimitiveInt.value"),
                raw.getMessage());
        assertTrue(raw.column() != null && raw.column().contains("value"), raw.column());
        MappingException dsl = assertThrows(MappingException.class,
                () -> db.exec(select(T.int4).from(T).where(T.id.eq(id)).into(PrimitiveInt.class)));
        assertTrue(dsl.getMessage().contains("i4") && dsl.getMessage().contains("primitive"), dsl.getMessage());
    }

    @Test
    void numericAndFloats() {
        same(T.numeric, new BigDecimal("12345678901234567890.123456789"));
        same(T.numeric, new BigDecimal("-0.000000000000000000001"));
        same(T.numeric, null);
        assertEquals(new BigDecimal("12345678901234567890.123456789"),
                rawRead("num", "12345678901234567890.123456789", BigDecimal.class));
        same(T.float4, Float.NaN);
        same(T.float4, Float.POSITIVE_INFINITY);
        same(T.float4, Float.NEGATIVE_INFINITY);
        same(T.float4, 1.5f);
        same(T.float8, Double.NaN);
        same(T.float8, Double.POSITIVE_INFINITY);
        same(T.float8, Double.NEGATIVE_INFINITY);
        same(T.float8, Double.MIN_VALUE);
        same(T.float8, 0.0);
        same(T.float8, null);
        assertEquals(Double.NaN, rawRead("f8", "'NaN'", Double.class));
        assertEquals(Double.NEGATIVE_INFINITY, rawRead("f8", "'-Infinity'", Double.class));
    }

    @Test
    void boolAndUuid() {
        same(T.bool, true);
        same(T.bool, false);
        same(T.bool, null);
        UUID u = UUID.randomUUID();
        same(T.uuid, u);
        same(T.uuid, null);
        assertEquals(u, rawRead("u", "'" + u + "'", UUID.class));
    }

    @Test
    void dateAndTime() {
        same(T.date, LocalDate.of(2024, 2, 29));
        same(T.date, LocalDate.of(1, 1, 1));
        same(T.time, LocalTime.of(23, 59, 59, 123_456_000));
        same(T.time, LocalTime.MIDNIGHT);
        same(T.timestamp, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000));
        same(T.date, null);
        assertEquals(LocalDate.of(2000, 12, 31), rawRead("d", "'2000-12-31'", LocalDate.class));
    }

    @Test
    void timestamptz() {
        same(T.instant, Instant.parse("2024-03-10T12:34:56.789012Z"));
        same(T.instant, Instant.parse("1969-12-31T23:59:59.999999Z"));
        same(T.instant, null);
        OffsetDateTime written = OffsetDateTime.parse("2024-03-10T14:34:56.789012+02:00");
        OffsetDateTime read = roundTrip(T.offset, written);
        assertEquals(written.toInstant(), read.toInstant());
        assertEquals(ZoneOffset.UTC, read.getOffset());
        assertEquals(Instant.parse("2024-03-10T12:34:56.789012Z"),
                rawRead("tstz", "'2024-03-10 14:34:56.789012+02'", Instant.class));
        assertEquals(Instant.parse("2024-03-10T12:34:56Z"),
                rawRead("tstz", "'2024-03-10 14:34:56+02'", OffsetDateTime.class).toInstant());
    }

    @Test
    void intervalAsDuration() {
        same(T.interval, Duration.ofMinutes(90));
        same(T.interval, Duration.ofDays(1).plusHours(2));
        same(T.interval, Duration.ofSeconds(1, 500_000_000));
        same(T.interval, Duration.ofSeconds(3, 1_000));
        same(T.interval, Duration.ZERO);
        same(T.interval, null);
        assertEquals(Duration.ofMinutes(90), rawRead("iv", "'90 minutes'", Duration.class));
        assertEquals(Duration.ofHours(26), rawRead("iv", "'1 day 2 hours'", Duration.class));
        assertThrows(MappingException.class, () -> rawRead("iv", "'1 month'", Duration.class));
    }

    @Test
    void negativeInterval() {
        same(T.interval, Duration.ofMinutes(-90));
        assertEquals(Duration.ofMinutes(-90), rawRead("iv", "'-90 minutes'", Duration.class));
    }

    @Test
    void bytea() {
        byte[] bytes = {0, 1, 2, (byte) 0xff, 0, (byte) 0x80};
        assertArrayEquals(bytes, roundTrip(T.bytea, bytes));
        assertArrayEquals(new byte[0], roundTrip(T.bytea, new byte[0]));
        assertEquals(null, roundTrip(T.bytea, null));
        assertArrayEquals(new byte[] {0, (byte) 0xab}, rawRead("bin", "'\\x00ab'::bytea", byte[].class));
    }

    @Test
    void jsonAsString() {
        same(T.json, "{\"a\":  1, \"z\": [true, null], \"s\": \"😀\"}");
        // jsonb normalises its text: this is its own output form
        same(T.jsonb, "{\"a\": 1, \"s\": \"😀\", \"z\": [true, null]}");
        same(T.jsonb, "[]");
        same(T.jsonb, null);
        assertEquals("{\"k\": \"v\"}", rawRead("jsb", "'{\"k\":\"v\"}'", String.class));
    }

    @Test
    void arraysAsLists() {
        same(T.texts, List.of("a", "b c", "", "ü 😀", "{\"}", "NULL"));
        same(T.texts, List.of());
        same(T.texts, null);
        same(T.texts, Arrays.asList("x", null));
        same(T.ints, List.of(1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE));
        same(T.ints, List.of());
        same(T.ints, null);
        long id = IDS.incrementAndGet();
        db.sql("insert into types (id, ia) values (:id, '{7,8}')").bind("id", id).execute();
        assertEquals(new Ints(List.of(7, 8)), db.sql("select ia from types where id = :id").bind("id", id).one(Ints.class));
    }

    @Test
    void enums() {
        same(T.status, Order.Status.PAID);
        same(T.status, Order.Status.SHIPPED);
        same(T.status, null);
        long id = IDS.incrementAndGet();
        db.sql("insert into types (id, st) values (:id, :st)").bind("id", id).bind("st", Order.Status.NEW).execute();
        assertEquals(Order.Status.NEW, db.one(select(T.status).from(T).where(T.id.eq(id))));
        assertEquals(Order.Status.NEW, db.sql("select st from types where id = :id").bind("id", id).one(Order.Status.class));
        assertEquals(List.of(id), db.exec(select(T.id).from(T).where(T.status.eq(Order.Status.NEW))));
    }

    @Test
    void userConverterThroughTheDsl() {
        Email email = new Email("ann@example.org");
        same(T.email, email);
        long id = IDS.incrementAndGet();
        db.exec(insertInto(T).set(T.id, id).set(T.email, new Email("bob@example.org")));
        assertEquals(List.of(id), db.exec(select(T.id).from(T).where(T.email.eq(new Email("bob@example.org")))));
        assertEquals("bob@example.org", db.sql("select email from types where id = :id").bind("id", id).one(String.class));
    }

    /** Regression: a converted type that is a record is mapped as a record by position, not through its Converter. */
    @Test
    void userConverterKeepsNull() {
        assertEquals(null, roundTrip(T.email, null));
    }

    /** Regression: same root cause; raw SQL maps Email by component name ("value") and finds no such column. */
    @Test
    void userConverterThroughRawSql() {
        long id = IDS.incrementAndGet();
        db.sql("insert into types (id, email) values (:id, :email)").bind("id", id)
                .bind("email", new Email("raw@example.org"), PgType.custom("text", Email.class)).execute();
        assertEquals(new Email("raw@example.org"),
                db.sql("select email from types where id = :id").bind("id", id).one(Email.class));
    }

    @Test
    void nulInTextIsRefusedBeforeSending() {
        long id = IDS.incrementAndGet();
        // the DSL refuses it while the query is built, naming the column
        IllegalArgumentException dsl = assertThrows(IllegalArgumentException.class,
                () -> db.exec(insertInto(T).set(T.id, id).set(T.text, "a\0b")));
        assertTrue(dsl.getMessage().contains("column types.t") && dsl.getMessage().contains("NUL"), dsl.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> db.exec(insertInto(T).set(T.id, id).set(T.texts, List.of("ok", "bad\0"))));
        assertThrows(IllegalArgumentException.class,
                () -> db.exec(insertInto(T).set(T.id, id).set(T.jsonb, "\"\0\"")));
        // raw SQL refuses it at bind, naming the placeholder
        BindException raw = assertThrows(BindException.class,
                () -> db.sql("insert into types (id, t) values (:id, :t)").bind("id", id).bind("t", "x\0").execute());
        assertTrue(raw.getMessage().startsWith(":t: the text contains a NUL character (0x00) at index 1"), raw.getMessage());
        BindException positional = assertThrows(BindException.class,
                () -> db.sql("insert into types (id, ta) values (?, ?)").bind(1, id)
                        .bind(2, List.of("a\0"), PgType.arrayOf(PgType.TEXT)).execute());
        assertTrue(positional.getMessage().startsWith("?2: element 0: the text contains a NUL"), positional.getMessage());
        assertEquals(0L, db.sql("select count(*) from types where id = :id").bind("id", id).one(Long.class));
        assertEquals(0, db.poolStats().active());
    }
}
