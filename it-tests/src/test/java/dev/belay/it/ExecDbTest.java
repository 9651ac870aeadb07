package dev.belay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.BelayException;
import dev.belay.executor.DBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test helpers that guard the "no connection leaks" promise can themselves fail. */
@ExtendWith(TestDatabase.class)
final class ExecDbTest {

    @Test
    void aPoolLeftOpenFailsItsClassAndIsClosed(TestDb db) {
        DBConnection forgotten = ExecDb.open(db);
        assertEquals(1, forgotten.sql("select 1").one(Integer.class));
        AssertionError e = assertThrows(AssertionError.class, () -> ExecDb.requireClosed(db));
        assertTrue(e.getMessage().startsWith("1 Belay pool(s) on " + db + " were left open"), e.getMessage());
        assertThrows(BelayException.class, () -> forgotten.sql("select 1").one(Integer.class));
        ExecDb.requireClosed(db); // nothing left now
    }

    @Test
    void rolledBackReturnsTheResultAndLeavesNoTrace(TestDb db) {
        DBConnection pool = ExecDb.open(db);
        try {
            int inserted = ExecDb.rolledBack(pool,
                    tx -> tx.sql("insert into nodes (id, label) values (1, 'x')").execute());
            assertEquals(1, inserted);
            assertEquals(0L, pool.sql("select count(*) from nodes").one(Long.class));
        } finally {
            ExecDb.closeIdle(pool);
        }
    }
}
