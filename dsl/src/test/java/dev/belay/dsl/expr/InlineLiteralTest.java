package dev.belay.dsl.expr;

import static dev.belay.dsl.FrameBound.currentRow;
import static dev.belay.dsl.FrameBound.preceding;
import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Placeholders;
import dev.belay.dsl.fixtures.Order;
import dev.belay.dsl.fixtures.OrderTable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * toString() of expressions and queries inlines values as PostgreSQL literals, for logs. Each literal
 * here was checked by hand to be read back by PostgreSQL as the same value of the same type.
 */
final class InlineLiteralTest {

    @Test
    void textIsQuotedWithEmbeddedQuotesDoubled() {
        assertEquals("\"users\".\"name\" = 'O''Brien'", USER.NAME.eq("O'Brien").toString());
        assertEquals("\"users\".\"name\" = ''''''", USER.NAME.eq("''").toString());
        assertEquals("\"users\".\"name\" = ''", USER.NAME.eq("").toString());
        // standard_conforming_strings is on: a backslash is an ordinary character.
        assertEquals("\"users\".\"name\" = 'a\\b'", USER.NAME.eq("a\\b").toString());
        assertEquals("'x'", value("x", PgType.VARCHAR).toString());
    }

    @Test
    void nullAndBooleans() {
        assertEquals("\"users\".\"age\" IS DISTINCT FROM NULL", USER.AGE.isDistinctFrom((Integer) null).toString());
        assertEquals("NULL", value(null, PgType.TEXT).toString());
        assertEquals("TRUE", value(true).toString());
        assertEquals("\"docs\".\"is_public\" = FALSE", Docs.PUBLIC.eq(false).toString());
        assertEquals("TRUE", trueCondition().toString());
        assertEquals("FALSE", or().toString());
    }

    @Test
    void numbers() {
        assertEquals("\"users\".\"age\" = 42", USER.AGE.eq(42).toString());
        assertEquals("\"users\".\"id\" = -7", USER.ID.eq(-7L).toString());
        assertEquals("\"users\".\"age\" - -1", USER.AGE.minus(-1).toString());
        assertEquals("3", value((short) 3).toString());
        assertEquals("\"orders\".\"total\" > 1000", ORDER.TOTAL.gt(new BigDecimal("1E+3")).toString());
        assertEquals("\"orders\".\"total\" > 0.000001", ORDER.TOTAL.gt(new BigDecimal("1E-6")).toString());
        assertEquals("1.5", value(1.5d).toString());
        assertEquals("2.5", value(2.5f).toString());
    }

    @Test
    void nonFiniteFloatsAreQuotedAndCast() {
        assertEquals("'NaN'::float8", value(Double.NaN).toString());
        assertEquals("'Infinity'::float8", value(Double.POSITIVE_INFINITY).toString());
        assertEquals("'-Infinity'::float4", value(Float.NEGATIVE_INFINITY).toString());
        assertEquals("'NaN'::float4", value(Float.NaN).toString());
    }

    @Test
    void arrays() {
        assertEquals("\"orders\".\"tags\" @> ARRAY['a', 'it''s']::text[]",
                ORDER.TAGS.contains(List.of("a", "it's")).toString());
        assertEquals("\"orders\".\"tags\" && '{}'::text[]", ORDER.TAGS.overlaps(List.of()).toString());
        assertEquals("\"users\".\"id\" = ANY(ARRAY[1, 2]::int8[])", USER.ID.in(1L, 2L).toString());
        assertEquals("\"users\".\"id\" = ANY('{}'::int8[])", USER.ID.in(List.of()).toString());
        assertEquals("\"users\".\"name\" <> ALL(ARRAY['a']::text[])", USER.NAME.notIn("a").toString());
        assertEquals("ARRAY['x', NULL]::text[]", value(Arrays.asList("x", null), PgType.arrayOf(PgType.TEXT))
                .toString());
        assertEquals("\"docs\".\"body\" ?| ARRAY['a', 'b']::text[]", Docs.BODY.jsonHasAnyKey("a", "b").toString());
    }

    @Test
    void enums() {
        assertEquals("\"orders\".\"status\" = 'PAID'::\"order_status\"",
                ORDER.STATUS.eq(Order.Status.PAID).toString());
        assertEquals("\"orders\".\"status\" = ANY(ARRAY['NEW'::\"order_status\", 'PAID'::\"order_status\"]::"
                + "\"order_status\"[])", ORDER.STATUS.in(Order.Status.NEW, Order.Status.PAID).toString());
        assertEquals("'SHIPPED'::\"order_status\"", value(Order.Status.SHIPPED, OrderTable.STATUS_TYPE).toString());
    }

    @Test
    void bytea() {
        assertEquals("'\\x0001abff'::bytea", value(new byte[] {0, 1, (byte) 0xab, (byte) 0xff}).toString());
        assertEquals("'\\x'::bytea", value(new byte[0]).toString());
    }

