package dev.belay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Query;
import dev.belay.dsl.ResultQuery;
import dev.belay.dsl.RowCountQuery;
import dev.belay.dsl.Select;
import dev.belay.dsl.golden.Golden;
import dev.belay.dsl.golden.Goldens;
import dev.belay.executor.BelayException;
import dev.belay.executor.DBConnection;
import dev.belay.test.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every golden that declares {@link Golden#rows()} on the seeded fixture ({@code belay/fixture-seed.sql})
 * through the executor and checks how many rows it changed (a {@link RowCountQuery}) or returned (a
 * {@link ResultQuery}, whose rows the executor maps into the golden's declared result type). Each case runs in
 * its own transaction, rolled back afterwards, so every case sees exactly the seeded rows.
 */
@FixtureDatabase
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class GoldenEffectsTest {
    /** Every table of the fixture schema; the isolation check compares their full contents. */
    private static final List<String> TABLES = FixtureDatabase.TABLES;

    private static DBConnection dbc;
    private static Map<String, List<String>> seeded;

    @BeforeAll
    static void seed(TestDatabase db) throws Exception {
        db.runScript(FixtureDatabase.SEED);
        dbc = db.open();
        seeded = contents(dbc);
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

    /**
     * {@link GoldenStatementsTest} only describes DML, so a RETURNING golden is mapped by the executor only if
     * it runs here: each must declare its row count.
     */
    @Test
    @Order(1)
    void everyReturningGoldenDeclaresItsEffect() {
        List<String> undeclared = Goldens.all().stream()
                .filter(g -> g.query() instanceof ResultQuery<?> && !(g.query() instanceof Select<?>))
                .filter(g -> g.rows() == null).map(Golden::name).toList();
        assertEquals(List.of(), undeclared, "RETURNING goldens without rows(n) are never executed or mapped");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("effectGoldens")
    @Order(2)
    void changesOrReturnsTheDeclaredRows(Golden golden) {
        int expected = golden.rows();
        int actual;
        try {
            actual = Rollback.rolledBack(dbc, tx -> run(tx, golden));
        } catch (BelayException e) {
            throw new AssertionError(golden.name() + ": executing " + golden.sql() + " on the seeded fixture failed "
                    + "[SQLSTATE " + e.sqlState() + "]: " + e, e);
        }
        assertEquals(expected, actual, () -> golden.name() + ": " + golden.sql() + " " + golden.params()
                + " on the seeded fixture: expected " + expected + " rows " + verb(golden.query()) + ", actual "
                + actual);
    }

    @Test
    @Order(3)
    void everyCaseWasRolledBack() {
        assertEquals(List.of(3, 3, 4, 0, 1, 1, 0), TABLES.stream().map(t -> seeded.get(t).size()).toList(),
                "rows per table " + TABLES + " after belay/fixture-seed.sql");
        assertEquals(seeded, contents(dbc), "after every golden ran, the tables must hold exactly the seeded rows");
        // and the check can see a change: one uncommitted row makes the contents differ
        Map<String, List<String>> probed = Rollback.rolledBack(dbc, tx -> {
            assertEquals(1, tx.sql("INSERT INTO nodes (id, parent_id, label) VALUES (99, NULL, 'probe')").execute());
            return contents(tx);
        });
        assertNotEquals(seeded, probed, "the contents snapshot did not see an inserted row");
        assertTrue(probed.get("nodes").contains("(99,,probe)"), "the probe row as text: " + probed.get("nodes"));
        assertEquals(seeded, contents(dbc), "the probe row was rolled back");
    }

    /**
     * The count of changed rows for a row-count statement, of returned rows for a result query; each returned
     * row must be of the golden's declared result type.
     */
    private static int run(DBConnection tx, Golden golden) {
        Query query = golden.query();
        if (query instanceof ResultQuery<?> rq) {
            List<?> rows = tx.exec(rq);
            for (Object row : rows) {
                assertInstanceOf(rq.resultType(), row, () -> golden.name() + ": a returned row of " + golden.sql());
            }
            return rows.size();
        }
        if (query instanceof RowCountQuery rcq) {
            return tx.exec(rcq);
        }
        throw new AssertionError("a golden query is neither a ResultQuery nor a RowCountQuery: " + query.getClass());
    }

    private static String verb(Query query) {
        return query instanceof ResultQuery<?> ? "returned" : "changed";
    }

    /** Each table's rows as text, in a stable order: a change to any column of any row shows. */
    private static Map<String, List<String>> contents(DBConnection db) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String table : TABLES) {
            all.put(table, db.sql("SELECT t::text FROM " + table + " t ORDER BY 1").fetch(String.class));
        }
        return all;
    }
}
