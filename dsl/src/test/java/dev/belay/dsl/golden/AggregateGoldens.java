package dev.belay.dsl.golden;

import static dev.belay.dsl.FrameBound.currentRow;
import static dev.belay.dsl.FrameBound.following;
import static dev.belay.dsl.FrameBound.preceding;
import static dev.belay.dsl.FrameBound.unboundedFollowing;
import static dev.belay.dsl.FrameBound.unboundedPreceding;
import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;

import dev.belay.dsl.Field;
import dev.belay.dsl.NamedWindow;
import dev.belay.dsl.PgType;
import dev.belay.dsl.fixtures.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates with ORDER BY, DISTINCT and FILTER, ordered-set aggregates (WITHIN GROUP), json builders, sum and avg
 * with PostgreSQL's result types, window functions, named windows, interval frames and grouping sets. Public so
 * that it-tests can check each field's declared type against the type PostgreSQL describes for its column.
 */
public final class AggregateGoldens {
    private AggregateGoldens() {}

    private static final String AGE = "\"users\".\"age\"";
    private static final String NAME = "\"users\".\"name\"";
    private static final String TOTAL = "\"orders\".\"total\"";
    private static final String STATUS = "\"orders\".\"status\"";
    private static final String USER_ID = "\"orders\".\"user_id\"";
    private static final String CREATED = "\"orders\".\"created_at\"";
    private static final String FROM_USERS = " FROM \"users\"";
    private static final String FROM_ORDERS = " FROM \"orders\"";
    /** An interval to order by: the fixture has no interval column. */
    private static final Field<Duration> AGE_OF_ORDER = function("age", PgType.INTERVAL, ORDER.CREATED_AT);
    private static final String AGE_OF_ORDER_SQL = "\"age\"(" + CREATED + ")";

    /** The aggregate and window cases. */
    public static List<Golden> cases() {
        List<Golden> all = new ArrayList<>();
        all.addAll(ordered());
        all.addAll(withinGroup());
        all.addAll(json());
        all.addAll(sums());
        all.addAll(windowFunctions());
        all.addAll(intervalFrames());
        all.addAll(groupingSetCases());
        return all;
    }

    private static List<Golden> ordered() {
        return List.of(
                Golden.of("agg string_agg ordered", select(stringAgg(USER.NAME, ", ").orderBy(USER.NAME.asc()))
                                .from(USER),
                        "SELECT string_agg(" + NAME + ", ? ORDER BY " + NAME + " ASC)" + FROM_USERS, ", ").rows(1),
                Golden.of("agg string_agg per user of statuses",
                        select(USER.NAME, stringAgg(ORDER.STATUS.cast(PgType.TEXT), "/")
                                .orderBy(ORDER.STATUS.desc(), ORDER.ID)).from(ORDER).join(USER)
                                .on(ORDER.USER_ID.eq(USER.ID)).groupBy(USER.NAME),
                        "SELECT " + NAME + ", string_agg(CAST(" + STATUS + " AS text), ? ORDER BY " + STATUS
                                + " DESC, \"orders\".\"id\" ASC)" + FROM_ORDERS + " JOIN \"users\" ON " + USER_ID
                                + " = \"users\".\"id\" GROUP BY " + NAME, "/").rows(2),
                Golden.of("agg array_agg", select(arrayAgg(USER.NAME)).from(USER),
                        "SELECT array_agg(" + NAME + ")" + FROM_USERS).rows(1),
                Golden.of("agg array_agg distinct ordered nulls last",
                        select(arrayAgg(USER.AGE).distinct().orderBy(USER.AGE.desc().nullsLast())).from(USER),
                        "SELECT array_agg(DISTINCT " + AGE + " ORDER BY " + AGE + " DESC NULLS LAST)" + FROM_USERS)
                        .rows(1),
                Golden.of("agg array_agg of an enum filtered",
                        select(ORDER.USER_ID, arrayAgg(ORDER.STATUS).filter(ORDER.STATUS.ne(Order.Status.NEW)))
                                .from(ORDER).groupBy(ORDER.USER_ID),
                        "SELECT " + USER_ID + ", array_agg(" + STATUS + ") FILTER (WHERE " + STATUS + " <> ?)"
                                + FROM_ORDERS + " GROUP BY " + USER_ID, Order.Status.NEW).rows(2),
                Golden.of("agg ordered sum filtered", select(sum(ORDER.TOTAL).orderBy(ORDER.ID.desc())
                                .filter(ORDER.TOTAL.gt(java.math.BigDecimal.ONE))).from(ORDER),
                        "SELECT sum(" + TOTAL + " ORDER BY \"orders\".\"id\" DESC) FILTER (WHERE " + TOTAL + " > ?)"
                                + FROM_ORDERS, java.math.BigDecimal.ONE).rows(1),
                Golden.of("agg every bool_and bool_or",
                        select(every(USER.AGE.ge(18)), boolAnd(USER.NAME.isNotNull()), boolOr(USER.AGE.lt(18)))
                                .from(USER),
                        "SELECT every(" + AGE + " >= ?), bool_and(" + NAME + " IS NOT NULL), bool_or(" + AGE
                                + " < ?)" + FROM_USERS, 18, 18).rows(1),
                Golden.of("agg bool_or filtered in having",
                        select(ORDER.USER_ID).from(ORDER).groupBy(ORDER.USER_ID)
                                .having(condition(boolOr(ORDER.TOTAL.gt(new java.math.BigDecimal("100")))
                                        .filter(ORDER.STATUS.ne(Order.Status.NEW)))),
                        "SELECT " + USER_ID + FROM_ORDERS + " GROUP BY " + USER_ID + " HAVING bool_or(" + TOTAL
                                + " > ?) FILTER (WHERE " + STATUS + " <> ?)", new java.math.BigDecimal("100"),
                        Order.Status.NEW).rows(2));
    }

