package dev.belay.dsl.golden;

import static dev.belay.dsl.FrameBound.currentRow;
import static dev.belay.dsl.FrameBound.following;
import static dev.belay.dsl.FrameBound.preceding;
import static dev.belay.dsl.FrameBound.unboundedFollowing;
import static dev.belay.dsl.FrameBound.unboundedPreceding;
import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;

import dev.belay.dsl.PgType;
import dev.belay.dsl.WindowSpec;
import dev.belay.dsl.fixtures.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Aggregates, scalar functions, arbitrary named functions, window functions, frames and FILTER. */
final class FunctionGoldens {
    private FunctionGoldens() {}

    private static final String AGE = "\"users\".\"age\"";
    private static final String NAME = "\"users\".\"name\"";
    private static final String TOTAL = "\"orders\".\"total\"";
    private static final String BY_USER = "PARTITION BY \"orders\".\"user_id\"";
    private static final String FROM_ORDERS = " FROM \"orders\"";
    /** The window most frame cases share: one partition per user, in id order. */
    private static final WindowSpec PER_USER = partitionBy(ORDER.USER_ID).orderBy(ORDER.ID.asc());
    private static final String PER_USER_SQL = BY_USER + " ORDER BY \"orders\".\"id\" ASC";

    static List<Golden> cases() {
        List<Golden> all = new ArrayList<>();
        all.addAll(aggregates());
        all.addAll(scalars());
        all.addAll(windows());
        all.addAll(frames());
        return all;
    }

    private static List<Golden> aggregates() {
        return List.of(
                Golden.of("fn count star", select(count()).from(USER), "SELECT count(*) FROM \"users\""),
                Golden.of("fn count field grouped", select(USER.NAME, count(USER.AGE)).from(USER).groupBy(USER.NAME),
                        "SELECT " + NAME + ", count(" + AGE + ") FROM \"users\" GROUP BY " + NAME),
                Golden.of("fn count distinct", select(countDistinct(USER.AGE)).from(USER),
                        "SELECT count(DISTINCT " + AGE + ") FROM \"users\""),
                Golden.of("fn sum avg grouped having",
                        select(ORDER.USER_ID, sum(ORDER.TOTAL), avg(ORDER.TOTAL)).from(ORDER).groupBy(ORDER.USER_ID)
                                .having(sum(ORDER.TOTAL).gt(new BigDecimal("100"))),
                        "SELECT \"orders\".\"user_id\", sum(" + TOTAL + "), avg(" + TOTAL + ") FROM \"orders\" "
                                + "GROUP BY \"orders\".\"user_id\" HAVING sum(" + TOTAL + ") > ?",
                        new BigDecimal("100")),
                Golden.of("fn min max grouped",
                        select(ORDER.STATUS, min(ORDER.CREATED_AT), max(ORDER.TOTAL)).from(ORDER).groupBy(ORDER.STATUS),
                        "SELECT \"orders\".\"status\", min(\"orders\".\"created_at\"), max(" + TOTAL + ") FROM "
                                + "\"orders\" GROUP BY \"orders\".\"status\""),
                Golden.of("fn sum of expression", select(sum(ORDER.TOTAL.times(new BigDecimal("2")))).from(ORDER),
                        "SELECT sum(" + TOTAL + " * ?)" + FROM_ORDERS, new BigDecimal("2")),
                Golden.of("fn avg int with alias", select(avg(USER.AGE).as("mean_age")).from(USER),
                        "SELECT avg(" + AGE + ") AS \"mean_age\" FROM \"users\""),
                Golden.of("fn count filter", select(count(), count().filter(USER.AGE.ge(18))).from(USER),
                        "SELECT count(*), count(*) FILTER (WHERE " + AGE + " >= ?) FROM \"users\"", 18),
                Golden.of("fn count distinct filter",
                        select(countDistinct(USER.AGE).filter(USER.NAME.like("A%").and(USER.AGE.isNotNull())))
                                .from(USER),
                        "SELECT count(DISTINCT " + AGE + ") FILTER (WHERE (" + NAME + " LIKE ?) AND (" + AGE
                                + " IS NOT NULL)) FROM \"users\"", "A%"),
                Golden.of("fn sum filter grouped",
                        select(ORDER.USER_ID, sum(ORDER.TOTAL).filter(ORDER.STATUS.eq(Order.Status.PAID))).from(ORDER)
                                .groupBy(ORDER.USER_ID),
                        "SELECT \"orders\".\"user_id\", sum(" + TOTAL + ") FILTER (WHERE \"orders\".\"status\" = ?) "
                                + "FROM \"orders\" GROUP BY \"orders\".\"user_id\"", Order.Status.PAID));
    }

