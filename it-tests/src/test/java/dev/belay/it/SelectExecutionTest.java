package dev.belay.it;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.dsl.Column;
import dev.belay.dsl.Cte;
import dev.belay.dsl.CteName;
import dev.belay.dsl.Field;
import dev.belay.dsl.FrameBound;
import dev.belay.dsl.Param;
import dev.belay.dsl.PgType;
import dev.belay.dsl.ResultQuery;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.fixtures.Doc;
import dev.belay.dsl.fixtures.Order.Status;
import dev.belay.dsl.fixtures.User;
import dev.belay.executor.DBConnection;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rendered SELECTs run through the executor on PostgreSQL over rows inserted with plain JDBC; the rows come back
 * mapped into each query's result type (records, tuples, scalars) and are checked as those typed values.
 */
@FixtureDatabase
final class SelectExecutionTest {
    /** Doc has no descriptor class, so its columns are looked up by name and checked for the expected type. */
    private static final Table<Doc> DOCS = Table.of(Doc.class);
    private static final Column<Doc, UUID> DOC_ID = Table.of(Doc.class).field("id", PgType.UUID);
    private static final Column<Doc, String> DOC_BODY = Table.of(Doc.class).field("body", PgType.JSONB);
    private static final UUID DOC_1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID DOC_2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID DOC_3 = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final Param<Integer> MIN_AGE = param("minAge", Integer.class);

    private static DBConnection dbc;
    /** Generated user ids by name. */
    private static final Map<String, Long> ID = new HashMap<>();

