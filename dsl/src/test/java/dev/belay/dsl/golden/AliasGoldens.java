package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;

import dev.belay.dsl.DerivedTable;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.fixtures.NodeTable;
import dev.belay.dsl.fixtures.OrderTable;
import dev.belay.dsl.fixtures.UserTable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Typed aliases ({@code UserTable u = USER.as("u")}, whose {@code u.NAME} renders {@code "u"."name"}) in every
 * place a table goes, and result columns of one name in a derived table.
 */
final class AliasGoldens {
    private AliasGoldens() {}

    private static final BigDecimal HUNDRED = new BigDecimal("100.00");

    static List<Golden> cases() {
        UserTable u = USER.as("u");
        UserTable manager = USER.as("manager");
        NodeTable parent = NODE.as("parent");
        NodeTable child = NODE.as("child");
        OrderTable o = ORDER.as("o");
        DerivedTable<Tuple2<Long, Long>> both = select(USER.ID, ORDER.ID).from(USER).join(ORDER)
                .on(ORDER.USER_ID.eq(USER.ID)).asTable("both_ids");
        return List.of(
                Golden.of("typed alias joined to its table", select(u.NAME).from(u).join(USER).on(u.ID.eq(USER.ID)),
                        "SELECT \"u\".\"name\" FROM \"users\" AS \"u\" JOIN \"users\" ON \"u\".\"id\" = \"users\".\"id\"")
                        .rows(3),
                Golden.of("typed alias self join", select(USER.NAME, manager.NAME).from(USER).join(manager)
                                .on(manager.AGE.gt(USER.AGE)),
                        "SELECT \"users\".\"name\", \"manager\".\"name\" FROM \"users\" JOIN \"users\" AS \"manager\" "
                                + "ON \"manager\".\"age\" > \"users\".\"age\"").rows(1),
                Golden.of("typed alias of a tree", select(NODE.LABEL, parent.LABEL).from(NODE).join(parent)
                                .on(NODE.PARENT_ID.eq(parent.ID)).orderBy(NODE.ID),
                        "SELECT \"nodes\".\"label\", \"parent\".\"label\" FROM \"nodes\" JOIN \"nodes\" AS \"parent\" "
                                + "ON \"nodes\".\"parent_id\" = \"parent\".\"id\" ORDER BY \"nodes\".\"id\" ASC").rows(3),
                Golden.of("typed alias row type", select(u).where(u.AGE.ge(18)),
                        "SELECT \"u\".\"id\", \"u\".\"name\", \"u\".\"email\", \"u\".\"age\", \"u\".\"created_at\" "
                                + "FROM \"users\" AS \"u\" WHERE \"u\".\"age\" >= ?", 18).rows(1),
                Golden.of("typed alias in subquery", select(USER.NAME).from(USER)
                                .where(USER.ID.in(select(o.USER_ID).from(o).where(o.TOTAL.gt(HUNDRED)))),
                        "SELECT \"users\".\"name\" FROM \"users\" WHERE \"users\".\"id\" IN (SELECT \"o\".\"user_id\" "
                                + "FROM \"orders\" AS \"o\" WHERE \"o\".\"total\" > ?)", HUNDRED).rows(2),
                Golden.of("typed alias in correlated subquery", select(NODE.LABEL).from(NODE)
                                .where(exists(select(child.ID).from(child).where(child.PARENT_ID.eq(NODE.ID)))),
                        "SELECT \"nodes\".\"label\" FROM \"nodes\" WHERE EXISTS (SELECT \"child\".\"id\" FROM \"nodes\" "
                                + "AS \"child\" WHERE \"child\".\"parent_id\" = \"nodes\".\"id\")").rows(2),
                Golden.of("typed alias outer query correlated", select(u.NAME).from(u)
                                .where(exists(select(ORDER.ID).from(ORDER).where(ORDER.USER_ID.eq(u.ID)))),
                        "SELECT \"u\".\"name\" FROM \"users\" AS \"u\" WHERE EXISTS (SELECT \"orders\".\"id\" FROM "
                                + "\"orders\" WHERE \"orders\".\"user_id\" = \"u\".\"id\")").rows(2),
                Golden.of("typed alias in update from", update(USER).set(USER.AGE, 18).from(manager)
                                .where(manager.AGE.gt(USER.AGE)),
                        "UPDATE \"users\" SET \"age\" = ? FROM \"users\" AS \"manager\" WHERE \"manager\".\"age\" > "
                                + "\"users\".\"age\"", 18).rows(1),
                Golden.of("typed alias as update target", update(u).set(u.AGE, u.AGE.plus(1)).where(u.NAME.eq("Bob"))
                                .returning(u.AGE),
                        "UPDATE \"users\" AS \"u\" SET \"age\" = \"u\".\"age\" + ? WHERE \"u\".\"name\" = ? "
                                + "RETURNING \"u\".\"age\"", 1, "Bob").rows(1),
                Golden.of("typed alias in delete using", deleteFrom(NODE).using(parent)
                                .where(NODE.PARENT_ID.eq(parent.ID)).where(parent.LABEL.eq("child")),
                        "DELETE FROM \"nodes\" USING \"nodes\" AS \"parent\" WHERE (\"nodes\".\"parent_id\" = "
                                + "\"parent\".\"id\") AND (\"parent\".\"label\" = ?)", "child").rows(1),
                Golden.of("typed alias as delete target", deleteFrom(child).where(child.LABEL.eq("stale"))
                                .returning(child.ID),
                        "DELETE FROM \"nodes\" AS \"child\" WHERE \"child\".\"label\" = ? RETURNING \"child\".\"id\"",
                        "stale").rows(1),
                Golden.of("typed alias as insert target", insertInto(u).set(u.NAME, "Ivy").set(u.EMAIL, "ivy@example.org")
                                .returning(u.ID),
                        "INSERT INTO \"users\" AS \"u\" (\"name\", \"email\") VALUES (?, ?) RETURNING \"u\".\"id\"",
                        "Ivy", "ivy@example.org").rows(1),
                Golden.of("typed alias column and field() agree", select(u.field(USER.NAME), u.EMAIL).from(u)
                                .where(u.NAME.eq("Alice")),
                        "SELECT \"u\".\"name\", \"u\".\"email\" FROM \"users\" AS \"u\" WHERE \"u\".\"name\" = ?",
                        "Alice").rows(1),
                // Both columns are named "id": legal while nothing refers to "both_ids"."id".
                Golden.of("derived table with two columns of one name", select(count()).from(both),
                        "SELECT count(*) FROM (SELECT \"users\".\"id\", \"orders\".\"id\" FROM \"users\" JOIN \"orders\" "
                                + "ON \"orders\".\"user_id\" = \"users\".\"id\") AS \"both_ids\"").rows(1));
    }
}
