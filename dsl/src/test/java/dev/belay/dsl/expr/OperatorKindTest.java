package dev.belay.dsl.expr;

import static dev.belay.dsl.Sql.and;
import static dev.belay.dsl.Sql.field;
import static dev.belay.dsl.Sql.function;
import static dev.belay.dsl.Sql.lag;
import static dev.belay.dsl.Sql.lead;
import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.Sql.value;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import dev.belay.dsl.Condition;
import dev.belay.dsl.Field;
import dev.belay.dsl.FrameBound;
import dev.belay.dsl.PgType;
import dev.belay.dsl.fixtures.Order;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Operators that only exist for some kinds of values (LIKE on text, + on numbers, -> on jsonb, && on
 * arrays) compile for any field of a matching Java type, so a mismatch is caught when the expression is
 * built, with a message naming the operator, the field, its type and the fix.
 */
final class OperatorKindTest {
    private static final String AGE = "\"users\".\"age\"";
    private static final String NAME = "\"users\".\"name\"";
    private static final String BODY = "\"docs\".\"body\"";

    static Stream<Arguments> wrongKinds() {
        return Stream.of(
                kind("like on int4", () -> USER.AGE.like("1%"), "like() applies to [text]", AGE, "int4"),
                kind("notLike on int4", () -> USER.AGE.notLike("1%"), "notLike() applies to [text]", AGE, "int4"),
                kind("ilike on enum", () -> ORDER.STATUS.ilike("p%"), "ilike() applies to [text]",
                        "\"orders\".\"status\"", "\"order_status\""),
                kind("notIlike on jsonb", () -> Docs.BODY.notIlike("%"), "notIlike() applies to [text]", BODY, "jsonb"),
                kind("contains on int4", () -> USER.AGE.contains(5), "contains() applies to [text]", AGE, "int4"),
                kind("startsWith on int8", () -> USER.ID.startsWith(1L), "startsWith() applies to [text]",
                        "\"users\".\"id\"", "int8"),
                kind("endsWith on uuid", () -> Docs.ID.endsWith(java.util.UUID.randomUUID()),
                        "endsWith() applies to [text]", "\"docs\".\"id\"", "uuid"),
                kind("plus on text", () -> USER.NAME.plus("x"), "plus() applies to [numeric]", NAME, "text"),
                kind("plus on jsonb", () -> Docs.BODY.plus("{}"), "plus() applies to [numeric]", BODY, "jsonb"),
                kind("minus on text field", () -> USER.NAME.minus(USER.EMAIL), "minus() applies to [numeric]", NAME,
                        "text"),
                kind("times on timestamptz", () -> USER.CREATED_AT.times(USER.CREATED_AT),
                        "times() applies to [numeric]", "\"users\".\"created_at\"", "timestamptz"),
                kind("div on text", () -> USER.NAME.div("2"), "div() applies to [numeric]", NAME, "text"),
                kind("mod on text", () -> USER.NAME.mod("2"), "mod() applies to [numeric]", NAME, "text"),
                kind("mod field on text", () -> USER.NAME.mod(USER.EMAIL), "mod() applies to [numeric]", NAME, "text"),
                kind("plus on array", () -> ORDER.TAGS.plus(List.of("a")), "plus() applies to [numeric]",
                        "\"orders\".\"tags\"", "text[]"),
                kind("jsonGet on text", () -> USER.NAME.jsonGet("a"), "jsonGet() applies to [json]", NAME, "text"),
                kind("jsonGet index on text", () -> USER.NAME.jsonGet(0), "jsonGet() applies to [json]", NAME, "text"),
                kind("jsonGet on jsonGetText", () -> Docs.BODY.jsonGetText("a").jsonGet("b"),
                        "jsonGet() applies to [json]", BODY + " ->> 'a'", "text"),
                kind("jsonGetText on text", () -> USER.NAME.jsonGetText("a"), "jsonGetText() applies to [json]", NAME,
                        "text"),
                kind("jsonHasKey on text", () -> USER.NAME.jsonHasKey("a"), "jsonHasKey() applies to [json]", NAME,
                        "text"),
                kind("jsonHasAnyKey on array", () -> ORDER.TAGS.jsonHasAnyKey("a"), "jsonHasAnyKey() applies to [json]",
                        "\"orders\".\"tags\"", "text[]"),
                kind("jsonHasAllKeys on text", () -> USER.NAME.jsonHasAllKeys("a"),
                        "jsonHasAllKeys() applies to [json]", NAME, "text"),
                kind("overlaps on text", () -> USER.NAME.overlaps("x"), "overlaps() applies to [array]", NAME, "text"),
                kind("overlaps on jsonb", () -> Docs.BODY.overlaps("[]"), "overlaps() applies to [array]", BODY,
                        "jsonb"),
                kind("containedBy on text", () -> USER.NAME.containedBy("x"), "containedBy() applies to [array, json]",
                        NAME, "text"),
                kind("concat on int4", () -> USER.AGE.concat(1), "concat() applies to [text, array]", AGE, "int4"),
                kind("concat field on jsonb", () -> Docs.BODY.concat(Docs.BODY), "concat() applies to [text, array]",
                        BODY, "jsonb"));
    }

