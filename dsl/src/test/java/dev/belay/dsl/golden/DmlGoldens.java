package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.EventTable.EVENT;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.NodeTable.NODE_ARCHIVE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.fixtures.WideTable.WIDE;

import dev.belay.dsl.Cte;
import dev.belay.dsl.Field;
import dev.belay.dsl.Param;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.fixtures.Doc;
import dev.belay.dsl.fixtures.Event;
import dev.belay.dsl.fixtures.Order;
import dev.belay.dsl.fixtures.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * INSERT, ON CONFLICT, UPDATE, DELETE, RETURNING and CTEs around them. Every case carries the number of rows
 * it changes or returns on the seeded fixture (belay/fixture-seed.sql: Alice 30, Bob 17, Carol with no age;
 * Alice has two orders, Bob one; nodes root, child, leaf, stale; one event "boot"; one wide row).
 */
final class DmlGoldens {
    private DmlGoldens() {}

    private static final String USERS_IN = "INSERT INTO \"users\" (\"name\", \"email\", \"age\") VALUES (?, ?, ?)";
    private static final String ALICE = "alice@example.org";

    static List<Golden> cases() {
        List<Golden> all = new ArrayList<>(inserts());
        all.addAll(upserts());
        all.addAll(updates());
        all.addAll(deletes());
        all.addAll(returning());
        all.addAll(ctes());
        all.addAll(params());
        return all;
    }

    private static User user(String name, String email, Integer age) {
        return new User(null, name, email, age, null);
    }

