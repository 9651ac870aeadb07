package dev.belay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConnection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code rollbackEachTest = true}: every test method runs in a transaction of the injected pool that is rolled
 * back afterwards, and its {@code DBConnection} parameter is that transaction's handle. The seed has items 1 and 2;
 * each test adds rows, and the next one, and the class's end, find only the seed.
 */
@BelayTest(scripts = {"belay/kit/schema.sql", "belay/kit/seed.sql"}, rollbackEachTest = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class RollbackEachTestTest {
    private static DBConnection pool;

    @BeforeAll
    static void keep(DBConnection db) {
        pool = db;
        assertFalse(db.inTransaction());
    }

    @BeforeEach
    void setUpGetsThePoolOutsideTheTransaction(DBConnection db) {
        assertSame(pool, db);
        assertFalse(db.inTransaction());
    }

    private static long items(DBConnection db) {
        return db.sql("SELECT count(*) FROM items").one(Long.class);
    }

    @Test
    @Order(1)
    void aTestGetsTheTransactionsHandle(DBConnection tx, TestDatabase db) {
        assertNotSame(pool, tx);
        assertTrue(tx.inTransaction());
        assertEquals(1, tx.sql("INSERT INTO items VALUES (3, 'three')").execute());
        assertEquals(3, items(tx));
        assertEquals(2, db.count("SELECT count(*) FROM items"), "plain JDBC sees only what was committed");
    }

    @Test
    @Order(2)
    void theNextTestDoesNotSeeIt(DBConnection tx) {
        assertEquals(2, items(tx));
        assertEquals(List.of("one", "two"), tx.sql("SELECT name FROM items ORDER BY id").fetch(String.class));
    }

    @Test
    @Order(3)
    void nestedTransactionsAreSavepoints(DBConnection tx) {
        assertThrows(IllegalStateException.class, () -> tx.useTransaction(inner -> {
            inner.sql("INSERT INTO items VALUES (4, 'four')").execute();
            throw new IllegalStateException("undo the savepoint only");
        }));
        tx.sql("INSERT INTO items VALUES (5, 'five')").execute();
        assertEquals(List.of(1, 2, 5), tx.sql("SELECT id FROM items ORDER BY id").fetch(Integer.class));
    }

    @Test
    @Order(4)
    void thePoolItselfIsRefusedOnTheTestsThread() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> items(pool));
        assertTrue(e.getMessage().contains("inside one of its transactions"), e.getMessage());
    }

    @Test
    @Order(5)
    void aTestWithoutTheHandleStillRunsInTheTransaction(TestDatabase db) {
        assertThrows(IllegalStateException.class, () -> items(pool));
        assertEquals(2, db.count("SELECT count(*) FROM items"));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 11})
    @Order(6)
    void parameterizedTestsAreRolledBackEachTime(int id, DBConnection tx) {
        assertTrue(tx.inTransaction());
        tx.sql("INSERT INTO items VALUES (:id, 'p')").bind("id", id).execute();
        assertEquals(3, items(tx));
    }

    @RepeatedTest(2)
    @Order(7)
    void repeatedTestsToo(DBConnection tx) {
        tx.sql("INSERT INTO items VALUES (20, 'r')").execute();
        assertEquals(3, items(tx));
    }

    @AfterAll
    static void nothingWasCommitted(TestDatabase db) {
        assertEquals(2, db.count("SELECT count(*) FROM items"));
        assertEquals(2, items(pool));
    }
}
