package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;

import dev.belay.dsl.Cte;
import dev.belay.dsl.DerivedTable;
import dev.belay.dsl.InsertInto;
import dev.belay.dsl.ValuesTable2;
import dev.belay.dsl.fixtures.Order;
import dev.belay.dsl.fixtures.OrderTable;
import dev.belay.dsl.fixtures.UserTable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Scoped tables ({@code ORDER.scoped(ORDER.USER_ID.eq(1L))}: only user 1's orders) in every place a table goes,
 * and tables in a named schema ({@code USER.inSchema("public")}). The seed has orders 1 and 2 of user 1 and
 * order 3 of user 2, so each row count shows that user 2's order was neither read nor changed.
 */
final class ScopedGoldens {
    private ScopedGoldens() {}

    private static final BigDecimal HUNDRED = new BigDecimal("100.00");
    static final String SCOPE = "\"orders\".\"user_id\" = ?";

    static List<Golden> cases() {
        OrderTable mine = ORDER.scoped(ORDER.USER_ID.eq(1L));
        OrderTable o = mine.as("o");
        UserTable first = USER.scoped(USER.ID.eq(1L));
        DerivedTable<Long> latest = lateral(select(mine.ID).from(mine).where(mine.USER_ID.eq(USER.ID))
                .orderBy(mine.ID.desc()).limit(1).asTable("latest"));
        Cte<Long> ids = cte("ids").as(select(mine.ID).from(mine));
        ValuesTable2<Long, BigDecimal> v = values(row(2L, HUNDRED), row(3L, HUNDRED)).as("v", "id", "total");
        String usingV = "MERGE INTO \"orders\" USING (VALUES (CAST(? AS int8), CAST(? AS numeric)), (?, ?)) AS "
                + "\"v\"(\"id\", \"total\") ON (\"orders\".\"id\" = \"v\".\"id\") AND (" + SCOPE + ")";
        String upsertSql = "INSERT INTO \"orders\" (\"id\", \"total\", \"user_id\") OVERRIDING SYSTEM VALUE VALUES "
                + "(?, ?, ?) ON CONFLICT (\"id\") ";
        InsertInto<Order> upsert = insertInto(mine).overridingSystemValue(); // the fixture's ids are GENERATED ALWAYS
        return List.of(
                Golden.of("scoped table in from", select(mine.ID).from(mine),
                        "SELECT \"orders\".\"id\" FROM \"orders\" WHERE " + SCOPE, 1L).rows(2),
                Golden.of("scoped table with where", select(mine.ID).from(mine).where(mine.TOTAL.gt(HUNDRED)),
                        "SELECT \"orders\".\"id\" FROM \"orders\" WHERE (\"orders\".\"total\" > ?) AND (" + SCOPE + ")",
                        HUNDRED, 1L).rows(1),
                Golden.of("scoped table under an alias", select(o.ID).from(o),
                        "SELECT \"o\".\"id\" FROM \"orders\" AS \"o\" WHERE \"o\".\"user_id\" = ?", 1L).rows(2),
                Golden.of("scoped table row type", select(mine).where(mine.ID.eq(3L)),
                        "SELECT \"orders\".\"id\", \"orders\".\"user_id\", \"orders\".\"total\", \"orders\".\"status\", "
                                + "\"orders\".\"tags\", \"orders\".\"created_at\" FROM \"orders\" WHERE (\"orders\".\"id\" "
                                + "= ?) AND (" + SCOPE + ")", 3L, 1L).rows(0),
                Golden.of("scoped table inner joined", select(USER.NAME, mine.TOTAL).from(USER).join(mine)
                                .on(mine.USER_ID.eq(USER.ID)),
                        "SELECT \"users\".\"name\", \"orders\".\"total\" FROM \"users\" JOIN \"orders\" ON "
                                + "(\"orders\".\"user_id\" = \"users\".\"id\") AND (" + SCOPE + ")", 1L).rows(2),
                Golden.of("scoped table as the nullable side of a left join", select(USER.NAME, mine.ID).from(USER)
                                .leftJoin(mine).on(mine.USER_ID.eq(USER.ID)),
                        "SELECT \"users\".\"name\", \"orders\".\"id\" FROM \"users\" LEFT JOIN \"orders\" ON "
                                + "(\"orders\".\"user_id\" = \"users\".\"id\") AND (" + SCOPE + ")", 1L).rows(4),
                Golden.of("scoped table as the preserved side of a left join", select(mine.ID, USER.NAME).from(mine)
                                .leftJoin(USER).on(USER.ID.eq(mine.USER_ID)),
                        "SELECT \"orders\".\"id\", \"users\".\"name\" FROM \"orders\" LEFT JOIN \"users\" ON "
                                + "\"users\".\"id\" = \"orders\".\"user_id\" WHERE " + SCOPE, 1L).rows(2),
                Golden.of("scoped table right joined", select(USER.NAME, mine.ID).from(USER).rightJoin(mine)
                                .on(mine.USER_ID.eq(USER.ID)),
                        "SELECT \"users\".\"name\", \"orders\".\"id\" FROM \"users\" RIGHT JOIN (SELECT * FROM "
                                + "\"orders\" WHERE " + SCOPE + ") AS \"orders\" ON \"orders\".\"user_id\" = "
                                + "\"users\".\"id\"", 1L).rows(2),
                Golden.of("scoped table before a full join", select(mine.ID, USER.NAME).from(mine).fullJoin(USER)
                                .on(USER.ID.eq(mine.USER_ID)),
                        "SELECT \"orders\".\"id\", \"users\".\"name\" FROM (SELECT * FROM \"orders\" WHERE " + SCOPE
                                + ") AS \"orders\" FULL JOIN \"users\" ON \"users\".\"id\" = \"orders\".\"user_id\"", 1L)
                        .rows(4),
                Golden.of("scoped alias before a right join", select(o.ID, USER.NAME).from(o).rightJoin(USER)
                                .on(USER.ID.eq(o.USER_ID)),
                        "SELECT \"o\".\"id\", \"users\".\"name\" FROM (SELECT * FROM \"orders\" AS \"o\" WHERE "
                                + "\"o\".\"user_id\" = ?) AS \"o\" RIGHT JOIN \"users\" ON \"users\".\"id\" = "
                                + "\"o\".\"user_id\"", 1L).rows(4),
                Golden.of("scoped table cross joined", select(USER.NAME, mine.ID).from(USER).crossJoin(mine),
                        "SELECT \"users\".\"name\", \"orders\".\"id\" FROM \"users\" CROSS JOIN \"orders\" WHERE "
                                + SCOPE, 1L).rows(6),
                Golden.of("scoped tables on both sides", select(first.NAME, mine.ID).from(first).join(mine)
                                .on(mine.USER_ID.eq(first.ID)).where(mine.TOTAL.lt(HUNDRED)),
                        "SELECT \"users\".\"name\", \"orders\".\"id\" FROM \"users\" JOIN \"orders\" ON "
                                + "(\"orders\".\"user_id\" = \"users\".\"id\") AND (" + SCOPE + ") WHERE "
                                + "(\"orders\".\"total\" < ?) AND (\"users\".\"id\" = ?)", 1L, HUNDRED, 1L).rows(1),
                Golden.of("scoped table in a subquery", select(USER.NAME).from(USER)
                                .where(USER.ID.in(select(mine.USER_ID).from(mine))),
                        "SELECT \"users\".\"name\" FROM \"users\" WHERE \"users\".\"id\" IN (SELECT "
                                + "\"orders\".\"user_id\" FROM \"orders\" WHERE " + SCOPE + ")", 1L).rows(1),
                Golden.of("scoped table in exists", select(USER.NAME).from(USER)
                                .where(exists(select(mine.ID).from(mine).where(mine.USER_ID.eq(USER.ID)))),
                        "SELECT \"users\".\"name\" FROM \"users\" WHERE EXISTS (SELECT \"orders\".\"id\" FROM "
                                + "\"orders\" WHERE (\"orders\".\"user_id\" = \"users\".\"id\") AND (" + SCOPE + "))", 1L)
                        .rows(1),
                Golden.of("scoped table in a lateral join", select(USER.NAME, latest.field(mine.ID)).from(USER)
                                .crossJoin(latest),
                        "SELECT \"users\".\"name\", \"latest\".\"id\" FROM \"users\" CROSS JOIN LATERAL (SELECT "
                                + "\"orders\".\"id\" FROM \"orders\" WHERE (\"orders\".\"user_id\" = \"users\".\"id\") "
                                + "AND (" + SCOPE + ") ORDER BY \"orders\".\"id\" DESC LIMIT ?) AS \"latest\"", 1L, 1L)
                        .rows(1),
                Golden.of("scoped table in a cte", with(ids).select(ids.field(mine.ID)).from(ids),
                        "WITH \"ids\" AS (SELECT \"orders\".\"id\" FROM \"orders\" WHERE " + SCOPE + ") SELECT "
                                + "\"ids\".\"id\" FROM \"ids\"", 1L).rows(2),
                Golden.of("scoped table in a union", select(mine.ID).from(mine).union(select(ORDER.ID).from(ORDER)
                                .where(ORDER.ID.eq(2L))),
                        "(SELECT \"orders\".\"id\" FROM \"orders\" WHERE " + SCOPE + ") UNION (SELECT \"orders\".\"id\" "
                                + "FROM \"orders\" WHERE \"orders\".\"id\" = ?)", 1L, 2L).rows(2),
                Golden.of("update through a scoped table", update(mine).set(mine.TOTAL, HUNDRED).where(mine.ID.eq(3L)),
                        "UPDATE \"orders\" SET \"total\" = ? WHERE (\"orders\".\"id\" = ?) AND (" + SCOPE + ")",
                        HUNDRED, 3L, 1L).rows(0),
                Golden.of("update all through a scoped table", update(o).set(o.TOTAL, HUNDRED).all(),
                        "UPDATE \"orders\" AS \"o\" SET \"total\" = ? WHERE \"o\".\"user_id\" = ?", HUNDRED, 1L)
                        .rows(2),
                Golden.of("update from a scoped table", update(USER).set(USER.AGE, 40).from(mine)
                                .where(mine.USER_ID.eq(USER.ID)),
                        "UPDATE \"users\" SET \"age\" = ? FROM \"orders\" WHERE (\"orders\".\"user_id\" = "
                                + "\"users\".\"id\") AND (" + SCOPE + ")", 40, 1L).rows(1),
                Golden.of("delete through a scoped table", deleteFrom(mine).where(mine.TOTAL.gt(HUNDRED))
                                .returning(mine.ID),
                        "DELETE FROM \"orders\" WHERE (\"orders\".\"total\" > ?) AND (" + SCOPE + ") RETURNING "
                                + "\"orders\".\"id\"", HUNDRED, 1L).rows(1),
                Golden.of("delete using a scoped table", deleteFrom(ORDER).using(first)
                                .where(ORDER.USER_ID.eq(first.ID)),
                        "DELETE FROM \"orders\" USING \"users\" WHERE (\"orders\".\"user_id\" = \"users\".\"id\") AND "
                                + "(\"users\".\"id\" = ?)", 1L).rows(2),
                Golden.of("insert through a scoped table fills its column", insertInto(mine).set(mine.TOTAL, HUNDRED),
                        "INSERT INTO \"orders\" (\"total\", \"user_id\") VALUES (?, ?)", HUNDRED, 1L).rows(1),
                Golden.of("insert a row through a scoped table", insertInto(mine).values(new Order(null, null,
                                HUNDRED, Order.Status.NEW, List.of(), null)).returning(mine.USER_ID),
                        "INSERT INTO \"orders\" (\"user_id\", \"total\", \"status\", \"tags\") VALUES (?, ?, ?, ?) "
                                + "RETURNING \"orders\".\"user_id\"", 1L, HUNDRED, Order.Status.NEW, List.of()).rows(1),
                Golden.of("insert select through a scoped table", insertInto(mine).columns(mine.TOTAL)
                                .select(select(ORDER.TOTAL).from(ORDER).where(ORDER.ID.eq(3L))),
                        "INSERT INTO \"orders\" (\"total\", \"user_id\") SELECT \"orders\".\"total\", ? FROM "
                                + "\"orders\" WHERE \"orders\".\"id\" = ?", 1L, 3L).rows(1),
                Golden.of("upsert through a scoped table leaves other rows", upsert.set(mine.ID, 3L)
                                .set(mine.TOTAL, HUNDRED).onConflict(mine.ID).doUpdateSet(mine.TOTAL),
                        upsertSql + "DO UPDATE SET \"total\" = EXCLUDED.\"total\" WHERE " + SCOPE, 3L, HUNDRED, 1L, 1L)
                        .rows(0),
                Golden.of("upsert through a scoped table updates its own", upsert.set(mine.ID, 2L)
                                .set(mine.TOTAL, HUNDRED).onConflict(mine.ID).doUpdateSet(mine.TOTAL, mine.USER_ID),
                        upsertSql + "DO UPDATE SET \"total\" = EXCLUDED.\"total\", \"user_id\" = EXCLUDED.\"user_id\" "
                                + "WHERE " + SCOPE, 2L, HUNDRED, 1L, 1L).rows(1),
                Golden.of("upsert do nothing through a scoped table", upsert.set(mine.ID, 3L)
                                .set(mine.TOTAL, HUNDRED).onConflict(mine.ID).doNothing(),
                        upsertSql + "DO NOTHING", 3L, HUNDRED, 1L).rows(0),
                Golden.of("merge into a scoped table matches only its rows", mergeInto(mine).using(v)
                                .on(mine.ID.eq(v.v1())).whenMatched().thenUpdate(mine.TOTAL, v.v2()),
                        usingV + " WHEN MATCHED THEN UPDATE SET \"total\" = \"v\".\"total\"", 2L, HUNDRED, 3L, HUNDRED,
                        1L).rows(1),
                Golden.of("merge into a scoped table fills its inserts", mergeInto(mine).using(v)
                                .on(mine.ID.eq(v.v1())).whenNotMatched().thenInsert(mine.TOTAL, v.v2()),
                        usingV + " WHEN NOT MATCHED THEN INSERT (\"total\", \"user_id\") VALUES (\"v\".\"total\", ?)",
                        2L, HUNDRED, 3L, HUNDRED, 1L, 1L).rows(1),
                Golden.of("merge from a scoped table", mergeInto(ORDER).using(first).on(ORDER.USER_ID.eq(first.ID))
                                .whenMatched().thenUpdate(ORDER.TOTAL, HUNDRED),
                        "MERGE INTO \"orders\" USING (SELECT * FROM \"users\" WHERE \"users\".\"id\" = ?) AS \"users\" "
                                + "ON \"orders\".\"user_id\" = \"users\".\"id\" WHEN MATCHED THEN UPDATE SET "
                                + "\"total\" = ?", 1L, HUNDRED).rows(2),
                Golden.of("table in a named schema", select(USER.NAME).from(USER.inSchema("public"))
                                .where(USER.ID.eq(1L)),
                        "SELECT \"users\".\"name\" FROM \"public\".\"users\" WHERE \"users\".\"id\" = ?", 1L).rows(1),
                Golden.of("scoped table in a named schema", select(o.ID).from(o.inSchema("public")),
                        "SELECT \"o\".\"id\" FROM \"public\".\"orders\" AS \"o\" WHERE \"o\".\"user_id\" = ?", 1L)
                        .rows(2),
                Golden.of("create table in a named schema", createTable(USER.inSchema("public")).ifNotExists(),
                        "CREATE TABLE IF NOT EXISTS \"public\".\"users\" (\"id\" int8 GENERATED BY DEFAULT AS "
                                + "IDENTITY NOT NULL, \"name\" text NOT NULL, \"email\" text NOT NULL, \"age\" int4, "
                                + "\"created_at\" timestamptz DEFAULT now() NOT NULL, PRIMARY KEY (\"id\"), UNIQUE "
                                + "(\"email\"))"));
    }
}
