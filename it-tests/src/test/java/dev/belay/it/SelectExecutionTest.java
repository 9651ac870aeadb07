package dev.belay.it;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.dsl.Column;
import dev.belay.dsl.Cte;
import dev.belay.dsl.CteName;
import dev.belay.dsl.Field;
import dev.belay.dsl.FrameBound;
import dev.belay.dsl.Param;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Query;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.fixtures.Doc;
import dev.belay.dsl.fixtures.Order.Status;
import dev.belay.dsl.fixtures.User;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PGInterval;

/** Rendered SELECTs run on PostgreSQL over rows inserted with plain JDBC; the rows that come back are checked. */
@ExtendWith(TestDatabase.class)
final class SelectExecutionTest {
    private static final Table<Doc> DOCS = Table.of(Doc.class);
    private static final Column<Doc, UUID> DOC_ID = Table.of(Doc.class).field("id", PgType.UUID);
    private static final Column<Doc, String> DOC_BODY = Table.of(Doc.class).field("body", PgType.JSONB);
    private static final UUID DOC_1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID DOC_2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID DOC_3 = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final Param<Integer> MIN_AGE = param("minAge", Integer.class);

    private static Connection connection;
    /** Generated user ids by name. */
    private static final Map<String, Long> ID = new HashMap<>();