    @Test
    void temporalUuidAndJson() {
        assertEquals("\"users\".\"created_at\" < '2024-01-02T03:04:05Z'::timestamptz",
                USER.CREATED_AT.lt(Instant.parse("2024-01-02T03:04:05Z")).toString());
        assertEquals("'2024-02-29'::date", value(LocalDate.of(2024, 2, 29)).toString());
        assertEquals("'2024-02-29T13:14:15.500'::timestamp",
                value(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000)).toString());
        assertEquals("'13:14'::time", value(LocalTime.of(13, 14)).toString());
        assertEquals("'PT1H30M'::interval", value(Duration.ofMinutes(90)).toString());
        assertEquals("'0b7e5a3c-1f2d-4c5b-8a9e-6d7c8b9a0f1e'::uuid",
                value(UUID.fromString("0b7e5a3c-1f2d-4c5b-8a9e-6d7c8b9a0f1e")).toString());
        assertEquals("\"docs\".\"body\" @> '{\"a\": \"it''s\"}'::jsonb",
                Docs.BODY.contains("{\"a\": \"it's\"}").toString());
    }

    @Test
    void jsonbOperatorsKeepTheirSingleQuestionMark() {
        assertEquals("\"docs\".\"body\" ? 'k'", Docs.BODY.jsonHasKey("k").toString());
        assertEquals("\"docs\".\"body\" ?& ARRAY['k']::text[]", Docs.BODY.jsonHasAllKeys("k").toString());
        assertEquals("(\"docs\".\"body\" -> 'a') ->> '0'", Docs.BODY.jsonGet("a").jsonGetText("0").toString());
        assertEquals("\"docs\".\"body\" -> 3", Docs.BODY.jsonGet(3).toString());
        // Only JDBC's ? placeholders force the operators to be doubled.
        assertEquals("SELECT \"docs\".\"id\" FROM \"app\".\"docs\" WHERE (\"docs\".\"body\" ? $1) AND "
                        + "(\"docs\".\"body\" ?| $2)",
                select(Docs.ID).from(Docs.DOCS).where(Docs.BODY.jsonHasKey("k")).where(Docs.BODY.jsonHasAnyKey("a"))
                        .render(Placeholders.NUMBERED).sql());
        assertEquals("SELECT \"docs\".\"id\" FROM \"app\".\"docs\" WHERE (\"docs\".\"body\" ?? ?) AND "
                        + "(\"docs\".\"body\" ??& ?)",
                select(Docs.ID).from(Docs.DOCS).where(Docs.BODY.jsonHasKey("k")).where(Docs.BODY.jsonHasAllKeys("a"))
                        .render().sql());
    }

    @Test
    void compositeExpressions() {
        Field<Long> ranked = sum(ORDER.TOTAL).filter(ORDER.STATUS.eq(Order.Status.PAID)).as("s")
                .cast(PgType.INT8);
        assertEquals("CAST(sum(\"orders\".\"total\") FILTER (WHERE \"orders\".\"status\" = 'PAID'::\"order_status\")"
                + " AS int8)", ranked.toString());
        assertEquals("sum(\"orders\".\"total\") OVER (ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)",
                sum(ORDER.TOTAL).over(window().rowsBetween(preceding(2), currentRow())).toString());
        assertEquals("lag(\"orders\".\"total\", 1) OVER ()", lag(ORDER.TOTAL, 1).over(window()).toString());
        assertEquals("\"users\".\"age\" BETWEEN 18 AND 65", USER.AGE.between(18, 65).toString());
        assertEquals("(\"users\".\"age\" >= 18) AND (\"users\".\"name\" LIKE 'A\\_%')",
                USER.AGE.ge(18).and(USER.NAME.startsWith("A_")).toString());
        assertEquals("\"users\".\"age\" DESC NULLS LAST", USER.AGE.desc().nullsLast().toString());
        assertEquals("\"date_trunc\"('day', \"orders\".\"created_at\")",
                function("date_trunc", PgType.TIMESTAMPTZ, value("day"), ORDER.CREATED_AT).toString());
    }

    @Test
    void queriesInlineTheirValues() {
        assertEquals("SELECT \"users\".\"id\" FROM \"users\" WHERE (\"users\".\"name\" = 'x''y') AND "
                        + "(\"users\".\"id\" = ANY(ARRAY[1, 2]::int8[])) LIMIT 10",
                select(USER.ID).from(USER).where(USER.NAME.eq("x'y")).where(USER.ID.in(1L, 2L)).limit(10)
                        .toString());
        assertEquals("SELECT \"docs\".\"id\" FROM \"app\".\"docs\" WHERE \"docs\".\"body\" ? 'k'",
                select(Docs.ID).from(Docs.DOCS).where(Docs.BODY.jsonHasKey("k")).toString());
    }
}