    private static List<Golden> withinGroup() {
        return List.of(
                Golden.of("agg percentile_cont median", select(percentileCont(0.5).withinGroup(ORDER.TOTAL.asc()))
                                .from(ORDER),
                        "SELECT percentile_cont(CAST(? AS float8)) WITHIN GROUP (ORDER BY " + TOTAL + " ASC)" + FROM_ORDERS, 0.5)
                        .rows(1),
                Golden.of("agg percentile_cont of an integer filtered",
                        select(percentileCont(0.25).withinGroup(USER.AGE).filter(USER.NAME.ne("Bob"))).from(USER),
                        "SELECT percentile_cont(CAST(? AS float8)) WITHIN GROUP (ORDER BY " + AGE + " ASC) FILTER (WHERE " + NAME
                                + " <> ?)" + FROM_USERS, 0.25, "Bob").rows(1),
                Golden.of("agg percentile_cont of an interval",
                        select(percentileCont(1).withinGroupInterval(AGE_OF_ORDER.desc())).from(ORDER),
                        "SELECT percentile_cont(CAST(? AS float8)) WITHIN GROUP (ORDER BY " + AGE_OF_ORDER_SQL + " DESC)"
                                + FROM_ORDERS, 1.0).rows(1),
                Golden.of("agg percentile_disc grouped",
                        select(ORDER.USER_ID, percentileDisc(0.9).withinGroup(ORDER.TOTAL)).from(ORDER)
                                .groupBy(ORDER.USER_ID),
                        "SELECT " + USER_ID + ", percentile_disc(CAST(? AS float8)) WITHIN GROUP (ORDER BY " + TOTAL + " ASC)"
                                + FROM_ORDERS + " GROUP BY " + USER_ID, 0.9).rows(2),
                Golden.of("agg mode", select(mode().withinGroup(ORDER.STATUS.desc())).from(ORDER),
                        "SELECT mode() WITHIN GROUP (ORDER BY " + STATUS + " DESC)" + FROM_ORDERS).rows(1));
    }

