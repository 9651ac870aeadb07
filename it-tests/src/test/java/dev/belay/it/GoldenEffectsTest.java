package dev.belay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.belay.dsl.Query;
import dev.belay.dsl.ResultQuery;
import dev.belay.dsl.RowCountQuery;
import dev.belay.dsl.golden.Golden;
import dev.belay.dsl.golden.Goldens;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every golden that declares {@link Golden#rows()} on the seeded fixture ({@code belay/fixture-seed.sql})
 * and checks how many rows it changed (a {@link RowCountQuery}) or returned (a {@link ResultQuery}). Each case
 * runs in its own transaction, rolled back afterwards, so every case sees exactly the seeded rows.
 */
@ExtendWith(TestDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class GoldenEffectsTest {
    /** Every table of the fixture schema; the isolation check compares their full contents. */
    private static final List<String> TABLES = TestDb.FIXTURE_TABLES;

    private static Connection connection;
    private static Map<String, List<List<Object>>> seeded;

    @BeforeAll
    static void seed(TestDb db) throws SQLException {
        db.seed();
        connection = db.connect();
        connection.setAutoCommit(false);
        seeded = contents();
        connection.rollback();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    static List<Golden> effectGoldens() {
        return Goldens.all().stream().filter(g -> g.rows() != null).toList();
    }

    @Test
    @Order(1)
    void someGoldensDeclareTheirEffect() {
        assertFalse(effectGoldens().isEmpty(), "no golden declares rows(n), so this class would check nothing: "
                + "give the DML goldens (and any SELECT worth it) their expected row count on the seeded fixture");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("effectGoldens")
    @Order(2)
    void changesOrReturnsTheDeclaredRows(Golden golden) throws SQLException {
        int expected = golden.rows();
        int actual;
        try {
            actual = run(golden.query());
        } catch (SQLException e) {
            throw new AssertionError(golden.name() + ": executing " + golden.sql() + " on the seeded fixture failed "
                    + "[SQLSTATE " + e.getSQLState() + "]: " + e.getMessage(), e);
        } finally {
            connection.rollback();
        }
        assertEquals(expected, actual, () -> golden.name() + ": " + golden.sql() + " " + golden.params()
                + " on the seeded fixture: expected " + expected + " rows " + verb(golden.query()) + ", actual "
                + actual);
    }

    @Test
    @Order(3)
    void everyCaseWasRolledBack() throws SQLException {
        assertEquals(List.of(3, 3, 4, 0, 1, 1, 0), TABLES.stream().map(t -> seeded.get(t).size()).toList(),
                "rows per table " + TABLES + " after belay/fixture-seed.sql");
        try {
            assertEquals(seeded, contents(), "after every golden ran, the tables must hold exactly the seeded rows");
            // and the check can see a change: one uncommitted row makes the contents differ
            Jdbc.rows(connection, "INSERT INTO nodes (id, parent_id, label) VALUES (99, NULL, 'probe') RETURNING id");
            assertFalse(seeded.equals(contents()), "the contents snapshot did not see an inserted row");
        } finally {
            connection.rollback();
        }
        assertEquals(seeded, contents());
        connection.rollback();
    }

    /** The count of changed rows for a row-count statement, of returned rows for a result query. */
    private static int run(Query query) throws SQLException {
        if (query instanceof ResultQuery<?>) {
            return Jdbc.query(connection, query).size();
        }
        if (query instanceof RowCountQuery) {
            return Jdbc.update(connection, query);
        }
        throw new AssertionError("a golden query is neither a ResultQuery nor a RowCountQuery: " + query.getClass());
    }

    private static String verb(Query query) {
        return query instanceof ResultQuery<?> ? "returned" : "changed";
    }

    /** Each table's rows as text, in a stable order: a change to any column of any row shows. */
    private static Map<String, List<List<Object>>> contents() throws SQLException {
        Map<String, List<List<Object>>> all = new LinkedHashMap<>();
        for (String table : TABLES) {
            all.put(table, Jdbc.rows(connection, "SELECT t::text FROM " + table + " t ORDER BY 1"));
        }
        return all;
    }
}