    private static List<Golden> inserts() {
        Table<Doc> docs = Table.of(Doc.class);
        UUID docId = UUID.fromString("00000000-0000-0000-0000-000000000001");
        return List.of(
                Golden.of("insert row object", insertInto(USER).values(user("Dan", "dan@example.org", 41)),
                        USERS_IN, "Dan", "dan@example.org", 41).rows(1),
                Golden.of("insert row object with a null nullable column",
                        insertInto(USER).values(user("Eve", "eve@example.org", null)),
                        USERS_IN, "Eve", "eve@example.org", null).rows(1),
                Golden.of("insert row objects", insertInto(USER).values(List.of(user("Dan", "dan@example.org", 41),
                                user("Eve", "eve@example.org", null))),
                        "INSERT INTO \"users\" (\"name\", \"email\", \"age\") VALUES (?, ?, ?), (?, ?, ?)",
                        "Dan", "dan@example.org", 41, "Eve", "eve@example.org", null).rows(2),
                Golden.of("insert rows with a generated column set in some",
                        insertInto(EVENT).values(List.of(new Event(null, null, "a"), new Event(100L, null, "b"))),
                        "INSERT INTO \"events\" (\"id\", \"note\") VALUES (DEFAULT, ?), (?, ?)", "a", 100L, "b").rows(2),
                Golden.of("insert overriding system value",
                        insertInto(USER).overridingSystemValue().values(new User(50L, "Finn", "finn@example.org", 20, null)),
                        "INSERT INTO \"users\" (\"id\", \"name\", \"email\", \"age\") OVERRIDING SYSTEM VALUE "
                                + "VALUES (?, ?, ?, ?)", 50L, "Finn", "finn@example.org", 20).rows(1),
                Golden.of("insert row object into a schema table",
                        insertInto(docs).values(new Doc(docId, "{\"a\": 1}", true)),
                        "INSERT INTO \"app\".\"docs\" (\"id\", \"body\", \"is_public\") VALUES (?, ?, ?)",
                        docId, "{\"a\": 1}", true).rows(1),
                Golden.of("insert set", insertInto(USER).set(USER.NAME, "Gus").set(USER.EMAIL, "gus@example.org")
                                .set(USER.CREATED_AT, now()),
                        "INSERT INTO \"users\" (\"name\", \"email\", \"created_at\") VALUES (?, ?, now())",
                        "Gus", "gus@example.org").rows(1),
                Golden.of("insert set null", insertInto(USER).set(USER.NAME, "Hal").set(USER.EMAIL, "hal@example.org")
                                .setNull(USER.AGE),
                        USERS_IN, "Hal", "hal@example.org", null).rows(1),
                Golden.of("insert aliased table", insertInto(USER.as("u")).set(USER.NAME, "Ivy")
                                .set(USER.EMAIL, "ivy@example.org"),
                        "INSERT INTO \"users\" AS \"u\" (\"name\", \"email\") VALUES (?, ?)",
                        "Ivy", "ivy@example.org").rows(1),
                Golden.of("insert columns one row", insertInto(USER).columns(USER.NAME, USER.EMAIL)
                                .values("Jo", "jo@example.org"),
                        "INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?)", "Jo", "jo@example.org").rows(1),
                Golden.of("insert columns rows", insertInto(USER).columns(USER.NAME, USER.EMAIL, USER.AGE)
                                .values("Jo", "jo@example.org", 5).values("Kim", "kim@example.org", null),
                        "INSERT INTO \"users\" (\"name\", \"email\", \"age\") VALUES (?, ?, ?), (?, ?, ?)",
                        "Jo", "jo@example.org", 5, "Kim", "kim@example.org", null).rows(2),
                Golden.of("insert columns enum and array",
                        insertInto(ORDER).columns(ORDER.USER_ID, ORDER.TOTAL, ORDER.STATUS, ORDER.TAGS)
                                .values(3L, new BigDecimal("9.99"), Order.Status.NEW, List.of("x", "y")),
                        "INSERT INTO \"orders\" (\"user_id\", \"total\", \"status\", \"tags\") VALUES (?, ?, ?, ?)",
                        3L, new BigDecimal("9.99"), Order.Status.NEW, List.of("x", "y")).rows(1),
                Golden.of("insert one column", insertInto(EVENT).columns(EVENT.NOTE).values("a").values("b"),
                        "INSERT INTO \"events\" (\"note\") VALUES (?), (?)", "a", "b").rows(2),
                Golden.of("insert six columns", insertInto(WIDE).columns(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4,
                                WIDE.C5).values(2L, "a", "b", "c", "d", "e"),
                        "INSERT INTO \"wide\" (\"id\", \"c1\", \"c2\", \"c3\", \"c4\", \"c5\") VALUES (?, ?, ?, ?, ?, ?)",
                        2L, "a", "b", "c", "d", "e").rows(1),
                Golden.of("insert columns beyond six", insertInto(WIDE).columns(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3,
                                WIDE.C4, WIDE.C5, WIDE.C6, WIDE.N7).values(2L, "a", null, null, null, null, "f", 7)
                                .values(3L, "b", "x", null, null, null, null, null),
                        "INSERT INTO \"wide\" (\"id\", \"c1\", \"c2\", \"c3\", \"c4\", \"c5\", \"c6\", \"n7\") VALUES "
                                + "(?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?)",
                        2L, "a", null, null, null, null, "f", 7, 3L, "b", "x", null, null, null, null, null).rows(2),
                Golden.of("insert select typed", insertInto(NODE_ARCHIVE).columns(NODE_ARCHIVE.ID, NODE_ARCHIVE.LABEL)
                                .select(select(NODE.ID, NODE.LABEL).from(NODE).where(NODE.PARENT_ID.isNull())),
                        "INSERT INTO \"node_archive\" (\"id\", \"label\") SELECT \"nodes\".\"id\", \"nodes\".\"label\" "
                                + "FROM \"nodes\" WHERE \"nodes\".\"parent_id\" IS NULL").rows(1),
                Golden.of("insert select row type", insertInto(NODE_ARCHIVE)
                                .select(select(NODE).where(NODE.PARENT_ID.eq(1L))),
                        "INSERT INTO \"node_archive\" (\"id\", \"parent_id\", \"label\") SELECT \"nodes\".\"id\", "
                                + "\"nodes\".\"parent_id\", \"nodes\".\"label\" FROM \"nodes\" WHERE "
                                + "\"nodes\".\"parent_id\" = ?", 1L).rows(2),
                Golden.of("insert default values", insertInto(EVENT).defaultValues(),
                        "INSERT INTO \"events\" DEFAULT VALUES").rows(1));
    }

