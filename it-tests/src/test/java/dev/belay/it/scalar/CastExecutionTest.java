package dev.belay.it.scalar;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.fixtures.Order.Status;
import dev.belay.dsl.fixtures.OrderTable;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cast(value, type)} for every built-in PgType, an array, json and an enum: PostgreSQL reports the cast's
 * type ({@code pg_typeof}) and the value comes back as it went. Fields cast from their text form
 * ({@code Field.cast}) reach the same values.
 */
@FixtureDatabase
final class CastExecutionTest {
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        db = t.open();
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                sample(PgType.TEXT, "héllo", "text", "héllo"),
                sample(PgType.VARCHAR, "v", "character varying", "v"),
                sample(PgType.INT2, (short) -7, "smallint", "-7"),
                sample(PgType.INT4, 123_456, "integer", "123456"),
                sample(PgType.INT8, 9_000_000_000L, "bigint", "9000000000"),
                sample(PgType.NUMERIC, new BigDecimal("12345.6789"), "numeric", "12345.6789"),
                sample(PgType.FLOAT4, 1.5f, "real", "1.5"),
                sample(PgType.FLOAT8, 2.25, "double precision", "2.25"),
                sample(PgType.BOOL, true, "boolean", "true"),
                sample(PgType.UUID, UUID.fromString("0e37df36-f698-11e6-8dd4-cb9ced3df976"), "uuid",
                        "0e37df36-f698-11e6-8dd4-cb9ced3df976"),
                sample(PgType.DATE, LocalDate.of(2024, 2, 29), "date", "2024-02-29"),
                sample(PgType.TIME, LocalTime.of(23, 59, 58, 123_456_000), "time without time zone", "23:59:58.123456"),
                sample(PgType.TIMESTAMP, LocalDateTime.of(2024, 1, 2, 3, 4, 5), "timestamp without time zone",
                        "2024-01-02 03:04:05"),
                sample(PgType.TIMESTAMPTZ, Instant.parse("2024-01-02T03:04:05.5Z"), "timestamp with time zone",
                        "2024-01-02 03:04:05.5+00"),
                sample(PgType.TIMESTAMPTZ_OFFSET, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
                        "timestamp with time zone", "2024-01-02 03:04:05+00"),
                sample(PgType.INTERVAL, Duration.ofHours(30).plusSeconds(1), "interval", "30:00:01"),
                sample(PgType.JSONB, "{\"a\": [1, 2]}", "jsonb", "{\"a\": [1, 2]}"),
                sample(PgType.JSON, "{\"b\":true}", "json", "{\"b\":true}"),
                sample(PgType.arrayOf(PgType.TEXT), List.of("a", "b c"), "text[]", "{a,\"b c\"}"),
                sample(PgType.arrayOf(PgType.INT4), List.of(1, 2, 3), "integer[]", "{1,2,3}"),
                sample(OrderTable.STATUS_TYPE, Status.SHIPPED, "order_status", "SHIPPED"),
                sample(PgType.arrayOf(OrderTable.STATUS_TYPE), List.of(Status.NEW, Status.PAID), "order_status[]",
                        "{NEW,PAID}"));
    }

    private static <T> Arguments sample(PgType<T> type, T value, String typeName, String text) {
        return Arguments.of(type, value, typeName, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    <T> void castOfABoundValue(PgType<T> type, T value, String typeName, String text) {
        Field<T> cast = cast(value, type);
        Tuple2<T, String> row = db.one(select(cast, function("pg_typeof", PgType.TEXT, cast).cast(PgType.TEXT)));
        assertEquals(typeName, row.v2());
        assertEquals(value, row.v1());
        assertEquals(null, db.one(select(cast((T) null, type), value(1))).v1(), "a typed NULL");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    <T> void castOfATextField(PgType<T> type, T value, String typeName, String text) {
        assertEquals(value, db.one(select(value(text).cast(type), value(1))).v1());
    }

    @org.junit.jupiter.api.Test
    void byteaBothWays() {
        byte[] bytes = {0, 1, (byte) 0xff};
        Tuple2<byte[], String> row = db.one(select(cast(bytes, PgType.BYTEA), value(bytes).cast(PgType.TEXT)));
        assertArrayEquals(bytes, row.v1());
        assertEquals("\\x0001ff", row.v2());
    }
}