    private static List<Golden> json() {
        Map<String, Field<?>> entries = new LinkedHashMap<>();
        entries.put("id", ORDER.ID);
        entries.put("tags", ORDER.TAGS);
        entries.put("note", value("x"));
        return List.of(
                Golden.of("agg json_agg ordered", select(jsonAgg(USER.NAME).orderBy(USER.ID.desc())).from(USER),
                        "SELECT json_agg(" + NAME + " ORDER BY \"users\".\"id\" DESC)" + FROM_USERS).rows(1),
                Golden.of("agg jsonb_agg distinct", select(jsonbAgg(USER.AGE).distinct()).from(USER),
                        "SELECT jsonb_agg(DISTINCT " + AGE + ")" + FROM_USERS).rows(1),
                Golden.of("agg jsonb_build_object keys bound",
                        select(jsonbBuildObject("name", USER.NAME, "age", USER.AGE)).from(USER),
                        "SELECT jsonb_build_object(CAST(? AS text), " + NAME + ", CAST(? AS text), " + AGE + ")"
                                + FROM_USERS, "name", "age").rows(3),
                Golden.of("agg json_build_object from a map, bound value typed",
                        select(jsonBuildObject(entries)).from(ORDER),
                        "SELECT json_build_object(CAST(? AS text), \"orders\".\"id\", CAST(? AS text), "
                                + "\"orders\".\"tags\", CAST(? AS text), CAST(? AS text))" + FROM_ORDERS,
                        "id", "tags", "note", "x").rows(3),
                Golden.of("agg jsonb_agg of jsonb_build_object per user",
                        select(ORDER.USER_ID, jsonbAgg(jsonbBuildObject("total", ORDER.TOTAL)).orderBy(ORDER.ID))
                                .from(ORDER).groupBy(ORDER.USER_ID),
                        "SELECT " + USER_ID + ", jsonb_agg(jsonb_build_object(CAST(? AS text), " + TOTAL
                                + ") ORDER BY \"orders\".\"id\" ASC)" + FROM_ORDERS + " GROUP BY " + USER_ID, "total")
                        .rows(2));
    }

    private static List<Golden> sums() {
        return List.of(
                Golden.of("agg sum of int4 cast to numeric", select(sum(USER.AGE)).from(USER),
                        "SELECT CAST(sum(" + AGE + ") AS numeric)" + FROM_USERS).rows(1),
                Golden.of("agg sum of int4 cast filtered",
                        select(sum(USER.AGE).filter(USER.AGE.gt(18))).from(USER),
                        "SELECT CAST(sum(" + AGE + ") FILTER (WHERE " + AGE + " > ?) AS numeric)" + FROM_USERS, 18)
                        .rows(1),
                Golden.of("agg sum of int8 is numeric", select(sum(ORDER.ID), avg(ORDER.ID)).from(ORDER),
                        "SELECT sum(\"orders\".\"id\"), avg(\"orders\".\"id\")" + FROM_ORDERS).rows(1),
                Golden.of("agg sumLong of int4", select(USER.NAME, sumLong(USER.AGE)).from(USER).groupBy(USER.NAME),
                        "SELECT " + NAME + ", sum(" + AGE + ")" + FROM_USERS + " GROUP BY " + NAME).rows(3),
                Golden.of("agg sumDouble avgDouble of float8",
                        select(sumDouble(USER.AGE.cast(PgType.FLOAT8)), avgDouble(USER.AGE.cast(PgType.FLOAT8)))
                                .from(USER),
                        "SELECT sum(CAST(" + AGE + " AS float8)), avg(CAST(" + AGE + " AS float8))" + FROM_USERS)
                        .rows(1),
                Golden.of("agg sumInterval avgInterval", select(sumInterval(AGE_OF_ORDER), avgInterval(AGE_OF_ORDER))
                                .from(ORDER),
                        "SELECT sum(" + AGE_OF_ORDER_SQL + "), avg(" + AGE_OF_ORDER_SQL + ")" + FROM_ORDERS).rows(1),
                Golden.of("agg sum of int4 over a window keeps its cast",
                        select(USER.NAME, sum(USER.AGE).over(window().orderBy(USER.NAME)
                                .rowsBetween(unboundedPreceding(), currentRow()))).from(USER),
                        "SELECT " + NAME + ", CAST(sum(" + AGE + ") OVER (ORDER BY " + NAME + " ASC ROWS BETWEEN "
                                + "UNBOUNDED PRECEDING AND CURRENT ROW) AS numeric)" + FROM_USERS).rows(3));
    }