    @BeforeAll
    static void insertRows(TestDb db) throws SQLException {
        connection = db.connect();
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

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void whereAndOrderBy() throws SQLException {
        List<List<Object>> rows = run(select(User.class).where(USER.AGE.ge(18)).orderBy(USER.NAME.asc()));
        assertEquals(List.of("Alice", "Dave", "Eve"), column(rows, 1));
        List<Object> alice = rows.get(0);
        assertEquals(Arrays.asList(ID.get("Alice"), "Alice", "alice@x.org", 30), alice.subList(0, 4));
        assertInstanceOf(Instant.class, alice.get(4));
    }

    @Test
    void joinWhereOrderBy() throws SQLException {
        List<List<Object>> rows = run(select(ORDER.TOTAL, USER.NAME).from(ORDER).join(USER)
                .on(ORDER.USER_ID.eq(USER.ID)).where(ORDER.TOTAL.gt(new BigDecimal("100"))).orderBy(ORDER.TOTAL.desc()));
        assertEquals(List.of(List.of(new BigDecimal("300.00"), "Bob"), List.of(new BigDecimal("200.00"), "Eve"),
                List.of(new BigDecimal("120.00"), "Alice")), rows);
    }

    @Test
    void leftJoinCountsUsersWithoutOrders() throws SQLException {
        List<List<Object>> rows = run(select(USER.NAME, count(ORDER.ID)).from(USER).leftJoin(ORDER)
                .on(ORDER.USER_ID.eq(USER.ID)).where(USER.NAME.in("Alice", "Bob", "Carol"))
                .groupBy(USER.NAME).orderBy(USER.NAME.asc()));
        assertEquals(List.of(List.of("Alice", 2L), List.of("Bob", 1L), List.of("Carol", 0L)), rows);
    }

    @Test
    void groupByHavingCount() throws SQLException {
        assertEquals(List.of(List.of("Alice", 2L, new BigDecimal("200.00"))),
                run(select(USER.NAME, count(), sum(ORDER.TOTAL)).from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID))
                        .groupBy(USER.NAME).having(count().gt(1L))));
    }

    @Test
    void inListBindsOneArray() throws SQLException {
        Select<String> names = select(USER.NAME).from(USER).orderBy(USER.NAME.asc());
        assertEquals(List.of("Bob", "Dave"), column(run(names.where(USER.NAME.in(List.of("Bob", "Dave", "Nobody")))), 0));
        assertEquals(List.of(), run(names.where(USER.ID.in(List.of()))));
        assertEquals(List.of("Alice", "Dave", "Eve"),
                column(run(names.where(USER.AGE.isNotNull()).where(USER.AGE.notIn(17, 99))), 0));
        assertEquals(List.of(new BigDecimal("120.00"), new BigDecimal("200.00"), new BigDecimal("300.00")),
                column(run(select(ORDER.TOTAL).from(ORDER).where(ORDER.STATUS.in(Status.PAID, Status.SHIPPED))
                        .orderBy(ORDER.TOTAL.asc())), 0));
    }

    @Test
    void containsMatchesAPercentSignLiterally() throws SQLException {
        Select<String> names = select(USER.NAME).from(USER);
        // the data tells the two apart: an unescaped %50%% would match both
        assertEquals(Set.of("Promo 50%", "Promo 500"), Set.copyOf(column(run(names.where(USER.NAME.like("%50%%"))), 0)));
        assertEquals(List.of("Promo 50%"), column(run(names.where(USER.NAME.contains("50%"))), 0));
        assertEquals(List.of("Promo 50%"), column(run(names.where(USER.NAME.endsWith("0%"))), 0));
    }

    @Test
    void jsonbOperators() throws SQLException {
        Select<UUID> ids = select(DOC_ID).from(DOCS).orderBy(DOC_ID.asc());
        assertEquals(List.of(DOC_1, DOC_3), column(run(ids.where(DOC_BODY.jsonHasKey("draft"))), 0));
        assertEquals(List.of(DOC_1, DOC_3), column(run(ids.where(DOC_BODY.jsonHasAnyKey("draft", "nope"))), 0));
        assertEquals(List.of(DOC_1), column(run(ids.where(DOC_BODY.jsonHasAllKeys("draft", "tags"))), 0));
        assertEquals(List.of(DOC_2), column(run(ids.where(DOC_BODY.jsonGetText("title").eq("two"))), 0));
        assertEquals(List.of(DOC_3), column(run(ids.where(DOC_BODY.contains("{\"draft\": false}"))), 0));
        assertEquals(List.of(DOC_2), column(run(ids.where(DOC_ID.eq(DOC_2))), 0));
    }

    @Test
    void windowFunctions() throws SQLException {
        assertEquals(List.of(List.of("Alice", new BigDecimal("120.00"), 1L), List.of("Alice", new BigDecimal("80.00"), 2L),
                        List.of("Bob", new BigDecimal("300.00"), 1L), List.of("Dave", new BigDecimal("50.00"), 1L),
                        List.of("Eve", new BigDecimal("200.00"), 1L)),
                run(select(USER.NAME, ORDER.TOTAL, rowNumber().over(partitionBy(ORDER.USER_ID).orderBy(ORDER.TOTAL.desc())))
                        .from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID)).orderBy(USER.NAME.asc(), ORDER.TOTAL.desc())));
        // a two-row moving sum: the frame offset is a bound parameter too
        List<List<Object>> moving = run(select(ORDER.TOTAL,
                sum(ORDER.TOTAL).over(window().orderBy(ORDER.TOTAL.asc())
                        .rowsBetween(FrameBound.preceding(1), FrameBound.currentRow())),
                lag(ORDER.TOTAL).over(window().orderBy(ORDER.TOTAL.asc())))
                .from(ORDER).orderBy(ORDER.TOTAL.asc()));
        assertEquals(decimals("50.00", "130.00", "200.00", "320.00", "500.00"), column(moving, 1));
        assertEquals(Arrays.asList(null, new BigDecimal("50.00"), new BigDecimal("80.00"), new BigDecimal("120.00"),
                new BigDecimal("200.00")), column(moving, 2));
    }

    @Test
    void recursiveCteWalksATree() throws SQLException {
        CteName tree = cte("tree", "id", "label", "depth");
        Field<Long> treeId = tree.field("id", PgType.INT8);
        Field<Integer> depth = tree.field("depth", PgType.INT4);
        Cte<Tuple3<Long, String, Integer>> walk = tree.as(
                select(NODE.ID, NODE.LABEL, value(0)).from(NODE).where(NODE.ID.eq(1L))
                        .unionAll(select(NODE.ID, NODE.LABEL, depth.plus(1)).from(NODE).join(tree)
                                .on(NODE.PARENT_ID.eq(treeId))));
        List<List<Object>> rows = run(withRecursive(walk).select(treeId, tree.field("label", PgType.TEXT), depth)
                .from(walk).orderBy(depth.asc(), treeId.asc()));
        assertEquals(List.of(List.of(1L, "root", 0), List.of(2L, "a", 1), List.of(3L, "b", 1), List.of(4L, "a1", 2)),
                rows);
    }

    @Test
    void seekPagesThroughMixedDirections() throws SQLException {
        Select<Long> byAgeDescIdAsc = select(USER.ID).from(USER).where(USER.AGE.isNotNull())
                .orderBy(USER.AGE.desc(), USER.ID.asc());
        List<Object> all = column(run(byAgeDescIdAsc), 0);
        assertEquals(List.of(ID.get("Dave"), ID.get("Alice"), ID.get("Eve"), ID.get("Bob")), all);
        List<Object> paged = new ArrayList<>();
        List<Object> page = column(run(byAgeDescIdAsc.limit(2)), 0);
        while (!page.isEmpty()) {
            paged.addAll(page);
            Long lastId = (Long) page.get(page.size() - 1);
            Integer lastAge = ageOf(lastId);
            page = column(run(byAgeDescIdAsc.seek(lastAge, lastId).limit(2)), 0);
        }
        assertEquals(all, paged);
        // the tie on age 30 is where a wrong expansion would skip or repeat a row
        assertEquals(List.of(ID.get("Eve"), ID.get("Bob")), column(run(byAgeDescIdAsc.seek(30, ID.get("Alice"))), 0));
    }

    @Test
    void seekInOneDirectionUsesARowComparison() throws SQLException {
        Select<String> byNameId = select(USER.NAME).from(USER).where(USER.AGE.isNotNull())
                .orderBy(USER.NAME.asc(), USER.ID.asc());
        assertEquals(List.of("Dave", "Eve"), column(run(byNameId.seek("Bob", ID.get("Bob"))), 0));
    }

    @Test
    void boundParamReusesTheSqlText() throws SQLException {
        Select<String> adults = select(USER.NAME).from(USER).where(USER.AGE.ge(MIN_AGE)).orderBy(USER.NAME.asc());
        Select<String> over18 = adults.bind(MIN_AGE, 18);
        Select<String> over40 = adults.bind(MIN_AGE, 40);
        assertSame(over18.render().sql(), over40.render().sql());
        assertEquals(List.of("Alice", "Dave", "Eve"), column(run(over18), 0));
        assertEquals(List.of("Dave"), column(run(over40), 0));
    }

    @Test
    void nullAndTemporalBinds() throws SQLException {
        Select<String> names = select(USER.NAME).from(USER);
        assertEquals(Set.of("Carol", "Promo 50%", "Promo 500"),
                Set.copyOf(column(run(names.where(USER.AGE.isNotDistinctFrom((Integer) null))), 0)));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        assertEquals(7, run(names.where(USER.CREATED_AT.lt(tomorrow))).size());
        assertEquals(0, run(names.where(USER.CREATED_AT.gt(tomorrow))).size());
        assertEquals(List.of(List.of(new PGInterval(0, 0, 0, 1, 30, 0))),
                run(select(value(Duration.ofMinutes(90)))));
    }

    @Test
    void arrayOperatorsOnATextArrayColumn() throws SQLException {
        Select<BigDecimal> totals = select(ORDER.TOTAL).from(ORDER).orderBy(ORDER.TOTAL.asc());
        assertEquals(decimals("120.00", "200.00"), column(run(totals.where(ORDER.TAGS.contains(List.of("a")))), 0));
        assertEquals(decimals("80.00", "120.00", "300.00"),
                column(run(totals.where(ORDER.TAGS.overlaps(List.of("b", "c")))), 0));
        assertEquals(List.of(List.of(List.of("a", "b"))),
                run(select(ORDER.TAGS).from(ORDER).where(ORDER.TOTAL.eq(new BigDecimal("120.00")))));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static List<List<Object>> run(Query query) throws SQLException {
        return Jdbc.query(connection, query);
    }

    private static List<Object> column(List<List<Object>> rows, int index) {
        List<Object> values = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            values.add(row.get(index));
        }
        return values;
    }

    private static List<Object> decimals(String... values) {
        List<Object> out = new ArrayList<>();
        for (String v : values) {
            out.add(new BigDecimal(v));
        }
        return out;
    }

    private static Integer ageOf(Long userId) throws SQLException {
        return (Integer) run(select(USER.AGE).from(USER).where(USER.ID.eq(userId))).get(0).get(0);
    }

    /** Doc has no descriptor class, so its columns are looked up by name and checked for the expected type. */
}