    private static List<Golden> upserts() {
        User alice31 = user("Alice B.", ALICE, 31);
        return List.of(
                Golden.of("upsert do nothing", insertInto(USER).values(alice31).onConflict(USER.EMAIL).doNothing(),
                        USERS_IN + " ON CONFLICT (\"email\") DO NOTHING", "Alice B.", ALICE, 31).rows(0),
                Golden.of("upsert any conflict do nothing", insertInto(USER).values(alice31).onConflict().doNothing(),
                        USERS_IN + " ON CONFLICT DO NOTHING", "Alice B.", ALICE, 31).rows(0),
                Golden.of("upsert do update set", insertInto(USER).values(alice31).onConflict(USER.EMAIL)
                                .doUpdateSet(USER.NAME, USER.AGE),
                        USERS_IN + " ON CONFLICT (\"email\") DO UPDATE SET \"name\" = EXCLUDED.\"name\", "
                                + "\"age\" = EXCLUDED.\"age\"", "Alice B.", ALICE, 31).rows(1),
                Golden.of("upsert do update all except", insertInto(USER).values(List.of(alice31,
                                user("Dan", "dan@example.org", 41))).onConflict(USER.EMAIL).doUpdateAllExcept(USER.AGE),
                        "INSERT INTO \"users\" (\"name\", \"email\", \"age\") VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT "
                                + "(\"email\") DO UPDATE SET \"name\" = EXCLUDED.\"name\"",
                        "Alice B.", ALICE, 31, "Dan", "dan@example.org", 41).rows(2),
                Golden.of("upsert do update set where", insertInto(USER).values(user("Bob", "bob@example.org", 18))
                                .onConflict(USER.EMAIL).doUpdate().set(USER.AGE, excluded(USER.AGE))
                                .where(USER.AGE.lt(excluded(USER.AGE))),
                        USERS_IN + " ON CONFLICT (\"email\") DO UPDATE SET \"age\" = EXCLUDED.\"age\" WHERE "
                                + "\"users\".\"age\" < EXCLUDED.\"age\"", "Bob", "bob@example.org", 18).rows(1),
                Golden.of("upsert do update set where excludes the row",
                        insertInto(USER).values(user("Bob", "bob@example.org", 16)).onConflict(USER.EMAIL).doUpdate()
                                .set(USER.AGE, excluded(USER.AGE)).where(USER.AGE.lt(excluded(USER.AGE))),
                        USERS_IN + " ON CONFLICT (\"email\") DO UPDATE SET \"age\" = EXCLUDED.\"age\" WHERE "
                                + "\"users\".\"age\" < EXCLUDED.\"age\"", "Bob", "bob@example.org", 16).rows(0),
                Golden.of("upsert do update values and expressions", insertInto(USER).values(alice31)
                                .onConflict(USER.EMAIL).doUpdate().set(USER.NAME, "Merged")
                                .set(USER.AGE, USER.AGE.plus(excluded(USER.AGE))),
                        USERS_IN + " ON CONFLICT (\"email\") DO UPDATE SET \"name\" = ?, \"age\" = \"users\".\"age\" + "
                                + "EXCLUDED.\"age\"", "Alice B.", ALICE, 31, "Merged").rows(1),
                Golden.of("upsert on constraint", insertInto(USER).values(alice31).onConstraint("users_email_key")
                                .doUpdateSet(USER.NAME),
                        USERS_IN + " ON CONFLICT ON CONSTRAINT \"users_email_key\" DO UPDATE SET \"name\" = "
                                + "EXCLUDED.\"name\"", "Alice B.", ALICE, 31).rows(1),
                Golden.of("upsert partial index target", insertInto(EVENT).set(EVENT.NOTE, "boot")
                                .onConflict(EVENT.NOTE).where(EVENT.NOTE.isNotNull()).doNothing(),
                        "INSERT INTO \"events\" (\"note\") VALUES (?) ON CONFLICT (\"note\") WHERE "
                                + "\"events\".\"note\" IS NOT NULL DO NOTHING", "boot").rows(0),
                Golden.of("upsert typed rows", insertInto(USER).columns(USER.NAME, USER.EMAIL).values("A", ALICE)
                                .onConflict(USER.EMAIL).doUpdateAllExcept(),
                        "INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?) ON CONFLICT (\"email\") DO UPDATE "
                                + "SET \"name\" = EXCLUDED.\"name\"", "A", ALICE).rows(1),
                Golden.of("upsert returning inserted", insertInto(USER).values(List.of(alice31,
                                user("Dan", "dan@example.org", 41))).onConflict(USER.EMAIL).doUpdateSet(USER.AGE)
                                .returning(USER.EMAIL, inserted(USER)),
                        "INSERT INTO \"users\" (\"name\", \"email\", \"age\") VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT "
                                + "(\"email\") DO UPDATE SET \"age\" = EXCLUDED.\"age\" RETURNING \"users\".\"email\", "
                                + "\"users\".\"xmax\" = 0 AS \"inserted\"",
                        "Alice B.", ALICE, 31, "Dan", "dan@example.org", 41).rows(2));
    }

