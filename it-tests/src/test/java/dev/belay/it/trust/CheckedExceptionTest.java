package dev.belay.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, case 4: a checked exception thrown from a transaction body (sneaky-thrown from Java, or from
 * Kotlin, which has no checked exceptions) rolls back the savepoint or the transaction like any other, and
 * reaches the caller as the same instance. The outermost cases run on a HikariCP pool, which rolls back a
 * connection returned mid-transaction by itself, and on {@link OneConnectionPool}, which does not.
 */
@FixtureDatabase
final class CheckedExceptionTest {
    private static DBConnection db;
    private static TestDatabase testDb;
    private OneConnectionPool pool;
    private DBConnection bare;

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        t.execute("CREATE TABLE items (name text PRIMARY KEY)");
        db = t.open();
    }

    @BeforeEach
    void lend() throws SQLException {
        pool = new OneConnectionPool(testDb.connect());
        bare = DBConnection.of(pool);
    }

    @AfterEach
    void shut() throws SQLException {
        pool.physical.close();
    }

    /** The HikariCP pool and the pool that resets nothing, by name. */
    private List<Map.Entry<String, DBConnection>> pools() {
        return List.of(Map.entry("hikari", db), Map.entry("bare pool", bare));
    }

    /** The pool has its connection back, as lent. */
    private void assertReturned(String name) throws SQLException {
        if (name.equals("hikari")) {
            assertEquals(0, db.poolStats().active(), name);
        } else {
            pool.assertAsLent(true, name);
        }
    }

    /** Throws any Throwable, checked ones included, where the compiler would not allow it. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    private static void insert(DBConnection c, String name) {
        c.sql("insert into items (name) values (:name)").bind("name", name).execute();
    }

    private static boolean committed(String name) {
        return testDb.count("SELECT count(*) FROM items WHERE name = ?", name) == 1;
    }

    @Test
    void aSavepointBodyThrowingACheckedExceptionLosesItsWork() {
        IOException disk = new IOException("disk full");
        AtomicReference<Exception> seen = new AtomicReference<>();
        db.useTransaction(tx -> {
            insert(tx, "outer before");
            try {
                tx.useTransaction(inner -> {
                    insert(inner, "savepoint work");
                    throw sneakyThrow(disk);
                });
            } catch (Exception e) {
                seen.set(e);
            }
            // the transaction goes on after the savepoint was rolled back
            assertEquals(0L, tx.sql("select count(*) from items where name = 'savepoint work'").one(Long.class));
            insert(tx, "outer after");
        });
        assertSame(disk, seen.get(), "the body's own exception, not a wrapper");
        assertTrue(committed("outer before"));
        assertTrue(committed("outer after"));
        assertFalse(committed("savepoint work"), "the savepoint's work must be rolled back");
    }

    @Test
    void aCheckedExceptionFromASavepointReachesTheCallerAndNothingCommits() throws SQLException {
        for (Map.Entry<String, DBConnection> on : pools()) {
            String name = on.getKey();
            TimeoutException late = new TimeoutException("remote call timed out");
            TimeoutException thrown = assertThrows(TimeoutException.class, () -> on.getValue().transaction(tx -> {
                insert(tx, "outer of a throwing savepoint " + name);
                return tx.transaction(inner -> {
                    insert(inner, "inner of a throwing savepoint " + name);
                    throw sneakyThrow(late);
                });
            }));
            assertSame(late, thrown);
            assertReturned(name);
            assertFalse(committed("outer of a throwing savepoint " + name), name);
            assertFalse(committed("inner of a throwing savepoint " + name), name);
        }
    }

    @Test
    void theOutermostTransactionRollsBackOnACheckedException() throws SQLException {
        for (Map.Entry<String, DBConnection> on : pools()) {
            String name = on.getKey();
            DBConnection target = on.getValue();
            IOException disk = new IOException("disk full");
            IOException thrown = assertThrows(IOException.class, () -> target.useTransaction(tx -> {
                insert(tx, "outermost " + name);
                throw sneakyThrow(disk);
            }));
            assertSame(disk, thrown);
            assertReturned(name);
            assertFalse(committed("outermost " + name), name + ": a checked exception must roll back");

            // any Throwable, even one that is neither an Exception nor an Error
            Throwable odd = new Throwable("odd");
            Throwable thrownOdd = assertThrows(Throwable.class, () -> target.transaction(tx -> {
                insert(tx, "outermost odd " + name);
                throw sneakyThrow(odd);
            }));
            assertSame(odd, thrownOdd);
            assertReturned(name);
            assertFalse(committed("outermost odd " + name), name);

            // the connection went back clean: the next statement commits on its own
            insert(target, "after " + name);
            assertTrue(committed("after " + name), name);
        }
    }
}
