package dev.belay.it.reliability;

import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.Sql.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConnection;
import dev.belay.executor.LockNotAvailableException;
import dev.belay.executor.PoolStats;
import dev.belay.executor.PoolTimeoutException;
import dev.belay.executor.QueryTimeoutException;
import dev.belay.executor.TransactionRolledBackException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statement and lock timeouts, and an exhausted pool (issue 16, reliability suite): each is its own typed
 * error, nothing of a timed-out transaction is committed (checked on plain JDBC), and the connection or pool
 * serves again afterwards. Pools of one connection show that the very connection that timed out is reused.
 */
@FixtureDatabase
final class TimeoutAndPoolTest {
    private static TestDatabase testDb;
    /** statement_timeout = 200 ms, one connection. */
    private static DBConnection timed;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE tp_rows (id int4 PRIMARY KEY, v int4 NOT NULL); "
                + "INSERT INTO tp_rows VALUES (1, 0); "
                + "CREATE TABLE tp_log (note text NOT NULL)");
        testDb = t;
        timed = t.open(b -> b.poolSize(1).statementTimeout(Duration.ofMillis(200)));
    }

    private static int pid(DBConnection db) {
        return db.sql("select pg_backend_pid()").one(Integer.class);
    }

    /** A count read on a plain JDBC connection: what is really committed. */
    private static long committed(String countSql) {
        try (Connection c = testDb.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(countSql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long logged(String note) {
        return committed("select count(*) from tp_log where note = '" + note + "'");
    }

    // ---- statement timeouts -------------------------------------------------------------------------

    @Test
    void statementTimeoutFromConfigFailsTypedAndTheConnectionIsUsableAfter() {
        int before = pid(timed);
        QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
                () -> timed.sql("select pg_sleep(2)").execute());
        assertEquals("57014", e.sqlState());
        assertEquals("select pg_sleep(2)", e.sql());
        assertEquals(0, timed.poolStats().active());
        assertEquals(before, pid(timed), "a timed-out statement does not cost the connection");
        assertEquals("200ms", timed.sql("show statement_timeout").one(String.class));
    }

    @Test
    void perCallTimeoutFailsTypedAndTheConnectionIsUsableAfter() {
        DBConnection patient = testDb.open(b -> b.poolSize(1));
        try {
            int before = pid(patient);
            DBConnection oneSecond = patient.withTimeout(Duration.ofSeconds(1));
            QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
                    () -> oneSecond.sql("select pg_sleep(5)").execute());
            assertEquals("57014", e.sqlState());
            assertEquals(0, patient.poolStats().active());
            assertEquals(before, pid(oneSecond), "the cancelled statement does not cost the connection");
            assertEquals(7, oneSecond.sql("select 7").one(Integer.class));
        } finally {
            testDb.close(patient);
        }
    }

    @Test
    void aTimeoutInsideATransactionRollsItBack() {
        QueryTimeoutException e = assertThrows(QueryTimeoutException.class, () -> timed.useTransaction(tx -> {
            tx.sql("insert into tp_log values ('timeout propagated')").execute();
            tx.sql("select pg_sleep(2)").execute();
        }));
        assertEquals("57014", e.sqlState());
        assertEquals(0L, logged("timeout propagated"));
        assertEquals(0, timed.poolStats().active());
    }

    @Test
    void aTimeoutTheBodyCatchesStillRollsTheTransactionBackAndSaysSo() {
        AtomicReference<QueryTimeoutException> caught = new AtomicReference<>();
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class,
                () -> timed.useTransaction(tx -> {
                    tx.sql("insert into tp_log values ('timeout caught')").execute();
                    try {
                        tx.sql("select pg_sleep(2)").execute();
                    } catch (QueryTimeoutException timeout) {
                        caught.set(timeout);
                    }
                }));
        assertInstanceOf(QueryTimeoutException.class, e.getCause());
        assertSame(caught.get(), e.getCause(), "the cause is the failure the body caught");
        assertEquals(0L, logged("timeout caught"));
        assertEquals(0, timed.poolStats().active());
        int committedAfter = timed.transaction(tx -> tx.sql("insert into tp_log values ('after')").execute());
        assertEquals(1, committedAfter);
        assertEquals(1L, logged("after"), "the connection is usable for the next transaction");
    }

    // ---- lock timeouts ------------------------------------------------------------------------------

    @Test
    void lockTimeoutOnARowAnotherSessionLockedIsLockNotAvailable() throws Exception {
        DBConnection impatient = testDb.open(b -> b.poolSize(1).lockTimeout(Duration.ofMillis(200)));
        try (Connection side = testDb.connect()) {
            side.setAutoCommit(false);
            try (Statement st = side.createStatement()) {
                st.execute("select * from tp_rows where id = 1 for update");
            }
            int before = pid(impatient);
            LockNotAvailableException update = assertThrows(LockNotAvailableException.class,
                    () -> impatient.sql("update tp_rows set v = v + 1 where id = 1").execute());
            assertEquals("55P03", update.sqlState());
            assertEquals("update tp_rows set v = v + 1 where id = 1", update.sql());
            LockNotAvailableException inTx = assertThrows(LockNotAvailableException.class,
                    () -> impatient.useTransaction(tx -> {
                        tx.sql("insert into tp_log values ('lock timeout')").execute();
                        tx.sql("update tp_rows set v = v + 1 where id = 1").execute();
                    }));
            assertEquals("55P03", inTx.sqlState());
            // NOWAIT is the same error without the wait
            LockNotAvailableException nowait = assertThrows(LockNotAvailableException.class,
                    () -> impatient.sql("select v from tp_rows where id = 1 for update nowait").one(Integer.class));
            assertEquals("55P03", nowait.sqlState());
            assertEquals(0, impatient.poolStats().active());
            assertEquals(before, pid(impatient), "a lock timeout does not cost the connection");
            side.rollback();
            assertEquals(1, impatient.sql("update tp_rows set v = v + 1 where id = 1").execute(),
                    "once the lock is gone the update runs");
        } finally {
            testDb.close(impatient);
        }
        assertEquals(0L, logged("lock timeout"));
        assertEquals(1L, committed("select v from tp_rows where id = 1"));
    }

    // ---- pool exhaustion ----------------------------------------------------------------------------

    @Test
    void anExhaustedPoolTimesOutTypedWithItsCountsAndServesAgainAfterwards() throws Exception {
        DBConnection two = testDb.open(b -> b.poolSize(2).connectionTimeout(Duration.ofMillis(300)));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try {
            List<Future<Integer>> holders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int n = i;
                holders.add(threads.submit(() -> two.transaction(tx -> {
                    tx.sql("insert into tp_log values ('held')").execute();
                    holding.countDown();
                    await(release);
                    return n;
                })));
            }
            assertTrue(holding.await(10, TimeUnit.SECONDS), "both connections lent out");
            PoolTimeoutException query = assertThrows(PoolTimeoutException.class,
                    () -> two.sql("select 1").one(Integer.class));
            assertTrue(query.getMessage().contains("active=2, idle=0, waiting="), query.getMessage());
            PoolTimeoutException transaction = assertThrows(PoolTimeoutException.class,
                    () -> two.useTransaction(tx -> tx.sql("insert into tp_log values ('never')").execute()));
            assertTrue(transaction.getMessage().contains("active=2"), transaction.getMessage());
            PoolTimeoutException stream = assertThrows(PoolTimeoutException.class, () -> {
                try (Stream<Integer> s = two.stream(select(value(1)))) {
                    s.count();
                }
            });
            assertTrue(stream.getMessage().contains("active=2"), stream.getMessage());
            PoolStats full = two.poolStats();
            assertEquals(2, full.active(), full.toString());
            assertEquals(0, full.waiting(), "the timed-out callers stopped waiting: " + full);
            release.countDown();
            int sum = 0;
            for (Future<Integer> f : holders) {
                sum += f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(1, sum);
            assertEquals(0, two.poolStats().active());
            assertEquals(3, two.sql("select 3").one(Integer.class), "the pool serves again");
        } finally {
            release.countDown();
            threads.shutdown();
            assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
            testDb.close(two);
        }
        assertEquals(2L, logged("held"));
        assertEquals(0L, logged("never"));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