    private static List<Golden> updates() {
        Table<User> u = USER.as("u");
        return List.of(
                Golden.of("update set value", update(USER).set(USER.AGE, 31).where(USER.EMAIL.eq(ALICE)),
                        "UPDATE \"users\" SET \"age\" = ? WHERE \"users\".\"email\" = ?", 31, ALICE).rows(1),
                Golden.of("update set field", update(USER).set(USER.AGE, USER.AGE.plus(1)).where(USER.AGE.isNotNull()),
                        "UPDATE \"users\" SET \"age\" = \"users\".\"age\" + ? WHERE \"users\".\"age\" IS NOT NULL", 1)
                        .rows(2),
                Golden.of("update set null", update(USER).setNull(USER.AGE).where(USER.NAME.eq("Bob")),
                        "UPDATE \"users\" SET \"age\" = ? WHERE \"users\".\"name\" = ?", null, "Bob").rows(1),
                Golden.of("update set several", update(USER).set(USER.NAME, "Robert").set(USER.AGE, 18)
                                .where(USER.NAME.eq("Bob")).where(USER.AGE.lt(18)),
                        "UPDATE \"users\" SET \"name\" = ?, \"age\" = ? WHERE (\"users\".\"name\" = ?) AND "
                                + "(\"users\".\"age\" < ?)", "Robert", 18, "Bob", 18).rows(1),
                Golden.of("update from", update(USER).set(USER.AGE, 99).from(ORDER)
                                .where(ORDER.USER_ID.eq(USER.ID).and(ORDER.STATUS.eq(Order.Status.SHIPPED))),
                        "UPDATE \"users\" SET \"age\" = ? FROM \"orders\" WHERE (\"orders\".\"user_id\" = "
                                + "\"users\".\"id\") AND (\"orders\".\"status\" = ?)", 99, Order.Status.SHIPPED).rows(1),
                Golden.of("update where subquery", update(USER).set(USER.AGE, 0)
                                .where(USER.ID.in(select(ORDER.USER_ID).from(ORDER).where(ORDER.STATUS.eq(Order.Status.NEW)))),
                        "UPDATE \"users\" SET \"age\" = ? WHERE \"users\".\"id\" IN (SELECT \"orders\".\"user_id\" "
                                + "FROM \"orders\" WHERE \"orders\".\"status\" = ?)", 0, Order.Status.NEW).rows(1),
                Golden.of("update all rows", update(NODE).set(NODE.LABEL, NODE.LABEL.concat("!")).all(),
                        "UPDATE \"nodes\" SET \"label\" = \"nodes\".\"label\" || ?", "!").rows(4),
                Golden.of("update aliased table", update(u).set(USER.AGE, 1).where(u.field(USER.ID).eq(1L)),
                        "UPDATE \"users\" AS \"u\" SET \"age\" = ? WHERE \"u\".\"id\" = ?", 1, 1L).rows(1),
                Golden.of("update enum and array", update(ORDER).set(ORDER.STATUS, Order.Status.PAID)
                                .set(ORDER.TAGS, ORDER.TAGS.concat(List.of("late"))).where(ORDER.STATUS.eq(Order.Status.NEW)),
                        "UPDATE \"orders\" SET \"status\" = ?, \"tags\" = \"orders\".\"tags\" || ? WHERE "
                                + "\"orders\".\"status\" = ?", Order.Status.PAID, List.of("late"), Order.Status.NEW).rows(1));
    }

