package dev.belay.it.pgbouncer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConnection;
import dev.belay.executor.LockNotAvailableException;
import dev.belay.executor.QueryTimeoutException;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The execution that reruns the executor and DML tests through PgBouncer really goes through it, and the timeouts
 * Belay can no longer send as startup options still hold, in a transaction and outside one.
 */
@BelayTest
final class KitThroughPgBouncerTest {

    @Test
    void theKitsPoolsGoThroughPgBouncer(TestDatabase t, DBConnection db) {
        assertNotNull(t.pgBouncer(), "this class belongs to it-tests' pgbouncer execution, which sets "
                + "-Dbelay.test.pgbouncer=true; run it there (a -Dtest filter runs it in the others too)");
        assertTrue(t.url().contains(":" + t.pgBouncer().port() + "/"), t.url());
        assertEquals(2, db.sql("select 1 + 1").one(Integer.class));
        // PgBouncer logs every client login with its database
        assertTrue(t.pgBouncer().log().contains("db=" + t.name()), t.pgBouncer().log());
    }

    @Test
    void statementTimeoutHoldsInsideAndOutsideTransactions(TestDatabase t) {
        DBConnection timed = t.open(b -> b.poolSize(1).statementTimeout(Duration.ofMillis(300)));
        assertThrows(QueryTimeoutException.class, () -> timed.sql("select pg_sleep(2)").execute());
        assertThrows(QueryTimeoutException.class,
                () -> timed.transaction(tx -> tx.sql("select pg_sleep(2)").execute()));
        assertEquals("300ms", timed.sql("select current_setting('statement_timeout')").one(String.class));
        DBConnection untimed = t.open(b -> b.poolSize(1));
        assertEquals("0", untimed.sql("select current_setting('statement_timeout')").one(String.class),
                "the setting ended with its transaction");
        t.close(timed);
        t.close(untimed);
    }

    @Test
    void lockTimeoutHolds(TestDatabase t) {
        t.execute("CREATE TABLE locked (id int4 PRIMARY KEY); INSERT INTO locked VALUES (1)");
        DBConnection holder = t.open(b -> b.poolSize(1));
        DBConnection impatient = t.open(b -> b.poolSize(1).lockTimeout(Duration.ofMillis(200)));
        holder.transaction(tx -> {
            tx.sql("select id from locked where id = 1 for update").fetch(Integer.class);
            assertThrows(LockNotAvailableException.class,
                    () -> impatient.sql("update locked set id = 2 where id = 1").execute());
            return null;
        });
        t.close(holder);
        t.close(impatient);
    }
}