    private static List<Golden> scalars() {
        return List.of(
                Golden.of("fn coalesce value", select(coalesce(USER.AGE, 0)).from(USER),
                        "SELECT coalesce(" + AGE + ", ?) FROM \"users\"", 0),
                Golden.of("fn coalesce fields", select(coalesce(USER.NAME, USER.EMAIL, value("?"))).from(USER),
                        "SELECT coalesce(" + NAME + ", \"users\".\"email\", ?) FROM \"users\"", "?"),
                Golden.of("fn lower upper length", select(lower(USER.NAME), upper(USER.EMAIL), length(USER.NAME))
                                .from(USER),
                        "SELECT lower(" + NAME + "), upper(\"users\".\"email\"), length(" + NAME + ") FROM \"users\""),
                Golden.of("fn lower compared", select(USER.ID).from(USER).where(lower(USER.EMAIL).eq("a@x.org")),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE lower(\"users\".\"email\") = ?", "a@x.org"),
                Golden.of("fn now", select(USER.ID).from(USER).where(USER.CREATED_AT.lt(now())),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"created_at\" < now()"),
                Golden.of("fn current date", select(currentDate(), now()), "SELECT CURRENT_DATE, now()"),
                Golden.of("fn current date compared", select(ORDER.ID).from(ORDER)
                                .where(ORDER.CREATED_AT.cast(PgType.DATE).eq(currentDate())),
                        "SELECT \"orders\".\"id\" FROM \"orders\" WHERE CAST(\"orders\".\"created_at\" AS date) = "
                                + "CURRENT_DATE"),
                Golden.of("fn greatest least", select(greatest(USER.AGE, value(18)), least(USER.CREATED_AT, now(),
                                value(Instant.parse("2030-01-01T00:00:00Z")))).from(USER),
                        "SELECT greatest(" + AGE + ", ?), least(\"users\".\"created_at\", now(), ?) FROM \"users\"",
                        18, Instant.parse("2030-01-01T00:00:00Z")),
                Golden.of("fn named function", select(function("date_trunc", PgType.TIMESTAMPTZ, value("day"),
                                ORDER.CREATED_AT)).from(ORDER),
                        "SELECT \"date_trunc\"(?, \"orders\".\"created_at\")" + FROM_ORDERS, "day"),
                Golden.of("fn schema qualified function", select(function("pg_catalog.lower", PgType.TEXT, USER.NAME))
                                .from(USER),
                        "SELECT \"pg_catalog\".\"lower\"(" + NAME + ") FROM \"users\""),
                Golden.of("fn function without arguments", select(function("pg_catalog.now", PgType.TIMESTAMPTZ)),
                        "SELECT \"pg_catalog\".\"now\"()"),
                Golden.of("fn function argument alias dropped",
                        select(function("upper", PgType.TEXT, USER.NAME.as("n")).as("u")).from(USER),
                        "SELECT \"upper\"(" + NAME + ") AS \"u\" FROM \"users\""));
    }

    private static List<Golden> windows() {
        String rankWindow = BY_USER + " ORDER BY " + TOTAL + " DESC";
        return List.of(
                Golden.of("window row number empty", select(ORDER.ID, rowNumber().over(window())).from(ORDER),
                        "SELECT \"orders\".\"id\", row_number() OVER ()" + FROM_ORDERS),
                Golden.of("window row number ordered",
                        select(ORDER.ID, rowNumber().over(window().orderBy(ORDER.CREATED_AT.desc(), ORDER.ID)))
                                .from(ORDER),
                        "SELECT \"orders\".\"id\", row_number() OVER (ORDER BY \"orders\".\"created_at\" DESC, "
                                + "\"orders\".\"id\" ASC)" + FROM_ORDERS),
                Golden.of("window rank", select(rank().over(partitionBy(ORDER.USER_ID).orderBy(ORDER.TOTAL.desc())))
                                .from(ORDER),
                        "SELECT rank() OVER (" + rankWindow + ")" + FROM_ORDERS),
                Golden.of("window dense rank", select(denseRank().over(partitionBy(ORDER.USER_ID, ORDER.STATUS)
                                .orderBy(ORDER.TOTAL.desc()))).from(ORDER),
                        "SELECT dense_rank() OVER (" + BY_USER + ", \"orders\".\"status\" ORDER BY " + TOTAL
                                + " DESC)" + FROM_ORDERS),
                Golden.of("window partition only", select(ORDER.ID, sum(ORDER.TOTAL).over(partitionBy(ORDER.USER_ID)))
                                .from(ORDER),
                        "SELECT \"orders\".\"id\", sum(" + TOTAL + ") OVER (" + BY_USER + ")" + FROM_ORDERS),
                Golden.of("window lag lead", select(lag(ORDER.TOTAL).over(PER_USER), lead(ORDER.TOTAL).over(PER_USER))
                                .from(ORDER),
                        "SELECT lag(" + TOTAL + ") OVER (" + PER_USER_SQL + "), lead(" + TOTAL + ") OVER ("
                                + PER_USER_SQL + ")" + FROM_ORDERS),
                Golden.of("window lag lead offset params in order",
                        select(lag(ORDER.TOTAL, 2).over(PER_USER), lead(ORDER.CREATED_AT, 3).over(PER_USER)).from(ORDER)
                                .where(ORDER.TOTAL.gt(BigDecimal.TEN)),
                        "SELECT lag(" + TOTAL + ", ?) OVER (" + PER_USER_SQL + "), lead(\"orders\".\"created_at\", ?) "
                                + "OVER (" + PER_USER_SQL + ") FROM \"orders\" WHERE " + TOTAL + " > ?",
                        2, 3, BigDecimal.TEN),
                Golden.of("window count over empty", select(count().over(window())).from(USER),
                        "SELECT count(*) OVER () FROM \"users\""),
                Golden.of("window filter and over",
                        select(sum(ORDER.TOTAL).filter(ORDER.STATUS.eq(Order.Status.PAID))
                                .over(PER_USER.rowsBetween(unboundedPreceding(), currentRow()))).from(ORDER),
                        "SELECT sum(" + TOTAL + ") FILTER (WHERE \"orders\".\"status\" = ?) OVER (" + PER_USER_SQL
                                + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)" + FROM_ORDERS,
                        Order.Status.PAID),
                Golden.of("window in order by", select(ORDER.ID).from(ORDER)
                                .orderBy(rowNumber().over(partitionBy(ORDER.USER_ID)).desc()),
                        "SELECT \"orders\".\"id\" FROM \"orders\" ORDER BY row_number() OVER (" + BY_USER + ") DESC"));
    }

