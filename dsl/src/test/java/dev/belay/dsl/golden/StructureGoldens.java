package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.golden.SelectGoldens.USER_COLS;

import dev.belay.dsl.Cte;
import dev.belay.dsl.CteName;
import dev.belay.dsl.DerivedTable;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.fixtures.NodeTable.Node;
import dev.belay.dsl.fixtures.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The shape of a statement: joins, derived tables, subqueries, CTEs, set operations, keyset seek, quoting. */
final class StructureGoldens {
    private StructureGoldens() {}

    private static final String ORDERS_BY_USER = "\"orders\".\"user_id\" = \"users\".\"id\"";
    private static final BigDecimal HUNDRED = new BigDecimal("100.00");

    static List<Golden> cases() {
        List<Golden> all = new ArrayList<>();
        all.addAll(joins());
        all.addAll(derivedTables());
        all.addAll(subqueries());
        all.addAll(ctes());
        all.addAll(setOperations());
        all.addAll(seek());
        all.addAll(quoting());
        return all;
    }

    private static List<Golden> joins() {
        Table<Node> parent = NODE.as("parent");
        Table<User> u = USER.as("u");
        return List.of(
                Golden.of("join", select(ORDER.ID, USER.NAME).from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID)),
                        "SELECT \"orders\".\"id\", \"users\".\"name\" FROM \"orders\" JOIN \"users\" ON " + ORDERS_BY_USER),
                Golden.of("left join", select(USER.NAME, ORDER.TOTAL).from(USER).leftJoin(ORDER)
                                .on(ORDER.USER_ID.eq(USER.ID)),
                        "SELECT \"users\".\"name\", \"orders\".\"total\" FROM \"users\" LEFT JOIN \"orders\" ON "
                                + ORDERS_BY_USER),
                Golden.of("right join", select(USER.NAME, ORDER.TOTAL).from(USER).rightJoin(ORDER)
                                .on(ORDER.USER_ID.eq(USER.ID)),
                        "SELECT \"users\".\"name\", \"orders\".\"total\" FROM \"users\" RIGHT JOIN \"orders\" ON "
                                + ORDERS_BY_USER),
                Golden.of("full join", select(USER.NAME, ORDER.TOTAL).from(USER).fullJoin(ORDER)
                                .on(ORDER.USER_ID.eq(USER.ID)),
                        "SELECT \"users\".\"name\", \"orders\".\"total\" FROM \"users\" FULL JOIN \"orders\" ON "
                                + ORDERS_BY_USER),
                Golden.of("cross join", select(USER.NAME, NODE.LABEL).from(USER).crossJoin(NODE),
                        "SELECT \"users\".\"name\", \"nodes\".\"label\" FROM \"users\" CROSS JOIN \"nodes\""),
                Golden.of("multiple joins", select(ORDER.ID, USER.NAME, NODE.LABEL).from(ORDER)
                                .join(USER).on(ORDER.USER_ID.eq(USER.ID))
                                .leftJoin(NODE).on(NODE.ID.eq(ORDER.USER_ID).and(NODE.LABEL.eq(USER.NAME)))
                                .crossJoin(parent)
                                .where(ORDER.TOTAL.gt(HUNDRED)),
                        "SELECT \"orders\".\"id\", \"users\".\"name\", \"nodes\".\"label\" FROM \"orders\" JOIN \"users\" ON "
                                + ORDERS_BY_USER + " LEFT JOIN \"nodes\" ON (\"nodes\".\"id\" = \"orders\".\"user_id\") AND "
                                + "(\"nodes\".\"label\" = \"users\".\"name\") CROSS JOIN \"nodes\" AS \"parent\" "
                                + "WHERE \"orders\".\"total\" > ?", HUNDRED),
                Golden.of("several from items", select(USER.NAME, NODE.LABEL).from(USER, NODE)
                                .where(NODE.LABEL.eq(USER.NAME)),
                        "SELECT \"users\".\"name\", \"nodes\".\"label\" FROM \"users\", \"nodes\" "
                                + "WHERE \"nodes\".\"label\" = \"users\".\"name\""),
                Golden.of("self join through alias", select(NODE.LABEL, parent.field(NODE.LABEL)).from(NODE)
                                .leftJoin(parent).on(NODE.PARENT_ID.eq(parent.field(NODE.ID))),
                        "SELECT \"nodes\".\"label\", \"parent\".\"label\" FROM \"nodes\" LEFT JOIN \"nodes\" AS \"parent\" "
                                + "ON \"nodes\".\"parent_id\" = \"parent\".\"id\""),
                Golden.of("self join users", select(USER.NAME, u.field(USER.NAME)).from(USER).join(u)
                                .on(u.field(USER.AGE).eq(USER.AGE).and(u.field(USER.ID).ne(USER.ID))),
                        "SELECT \"users\".\"name\", \"u\".\"name\" FROM \"users\" JOIN \"users\" AS \"u\" "
                                + "ON (\"u\".\"age\" = \"users\".\"age\") AND (\"u\".\"id\" <> \"users\".\"id\")"),
                Golden.of("select aliased table", select(u).where(u.field(USER.AGE).ge(18)),
                        "SELECT \"u\".\"id\", \"u\".\"name\", \"u\".\"email\", \"u\".\"age\", \"u\".\"created_at\" "
                                + "FROM \"users\" AS \"u\" WHERE \"u\".\"age\" >= ?", 18));
    }

    private static List<Golden> derivedTables() {
        DerivedTable<Tuple2<String, Integer>> t =
                select(USER.NAME, USER.AGE).from(USER).where(USER.AGE.isNotNull()).asTable("t");
        Field<Long> n = count().as("n");
        DerivedTable<Tuple2<Long, Long>> perUser = select(ORDER.USER_ID, n).from(ORDER).groupBy(ORDER.USER_ID)
                .asTable("per_user");
        Select<BigDecimal> latest = select(ORDER.TOTAL).from(ORDER).where(ORDER.USER_ID.eq(USER.ID))
                .orderBy(ORDER.CREATED_AT.desc()).limit(1);
        DerivedTable<BigDecimal> last = lateral(latest.asTable("last"));
        DerivedTable<Tuple2<Long, Long>> pair = select(USER.ID, ORDER.ID.as("order_id")).from(USER).join(ORDER)
                .on(ORDER.USER_ID.eq(USER.ID)).asTable("pair");
        String latestSql = "(SELECT \"orders\".\"total\" FROM \"orders\" WHERE " + ORDERS_BY_USER
                + " ORDER BY \"orders\".\"created_at\" DESC LIMIT ?) AS \"last\"";
        return List.of(
                Golden.of("derived table", select(t.field(USER.NAME)).from(t).where(t.field(USER.AGE).gt(30)),
                        "SELECT \"t\".\"name\" FROM (SELECT \"users\".\"name\", \"users\".\"age\" FROM \"users\" "
                                + "WHERE \"users\".\"age\" IS NOT NULL) AS \"t\" WHERE \"t\".\"age\" > ?", 30),
                Golden.of("derived table with aliased aggregate",
                        select(perUser.field(ORDER.USER_ID), perUser.field(n)).from(perUser)
                                .where(perUser.field(n).gt(2L)).orderBy(perUser.field(n).desc()),
                        "SELECT \"per_user\".\"user_id\", \"per_user\".\"n\" FROM (SELECT \"orders\".\"user_id\", "
                                + "count(*) AS \"n\" FROM \"orders\" GROUP BY \"orders\".\"user_id\") AS \"per_user\" "
                                + "WHERE \"per_user\".\"n\" > ? ORDER BY \"per_user\".\"n\" DESC", 2L),
                Golden.of("derived table joined to a table", select(USER.NAME, perUser.field(n)).from(USER)
                                .join(perUser).on(perUser.field(ORDER.USER_ID).eq(USER.ID)),
                        "SELECT \"users\".\"name\", \"per_user\".\"n\" FROM \"users\" JOIN (SELECT \"orders\".\"user_id\", "
                                + "count(*) AS \"n\" FROM \"orders\" GROUP BY \"orders\".\"user_id\") AS \"per_user\" "
                                + "ON \"per_user\".\"user_id\" = \"users\".\"id\""),
                // Both columns are "id" in their tables: the field given, not its bare name, picks the column.
                Golden.of("derived table column of a same-named field", select(pair.field(ORDER.ID), pair.field(USER.ID))
                                .from(pair),
                        "SELECT \"pair\".\"order_id\", \"pair\".\"id\" FROM (SELECT \"users\".\"id\", \"orders\".\"id\" "
                                + "AS \"order_id\" FROM \"users\" JOIN \"orders\" ON " + ORDERS_BY_USER + ") AS \"pair\""),
                Golden.of("cross join lateral", select(USER.NAME, last.field(ORDER.TOTAL)).from(USER).crossJoin(last),
                        "SELECT \"users\".\"name\", \"last\".\"total\" FROM \"users\" CROSS JOIN LATERAL " + latestSql,
                        1L),
                Golden.of("left join lateral on true", select(USER.NAME, last.field(ORDER.TOTAL)).from(USER)
                                .leftJoin(last).on(trueCondition()),
                        "SELECT \"users\".\"name\", \"last\".\"total\" FROM \"users\" LEFT JOIN LATERAL " + latestSql
                                + " ON TRUE", 1L));
    }

    private static List<Golden> subqueries() {
        Table<Node> child = NODE.as("child");
        String ordersOfUser = "(SELECT \"orders\".\"id\" FROM \"orders\" WHERE " + ORDERS_BY_USER + ")";
        return List.of(
                Golden.of("exists correlated", select(USER.NAME).from(USER)
                                .where(exists(select(ORDER.ID).from(ORDER).where(ORDER.USER_ID.eq(USER.ID)))),
                        "SELECT \"users\".\"name\" FROM \"users\" WHERE EXISTS " + ordersOfUser),
                Golden.of("not exists correlated", select(USER.NAME).from(USER)
                                .where(notExists(select(ORDER.ID).from(ORDER).where(ORDER.USER_ID.eq(USER.ID))))
                                .where(USER.AGE.lt(30)),
                        "SELECT \"users\".\"name\" FROM \"users\" WHERE (NOT EXISTS " + ordersOfUser
                                + ") AND (\"users\".\"age\" < ?)", 30),
                Golden.of("in subquery correlated", select(NODE.LABEL).from(NODE)
                                .where(NODE.ID.in(select(child.field(NODE.PARENT_ID)).from(child)
                                        .where(child.field(NODE.LABEL).eq(NODE.LABEL)))),
                        "SELECT \"nodes\".\"label\" FROM \"nodes\" WHERE \"nodes\".\"id\" IN (SELECT \"child\".\"parent_id\" "
                                + "FROM \"nodes\" AS \"child\" WHERE \"child\".\"label\" = \"nodes\".\"label\")"),
                Golden.of("not in subquery", select(USER.NAME).from(USER)
                                .where(USER.ID.notIn(select(ORDER.USER_ID).from(ORDER).where(ORDER.TOTAL.gt(HUNDRED)))),
                        "SELECT \"users\".\"name\" FROM \"users\" WHERE \"users\".\"id\" NOT IN (SELECT \"orders\".\"user_id\" "
                                + "FROM \"orders\" WHERE \"orders\".\"total\" > ?)", HUNDRED),
                Golden.of("scalar subquery in select list", select(USER.NAME,
                                field(select(count()).from(ORDER).where(ORDER.USER_ID.eq(USER.ID))).as("order_count"))
                                .from(USER),
                        "SELECT \"users\".\"name\", (SELECT count(*) FROM \"orders\" WHERE " + ORDERS_BY_USER
                                + ") AS \"order_count\" FROM \"users\""),
                Golden.of("scalar subquery in where", select(ORDER.ID).from(ORDER)
                                .where(ORDER.TOTAL.gt(field(select(avg(ORDER.TOTAL)).from(ORDER)))),
                        "SELECT \"orders\".\"id\" FROM \"orders\" WHERE \"orders\".\"total\" > "
                                + "(SELECT avg(\"orders\".\"total\") FROM \"orders\")"));
    }

    private static List<Golden> ctes() {
        Cte<Tuple2<Long, String>> adults = cte("adults").as(select(USER.ID, USER.NAME).from(USER).where(USER.AGE.ge(18)));
        String adultsSql = "\"adults\" AS (SELECT \"users\".\"id\", \"users\".\"name\" FROM \"users\" "
                + "WHERE \"users\".\"age\" >= ?)";
        Cte<Tuple2<Long, BigDecimal>> spend = cte("spend").as(select(ORDER.USER_ID, sum(ORDER.TOTAL).as("total"))
                .from(ORDER).join(adults).on(ORDER.USER_ID.eq(adults.field(USER.ID))).groupBy(ORDER.USER_ID));
        Cte<Tuple2<Long, String>> named = cte("u", "user_id", "user_name").as(select(USER.ID, USER.NAME).from(USER));
        Cte<Tuple2<Long, Long>> ids = cte("ids", "user_id", "order_id").as(select(USER.ID, ORDER.ID).from(USER)
                .join(ORDER).on(ORDER.USER_ID.eq(USER.ID)));
        CteName tree = cte("tree", "id", "parent_id");
        Field<Long> treeId = tree.field("id", PgType.INT8);
        Cte<Tuple2<Long, Long>> def = tree.as(
                select(NODE.ID, NODE.PARENT_ID).from(NODE).where(NODE.PARENT_ID.isNull())
                        .unionAll(select(NODE.ID, NODE.PARENT_ID).from(NODE).join(tree).on(NODE.PARENT_ID.eq(treeId))));
        String treeSql = "WITH RECURSIVE \"tree\"(\"id\", \"parent_id\") AS ((SELECT \"nodes\".\"id\", "
                + "\"nodes\".\"parent_id\" FROM \"nodes\" WHERE \"nodes\".\"parent_id\" IS NULL) UNION ALL "
                + "(SELECT \"nodes\".\"id\", \"nodes\".\"parent_id\" FROM \"nodes\" JOIN \"tree\" ON "
                + "\"nodes\".\"parent_id\" = \"tree\".\"id\")) ";
        return List.of(
                Golden.of("with one cte", with(adults).select(adults.field(USER.NAME)).from(adults),
                        "WITH " + adultsSql + " SELECT \"adults\".\"name\" FROM \"adults\"", 18),
                Golden.of("with two ctes", with(adults, spend)
                                .select(adults.field(USER.NAME), spend.field(sum(ORDER.TOTAL).as("total"))).from(adults)
                                .join(spend).on(spend.field(ORDER.USER_ID).eq(adults.field(USER.ID))),
                        "WITH " + adultsSql + ", \"spend\" AS (SELECT \"orders\".\"user_id\", sum(\"orders\".\"total\") "
                                + "AS \"total\" FROM \"orders\" JOIN \"adults\" ON \"orders\".\"user_id\" = \"adults\".\"id\" "
                                + "GROUP BY \"orders\".\"user_id\") SELECT \"adults\".\"name\", \"spend\".\"total\" "
                                + "FROM \"adults\" JOIN \"spend\" ON \"spend\".\"user_id\" = \"adults\".\"id\"", 18),
                Golden.of("cte with column names", with(named).select(named.field(USER.ID), named.field(USER.NAME))
                                .from(named).where(named.field(USER.NAME).ne("root")),
                        "WITH \"u\"(\"user_id\", \"user_name\") AS (SELECT \"users\".\"id\", \"users\".\"name\" FROM "
                                + "\"users\") SELECT \"u\".\"user_id\", \"u\".\"user_name\" FROM \"u\" "
                                + "WHERE \"u\".\"user_name\" <> ?", "root"),
                Golden.of("cte column names follow position", with(ids).select(ids.field(ORDER.ID), ids.field(USER.ID))
                                .from(ids),
                        "WITH \"ids\"(\"user_id\", \"order_id\") AS (SELECT \"users\".\"id\", \"orders\".\"id\" FROM "
                                + "\"users\" JOIN \"orders\" ON " + ORDERS_BY_USER + ") SELECT \"ids\".\"order_id\", "
                                + "\"ids\".\"user_id\" FROM \"ids\""),
                Golden.of("with recursive", withRecursive(def).select(def.field(NODE.ID)).from(def),
                        treeSql + "SELECT \"tree\".\"id\" FROM \"tree\""),
                Golden.of("with recursive joined back", withRecursive(def).select(NODE.LABEL).from(def)
                                .join(NODE).on(NODE.ID.eq(def.field(NODE.ID))).orderBy(NODE.LABEL),
                        treeSql + "SELECT \"nodes\".\"label\" FROM \"tree\" JOIN \"nodes\" ON \"nodes\".\"id\" = "
                                + "\"tree\".\"id\" ORDER BY \"nodes\".\"label\" ASC"),
                // The WITH must cover both operands: the right one reads the CTE too.
                Golden.of("with cte around union", with(adults).select(adults.field(USER.NAME)).from(adults)
                                .union(select(adults.field(USER.NAME)).from(adults).where(adults.field(USER.ID).lt(10L))),
                        "WITH " + adultsSql + " (SELECT \"adults\".\"name\" FROM \"adults\") UNION "
                                + "(SELECT \"adults\".\"name\" FROM \"adults\" WHERE \"adults\".\"id\" < ?)", 18, 10L));
    }

    private static List<Golden> setOperations() {
        Select<String> young = select(USER.NAME).from(USER).where(USER.AGE.lt(18));
        Select<String> old = select(USER.NAME).from(USER).where(USER.AGE.gt(65));
        String youngSql = "(SELECT \"users\".\"name\" FROM \"users\" WHERE \"users\".\"age\" < ?)";
        String oldSql = "(SELECT \"users\".\"name\" FROM \"users\" WHERE \"users\".\"age\" > ?)";
        Select<Tuple2<Long, String>> users = select(USER.ID, USER.NAME).from(USER);
        Select<Tuple2<Long, String>> nodes = select(NODE.ID, NODE.LABEL).from(NODE);
        Select<Long> buyers = select(ORDER.USER_ID).from(ORDER);
        Select<Long> bob = select(USER.ID).from(USER).where(USER.ID.eq(2L));
        String buyersSql = "(SELECT \"orders\".\"user_id\" FROM \"orders\")";
        String bobSql = "(SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"id\" = ?)";
        return List.of(
                Golden.of("union", young.union(old), youngSql + " UNION " + oldSql, 18, 65),
                Golden.of("union all", young.unionAll(old), youngSql + " UNION ALL " + oldSql, 18, 65),
                Golden.of("intersect", young.intersect(old), youngSql + " INTERSECT " + oldSql, 18, 65),
                Golden.of("except", young.except(old), youngSql + " EXCEPT " + oldSql, 18, 65),
                Golden.of("intersect all keeps duplicates", buyers.intersectAll(buyers),
                        buyersSql + " INTERSECT ALL " + buyersSql).rows(3),
                Golden.of("intersect keeps one of each", buyers.intersect(buyers),
                        buyersSql + " INTERSECT " + buyersSql).rows(2),
                Golden.of("except all removes one per row", buyers.exceptAll(bob), buyersSql + " EXCEPT ALL " + bobSql,
                        2L).rows(2),
                Golden.of("except removes every copy", buyers.except(bob), buyersSql + " EXCEPT " + bobSql, 2L).rows(1),
                // ORDER BY after a set operation may only name result columns, so it renders them unqualified.
                Golden.of("union order by limit", young.union(old).orderBy(USER.NAME.asc()).limit(10),
                        youngSql + " UNION " + oldSql + " ORDER BY \"name\" ASC LIMIT ?", 18, 65, 10L),
                Golden.of("union all order by two columns offset", users.unionAll(nodes)
                                .orderBy(USER.NAME.desc(), USER.ID).limit(5).offset(10),
                        "(SELECT \"users\".\"id\", \"users\".\"name\" FROM \"users\") UNION ALL (SELECT \"nodes\".\"id\", "
                                + "\"nodes\".\"label\" FROM \"nodes\") ORDER BY \"name\" DESC, \"id\" ASC LIMIT ? OFFSET ?",
                        5L, 10L),
                Golden.of("intersect order by", young.intersect(old).orderBy(USER.NAME.desc()),
                        youngSql + " INTERSECT " + oldSql + " ORDER BY \"name\" DESC", 18, 65),
                Golden.of("except limit", young.except(old).limit(3),
                        youngSql + " EXCEPT " + oldSql + " LIMIT ?", 18, 65, 3L),
                Golden.of("union ordered by an aliased column", select(USER.NAME.as("who")).from(USER)
                                .union(select(NODE.LABEL).from(NODE)).orderBy(USER.NAME.desc()),
                        "(SELECT \"users\".\"name\" AS \"who\" FROM \"users\") UNION (SELECT \"nodes\".\"label\" FROM "
                                + "\"nodes\") ORDER BY \"who\" DESC"),
                Golden.of("union of three", young.union(old).unionAll(select(USER.NAME).from(USER).where(USER.AGE.isNull())),
                        "(" + youngSql + " UNION " + oldSql + ") UNION ALL (SELECT \"users\".\"name\" FROM \"users\" "
                                + "WHERE \"users\".\"age\" IS NULL)", 18, 65),
                Golden.of("union of ordered and limited operands",
                        young.orderBy(USER.NAME).limit(1).union(old.orderBy(USER.NAME.desc()).limit(2)),
                        "(SELECT \"users\".\"name\" FROM \"users\" WHERE \"users\".\"age\" < ? ORDER BY \"users\".\"name\" "
                                + "ASC LIMIT ?) UNION (SELECT \"users\".\"name\" FROM \"users\" WHERE \"users\".\"age\" > ? "
                                + "ORDER BY \"users\".\"name\" DESC LIMIT ?)", 18, 1L, 65, 2L));
    }

    private static List<Golden> seek() {
        Select<User> byId = select(User.class).orderBy(USER.ID.asc());
        String from = "SELECT " + USER_COLS + " FROM \"users\" WHERE ";
        return List.of(
                Golden.of("seek single column", byId.seek(100L).limit(20),
                        from + "\"users\".\"id\" > ? ORDER BY \"users\".\"id\" ASC LIMIT ?", 100L, 20L),
                Golden.of("seek single column descending", select(User.class).orderBy(USER.ID.desc()).seek(100L),
                        from + "\"users\".\"id\" < ? ORDER BY \"users\".\"id\" DESC", 100L),
                Golden.of("seek two columns ascending", select(User.class).orderBy(USER.NAME.asc(), USER.ID.asc())
                                .seek("Bob", 7L).limit(20),
                        from + "(\"users\".\"name\", \"users\".\"id\") > (?, ?) ORDER BY \"users\".\"name\" ASC, "
                                + "\"users\".\"id\" ASC LIMIT ?", "Bob", 7L, 20L),
                Golden.of("seek two columns descending", select(User.class).orderBy(USER.NAME.desc(), USER.ID.desc())
                                .seek("Bob", 7L),
                        from + "(\"users\".\"name\", \"users\".\"id\") < (?, ?) ORDER BY \"users\".\"name\" DESC, "
                                + "\"users\".\"id\" DESC", "Bob", 7L),
                Golden.of("seek mixed directions", select(User.class).orderBy(USER.NAME.asc(), USER.ID.desc())
                                .seek("Bob", 7L),
                        from + "(\"users\".\"name\" > ?) OR ((\"users\".\"name\" = ?) AND (\"users\".\"id\" < ?)) "
                                + "ORDER BY \"users\".\"name\" ASC, \"users\".\"id\" DESC", "Bob", "Bob", 7L),
                Golden.of("seek three columns mixed after where", select(User.class).where(USER.AGE.ge(18))
                                .orderBy(USER.EMAIL.desc(), USER.NAME.asc(), USER.ID.asc()).seek("b@x.org", "Bob", 7L),
                        from + "(\"users\".\"age\" >= ?) AND ((\"users\".\"email\" < ?) OR ((\"users\".\"email\" = ?) AND "
                                + "(\"users\".\"name\" > ?)) OR ((\"users\".\"email\" = ?) AND (\"users\".\"name\" = ?) AND "
                                + "(\"users\".\"id\" > ?))) ORDER BY \"users\".\"email\" DESC, \"users\".\"name\" ASC, "
                                + "\"users\".\"id\" ASC", 18, "b@x.org", "b@x.org", "Bob", "b@x.org", "Bob", 7L));
    }

    private static List<Golden> quoting() {
        Table<User> weird = USER.as("We\"ird");
        DerivedTable<String> sub = select(USER.NAME).from(USER).asTable("Sub\"q");
        Cte<String> c = cte("My\"Cte", "Na\"me").as(select(USER.NAME).from(USER));
        return List.of(
                Golden.of("quoted table alias", select(weird.field(USER.NAME)).from(weird),
                        "SELECT \"We\"\"ird\".\"name\" FROM \"users\" AS \"We\"\"ird\""),
                Golden.of("quoted column alias", select(USER.NAME.as("Full \"Name\"")).from(USER),
                        "SELECT \"users\".\"name\" AS \"Full \"\"Name\"\"\" FROM \"users\""),
                Golden.of("quoted derived table alias", select(sub.field(USER.NAME)).from(sub),
                        "SELECT \"Sub\"\"q\".\"name\" FROM (SELECT \"users\".\"name\" FROM \"users\") AS \"Sub\"\"q\""),
                Golden.of("quoted cte and cte column", with(c).select(c.field(USER.NAME)).from(c),
                        "WITH \"My\"\"Cte\"(\"Na\"\"me\") AS (SELECT \"users\".\"name\" FROM \"users\") "
                                + "SELECT \"My\"\"Cte\".\"Na\"\"me\" FROM \"My\"\"Cte\""));
    }
}
