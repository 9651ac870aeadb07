package dev.belay.it.reliability;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.BelayException;
import dev.belay.executor.ConnectionLostException;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.TransactionRolledBackException;
import dev.belay.executor.TxOptions;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The suite kills its own backend with {@code pg_terminate_backend} (issue 16, reliability suite): before a
 * call, mid-stream, inside a transaction before COMMIT, during a retrying serializable transaction, and while
 * the connection sits idle in the pool. Each time: a {@link ConnectionLostException}, nothing half-written
 * (checked on a plain JDBC connection, independent of Belay), and the pool lends a fresh connection afterwards.
 * The pool has one connection, so the backend to kill is the one the last call ran on.
 */
@FixtureDatabase
final class BackendKillTest {
    record Numbered(Integer n, Integer pid) {}

    record Kept(Integer n) {}

    /** generate_series as a view; every row carries the pid of the backend that produced it. */
    static final class Series extends Table<Numbered> {
        static final Series S = new Series();
        final Column<Numbered, Integer> n = column("n", PgType.INT4);
        final Column<Numbered, Integer> pid = column("pid", PgType.INT4);

        private Series() {
            super("kill_series", Numbered.class);
        }
    }

    /** 100 rows a streamed DELETE ... RETURNING removes. */
    static final class KeptRows extends Table<Kept> {
        static final KeptRows K = new KeptRows();
        final Column<Kept, Integer> n = column("n", PgType.INT4);

        private KeptRows() {
            super("kill_rows", Kept.class);
        }
    }

    private static final Series S = Series.S;
    private static final KeptRows K = KeptRows.K;
    /** HikariCP lends a connection used less than this long ago without validating it (aliveBypassWindowMs). */
    private static final Duration UNVALIDATED = Duration.ofMillis(500);

