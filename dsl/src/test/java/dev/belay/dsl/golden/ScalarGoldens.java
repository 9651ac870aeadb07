package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;

import dev.belay.dsl.DatePart;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import dev.belay.dsl.fixtures.Order.Status;
import dev.belay.dsl.fixtures.OrderTable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** CASE, nullif, greatest/least with values, casts of bound values, dates and times, regular expressions. */
final class ScalarGoldens {
    private ScalarGoldens() {}

    private static final String AGE = "\"users\".\"age\"";
    private static final String NAME = "\"users\".\"name\"";
    private static final String CREATED = "\"orders\".\"created_at\"";
    private static final String STATUS = "\"orders\".\"status\"";
    private static final String FROM_USERS = " FROM \"users\"";
    private static final String FROM_ORDERS = " FROM \"orders\"";
    private static final String NAMES_WHERE = "SELECT " + NAME + FROM_USERS + " WHERE " + NAME;

    static List<Golden> cases() {
        List<Golden> all = new ArrayList<>();
        all.addAll(cases_());
        all.addAll(functions());
        all.addAll(temporal());
        all.addAll(text());
        return all;
    }

    private static List<Golden> cases_() {
        Instant epoch = Instant.EPOCH;
        return List.of(
                Golden.of("case searched with else",
                        select(USER.NAME, case_().when(USER.AGE.lt(18), "minor").when(USER.AGE.lt(65), "adult")
                                .otherwise("senior")).from(USER),
                        "SELECT " + NAME + ", CASE WHEN " + AGE + " < ? THEN ? WHEN " + AGE + " < ? THEN ? ELSE ? END"
                                + FROM_USERS, 18, "minor", 65, "adult", "senior").rows(3),
                Golden.of("case without else casts its int results",
                        select(USER.NAME, case_().when(USER.AGE.ge(18), 1)).from(USER),
                        "SELECT " + NAME + ", CASE WHEN " + AGE + " >= ? THEN CAST(? AS int4) END" + FROM_USERS, 18, 1).rows(3),
                Golden.of("case of fields",
                        select(case_().when(USER.AGE.isNull(), USER.NAME).otherwise(USER.EMAIL)).from(USER),
                        "SELECT CASE WHEN " + AGE + " IS NULL THEN " + NAME + " ELSE \"users\".\"email\" END"
                                + FROM_USERS).rows(3),
                Golden.of("case of a value and a field",
                        select(case_().when(USER.AGE.isNull(), 0).otherwise(USER.AGE)).from(USER),
                        "SELECT CASE WHEN " + AGE + " IS NULL THEN CAST(? AS int4) ELSE " + AGE + " END" + FROM_USERS, 0)
                                .rows(3),
                Golden.of("case with a null branch",
                        select(USER.NAME, case_().when(USER.AGE.lt(18), "minor").when(USER.AGE.isNull(), (String) null)
                                .otherwise("adult")).from(USER),
                        "SELECT " + NAME + ", CASE WHEN " + AGE + " < ? THEN ? WHEN " + AGE + " IS NULL THEN ? ELSE ? END" + FROM_USERS,
                        18, "minor", null, "adult").rows(3),
                Golden.of("case of timestamptz values",
                        select(case_().when(ORDER.TOTAL.gt(new BigDecimal("100")), ORDER.CREATED_AT).otherwise(epoch))
                                .from(ORDER),
                        "SELECT CASE WHEN \"orders\".\"total\" > ? THEN " + CREATED
                                + " ELSE CAST(? AS timestamptz) END" + FROM_ORDERS, new BigDecimal("100"), epoch).rows(3),
                Golden.of("case simple on an enum",
                        select(ORDER.ID, case_(ORDER.STATUS).when(Status.PAID, 1).when(Status.NEW, 0).otherwise(-1))
                                .from(ORDER),
                        "SELECT \"orders\".\"id\", CASE " + STATUS + " WHEN ? THEN CAST(? AS int4) WHEN ? THEN "
                                + "CAST(? AS int4) ELSE CAST(? AS int4) END" + FROM_ORDERS,
                        Status.PAID, 1, Status.NEW, 0, -1).rows(3),
                Golden.of("case simple yielding an enum field",
                        select(case_(ORDER.STATUS).when(Status.NEW, value(Status.PAID, OrderTable.STATUS_TYPE))
                                .otherwise(ORDER.STATUS)).from(ORDER),
                        "SELECT CASE " + STATUS + " WHEN ? THEN ? ELSE " + STATUS + " END" + FROM_ORDERS,
                        Status.NEW, Status.PAID).rows(3),
                Golden.of("case in where",
                        select(USER.NAME).from(USER).where(case_().when(USER.AGE.isNull(), 0).otherwise(USER.AGE).ge(18)),
                        "SELECT " + NAME + FROM_USERS + " WHERE CASE WHEN " + AGE + " IS NULL THEN CAST(? AS int4) ELSE "
                                + AGE + " END >= ?", 0, 18).rows(1),
                Golden.of("case in order by",
                        select(ORDER.ID).from(ORDER).orderBy(case_(ORDER.STATUS).when(Status.NEW, 0).otherwise(1).asc(),
                                ORDER.ID.asc()),
                        "SELECT \"orders\".\"id\"" + FROM_ORDERS + " ORDER BY CASE " + STATUS
                                + " WHEN ? THEN CAST(? AS int4) ELSE CAST(? AS int4) END ASC, \"orders\".\"id\" ASC",
                        Status.NEW, 0, 1).rows(3));
    }