    private static List<Golden> windowFunctions() {
        String byTotal = "ORDER BY " + TOTAL + " ASC";
        NamedWindow perUser = window("per_user", partitionBy(ORDER.USER_ID).orderBy(ORDER.ID.asc()));
        return List.of(
                Golden.of("win ntile percent_rank cume_dist",
                        select(ntile(2).over(window().orderBy(ORDER.TOTAL)), percentRank().over(window()
                                .orderBy(ORDER.TOTAL)), cumeDist().over(window().orderBy(ORDER.TOTAL))).from(ORDER),
                        "SELECT ntile(?) OVER (" + byTotal + "), percent_rank() OVER (" + byTotal + "), cume_dist() "
                                + "OVER (" + byTotal + ")" + FROM_ORDERS, 2).rows(3),
                Golden.of("win first last nth value",
                        select(firstValue(ORDER.TOTAL).over(window().orderBy(ORDER.TOTAL)),
                                lastValue(ORDER.TOTAL).over(window().orderBy(ORDER.TOTAL)
                                        .rowsBetween(unboundedPreceding(), unboundedFollowing())),
                                nthValue(ORDER.STATUS, 2).over(window().orderBy(ORDER.TOTAL))).from(ORDER),
                        "SELECT first_value(" + TOTAL + ") OVER (" + byTotal + "), last_value(" + TOTAL + ") OVER ("
                                + byTotal + " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), nth_value("
                                + STATUS + ", ?) OVER (" + byTotal + ")" + FROM_ORDERS, 2).rows(3),
                Golden.of("win named window by string",
                        select(ORDER.ID, rowNumber().over("w"), sum(ORDER.TOTAL).over("w")).from(ORDER)
                                .window("w", partitionBy(ORDER.USER_ID).orderBy(ORDER.ID.asc())),
                        "SELECT \"orders\".\"id\", row_number() OVER \"w\", sum(" + TOTAL + ") OVER \"w\"" + FROM_ORDERS
                                + " WINDOW \"w\" AS (PARTITION BY " + USER_ID + " ORDER BY \"orders\".\"id\" ASC)")
                        .rows(3),
                Golden.of("win named windows after having before order by",
                        select(ORDER.USER_ID, rank().over(perUser), max(ORDER.TOTAL).over("all_rows")).from(ORDER)
                                .where(ORDER.TOTAL.gt(java.math.BigDecimal.ZERO)).groupBy(ORDER.USER_ID, ORDER.ID)
                                .having(count().ge(1L)).window(perUser)
                                .window("all_rows", window().rowsBetween(unboundedPreceding(), unboundedFollowing()))
                                .orderBy(ORDER.USER_ID).limit(10),
                        "SELECT " + USER_ID + ", rank() OVER \"per_user\", max(" + TOTAL + ") OVER \"all_rows\""
                                + FROM_ORDERS + " WHERE " + TOTAL + " > ? GROUP BY " + USER_ID + ", \"orders\".\"id\""
                                + " HAVING count(*) >= ? WINDOW \"per_user\" AS (PARTITION BY " + USER_ID
                                + " ORDER BY \"orders\".\"id\" ASC), \"all_rows\" AS (ROWS BETWEEN UNBOUNDED PRECEDING "
                                + "AND UNBOUNDED FOLLOWING) ORDER BY " + USER_ID + " ASC LIMIT ?",
                        java.math.BigDecimal.ZERO, 1L, 10L).rows(3),
                Golden.of("win named window in a subquery is its own",
                        select(USER.NAME).from(USER).where(USER.ID.in(select(ORDER.USER_ID).from(ORDER)
                                .window("w", window().orderBy(ORDER.ID)).orderBy(rowNumber().over("w")))),
                        "SELECT " + NAME + FROM_USERS + " WHERE \"users\".\"id\" IN (SELECT " + USER_ID + FROM_ORDERS
                                + " WINDOW \"w\" AS (ORDER BY \"orders\".\"id\" ASC) ORDER BY row_number() OVER \"w\" "
                                + "ASC)").rows(2));
    }

