package dev.belay.dsl.expr;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import dev.belay.dsl.Condition;
import dev.belay.dsl.DatePart;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.fixtures.Order.Status;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.function.Executable;

/**
 * CASE, nullif, greatest/least, casts, the date and time functions and the regex operators refuse what
 * PostgreSQL would refuse or answer with another type than the Java one, when the expression is built; each
 * message names the call, the field at fault and the way out.
 */
final class ScalarErrorsTest {
    private static final String AGE = "\"users\".\"age\"";
    private static final Field<LocalTime> NOON = value(LocalTime.NOON);

    static Stream<Arguments> refusals() {
        Condition adult = USER.AGE.ge(18);
        return Stream.of(
                refused("case first result null", () -> case_().when(adult, (String) null),
                        "case_().when(" + AGE + " >= 18, ...): the first THEN value is null", "value(null, PgType.X)"),
                refused("case first result an enum", () -> case_().when(adult, Status.PAID),
                        "Order$Status has no default PostgreSQL type", "value(v, PgType.enumType(...))"),
                refused("case first result a list", () -> case_().when(adult, List.of(1)),
                        "has no default PostgreSQL type", "PgType.arrayOf(...)"),
                refused("case null condition", () -> case_().when((Condition) null, 1), "case_().when(null, ...)",
                        "the WHEN condition is null"),
                refused("case null condition later", () -> case_().when(adult, 1).when((Condition) null, 2),
                        "when(null, ...) on CASE WHEN " + AGE + " >= 18 THEN CAST(1 AS int4) END",
                        "the WHEN condition is null"),
                refused("case null field result", () -> case_().when(adult, USER.NAME).otherwise((Field<String>) null),
                        "otherwise(...) on CASE WHEN", "the field is null"),
                refused("case null operand", () -> case_(null), "case_(null)", "the field is null"),
                refused("simple case null match", () -> case_(ORDER.STATUS).when(null, 1),
                        "when(null) on \"orders\".\"status\"", "a comparison with NULL is never true"),
                refused("simple case later null match", () -> case_(ORDER.STATUS).when(Status.NEW, 1).when(null, 2),
                        "when(null) on \"orders\".\"status\"", "isNull()"),
                refused("nullif null", () -> nullif(USER.NAME, (String) null), "nullif(\"users\".\"name\", null)",
                        "give the value that should become NULL"),
                refused("greatest null value", () -> greatest(USER.AGE, 1, (Integer) null),
                        "greatest(" + AGE + ", ...): value 1 is null", "leave it out"),
                refused("least null first value", () -> least(USER.AGE, (Integer) null),
                        "least(" + AGE + ", ...): value 0 is null", "least ignores NULLs"),
                refused("cast of a field as a value", () -> cast((Object) USER.AGE, PgType.custom("x", Object.class)),
                        "cast(" + AGE + ", \"x\")", "field.cast(type)"),
                refused("dateTrunc of a date", () -> dateTrunc(DatePart.MONTH, currentDate()),
                        "dateTrunc(...) of date CURRENT_DATE: date_trunc of a date is a timestamptz",
                        "CURRENT_DATE.cast(PgType.TIMESTAMP)"),
                refused("dateTrunc of a time", () -> dateTrunc(DatePart.HOUR, NOON),
                        "dateTrunc(...) applies to timestamp, timestamptz values", "has type time"),
                refused("extract hour of a date", () -> extract(DatePart.HOUR, currentDate()),
                        "extract(HOUR, CURRENT_DATE): a date has no hour part", "PostgreSQL would refuse it"),
                refused("extract year of a time", () -> extract(DatePart.YEAR, NOON),
                        "extract(YEAR, '12:00'::time): a time has no year part", "refuse"),
                refused("extract of a custom type", () -> extract(DatePart.YEAR, value(LocalTime.NOON,
                        PgType.custom("tod", LocalTime.class))), "extract(YEAR, '12:00'::\"tod\")",
                        "extract applies to date, time, timestamp and timestamptz"),
                refused("plusInterval on a date", () -> currentDate().plusInterval(Duration.ofDays(1)),
                        "plusInterval(...) on date CURRENT_DATE: date + interval is a timestamp",
                        "use dateAdd/dateSubtract(date, interval)"),
                refused("minusInterval on text", () -> USER.NAME.minusInterval(Duration.ofDays(1)),
                        "minusInterval(...) applies to interval, time, timestamp, timestamptz values",
                        "\"users\".\"name\" has type text"),
                refused("plusInterval null", () -> ORDER.CREATED_AT.plusInterval((Duration) null),
                        "plusInterval(null) on \"orders\".\"created_at\"", "an interval is required"),
                refused("minusInterval of a field not an interval", () -> ORDER.CREATED_AT.minusInterval(
                        value(Duration.ZERO, PgType.custom("span", Duration.class))),
                        "minusInterval('PT0S'::\"span\") on \"orders\".\"created_at\"", "not \"span\""),
                refused("timestampDiff of dates", () -> timestampDiff(currentDate(), currentDate()),
                        "timestampDiff(...) of date CURRENT_DATE", "dateDiff(end, start)"),
                refused("age of a time", () -> age(NOON), "age(...) applies to date, timestamp, timestamptz values",
                        "has type time"),
                refused("matches null", () -> USER.NAME.matches(null), "matches(null) on \"users\".\"name\"",
                        "a pattern is required"),
                refused("matches on int", () -> USER.AGE.matches("1"), "matches() applies to [text]", "int4"),
                refused("similarTo on enum", () -> ORDER.STATUS.similarTo("P%"), "similarTo() applies to [text]",
                        "\"order_status\""),
                refused("containsIgnoreCase on int", () -> USER.AGE.containsIgnoreCase(1),
                        "containsIgnoreCase() applies to [text]", "int4"),
                refused("startsWithIgnoreCase null", () -> USER.NAME.startsWithIgnoreCase(null),
                        "startsWithIgnoreCase(null) on \"users\".\"name\"", "a value is required"),
                refused("escapeLike null", () -> escapeLike(null), "escapeLike(null)", "the text to escape"));
    }

    private static Arguments refused(String name, Executable call, String start, String fix) {
        return Arguments.of(named(name, call), start, fix);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedWithTheCallAndTheFix(Executable call, String names, String fix) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.contains(names), message);
        assertTrue(message.contains(fix), message);
    }
}