    private static List<Golden> functions() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        return List.of(
                Golden.of("nullif value", select(USER.ID, nullif(USER.NAME, "Bob")).from(USER),
                        "SELECT \"users\".\"id\", nullif(" + NAME + ", ?)" + FROM_USERS, "Bob").rows(3),
                Golden.of("nullif field", select(nullif(USER.NAME, USER.EMAIL)).from(USER),
                        "SELECT nullif(" + NAME + ", \"users\".\"email\")" + FROM_USERS).rows(3),
                Golden.of("greatest with values", select(greatest(USER.AGE, 18, 21)).from(USER),
                        "SELECT greatest(" + AGE + ", ?, ?)" + FROM_USERS, 18, 21).rows(3),
                Golden.of("least with a value", select(least(ORDER.TOTAL, new BigDecimal("100"))).from(ORDER),
                        "SELECT least(\"orders\".\"total\", ?)" + FROM_ORDERS, new BigDecimal("100")).rows(3),
                Golden.of("cast bound values", select(cast(5L, PgType.INT8), cast(id, PgType.UUID),
                                cast(Status.NEW, OrderTable.STATUS_TYPE), cast(List.of(1, 2), PgType.arrayOf(PgType.INT4))),
                        "SELECT CAST(? AS int8), CAST(? AS uuid), CAST(? AS \"order_status\"), CAST(? AS int4[])",
                        5L, id, Status.NEW, List.of(1, 2)).rows(1),
                Golden.of("cast a typed null", select(cast(null, PgType.TIMESTAMPTZ), cast((short) 1, PgType.INT2)),
                        "SELECT CAST(? AS timestamptz), CAST(? AS int2)", null, (short) 1).rows(1),
                Golden.of("cast fields", select(ORDER.STATUS.cast(PgType.TEXT), ORDER.USER_ID.cast(PgType.NUMERIC),
                                ORDER.TAGS.cast(PgType.arrayOf(PgType.VARCHAR))).from(ORDER),
                        "SELECT CAST(" + STATUS + " AS text), CAST(\"orders\".\"user_id\" AS numeric), "
                                + "CAST(\"orders\".\"tags\" AS varchar[])" + FROM_ORDERS).rows(3));
    }

    private static List<Golden> temporal() {
        Field<Instant> month = dateTrunc(DatePart.MONTH, ORDER.CREATED_AT);
        String monthSql = "date_trunc('month', " + CREATED + ")";
        return List.of(
                Golden.of("date trunc grouped and ordered", select(month, sum(ORDER.TOTAL)).from(ORDER).groupBy(month)
                                .orderBy(month.asc()),
                        "SELECT " + monthSql + ", sum(\"orders\".\"total\")" + FROM_ORDERS + " GROUP BY " + monthSql
                                + " ORDER BY " + monthSql + " ASC").rows(1),
                Golden.of("date trunc of a date cast to timestamp",
                        select(dateTrunc(DatePart.QUARTER, currentDate().cast(PgType.TIMESTAMP))),
                        "SELECT date_trunc('quarter', CAST(CURRENT_DATE AS timestamp))").rows(1),
                Golden.of("extract parts", select(extract(DatePart.YEAR, ORDER.CREATED_AT),
                                extract(DatePart.MICROSECONDS, ORDER.CREATED_AT), extract(DatePart.DAY, currentDate()))
                                .from(ORDER),
                        "SELECT EXTRACT(YEAR FROM " + CREATED + "), EXTRACT(MICROSECONDS FROM " + CREATED
                                + "), EXTRACT(DAY FROM CURRENT_DATE)" + FROM_ORDERS).rows(3),
                Golden.of("interval arithmetic", select(ORDER.CREATED_AT.plusInterval(Duration.ofDays(1)),
                                ORDER.CREATED_AT.minusInterval(cast(Duration.ofHours(2), PgType.INTERVAL)))
                                .from(ORDER).where(ORDER.CREATED_AT.minusInterval(Duration.ofMinutes(5)).lt(now())),
                        "SELECT " + CREATED + " + CAST(? AS interval), " + CREATED + " - CAST(? AS interval)"
                                + FROM_ORDERS + " WHERE (" + CREATED + " - CAST(? AS interval)) < now()",
                        Duration.ofDays(1), Duration.ofHours(2), Duration.ofMinutes(5)).rows(3),
                Golden.of("timestamp and date differences", select(timestampDiff(now(), ORDER.CREATED_AT),
                                dateDiff(currentDate(), ORDER.CREATED_AT.cast(PgType.DATE))).from(ORDER),
                        "SELECT now() - " + CREATED + ", CURRENT_DATE - CAST(" + CREATED + " AS date)" + FROM_ORDERS)
                        .rows(3),
                Golden.of("date plus interval and days", select(dateAdd(currentDate(), PgInterval.ofMonths(1)),
                                dateSubtract(currentDate(), Duration.ofHours(36)), datePlusDays(currentDate(), 3))
                                .from(ORDER),
                        "SELECT CURRENT_DATE + CAST(? AS interval), CURRENT_DATE - CAST(? AS interval), CURRENT_DATE + CAST(? AS int4)"
                                + FROM_ORDERS, PgInterval.ofMonths(1), Duration.ofHours(36), 3).rows(3),
                Golden.of("age", select(age(ORDER.CREATED_AT), age(currentTimestamp(), ORDER.CREATED_AT)).from(ORDER),
                        "SELECT age(" + CREATED + "), age(CURRENT_TIMESTAMP, " + CREATED + ")" + FROM_ORDERS).rows(3),
                Golden.of("current timestamps", select(currentTimestamp(), localTimestamp(), currentDate()),
                        "SELECT CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_DATE").rows(1));
    }

    private static List<Golden> text() {
        return List.of(
                Golden.of("regex matches", select(USER.NAME).from(USER).where(USER.NAME.matches("^[AB]")),
                        NAMES_WHERE + " ~ ?", "^[AB]").rows(2),
                Golden.of("regex matches ignoring case",
                        select(USER.NAME).from(USER).where(USER.NAME.matchesIgnoreCase("^a")),
                        NAMES_WHERE + " ~* ?", "^a").rows(1),
                Golden.of("regex not matches", select(USER.NAME).from(USER).where(USER.NAME.notMatches("o")),
                        NAMES_WHERE + " !~ ?", "o").rows(1),
                Golden.of("regex not matches ignoring case",
                        select(USER.NAME).from(USER).where(USER.NAME.notMatchesIgnoreCase("A")),
                        NAMES_WHERE + " !~* ?", "A").rows(1),
                Golden.of("similar to", select(USER.NAME).from(USER).where(USER.NAME.similarTo("(Al|Bo)%")),
                        NAMES_WHERE + " SIMILAR TO ?", "(Al|Bo)%").rows(2),
                Golden.of("not similar to", select(USER.NAME).from(USER).where(USER.NAME.notSimilarTo("%o%")),
                        NAMES_WHERE + " NOT SIMILAR TO ?", "%o%").rows(1),
                Golden.of("contains ignoring case escapes", select(USER.NAME).from(USER)
                                .where(USER.NAME.containsIgnoreCase("AR").or(USER.NAME.containsIgnoreCase("50%"))),
                        "SELECT " + NAME + FROM_USERS + " WHERE (" + NAME + " ILIKE ?) OR (" + NAME + " ILIKE ?)",
                        "%AR%", "%50\\%%").rows(1),
                Golden.of("starts and ends with ignoring case", select(USER.NAME).from(USER)
                                .where(USER.NAME.startsWithIgnoreCase("al").and(USER.EMAIL.endsWithIgnoreCase("@EXAMPLE.ORG"))),
                        "SELECT " + NAME + FROM_USERS + " WHERE (" + NAME + " ILIKE ?) AND (\"users\".\"email\" ILIKE ?)",
                        "al%", "%@EXAMPLE.ORG").rows(1),
                Golden.of("like with escapeLike", select(USER.NAME).from(USER).where(USER.NAME.like(escapeLike("A_") + "%")),
                        NAMES_WHERE + " LIKE ?", "A\\_%").rows(0));
    }
}