    private static List<Golden> intervalFrames() {
        String week = "RANGE BETWEEN ? PRECEDING AND CURRENT ROW";
        return List.of(
                Golden.of("frame range interval over a timestamp",
                        select(ORDER.ID, sum(ORDER.TOTAL).over(partitionBy(ORDER.USER_ID).orderBy(ORDER.CREATED_AT)
                                .rangeBetween(preceding(Duration.ofDays(7)), currentRow()))).from(ORDER),
                        "SELECT \"orders\".\"id\", sum(" + TOTAL + ") OVER (PARTITION BY " + USER_ID + " ORDER BY "
                                + CREATED + " ASC " + week + ")" + FROM_ORDERS, Duration.ofDays(7)).rows(3),
                Golden.of("frame range interval both ways over a date",
                        select(count().over(window().orderBy(ORDER.CREATED_AT.cast(PgType.DATE).desc())
                                .rangeBetween(preceding(Duration.ofHours(36)), following(Duration.ZERO)))).from(ORDER),
                        "SELECT count(*) OVER (ORDER BY CAST(" + CREATED + " AS date) DESC RANGE BETWEEN ? PRECEDING "
                                + "AND ? FOLLOWING)" + FROM_ORDERS, Duration.ofHours(36), Duration.ZERO).rows(3),
                Golden.of("frame range interval over an interval",
                        select(count().over(window().orderBy(AGE_OF_ORDER).rangeBetween(preceding(Duration.ofMinutes(5)),
                                following(Duration.ofMinutes(5))))).from(ORDER),
                        "SELECT count(*) OVER (ORDER BY " + AGE_OF_ORDER_SQL + " ASC RANGE BETWEEN ? PRECEDING AND ? "
                                + "FOLLOWING)" + FROM_ORDERS, Duration.ofMinutes(5), Duration.ofMinutes(5)).rows(3));
    }

    private static List<Golden> groupingSetCases() {
        String group = "SELECT " + USER_ID + ", " + STATUS + ", count(*)";
        return List.of(
                Golden.of("group rollup with grouping",
                        select(ORDER.USER_ID, ORDER.STATUS, sum(ORDER.TOTAL), grouping(ORDER.USER_ID, ORDER.STATUS))
                                .from(ORDER).groupBy(rollup(ORDER.USER_ID, ORDER.STATUS)),
                        "SELECT " + USER_ID + ", " + STATUS + ", sum(" + TOTAL + "), grouping(" + USER_ID + ", "
                                + STATUS + ")" + FROM_ORDERS + " GROUP BY ROLLUP (" + USER_ID + ", " + STATUS + ")")
                        .rows(6),
                Golden.of("group cube", select(ORDER.USER_ID, ORDER.STATUS, count()).from(ORDER)
                                .groupBy(cube(ORDER.USER_ID, ORDER.STATUS)),
                        group + FROM_ORDERS + " GROUP BY CUBE (" + USER_ID + ", " + STATUS + ")").rows(9),
                Golden.of("group grouping sets with the grand total",
                        select(ORDER.USER_ID, ORDER.STATUS, count()).from(ORDER)
                                .groupBy(groupingSets(set(ORDER.USER_ID, ORDER.STATUS), set(ORDER.USER_ID), set())),
                        group + FROM_ORDERS + " GROUP BY GROUPING SETS ((" + USER_ID + ", " + STATUS + "), ("
                                + USER_ID + "), ())").rows(6),
                Golden.of("group plain field mixed with rollup and nested sets",
                        select(ORDER.USER_ID, ORDER.STATUS, count()).from(ORDER)
                                .groupBy(ORDER.USER_ID, groupingSets(rollup(ORDER.STATUS), set()))
                                .having(grouping(ORDER.STATUS).eq(0)),
                        group + FROM_ORDERS + " GROUP BY " + USER_ID + ", GROUPING SETS (ROLLUP (" + STATUS + "), ())"
                                + " HAVING grouping(" + STATUS + ") = ?", 0).rows(3));
    }
}