    private static List<Golden> deletes() {
        return List.of(
                Golden.of("delete where", deleteFrom(NODE).where(NODE.LABEL.eq("stale")),
                        "DELETE FROM \"nodes\" WHERE \"nodes\".\"label\" = ?", "stale").rows(1),
                Golden.of("delete where pattern", deleteFrom(USER).where(USER.EMAIL.endsWith("@spam.example")),
                        "DELETE FROM \"users\" WHERE \"users\".\"email\" LIKE ?", "%@spam.example").rows(0),
                Golden.of("delete using", deleteFrom(ORDER).using(USER)
                                .where(ORDER.USER_ID.eq(USER.ID).and(USER.NAME.eq("Bob"))),
                        "DELETE FROM \"orders\" USING \"users\" WHERE (\"orders\".\"user_id\" = \"users\".\"id\") AND "
                                + "(\"users\".\"name\" = ?)", "Bob").rows(1),
                Golden.of("delete where repeated", deleteFrom(ORDER).where(ORDER.USER_ID.eq(1L))
                                .where(ORDER.TOTAL.lt(new BigDecimal("100"))),
                        "DELETE FROM \"orders\" WHERE (\"orders\".\"user_id\" = ?) AND (\"orders\".\"total\" < ?)",
                        1L, new BigDecimal("100")).rows(1),
                Golden.of("delete all rows", deleteFrom(ORDER).all(), "DELETE FROM \"orders\"").rows(3),
                Golden.of("delete aliased table", deleteFrom(NODE.as("n")).where(NODE.as("n").field(NODE.ID).eq(4L)),
                        "DELETE FROM \"nodes\" AS \"n\" WHERE \"n\".\"id\" = ?", 4L).rows(1));
    }

    /** A record a RETURNING list is mapped into by position. */
    record IdAndLabel(Long id, String label) {}

