package dev.belay.it.pgbouncer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import dev.belay.test.PgBouncer;
import dev.belay.test.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: 8 threads × 1,000 transactions through a PgBouncer in transaction mode that has 3 server connections,
 * so consecutive transactions of one Belay connection land on different server sessions. Every transaction's
 * effect is checked as it commits (its counter went up by exactly one) and at the end on the server itself (no
 * lost or doubled writes); any error, "prepared statement S_1 does not exist" among them, fails the test. The
 * timeouts set with {@code SET LOCAL} are seen in every transaction and never by a pool without them on the same
 * server connections.
 */
@BelayTest
final class ManyTransactionsTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 1_000;
    private static final int SERVER_CONNECTIONS = 3;

    private static PgBouncer bouncer;
    private static TestDatabase testDb;

    @BeforeAll
    static void start(TestDatabase t) {
        testDb = t;
        // a PgBouncer of its own: the pool smaller than the thread count is what this test is about
        bouncer = PgBouncer.start(t.server(), SERVER_CONNECTIONS);
        t.execute("CREATE TABLE counters (id int4 PRIMARY KEY, n int4 NOT NULL); "
                + "INSERT INTO counters SELECT g, 0 FROM generate_series(0, " + (THREADS - 1) + ") g; "
                + "CREATE TABLE ledger (thread int4 NOT NULL, seq int4 NOT NULL, n int4 NOT NULL, "
                + "PRIMARY KEY (thread, seq))");
    }

    @AfterAll
    static void stop() {
        if (bouncer != null) {
            bouncer.close();
        }
    }

    private static DBConnection throughBouncer(int poolSize, Duration statementTimeout) {
        DBConfig.Builder b = DBConfig.builder(bouncer.urlOf(testDb.name())).poolSize(poolSize)
                .pgbouncerTransactionMode();
        if (testDb.user() != null) {
            b.user(testDb.user());
        }
        if (statementTimeout != null) {
            b.statementTimeout(statementTimeout).lockTimeout(Duration.ofSeconds(7));
        }
        return testDb.track(DBConnection.open(b.build()));
    }

    @Test
    void eightThreadsOfAThousandTransactionsLoseAndDoubleNothing() throws InterruptedException {
        DBConnection db = throughBouncer(THREADS, Duration.ofSeconds(9));
        DBConnection plain = throughBouncer(2, null);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                    for (int seq = 0; seq < PER_THREAD; seq++) {
                        int s = seq;
                        String seen = db.transaction(tx -> {
                            String timeouts = tx.sql("select current_setting('statement_timeout') || ' ' || "
                                    + "current_setting('lock_timeout')").one(String.class);
                            int n = tx.sql("update counters set n = n + 1 where id = :id returning n")
                                    .bind("id", thread).one(Integer.class);
                            tx.sql("insert into ledger (thread, seq, n) values (:t, :s, :n)")
                                    .bind("t", thread).bind("s", s).bind("n", n).execute();
                            return n == s + 1 ? timeouts : "counter " + thread + " is " + n + " at transaction " + s;
                        });
                        if (!seen.equals("9s 7s")) {
                            problems.add("thread " + thread + ", transaction " + s + ": " + seen);
                        }
                        if (seq % 50 == 0) {
                            // a pool without timeouts shares the server connections: no SET may have stayed on them
                            String other = plain.sql("select current_setting('statement_timeout')").one(String.class);
                            if (!other.equals("0")) {
                                problems.add("a session setting leaked to another client: statement_timeout=" + other);
                            }
                        }
                    }
                } catch (Throwable e) {
                    problems.add("thread " + thread + ": " + e);
                }
            }, "bouncer-" + t);
            worker.start();
            threads.add(worker);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems, the first ones: "
                + problems.stream().limit(5).collect(Collectors.joining("\n")) + "\nPgBouncer's log:\n" + bouncer.log());

        assertEquals(THREADS * PER_THREAD, testDb.count("SELECT count(*) FROM ledger"));
        assertEquals(THREADS, testDb.count("SELECT count(*) FROM counters WHERE n = " + PER_THREAD),
                "every counter went up once per transaction");
        assertEquals(0, testDb.count("SELECT count(*) FROM ledger WHERE n <> seq + 1"),
                "each transaction saw its own thread's previous ones, and only those");
        Map<Integer, Long> perThread = new HashMap<>();
        for (int t = 0; t < THREADS; t++) {
            perThread.put(t, testDb.count("SELECT count(DISTINCT seq) FROM ledger WHERE thread = ? "
                    + "AND seq BETWEEN 0 AND ?", t, PER_THREAD - 1));
        }
        assertTrue(perThread.values().stream().allMatch(n -> n == PER_THREAD), () -> "per thread: " + perThread);
        testDb.close(db);
        testDb.close(plain);
    }
}
