package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;

import dev.belay.dsl.Param;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Doc;
import dev.belay.dsl.fixtures.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SELECT clauses: projections, FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET, DISTINCT. */
final class SelectGoldens {
    private SelectGoldens() {}

    static final String USER_COLS = "\"users\".\"id\", \"users\".\"name\", \"users\".\"email\", \"users\".\"age\", "
            + "\"users\".\"created_at\"";

    /** A record a projection is mapped into by position. */
    record UserSummary(Long id, String name) {}

    static List<Golden> cases() {
        List<Golden> all = new ArrayList<>(basics());
        all.addAll(distinct());
        all.addAll(locks());
        all.addAll(paging());
        all.addAll(projections());
        all.addAll(params());
        return all;
    }

    private static List<Golden> basics() {
        return List.of(
                Golden.of("select row type", select(User.class),
                        "SELECT " + USER_COLS + " FROM \"users\""),
                Golden.of("select table", select(USER),
                        "SELECT " + USER_COLS + " FROM \"users\""),
                Golden.of("select derived descriptor with schema", select(Doc.class),
                        "SELECT \"docs\".\"id\", \"docs\".\"body\", \"docs\".\"is_public\" FROM \"app\".\"docs\""),
                Golden.of("where and order", select(User.class).where(USER.AGE.ge(18)).where(USER.NAME.eq("Alice"))
                                .orderBy(USER.NAME.asc()),
                        "SELECT " + USER_COLS + " FROM \"users\" WHERE (\"users\".\"age\" >= ?) AND "
                                + "(\"users\".\"name\" = ?) ORDER BY \"users\".\"name\" ASC", 18, "Alice"),
                Golden.of("group by having", select(USER.NAME, count()).from(USER).groupBy(USER.NAME)
                                .having(count().gt(1L)),
                        "SELECT \"users\".\"name\", count(*) FROM \"users\" GROUP BY \"users\".\"name\" "
                                + "HAVING count(*) > ?", 1L),
                Golden.of("join limit", select(ORDER.ID, USER.NAME).from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID))
                                .where(ORDER.TOTAL.gt(new BigDecimal("100"))).limit(50),
                        "SELECT \"orders\".\"id\", \"users\".\"name\" FROM \"orders\" JOIN \"users\" ON "
                                + "\"orders\".\"user_id\" = \"users\".\"id\" WHERE \"orders\".\"total\" > ? LIMIT ?",
                        new BigDecimal("100"), 50L));
    }

    private static List<Golden> distinct() {
        return List.of(
                Golden.of("select distinct field", selectDistinct(USER.NAME).from(USER),
                        "SELECT DISTINCT \"users\".\"name\" FROM \"users\""),
                Golden.of("select distinct two fields", selectDistinct(USER.NAME, USER.AGE).from(USER),
                        "SELECT DISTINCT \"users\".\"name\", \"users\".\"age\" FROM \"users\""),
                Golden.of("select distinct table", selectDistinct(USER),
                        "SELECT DISTINCT " + USER_COLS + " FROM \"users\""),
                Golden.of("select distinct row type", selectDistinct(User.class).where(USER.AGE.isNull()),
                        "SELECT DISTINCT " + USER_COLS + " FROM \"users\" WHERE \"users\".\"age\" IS NULL"),
                Golden.of("distinct after building", select(USER.NAME, ORDER.STATUS).from(USER).join(ORDER)
                                .on(ORDER.USER_ID.eq(USER.ID)).distinct(),
                        "SELECT DISTINCT \"users\".\"name\", \"orders\".\"status\" FROM \"users\" JOIN \"orders\" "
                                + "ON \"orders\".\"user_id\" = \"users\".\"id\""),
                Golden.of("distinct on", select(USER.NAME, USER.AGE).from(USER).distinctOn(USER.NAME)
                                .orderBy(USER.NAME.asc(), USER.AGE.desc()),
                        "SELECT DISTINCT ON (\"users\".\"name\") \"users\".\"name\", \"users\".\"age\" FROM \"users\" "
                                + "ORDER BY \"users\".\"name\" ASC, \"users\".\"age\" DESC"),
                Golden.of("distinct on two fields", select(ORDER.USER_ID, ORDER.STATUS, ORDER.TOTAL).from(ORDER)
                                .distinctOn(ORDER.USER_ID, ORDER.STATUS)
                                .orderBy(ORDER.USER_ID, ORDER.STATUS, ORDER.CREATED_AT.desc()),
                        "SELECT DISTINCT ON (\"orders\".\"user_id\", \"orders\".\"status\") \"orders\".\"user_id\", "
                                + "\"orders\".\"status\", \"orders\".\"total\" FROM \"orders\" ORDER BY "
                                + "\"orders\".\"user_id\" ASC, \"orders\".\"status\" ASC, \"orders\".\"created_at\" DESC"));
    }

    private static List<Golden> locks() {
        Select<User> one = select(User.class).where(USER.ID.eq(1L));
        String oneSql = "SELECT " + USER_COLS + " FROM \"users\" WHERE \"users\".\"id\" = ?";
        Table<User> u = USER.as("u");
        return List.of(
                Golden.of("for update", one.forUpdate(), oneSql + " FOR UPDATE", 1L),
                Golden.of("for no key update", one.forNoKeyUpdate(), oneSql + " FOR NO KEY UPDATE", 1L),
                Golden.of("for share", one.forShare(), oneSql + " FOR SHARE", 1L),
                Golden.of("for key share", one.forKeyShare(), oneSql + " FOR KEY SHARE", 1L),
                Golden.of("for update skip locked", one.forUpdate().skipLocked(), oneSql + " FOR UPDATE SKIP LOCKED", 1L),
                Golden.of("for share nowait", one.forShare().noWait(), oneSql + " FOR SHARE NOWAIT", 1L),
                Golden.of("for update of one table skip locked", select(ORDER.ID, USER.NAME).from(ORDER).join(USER)
                                .on(ORDER.USER_ID.eq(USER.ID)).forUpdate().of(USER).skipLocked(),
                        "SELECT \"orders\".\"id\", \"users\".\"name\" FROM \"orders\" JOIN \"users\" ON "
                                + "\"orders\".\"user_id\" = \"users\".\"id\" FOR UPDATE OF \"users\" SKIP LOCKED"),
                Golden.of("for no key update of two tables nowait", select(ORDER.ID, u.field(USER.NAME)).from(ORDER).join(u)
                                .on(ORDER.USER_ID.eq(u.field(USER.ID))).forNoKeyUpdate().of(ORDER, u).noWait(),
                        "SELECT \"orders\".\"id\", \"u\".\"name\" FROM \"orders\" JOIN \"users\" AS \"u\" ON "
                                + "\"orders\".\"user_id\" = \"u\".\"id\" FOR NO KEY UPDATE OF \"orders\", \"u\" NOWAIT"),
                Golden.of("queue pattern: order, limit, lock", select(ORDER.ID).from(ORDER).orderBy(ORDER.ID).limit(10)
                                .forUpdate().skipLocked(),
                        "SELECT \"orders\".\"id\" FROM \"orders\" ORDER BY \"orders\".\"id\" ASC LIMIT ? "
                                + "FOR UPDATE SKIP LOCKED", 10L));
    }

    private static List<Golden> paging() {
        Param<Long> size = param("page_size", Long.class);
        Param<Long> skip = param("skip", Long.class);
        Select<User> byId = select(User.class).orderBy(USER.ID.asc());
        String byIdSql = "SELECT " + USER_COLS + " FROM \"users\" ORDER BY \"users\".\"id\" ASC";
        return List.of(
                Golden.of("limit offset", byId.limit(10).offset(20), byIdSql + " LIMIT ? OFFSET ?", 10L, 20L),
                Golden.of("offset only", byId.offset(5), byIdSql + " OFFSET ?", 5L),
                Golden.of("limit zero", byId.limit(0), byIdSql + " LIMIT ?", 0L),
                Golden.of("limit and offset params", byId.limit(size).offset(skip).bind(size, 25L).bind(skip, 50L),
                        byIdSql + " LIMIT ? OFFSET ?", 25L, 50L),
                Golden.of("limit param with fixed offset", byId.offset(3).limit(size).bind(size, 7L),
                        byIdSql + " LIMIT ? OFFSET ?", 7L, 3L));
    }

    private static List<Golden> projections() {
        String fromJoin = " FROM \"users\" JOIN \"orders\" ON \"orders\".\"user_id\" = \"users\".\"id\"";
        return List.of(
                Golden.of("into record keeps the sql", select(USER.ID, USER.NAME).from(USER).into(UserSummary.class),
                        "SELECT \"users\".\"id\", \"users\".\"name\" FROM \"users\""),
                Golden.of("tuple3", select(USER.ID, USER.NAME, USER.AGE).from(USER),
                        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"age\" FROM \"users\""),
                Golden.of("tuple4", select(USER.ID, USER.NAME, USER.AGE, USER.EMAIL).from(USER),
                        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"age\", \"users\".\"email\" "
                                + "FROM \"users\""),
                Golden.of("tuple5", select(USER.ID, USER.NAME, USER.AGE, USER.EMAIL, ORDER.TOTAL).from(USER).join(ORDER)
                                .on(ORDER.USER_ID.eq(USER.ID)),
                        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"age\", \"users\".\"email\", "
                                + "\"orders\".\"total\"" + fromJoin),
                Golden.of("tuple6", select(USER.ID, USER.NAME, USER.AGE, USER.EMAIL, ORDER.TOTAL, ORDER.TAGS).from(USER)
                                .join(ORDER).on(ORDER.USER_ID.eq(USER.ID)),
                        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"age\", \"users\".\"email\", "
                                + "\"orders\".\"total\", \"orders\".\"tags\"" + fromJoin),
                Golden.of("row of seven fields", select(USER.ID, USER.NAME, USER.EMAIL, USER.AGE, USER.CREATED_AT,
                                ORDER.ID, ORDER.STATUS).from(USER).join(ORDER).on(ORDER.USER_ID.eq(USER.ID)),
                        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"email\", \"users\".\"age\", "
                                + "\"users\".\"created_at\", \"orders\".\"id\", \"orders\".\"status\"" + fromJoin),
                Golden.of("row of eight fields with alias", select(USER.ID, USER.NAME, USER.EMAIL, USER.AGE,
                                USER.CREATED_AT, ORDER.ID.as("order_id"), ORDER.TOTAL, ORDER.TAGS).from(USER).join(ORDER)
                                .on(ORDER.USER_ID.eq(USER.ID)).into(Wide.class),
                        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"email\", \"users\".\"age\", "
                                + "\"users\".\"created_at\", \"orders\".\"id\" AS \"order_id\", \"orders\".\"total\", "
                                + "\"orders\".\"tags\"" + fromJoin));
    }

    /** Wider than the tuples: reached through select(Field...) and into. */
    record Wide(long id, String name, String email, Integer age, Instant createdAt, Long orderId,
                BigDecimal total, List<String> tags) {}

    private static List<Golden> params() {
        Param<String> name = param("name", String.class);
        Param<Integer> minAge = param("min_age", Integer.class);
        Param<BigDecimal> minTotal = param("min_total", BigDecimal.class);
        Select<User> byName = select(User.class).where(USER.NAME.eq(name));
        String base = "SELECT " + USER_COLS + " FROM \"users\" WHERE ";
        return List.of(
                Golden.of("bound param", byName.bind(name, "Alice"), base + "\"users\".\"name\" = ?", "Alice"),
                Golden.of("bound param used twice", select(User.class).where(USER.NAME.eq(name).or(USER.EMAIL.eq(name)))
                                .bind(name, "a@x.org"),
                        base + "(\"users\".\"name\" = ?) OR (\"users\".\"email\" = $1)", "a@x.org"),
                Golden.of("params mixed with values", byName.where(USER.AGE.ge(minAge)).where(USER.EMAIL.ne("x"))
                                .bind(minAge, 21).bind(name, "Bob"),
                        base + "(\"users\".\"name\" = ?) AND (\"users\".\"age\" >= ?) AND (\"users\".\"email\" <> ?)",
                        "Bob", 21, "x"),
                Golden.of("param in a subquery", select(USER.NAME).from(USER)
                                .where(exists(select(ORDER.ID).from(ORDER).where(ORDER.USER_ID.eq(USER.ID))
                                        .where(ORDER.TOTAL.gt(minTotal))))
                                .where(USER.NAME.ne(name)).bind(name, "Eve").bind(minTotal, BigDecimal.TEN),
                        "SELECT \"users\".\"name\" FROM \"users\" WHERE (EXISTS (SELECT \"orders\".\"id\" FROM \"orders\" "
                                + "WHERE (\"orders\".\"user_id\" = \"users\".\"id\") AND (\"orders\".\"total\" > ?))) "
                                + "AND (\"users\".\"name\" <> ?)", BigDecimal.TEN, "Eve"));
    }
}