    /** The rows go in with plain JDBC, so the data the executor reads does not depend on the executor. */
    @BeforeAll
    static void insertRows(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            insertRows(connection);
        }
        dbc = db.open();
    }

    private static void insertRows(Connection connection) throws SQLException {
        Object[][] users = {{"Alice", 30}, {"Bob", 17}, {"Carol", null}, {"Dave", 45}, {"Eve", 30},
                {"Promo 50%", null}, {"Promo 500", null}};
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO users (name, email, age) VALUES (?, ?, ?) RETURNING id")) {
            for (Object[] u : users) {
                ps.setString(1, (String) u[0]);
                ps.setString(2, u[0].toString().toLowerCase().replace(' ', '.') + "@x.org");
                ps.setObject(3, u[1], java.sql.Types.INTEGER);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ID.put((String) u[0], rs.getLong(1));
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO orders (user_id, total, status, tags) VALUES (?, ?, ?::order_status, ?::text[])")) {
            Object[][] orders = {{"Alice", "120.00", "PAID", "{a,b}"}, {"Alice", "80.00", "NEW", "{b}"},
                    {"Bob", "300.00", "SHIPPED", "{c}"}, {"Dave", "50.00", "NEW", "{}"}, {"Eve", "200.00", "PAID", "{a}"}};
            for (Object[] o : orders) {
                ps.setLong(1, ID.get((String) o[0]));
                ps.setBigDecimal(2, new BigDecimal((String) o[1]));
                ps.setString(3, (String) o[2]);
                ps.setString(4, (String) o[3]);
                ps.executeUpdate();
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("INSERT INTO nodes (id, parent_id, label) VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), "
                    + "(4, 2, 'a1'), (5, NULL, 'other'), (6, 5, 'o1')");
            st.execute("INSERT INTO app.docs (id, body, is_public) VALUES "
                    + "('" + DOC_1 + "', '{\"title\": \"one\", \"draft\": true, \"tags\": [\"x\"]}', true), "
                    + "('" + DOC_2 + "', '{\"title\": \"two\"}', false), "
                    + "('" + DOC_3 + "', '{\"title\": \"three\", \"draft\": false}', true)");
        }
    }

    @Test
    void whereAndOrderBy() {
        List<User> rows = run(select(User.class).where(USER.AGE.ge(18)).orderBy(USER.NAME.asc()));
        assertEquals(List.of("Alice", "Dave", "Eve"), rows.stream().map(User::name).toList());
        Instant aliceCreated = dbc.sql("SELECT created_at FROM users WHERE name = 'Alice'").one(Instant.class);
        assertNotNull(aliceCreated);
        assertEquals(new User(ID.get("Alice"), "Alice", "alice@x.org", 30, aliceCreated), rows.get(0));
    }

    @Test
    void joinWhereOrderBy() {
        List<Tuple2<BigDecimal, String>> rows = run(select(ORDER.TOTAL, USER.NAME).from(ORDER).join(USER)
                .on(ORDER.USER_ID.eq(USER.ID)).where(ORDER.TOTAL.gt(new BigDecimal("100"))).orderBy(ORDER.TOTAL.desc()));
        assertEquals(List.of(new Tuple2<>(new BigDecimal("300.00"), "Bob"), new Tuple2<>(new BigDecimal("200.00"), "Eve"),
                new Tuple2<>(new BigDecimal("120.00"), "Alice")), rows);
    }

    @Test
    void leftJoinCountsUsersWithoutOrders() {
        List<Tuple2<String, Long>> rows = run(select(USER.NAME, count(ORDER.ID)).from(USER).leftJoin(ORDER)
                .on(ORDER.USER_ID.eq(USER.ID)).where(USER.NAME.in("Alice", "Bob", "Carol"))
                .groupBy(USER.NAME).orderBy(USER.NAME.asc()));
        assertEquals(List.of(new Tuple2<>("Alice", 2L), new Tuple2<>("Bob", 1L), new Tuple2<>("Carol", 0L)), rows);
    }

    @Test
    void groupByHavingCount() {
        assertEquals(List.of(new Tuple3<>("Alice", 2L, new BigDecimal("200.00"))),
                run(select(USER.NAME, count(), sum(ORDER.TOTAL)).from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID))
                        .groupBy(USER.NAME).having(count().gt(1L))));
    }

    @Test
    void inListBindsOneArray() {
        Select<String> names = select(USER.NAME).from(USER).orderBy(USER.NAME.asc());
        assertEquals(List.of("Bob", "Dave"), run(names.where(USER.NAME.in(List.of("Bob", "Dave", "Nobody")))));
        assertEquals(List.of(), run(names.where(USER.ID.in(List.of()))));
        assertEquals(List.of("Alice", "Dave", "Eve"), run(names.where(USER.AGE.isNotNull()).where(USER.AGE.notIn(17, 99))));
        assertEquals(decimals("120.00", "200.00", "300.00"),
                run(select(ORDER.TOTAL).from(ORDER).where(ORDER.STATUS.in(Status.PAID, Status.SHIPPED))
                        .orderBy(ORDER.TOTAL.asc())));
        // the enum column comes back as the Java enum
        assertEquals(List.of(Status.PAID, Status.NEW), run(select(ORDER.STATUS).from(ORDER)
                .where(ORDER.USER_ID.eq(ID.get("Alice"))).orderBy(ORDER.TOTAL.desc())));
    }

    @Test
    void containsMatchesAPercentSignLiterally() {
        Select<String> names = select(USER.NAME).from(USER);
        // the data tells the two apart: an unescaped %50%% would match both
        List<String> likeBoth = run(names.where(USER.NAME.like("%50%%")));
        assertEquals(2, likeBoth.size(), likeBoth.toString());
        assertEquals(Set.of("Promo 50%", "Promo 500"), Set.copyOf(likeBoth));
        assertEquals(List.of("Promo 50%"), run(names.where(USER.NAME.contains("50%"))));
        assertEquals(List.of("Promo 50%"), run(names.where(USER.NAME.endsWith("0%"))));
    }

    @Test
    void jsonbOperators() {
        Select<UUID> ids = select(DOC_ID).from(DOCS).orderBy(DOC_ID.asc());
        assertEquals(List.of(DOC_1, DOC_3), run(ids.where(DOC_BODY.jsonHasKey("draft"))));
        assertEquals(List.of(DOC_1, DOC_3), run(ids.where(DOC_BODY.jsonHasAnyKey("draft", "nope"))));
        assertEquals(List.of(DOC_1), run(ids.where(DOC_BODY.jsonHasAllKeys("draft", "tags"))));
        assertEquals(List.of(DOC_2), run(ids.where(DOC_BODY.jsonGetText("title").eq("two"))));
        assertEquals(List.of(DOC_3), run(ids.where(DOC_BODY.contains("{\"draft\": false}"))));
        assertEquals(List.of(DOC_2), run(ids.where(DOC_ID.eq(DOC_2))));
    }

    @Test
    void windowFunctions() {
        assertEquals(List.of(new Tuple3<>("Alice", new BigDecimal("120.00"), 1L),
                        new Tuple3<>("Alice", new BigDecimal("80.00"), 2L), new Tuple3<>("Bob", new BigDecimal("300.00"), 1L),
                        new Tuple3<>("Dave", new BigDecimal("50.00"), 1L), new Tuple3<>("Eve", new BigDecimal("200.00"), 1L)),
                run(select(USER.NAME, ORDER.TOTAL, rowNumber().over(partitionBy(ORDER.USER_ID).orderBy(ORDER.TOTAL.desc())))
                        .from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID)).orderBy(USER.NAME.asc(), ORDER.TOTAL.desc())));
        // a two-row moving sum: the frame offset is a bound parameter too
        List<Tuple3<BigDecimal, BigDecimal, BigDecimal>> moving = run(select(ORDER.TOTAL,
                sum(ORDER.TOTAL).over(window().orderBy(ORDER.TOTAL.asc())
                        .rowsBetween(FrameBound.preceding(1), FrameBound.currentRow())),
                lag(ORDER.TOTAL).over(window().orderBy(ORDER.TOTAL.asc())))
                .from(ORDER).orderBy(ORDER.TOTAL.asc()));
        assertEquals(decimals("50.00", "80.00", "120.00", "200.00", "300.00"), moving.stream().map(Tuple3::v1).toList());
        assertEquals(decimals("50.00", "130.00", "200.00", "320.00", "500.00"), moving.stream().map(Tuple3::v2).toList());
        assertEquals(Arrays.asList(null, new BigDecimal("50.00"), new BigDecimal("80.00"), new BigDecimal("120.00"),
                new BigDecimal("200.00")), moving.stream().map(Tuple3::v3).toList());
    }

    @Test
    void recursiveCteWalksATree() {
        CteName tree = cte("tree", "id", "label", "depth");
        Field<Long> treeId = tree.field("id", PgType.INT8);
        Field<Integer> depth = tree.field("depth", PgType.INT4);
        Cte<Tuple3<Long, String, Integer>> walk = tree.as(
                select(NODE.ID, NODE.LABEL, value(0)).from(NODE).where(NODE.ID.eq(1L))
                        .unionAll(select(NODE.ID, NODE.LABEL, depth.plus(1)).from(NODE).join(tree)
                                .on(NODE.PARENT_ID.eq(treeId))));
        List<Tuple3<Long, String, Integer>> rows = run(withRecursive(walk)
                .select(treeId, tree.field("label", PgType.TEXT), depth).from(walk).orderBy(depth.asc(), treeId.asc()));
        assertEquals(List.of(new Tuple3<>(1L, "root", 0), new Tuple3<>(2L, "a", 1), new Tuple3<>(3L, "b", 1),
                new Tuple3<>(4L, "a1", 2)), rows);
    }

    @Test
    void seekPagesThroughMixedDirections() {
        Select<Long> byAgeDescIdAsc = select(USER.ID).from(USER).where(USER.AGE.isNotNull())
                .orderBy(USER.AGE.desc(), USER.ID.asc());
        List<Long> all = run(byAgeDescIdAsc);
        assertEquals(List.of(ID.get("Dave"), ID.get("Alice"), ID.get("Eve"), ID.get("Bob")), all);
        List<Long> paged = new ArrayList<>();
        List<Long> page = run(byAgeDescIdAsc.limit(2));
        while (!page.isEmpty()) {
            paged.addAll(page);
            Long lastId = page.get(page.size() - 1);
            Integer lastAge = ageOf(lastId);
            page = run(byAgeDescIdAsc.seek(lastAge, lastId).limit(2));
        }
        assertEquals(all, paged);
        // the tie on age 30 is where a wrong expansion would skip or repeat a row
        assertEquals(List.of(ID.get("Eve"), ID.get("Bob")), run(byAgeDescIdAsc.seek(30, ID.get("Alice"))));
    }

    @Test
    void seekInOneDirectionUsesARowComparison() {
        Select<String> byNameId = select(USER.NAME).from(USER).where(USER.AGE.isNotNull())
                .orderBy(USER.NAME.asc(), USER.ID.asc());
        assertEquals(List.of("Dave", "Eve"), run(byNameId.seek("Bob", ID.get("Bob"))));
    }

    @Test
    void boundParamReusesTheSqlText() {
        Select<String> adults = select(USER.NAME).from(USER).where(USER.AGE.ge(MIN_AGE)).orderBy(USER.NAME.asc());
        Select<String> over18 = adults.bind(MIN_AGE, 18);
        Select<String> over40 = adults.bind(MIN_AGE, 40);
        assertSame(over18.render().sql(), over40.render().sql());
        assertEquals(List.of("Alice", "Dave", "Eve"), run(over18));
        assertEquals(List.of("Dave"), run(over40));
    }

    @Test
    void nullAndTemporalBinds() {
        Select<String> names = select(USER.NAME).from(USER);
        List<String> noAge = run(names.where(USER.AGE.isNotDistinctFrom((Integer) null)));
        assertEquals(3, noAge.size(), noAge.toString());
        assertEquals(Set.of("Carol", "Promo 50%", "Promo 500"), Set.copyOf(noAge));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        assertEquals(7, run(names.where(USER.CREATED_AT.lt(tomorrow))).size());
        assertEquals(0, run(names.where(USER.CREATED_AT.gt(tomorrow))).size());
        // an interval comes back as the exact Duration that was bound (1 hour 30 minutes)
        assertEquals(List.of(Duration.ofMinutes(90)), run(select(value(Duration.ofMinutes(90)))));
    }

    @Test
    void arrayOperatorsOnATextArrayColumn() {
        Select<BigDecimal> totals = select(ORDER.TOTAL).from(ORDER).orderBy(ORDER.TOTAL.asc());
        assertEquals(decimals("120.00", "200.00"), run(totals.where(ORDER.TAGS.contains(List.of("a")))));
        assertEquals(decimals("80.00", "120.00", "300.00"), run(totals.where(ORDER.TAGS.overlaps(List.of("b", "c")))));
        assertEquals(List.of(List.of("a", "b")),
                run(select(ORDER.TAGS).from(ORDER).where(ORDER.TOTAL.eq(new BigDecimal("120.00")))));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static <T> List<T> run(ResultQuery<T> query) {
        return dbc.exec(query);
    }

    private static List<BigDecimal> decimals(String... values) {
        List<BigDecimal> out = new ArrayList<>();
        for (String v : values) {
            out.add(new BigDecimal(v));
        }
        return out;
    }

    private static Integer ageOf(Long userId) {
        return dbc.one(select(USER.AGE).from(USER).where(USER.ID.eq(userId)));
    }
}