    private static List<Golden> frames() {
        String sum = "SELECT sum(" + TOTAL + ") OVER (";
        return List.of(
                Golden.of("frame rows unbounded preceding to current row",
                        select(sum(ORDER.TOTAL).over(PER_USER.rowsBetween(unboundedPreceding(), currentRow())))
                                .from(ORDER),
                        sum + PER_USER_SQL + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)" + FROM_ORDERS),
                Golden.of("frame rows preceding to following",
                        select(avg(ORDER.TOTAL).over(PER_USER.rowsBetween(preceding(2), following(1)))).from(ORDER),
                        "SELECT avg(" + TOTAL + ") OVER (" + PER_USER_SQL + " ROWS BETWEEN ? PRECEDING AND ? FOLLOWING)"
                                + FROM_ORDERS, 2L, 1L),
                Golden.of("frame rows without order",
                        select(max(ORDER.TOTAL).over(window().rowsBetween(unboundedPreceding(), unboundedFollowing())))
                                .from(ORDER),
                        "SELECT max(" + TOTAL + ") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
                                + FROM_ORDERS),
                Golden.of("frame rows current row to following",
                        select(sum(ORDER.TOTAL).over(PER_USER.rowsBetween(currentRow(), following(0)))).from(ORDER),
                        sum + PER_USER_SQL + " ROWS BETWEEN CURRENT ROW AND ? FOLLOWING)" + FROM_ORDERS, 0L),
                Golden.of("frame range current row to unbounded following",
                        select(sum(ORDER.TOTAL).over(window().orderBy(ORDER.TOTAL)
                                .rangeBetween(currentRow(), unboundedFollowing()))).from(ORDER),
                        sum + "ORDER BY " + TOTAL + " ASC RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)"
                                + FROM_ORDERS),
                Golden.of("frame range offsets on bigint order",
                        select(count().over(window().orderBy(ORDER.ID.asc()).rangeBetween(preceding(10), following(5))))
                                .from(ORDER),
                        "SELECT count(*) OVER (ORDER BY \"orders\".\"id\" ASC RANGE BETWEEN ? PRECEDING AND "
                                + "? FOLLOWING)" + FROM_ORDERS, 10L, 5L),
                Golden.of("frame range offset on numeric order",
                        select(sum(ORDER.TOTAL).over(partitionBy(ORDER.USER_ID).orderBy(ORDER.TOTAL.asc())
                                .rangeBetween(preceding(100), currentRow()))).from(ORDER),
                        sum + BY_USER + " ORDER BY " + TOTAL + " ASC RANGE BETWEEN ? PRECEDING AND CURRENT ROW)"
                                + FROM_ORDERS, 100L),
                Golden.of("frame groups offsets",
                        select(sum(ORDER.TOTAL).over(window().orderBy(ORDER.TOTAL.asc())
                                .groupsBetween(preceding(1), following(1)))).from(ORDER),
                        sum + "ORDER BY " + TOTAL + " ASC GROUPS BETWEEN ? PRECEDING AND ? FOLLOWING)" + FROM_ORDERS,
                        1L, 1L),
                Golden.of("frame groups unbounded",
                        select(count().over(PER_USER.groupsBetween(unboundedPreceding(), unboundedFollowing())))
                                .from(ORDER),
                        "SELECT count(*) OVER (" + PER_USER_SQL + " GROUPS BETWEEN UNBOUNDED PRECEDING AND "
                                + "UNBOUNDED FOLLOWING)" + FROM_ORDERS),
                Golden.of("frame groups preceding to current row",
                        select(min(ORDER.TOTAL).over(PER_USER.groupsBetween(preceding(3), currentRow()))).from(ORDER),
                        "SELECT min(" + TOTAL + ") OVER (" + PER_USER_SQL + " GROUPS BETWEEN ? PRECEDING AND "
                                + "CURRENT ROW)" + FROM_ORDERS, 3L));
    }
}