    private static List<Golden> returning() {
        Field<?>[] wide = {WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5, WIDE.C6, WIDE.N7};
        String wideCols = "\"wide\".\"id\", \"wide\".\"c1\", \"wide\".\"c2\", \"wide\".\"c3\", \"wide\".\"c4\", "
                + "\"wide\".\"c5\", \"wide\".\"c6\", \"wide\".\"n7\"";
        return List.of(
                Golden.of("insert returning one field", insertInto(USER).values(user("Dan", "dan@example.org", 41))
                                .returning(USER.ID),
                        USERS_IN + " RETURNING \"users\".\"id\"", "Dan", "dan@example.org", 41).rows(1),
                Golden.of("insert returning row type", insertInto(USER).values(user("Dan", "dan@example.org", 41))
                                .returning(User.class),
                        USERS_IN + " RETURNING " + SelectGoldens.USER_COLS, "Dan", "dan@example.org", 41).rows(1),
                Golden.of("insert returning all", insertInto(EVENT).defaultValues().returningAll(),
                        "INSERT INTO \"events\" DEFAULT VALUES RETURNING \"events\".\"id\", \"events\".\"happened_at\", "
                                + "\"events\".\"note\"").rows(1),
                Golden.of("insert returning aliased", insertInto(USER.as("u")).set(USER.NAME, "Ivy")
                                .set(USER.EMAIL, "ivy@example.org").returning(USER.as("u").field(USER.ID)),
                        "INSERT INTO \"users\" AS \"u\" (\"name\", \"email\") VALUES (?, ?) RETURNING \"u\".\"id\"",
                        "Ivy", "ivy@example.org").rows(1),
                Golden.of("update returning expressions", update(USER).set(USER.AGE, USER.AGE.plus(1))
                                .where(USER.AGE.isNotNull()).returning(USER.NAME, USER.AGE.times(2).as("double_age"),
                                        USER.AGE.isNull()),
                        "UPDATE \"users\" SET \"age\" = \"users\".\"age\" + ? WHERE \"users\".\"age\" IS NOT NULL "
                                + "RETURNING \"users\".\"name\", \"users\".\"age\" * ? AS \"double_age\", "
                                + "\"users\".\"age\" IS NULL", 1, 2).rows(2),
                Golden.of("delete returning tuple", deleteFrom(NODE).where(NODE.ID.eq(4L)).returning(NODE.ID, NODE.LABEL),
                        "DELETE FROM \"nodes\" WHERE \"nodes\".\"id\" = ? RETURNING \"nodes\".\"id\", \"nodes\".\"label\"",
                        4L).rows(1),
                Golden.of("delete returning into record", deleteFrom(NODE).where(NODE.LABEL.in("leaf", "stale"))
                                .returning(NODE.ID, NODE.LABEL).into(IdAndLabel.class),
                        "DELETE FROM \"nodes\" WHERE \"nodes\".\"label\" = ANY(?) RETURNING \"nodes\".\"id\", "
                                + "\"nodes\".\"label\"", List.of("leaf", "stale")).rows(2),
                Golden.of("delete returning all", deleteFrom(ORDER).where(ORDER.STATUS.eq(Order.Status.NEW))
                                .returningAll(),
                        "DELETE FROM \"orders\" WHERE \"orders\".\"status\" = ? RETURNING \"orders\".\"id\", "
                                + "\"orders\".\"user_id\", \"orders\".\"total\", \"orders\".\"status\", \"orders\".\"tags\", "
                                + "\"orders\".\"created_at\"", Order.Status.NEW).rows(1),
                Golden.of("update returning row beyond six fields", update(WIDE).set(WIDE.C2, "two").all()
                                .returning(wide),
                        "UPDATE \"wide\" SET \"c2\" = ? RETURNING " + wideCols, "two").rows(1));
    }