    private static Arguments kind(String name, Executable call, String start, String field, String type) {
        return Arguments.of(named(name, call), start, field, type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongKinds")
    void wrongKindIsRefusedWithOperatorFieldAndType(Executable call, String start, String field, String type) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.startsWith(start + " values, but " + field + " has type " + type + ";"), message);
        assertTrue(message.endsWith("cast it first if that is what you mean"), message);
    }

    static Stream<Arguments> jsonbOnly() {
        Field<String> json = value("{}", PgType.JSON);
        return Stream.of(
                Arguments.of(named("contains", (Executable) () -> json.contains("{}")), "contains"),
                Arguments.of(named("containedBy", (Executable) () -> json.containedBy("{}")), "containedBy"),
                Arguments.of(named("jsonHasKey", (Executable) () -> json.jsonHasKey("a")), "jsonHasKey"),
                Arguments.of(named("jsonHasAnyKey", (Executable) () -> json.jsonHasAnyKey("a")), "jsonHasAnyKey"),
                Arguments.of(named("jsonHasAllKeys", (Executable) () -> json.jsonHasAllKeys("a")), "jsonHasAllKeys"),
                Arguments.of(named("jsonHasKey after jsonGet", (Executable) () -> json.jsonGet("a").jsonHasKey("b")),
                        "jsonHasKey"));
    }

    // PostgreSQL defines @>, <@, ?, ?| and ?& for jsonb only; on json they fail with "operator does not exist".
    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonbOnly")
    void jsonbOperatorsRefuseJson(Executable call, String op) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.startsWith(op + "() applies to jsonb values, but "), message);
        assertTrue(message.contains(" has type json; cast it first: cast(PgType.JSONB)"), message);
    }

    @Test
    void jsonGetKeepsTheJsonFlavour() {
        Field<String> json = value("{}", PgType.JSON);
        assertEquals(PgType.JSON, json.jsonGet("a").type());
        assertEquals(PgType.JSON, json.jsonGet(0).type());
        assertEquals(PgType.TEXT, json.jsonGetText("a").type());
        assertEquals(PgType.JSONB, Docs.BODY.jsonGet("a").type());
        assertEquals(PgType.JSONB, Docs.BODY.jsonGet(0).type());
        assertEquals(PgType.TEXT, Docs.BODY.jsonGetText("a").type());
        assertEquals("CAST('{}'::json AS jsonb) ? 'a'", json.cast(PgType.JSONB).jsonHasKey("a").toString());
    }

    @Test
    void likeOnIntegerMessageIsComplete() {
        assertEquals("like() applies to [text] values, but \"users\".\"age\" has type int4; cast it first if that "
                + "is what you mean", assertThrows(IllegalArgumentException.class, () -> USER.AGE.like("1%"))
                .getMessage());
    }

    @Test
    void castMakesTheOperatorApply() {
        assertEquals("CAST(\"users\".\"age\" AS text) LIKE '1%'", USER.AGE.cast(PgType.TEXT).like("1%").toString());
        assertEquals("CAST(\"users\".\"name\" AS int4) + 1", USER.NAME.cast(PgType.INT4).plus(1).toString());
    }

    @Test
    void inOnArrayFieldPointsToArrayOperators() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> ORDER.TAGS.in(List.of(List.of("a")))).getMessage();
        assertTrue(message.startsWith("in(...) on array field \"orders\".\"tags\""), message);
        assertTrue(message.contains("contains()/overlaps()"), message);
    }

    @Test
    void jsonKeyListMustNotBeEmpty() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Docs.BODY.jsonHasAnyKey()).getMessage()
                .contains("at least one json key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Docs.BODY.jsonHasAllKeys()).getMessage()
                .contains("at least one json key"));
    }

    @Test
    void enumWithoutExplicitTypeIsRefusedByValue() {
        String message = assertThrows(IllegalArgumentException.class, () -> value(Order.Status.PAID)).getMessage();
        assertTrue(message.contains(Order.Status.class.getName()), message);
        assertTrue(message.contains("PgType.enumType("), message);
    }

    @Test
    void negativeOffsetsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> lag(ORDER.TOTAL, -1)).getMessage()
                .contains("offset must not be negative"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> lead(ORDER.TOTAL, -2)).getMessage()
                .contains("offset must not be negative"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameBound.preceding(-1)).getMessage()
                .contains("-1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameBound.following(-5)).getMessage()
                .contains("-5"));
    }

    @Test
    void badNamesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> function("", PgType.TEXT)).getMessage()
                .contains("function name part of ''"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> function("pg_catalog.", PgType.TEXT))
                .getMessage().contains("function name part of 'pg_catalog.'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> USER.NAME.as("")).getMessage()
                .contains("alias"));
        assertThrows(IllegalArgumentException.class, () -> USER.NAME.as("a".repeat(64)));
    }

    @Test
    void scalarSubqueryNeedsOneColumn() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> field(select(USER.ID, USER.NAME).from(USER))).getMessage();
        assertTrue(message.contains("exactly one column"), message);
        assertTrue(message.contains("2"), message);
    }

    @Test
    void nullConditionInCompositionIsRefused() {
        Condition none = null;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> and(USER.AGE.gt(1), none)).getMessage()
                .startsWith("and(...): a condition is null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> USER.AGE.gt(1).or(none)).getMessage()
                .startsWith("or(...): a condition is null"));
    }
}