    private static TestDatabase testDb;
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE VIEW kill_series AS SELECT g::int4 AS n, pg_backend_pid() AS pid "
                + "FROM generate_series(1, 10000) g; "
                + "CREATE TABLE kill_rows (n int4 PRIMARY KEY); "
                + "INSERT INTO kill_rows SELECT g FROM generate_series(1, 100) g; "
                + "CREATE TABLE kill_log (attempt int4 NOT NULL, note text NOT NULL); "
                + "CREATE TABLE kill_counter (id int4 PRIMARY KEY, v int4 NOT NULL); "
                + "INSERT INTO kill_counter VALUES (1, 0)");
        testDb = t;
        db = t.open(b -> b.poolSize(1).fetchSize(10));
    }

    /** After each case: the pool lends a working connection again, and the pool is back to idle. */
    @AfterEach
    void poolRecovers() {
        assertEquals(0, db.poolStats().active(), db.poolStats().toString());
        assertEquals(List.of(1, 2, 3), db.exec(select(S.n).from(S).where(S.n.le(3)).orderBy(S.n.asc())));
        assertEquals(0, db.poolStats().active(), db.poolStats().toString());
    }

    // ---- helpers: everything that judges runs on plain JDBC, outside Belay --------------------------

    /** The backend of the pool's one connection (the one the next call will use, unless it is replaced). */
    private static int pid() {
        return db.sql("select pg_backend_pid()").one(Integer.class);
    }

    /** Terminates backend {@code pid} from a plain JDBC session and waits until it has left pg_stat_activity. */
    private static void kill(int pid) {
        try (Connection c = testDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_terminate_backend(" + pid + ")")) {
            assertTrue(rs.next() && rs.getBoolean(1), "pg_terminate_backend(" + pid + "): no such backend");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        awaitGone(pid);
    }

    /** Polls pg_stat_activity on a plain JDBC session until backend {@code pid} has left it. */
    private static void awaitGone(int pid) {
        try (Connection c = testDb.connect(); Statement st = c.createStatement()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (scalar(st, "select count(*) from pg_stat_activity where pid = " + pid) > 0) {
                if (System.nanoTime() - deadline > 0) {
                    fail("backend " + pid + " is still in pg_stat_activity after 10 s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kills the pool's one connection while it is idle in the pool, soon enough after its last use that HikariCP
     * lends it again without validating it, so the next call really runs on the dead connection. On a machine
     * too slow for that, lets the pool replace the connection and tries again.
     */
    private static int killIdleConnection() {
        for (int attempt = 1; ; attempt++) {
            int pid = pid();
            long lastUse = System.nanoTime();
            kill(pid);
            if (System.nanoTime() - lastUse < UNVALIDATED.toNanos() * 3 / 5) {
                return pid;
            }
            if (attempt == 5) {
                fail("5 times, killing an idle backend took longer than HikariCP's alive-bypass window");
            }
            try {
                pid();
            } catch (ConnectionLostException expected) {
                // the dead connection is discarded; the next pid() gets a fresh one
            }
        }
    }

    private static long scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    /** A count read on a plain JDBC connection: what is really committed. */
    private static long committed(String countSql) {
        try (Connection c = testDb.connect(); Statement st = c.createStatement()) {
            return scalar(st, countSql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long logged(String note) {
        return committed("select count(*) from kill_log where note = '" + note + "'");
    }

    // ---- 1. killed before a call --------------------------------------------------------------------

    @Test
    void killedBeforeAQueryTheQueryFailsTypedAndTheNextRunsOnAFreshConnection() {
        int killed = killIdleConnection();
        String sql = "select 40 + 2";
        ConnectionLostException lost = assertThrows(ConnectionLostException.class, () -> db.sql(sql).one(Integer.class));
        assertEquals(sql, lost.sql());
        assertTrue(lost.getMessage().contains("in: " + sql), lost.getMessage());
        assertTrue(lost.sqlState() == null || lost.sqlState().startsWith("08") || lost.sqlState().equals("57P01"),
                lost.sqlState());
        assertEquals(0, db.poolStats().active(), "the failed call gave its connection back");
        assertEquals(42, db.sql(sql).one(Integer.class));
        assertNotEquals(killed, pid(), "HikariCP replaced the dead connection");
    }

    /** Every kind of call meets a connection killed before it with the same typed error, and writes nothing. */
    enum Call {
        DSL_SELECT("kill_series") {
            @Override
            void run() {
                db.exec(select(S.n).from(S).where(S.n.le(3)));
            }
        },
        RAW_INSERT("kill_log") {
            @Override
            void run() {
                db.sql("insert into kill_log values (0, :note)").bind("note", name()).execute();
            }
        },
        /** A data-modifying statement with RETURNING runs in a transaction of its own. */
        RAW_INSERT_RETURNING("kill_log") {
            @Override
            void run() {
                db.sql("insert into kill_log values (0, :note) returning attempt").bind("note", name()).one(Integer.class);
            }
        },
        TRANSACTION("kill_log") {
            @Override
            void run() {
                db.useTransaction(tx -> tx.sql("insert into kill_log values (0, :note)").bind("note", name()).execute());
            }
        },
        STREAM("kill_series") {
            @Override
            void run() {
                try (Stream<Integer> s = db.stream(select(S.n).from(S).where(S.n.le(3)))) {
                    s.count();
                }
            }
        },
        STREAMED_DELETE("kill_rows") {
            @Override
            void run() {
                try (Stream<Integer> s = db.stream(deleteFrom(K).where(K.n.le(100)).returning(K.n))) {
                    s.count();
                }
            }
        };

        final String table;

        Call(String table) {
            this.table = table;
        }

        abstract void run();
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void killedBeforeEachKindOfCall(Call call) {
        killIdleConnection();
        ConnectionLostException lost = assertThrows(ConnectionLostException.class, call::run);
        assertNotNull(lost.sql(), lost.getMessage());
        assertTrue(lost.sql().contains(call.table), lost.sql());
        assertEquals(0, db.poolStats().active());
        assertEquals(0L, logged(call.name()));
        assertEquals(100L, committed("select count(*) from kill_rows"));
    }

    // ---- 2. killed mid-stream -----------------------------------------------------------------------

    @Test
    void killedMidStreamTheStreamFailsTypedAndGivesItsConnectionBack() {
        try (Stream<Numbered> s = db.stream(select(S).where(S.n.le(1000)))) {
            Iterator<Numbered> rows = s.iterator();
            int pid = 0;
            for (int i = 1; i <= 15; i++) {
                Numbered row = rows.next();
                assertEquals(i, row.n());
                pid = row.pid();
            }
            kill(pid);
            AtomicInteger read = new AtomicInteger(15);
            ConnectionLostException lost = assertThrows(ConnectionLostException.class, () -> {
                while (rows.hasNext()) {
                    assertEquals(read.incrementAndGet(), rows.next().n()); // rows fetched before the kill, in order
                }
            });
            assertTrue(read.get() < 1000, "the stream failed before its end, at row " + read.get());
            assertTrue(lost.sql() != null && lost.sql().contains("kill_series"), lost.sql());
            assertEquals(0, db.poolStats().active(), "the failed stream holds no connection, even before its close");
            // a failed stream never passes for one read to the end
            assertThrows(IllegalStateException.class, rows::hasNext);
        }
    }

    @Test
    void killedMidStreamedDeleteNothingIsDeleted() throws Exception {
        int pid = pid();
        try (Connection side = testDb.connect(); Statement st = side.createStatement();
             Stream<Integer> s = db.stream(deleteFrom(K).where(K.n.le(100)).returning(K.n))) {
            Iterator<Integer> deleted = s.iterator();
            List<Integer> first = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                first.add(deleted.next());
            }
            assertEquals(15, first.stream().distinct().count());
            // the premise: the stream runs on the backend we kill, which has deleted all 100 rows (they are locked)
            try (PreparedStatement ps = side.prepareStatement("select state, query from pg_stat_activity where pid = ?")) {
                ps.setInt(1, pid);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "the stream runs on backend " + pid);
                    assertEquals("idle in transaction", rs.getString(1));
                    assertTrue(rs.getString(2).startsWith("DELETE FROM \"kill_rows\""), rs.getString(2));
                }
            }
            assertEquals(0L, scalar(st, "select count(*) from (select n from kill_rows for update skip locked) x"));
            kill(pid);
            assertThrows(ConnectionLostException.class, () -> {
                while (deleted.hasNext()) {
                    deleted.next();
                }
            });
            assertEquals(0, db.poolStats().active());
        }
        assertEquals(100L, committed("select count(*) from kill_rows"), "nothing is deleted");
    }

    // ---- 3. killed inside a transaction before COMMIT -----------------------------------------------

    @Test
    void killedInsideATransactionBeforeCommitNothingIsCommittedAndTheOutcomeIsNotClaimed() {
        ConnectionLostException lost = assertThrows(ConnectionLostException.class, () -> db.useTransaction(tx -> {
            tx.sql("insert into kill_log select g, 'before commit' from generate_series(1, 3) g").execute();
            assertEquals(3L, tx.sql("select count(*) from kill_log where note = 'before commit'").one(Long.class));
            kill(tx.sql("select pg_backend_pid()").one(Integer.class));
        }));
        assertEquals("COMMIT", lost.sql());
        assertTrue(lost.getMessage().contains("whether the transaction committed is unknown"), lost.getMessage());
        assertEquals(0L, logged("before commit"));
    }

    /** The body catches the statement that met the dead connection and returns: still no success reported. */
    @Test
    void killedInsideATransactionWhoseBodySwallowsTheFailure() {
        AtomicReference<ConnectionLostException> caught = new AtomicReference<>();
        BelayException e = assertThrows(BelayException.class, () -> db.useTransaction(tx -> {
            tx.sql("insert into kill_log values (1, 'swallowed')").execute();
            kill(tx.sql("select pg_backend_pid()").one(Integer.class));
            try {
                tx.sql("insert into kill_log values (2, 'swallowed')").execute();
            } catch (ConnectionLostException lost) {
                caught.set(lost);
            }
        }));
        assertNotNull(caught.get(), "the statement after the kill failed with ConnectionLostException");
        // the first failure is what the transaction reports: itself, or as the cause of the rollback report
        if (e instanceof TransactionRolledBackException rolledBack) {
            assertSame(caught.get(), rolledBack.getCause(), e.toString());
        } else {
            assertSame(caught.get(), e, "expected the ConnectionLostException the body caught, got: " + e);
        }
        assertEquals(0L, logged("swallowed"));
    }

    // ---- 4. killed during a retrying serializable transaction ---------------------------------------

    @Test
    void killedInTheFirstAttemptOfARetryingSerializableTransactionIsNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(ConnectionLostException.class, () -> db.transaction(TxOptions.serializable().retries(3), tx -> {
            int run = runs.incrementAndGet();
            tx.sql("insert into kill_log values (:run, 'serializable first')").bind("run", run).execute();
            kill(tx.sql("select pg_backend_pid()").one(Integer.class));
            return tx.sql("update kill_counter set v = v + 1 where id = 1").execute();
        }));
        assertEquals(1, runs.get(), "a lost connection is not a serialization failure: the body ran once");
        assertEquals(0L, logged("serializable first"));
        assertEquals(0L, committed("select v from kill_counter where id = 1"));
    }

    /** Lost at COMMIT, the outcome is unknown: rerunning the body could apply it twice, so it is not rerun. */
    @Test
    void killedBeforeTheCommitOfARetryingSerializableTransactionIsNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        ConnectionLostException lost = assertThrows(ConnectionLostException.class,
                () -> db.transaction(TxOptions.serializable().retries(3), tx -> {
                    int run = runs.incrementAndGet();
                    tx.sql("insert into kill_log values (:run, 'serializable commit')").bind("run", run).execute();
                    kill(tx.sql("select pg_backend_pid()").one(Integer.class));
                    return run;
                }));
        assertEquals(1, runs.get());
        assertEquals("COMMIT", lost.sql());
        assertTrue(lost.getMessage().contains("whether the transaction committed is unknown"), lost.getMessage());
        assertEquals(0L, logged("serializable commit"));
    }

    @Test
    void killedAfterARetriedSerializationFailureStopsTheRetries() {
        committedUpdate("update kill_counter set v = 0 where id = 1");
        AtomicInteger runs = new AtomicInteger();
        assertThrows(ConnectionLostException.class, () -> db.transaction(TxOptions.serializable().retries(3), tx -> {
            int run = runs.incrementAndGet();
            int v = tx.sql("select v from kill_counter where id = 1").one(Integer.class);
            tx.sql("insert into kill_log values (:run, 'serializable retried')").bind("run", run).execute();
            if (run == 1) {
                committedUpdate("update kill_counter set v = v + 10 where id = 1"); // our update now fails with 40001
            } else {
                kill(tx.sql("select pg_backend_pid()").one(Integer.class));
            }
            return tx.sql("update kill_counter set v = :v where id = 1").bind("v", v + 1).execute();
        }));
        assertEquals(2, runs.get(), "retried once after the serialization failure, not after the lost connection");
        assertEquals(0L, logged("serializable retried"));
        assertEquals(10L, committed("select v from kill_counter where id = 1"), "only the concurrent update");
    }

    private static void committedUpdate(String sql) {
        testDb.execute(sql);
    }

    // ---- 5. killed while idle in the pool, past HikariCP's validation window ------------------------

    @Test
    void killedWhileIdleInThePoolTheNextCallsDoNotHang() {
        int killed = pid();
        kill(killed);
        // past the alive-bypass window HikariCP validates a connection before lending it
        LockSupport.parkNanos(UNVALIDATED.plusMillis(100).toNanos());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                assertEquals(5, db.sql("select 5").one(Integer.class));
            } catch (ConnectionLostException allowed) {
                // the dead connection was lent anyway: the call failed typed, and the next must work
            }
            assertEquals(6, db.sql("select 6").one(Integer.class));
        });
        assertNotEquals(killed, pid());
    }

    /**
     * The server itself ends a session left idle too long (idle_session_timeout, SQLSTATE 57P05) while it sits in
     * the pool: the call that meets it fails as a lost connection too, and the next runs on a fresh one.
     */
    @Test
    void endedByTheServerWhileIdleInThePoolIsAConnectionLostToo() {
        String url = testDb.url();
        DBConfig.Builder shortLived = DBConfig.builder(url + (url.contains("?") ? "&" : "?")
                + "options=-c%20idle_session_timeout%3D150").poolSize(1);
        if (testDb.user() != null) {
            shortLived.user(testDb.user());
        }
        if (testDb.password() != null) {
            shortLived.password(testDb.password());
        }
        DBConnection idle = testDb.track(DBConnection.open(shortLived.build()));
        try {
            for (int attempt = 1; ; attempt++) {
                int pid = idle.sql("select pg_backend_pid()").one(Integer.class);
                long lastUse = System.nanoTime();
                awaitGone(pid); // the server ends it 150 ms after its last use
                if (System.nanoTime() - lastUse < UNVALIDATED.toNanos() * 4 / 5) {
                    break; // HikariCP lends it again without validating it
                }
                if (attempt == 5) {
                    fail("5 times, the idle session outlived HikariCP's alive-bypass window");
                }
                try {
                    idle.sql("select 1").one(Integer.class);
                } catch (ConnectionLostException expected) {
                    // the dead connection is discarded
                }
            }
            ConnectionLostException lost = assertThrows(ConnectionLostException.class,
                    () -> idle.sql("select 8").one(Integer.class));
            assertEquals("57P05", lost.sqlState(), lost.getMessage());
            assertEquals("select 8", lost.sql());
            assertEquals(0, idle.poolStats().active());
            assertEquals(9, idle.sql("select 9").one(Integer.class));
        } finally {
            testDb.close(idle);
        }
    }
}