    private static List<Golden> ctes() {
        Cte<Tuple3<Long, Long, String>> moved = cte("moved").as(deleteFrom(NODE).where(NODE.LABEL.eq("stale"))
                .returning(NODE.ID, NODE.PARENT_ID, NODE.LABEL));
        String movedSql = "WITH \"moved\" AS (DELETE FROM \"nodes\" WHERE \"nodes\".\"label\" = ? RETURNING "
                + "\"nodes\".\"id\", \"nodes\".\"parent_id\", \"nodes\".\"label\") ";
        Cte<Long> young = cte("young").as(select(USER.ID).from(USER).where(USER.AGE.lt(18)));
        String youngSql = "WITH \"young\" AS (SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"age\" < ?) ";
        Cte<Tuple2<Long, String>> bumped = cte("bumped", "id", "name").as(update(USER).set(USER.AGE, USER.AGE.plus(1))
                .where(USER.AGE.isNotNull()).returning(USER.ID, USER.NAME));
        return List.of(
                Golden.of("data-modifying cte into insert select", with(moved).insertInto(NODE_ARCHIVE)
                                .columns(NODE_ARCHIVE.ID, NODE_ARCHIVE.PARENT_ID, NODE_ARCHIVE.LABEL)
                                .select(select(moved.field(NODE.ID), moved.field(NODE.PARENT_ID), moved.field(NODE.LABEL))
                                        .from(moved)),
                        movedSql + "INSERT INTO \"node_archive\" (\"id\", \"parent_id\", \"label\") SELECT "
                                + "\"moved\".\"id\", \"moved\".\"parent_id\", \"moved\".\"label\" FROM \"moved\"",
                        "stale").rows(1),
                Golden.of("data-modifying cte read by select", with(moved).select(moved.field(NODE.LABEL)).from(moved),
                        movedSql + "SELECT \"moved\".\"label\" FROM \"moved\"", "stale").rows(1),
                Golden.of("data-modifying cte with column names", with(bumped)
                                .select(bumped.field(USER.NAME)).from(bumped),
                        "WITH \"bumped\"(\"id\", \"name\") AS (UPDATE \"users\" SET \"age\" = \"users\".\"age\" + ? "
                                + "WHERE \"users\".\"age\" IS NOT NULL RETURNING \"users\".\"id\", \"users\".\"name\") "
                                + "SELECT \"bumped\".\"name\" FROM \"bumped\"", 1).rows(2),
                Golden.of("with update", with(young).update(USER).set(USER.AGE, 18).from(young)
                                .where(USER.ID.eq(young.field(USER.ID))),
                        youngSql + "UPDATE \"users\" SET \"age\" = ? FROM \"young\" WHERE \"users\".\"id\" = "
                                + "\"young\".\"id\"", 18, 18).rows(1),
                Golden.of("with delete", with(young).deleteFrom(ORDER).where(ORDER.USER_ID
                                .in(select(young.field(USER.ID)).from(young))),
                        youngSql + "DELETE FROM \"orders\" WHERE \"orders\".\"user_id\" IN (SELECT \"young\".\"id\" "
                                + "FROM \"young\")", 18).rows(1),
                Golden.of("with insert", with(young).insertInto(EVENT).columns(EVENT.NOTE)
                                .select(select(young.field(USER.ID).cast(PgType.TEXT)).from(young)),
                        youngSql + "INSERT INTO \"events\" (\"note\") SELECT CAST(\"young\".\"id\" AS text) FROM "
                                + "\"young\"", 18).rows(1));
    }

    private static List<Golden> params() {
        Param<String> name = param("name", String.class);
        Param<String> email = param("email", String.class);
        Param<Integer> age = param("age", Integer.class);
        return List.of(
                Golden.of("insert set params bound", insertInto(USER).set(USER.NAME, name).set(USER.EMAIL, email)
                                .bind(name, "Lu").bind(email, "lu@example.org"),
                        "INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?)", "Lu", "lu@example.org").rows(1),
                Golden.of("update params bound", update(USER).set(USER.AGE, age).where(USER.EMAIL.eq(email))
                                .bind(age, 40).bind(email, ALICE),
                        "UPDATE \"users\" SET \"age\" = ? WHERE \"users\".\"email\" = ?", 40, ALICE).rows(1),
                Golden.of("delete returning params bound", deleteFrom(USER).where(USER.EMAIL.eq(email))
                                .returning(USER.ID).bind(email, "carol@example.org"),
                        "DELETE FROM \"users\" WHERE \"users\".\"email\" = ? RETURNING \"users\".\"id\"",
                        "carol@example.org").rows(1),
                Golden.of("upsert params bound", insertInto(USER).set(USER.NAME, name).set(USER.EMAIL, email)
                                .onConflict(USER.EMAIL).doUpdate().set(USER.AGE, age).where(USER.NAME.ne(name))
                                .bind(name, "Alicia").bind(email, ALICE).bind(age, 33),
                        "INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?) ON CONFLICT (\"email\") DO UPDATE "
                                + "SET \"age\" = ? WHERE \"users\".\"name\" <> $1", "Alicia", ALICE, 33).rows(1));
    }
}
