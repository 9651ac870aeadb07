package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.PoolStats;
import dev.belay.executor.LockNotAvailableException;
import dev.belay.executor.PoolTimeoutException;
import dev.belay.executor.QueryTimeoutException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * DBConfig settings observed on a real server: lock_timeout, fetch size, pool size, per-call timeouts; the
 * values build() refuses; and a toString that never shows the password. (statement_timeout: ErrorsTest.)
 */
@FixtureDatabase
final class ConfigTest {
    record Num(Long n) {}

    /** A table a side connection locks. */
    static final class Guarded extends Table<Num> {
        static final Guarded G = new Guarded();
        final Column<Num, Long> n = column("n", PgType.INT8);

        private Guarded() {
            super("guarded", Num.class);
        }
    }

    /** A view whose every row draws nextval: the sequence shows how many rows the server has produced so far. */
    static final class Counted extends Table<Num> {
        static final Counted C = new Counted();
        final Column<Num, Long> n = column("n", PgType.INT8);

        private Counted() {
            super("counted", Num.class);
        }
    }

    /** A view that takes five seconds to produce its row. */
    static final class Slow extends Table<Num> {
        static final Slow S = new Slow();
        final Column<Num, Long> n = column("n", PgType.INT8);

        private Slow() {
            super("slow", Num.class);
        }
    }

    private static final Guarded G = Guarded.G;
    private static final Counted C = Counted.C;
    private static final Slow S = Slow.S;
    private static TestDatabase testDb;
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE guarded (n int8 NOT NULL); INSERT INTO guarded VALUES (1); "
                + "CREATE SEQUENCE counted_seq; "
                + "CREATE VIEW counted AS SELECT nextval('counted_seq') AS n FROM generate_series(1, 5000); "
                + "CREATE VIEW slow AS SELECT 1::int8 AS n FROM pg_sleep(5)");
        testDb = t;
        db = t.open();
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void lockTimeoutFailsAQueryBlockedByAnotherSessionsLock() throws Exception {
        DBConnection impatient = testDb.open(b -> b.lockTimeout(Duration.ofMillis(200)));
        // the backstop is far longer than lock_timeout: if lock_timeout were ignored, the state would be 57014
        DBConnection backstop = impatient.withTimeout(Duration.ofSeconds(20));
        try (Connection side = testDb.connect()) {
            side.setAutoCommit(false);
            try (Statement st = side.createStatement()) {
                st.execute("LOCK TABLE guarded IN ACCESS EXCLUSIVE MODE");
            }
            LockNotAvailableException read = assertThrows(LockNotAvailableException.class,
                    () -> backstop.exec(select(G.n).from(G)));
            assertEquals("55P03", read.sqlState());
            assertTrue(read.sql() != null && read.sql().contains("\"guarded\""), read.sql());
            LockNotAvailableException write = assertThrows(LockNotAvailableException.class,
                    () -> backstop.exec(update(G).set(G.n, 2L).where(G.n.eq(1L))));
            assertEquals("55P03", write.sqlState());
            LockNotAvailableException raw = assertThrows(LockNotAvailableException.class,
                    () -> backstop.sql("select count(*) from guarded").one(Long.class));
            assertEquals("55P03", raw.sqlState());
            assertEquals(0, impatient.poolStats().active());
            side.rollback();
            assertEquals(List.of(1L), impatient.exec(select(G.n).from(G)), "once the lock is gone the query runs");
        } finally {
            testDb.close(impatient);
        }
    }

    /** Reads nextval's progress from another session: sequences are not transactional, so it sees it at once. */
    private static long produced(Connection side) throws SQLException {
        return scalar(side, "select case when is_called then last_value else 0 end from counted_seq");
    }

    @Test
    void streamFetchesFetchSizeRowsPerRoundTrip() throws Exception {
        DBConnection seven = testDb.open(b -> b.fetchSize(7));
        try (Connection side = testDb.connect()) {
            scalar(side, "select setval('counted_seq', 1, false)");
            try (Stream<Long> s = seven.stream(select(C.n).from(C))) {
                Iterator<Long> it = s.iterator();
                assertEquals(1L, it.next());
                assertEquals(7L, produced(side), "the first round trip produced 7 rows");
                for (int i = 2; i <= 7; i++) {
                    assertEquals((long) i, it.next());
                }
                assertEquals(7L, produced(side));
                assertEquals(8L, it.next());
                assertEquals(14L, produced(side), "the eighth row needed a second round trip of 7");
            }
            scalar(side, "select setval('counted_seq', 1, false)");
            try (Stream<Long> s = db.stream(select(C.n).from(C))) {
                assertEquals(1L, s.iterator().next());
                assertEquals(1000L, produced(side), "the default fetch size is 1000");
            }
        } finally {
            testDb.close(seven);
        }
    }

    /** A pool on its own application_name, so pg_stat_activity can count exactly its backends. */
    private static DBConfig.Builder named(String applicationName) {
        String url = testDb.url();
        DBConfig.Builder b = DBConfig.builder(url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName);
        if (testDb.user() != null) {
            b.user(testDb.user());
        }
        if (testDb.password() != null) {
            b.password(testDb.password());
        }
        return b;
    }

    @Test
    void poolSizeCapsConnectionsAndAnExhaustedPoolTimesOut() throws Exception {
        DBConnection two = testDb.track(DBConnection.open(named("belay_two").poolSize(2)
                .connectionTimeout(Duration.ofMillis(400)).build()));
        ExecutorService threads = Executors.newFixedThreadPool(6);
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (Connection side = testDb.connect()) {
            List<Future<?>> holders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                holders.add(threads.submit(() -> two.useTransaction(tx -> {
                    tx.sql("select 1").one(Integer.class);
                    holding.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                })));
            }
            assertTrue(holding.await(10, TimeUnit.SECONDS), "both connections lent out");
            PoolStats full = two.poolStats();
            assertEquals(2, full.total(), full.toString());
            assertEquals(2, full.active(), full.toString());
            PoolTimeoutException e = assertThrows(PoolTimeoutException.class,
                    () -> two.sql("select 1").one(Integer.class));
            assertTrue(e.getMessage().contains("active=2, idle=0, waiting=") && e.getMessage().contains("poolSize"),
                    e.getMessage());
            assertEquals(2L, scalar(side, "select count(*) from pg_stat_activity where application_name = 'belay_two'"));
            release.countDown();
            for (Future<?> f : holders) {
                f.get(30, TimeUnit.SECONDS);
            }
            // six callers at once on two connections: all served, never a third connection
            List<Future<Integer>> many = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                many.add(threads.submit(() -> two.withTimeout(Duration.ofSeconds(30)).transaction(tx -> {
                    assertTrue(two.poolStats().total() <= 2, two.poolStats().toString());
                    return tx.sql("select :n::int4 from pg_sleep(0.02)").bind("n", n).one(Integer.class);
                })));
            }
            int sum = 0;
            for (Future<Integer> f : many) {
                sum += f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(15, sum);
            assertTrue(two.poolStats().total() <= 2, two.poolStats().toString());
            assertTrue(scalar(side, "select count(*) from pg_stat_activity where application_name = 'belay_two'") <= 2);
        } finally {
            release.countDown();
            threads.shutdown();
            if (threads.awaitTermination(30, TimeUnit.SECONDS)) {
                testDb.close(two);
            } else {
                threads.shutdownNow();
                two.close();
            }
        }
    }

    @Test
    void withTimeoutCancelsSlowDslQueriesStreamsAndRawSql() {
        DBConnection oneSecond = db.withTimeout(Duration.ofSeconds(1));
        QueryTimeoutException exec = assertThrows(QueryTimeoutException.class, () -> oneSecond.exec(select(S.n).from(S)));
        assertEquals("57014", exec.sqlState());
        assertTrue(exec.sql() != null && exec.sql().contains("\"slow\""), exec.sql());
        QueryTimeoutException stream = assertThrows(QueryTimeoutException.class, () -> {
            try (Stream<Long> s = oneSecond.stream(select(S.n).from(S))) {
                s.count();
            }
        });
        assertEquals("57014", stream.sqlState());
        QueryTimeoutException raw = assertThrows(QueryTimeoutException.class,
                () -> oneSecond.sql("select pg_sleep(5)").execute());
        assertEquals("57014", raw.sqlState());
        QueryTimeoutException inTx = assertThrows(QueryTimeoutException.class,
                () -> db.transaction(tx -> tx.withTimeout(Duration.ofSeconds(1)).exec(select(S.n).from(S))));
        assertEquals("57014", inTx.sqlState());
        assertEquals(0, db.poolStats().active());
        assertEquals(List.of(1L), db.exec(select(G.n).from(G)), "the cancelled connections are usable again");
    }

    /** Asserts that {@code build} throws IllegalArgumentException whose message names {@code setting}. */
    private static void refused(String setting, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build, setting);
        assertTrue(e.getMessage() != null && e.getMessage().contains(setting), e.getMessage());
    }

    @Test
    void invalidValuesAreRefusedNamingTheSetting() {
        refused("poolSize", () -> DBConfig.settings().poolSize(0).build());
        refused("poolSize", () -> DBConfig.settings().poolSize(-1).build());
        refused("fetchSize", () -> DBConfig.settings().fetchSize(0).build());
        refused("fetchSize", () -> DBConfig.settings().fetchSize(-10).build());
        refused("connectionTimeout", () -> DBConfig.settings().connectionTimeout(Duration.ZERO).build());
        refused("connectionTimeout", () -> DBConfig.settings().connectionTimeout(Duration.ofSeconds(-1)).build());
        refused("statementTimeout", () -> DBConfig.settings().statementTimeout(Duration.ofMillis(-1)).build());
        refused("lockTimeout", () -> DBConfig.settings().lockTimeout(Duration.ZERO).build());
        refused("lockTimeout", () -> DBConfig.settings().lockTimeout(Duration.ofSeconds(-5)).build());
        refused("jdbcUrl", () -> DBConfig.builder("jdbc:mysql://localhost/app"));
        refused("jdbcUrl", () -> DBConfig.builder("postgresql://localhost/app"));
        refused("jdbcUrl", () -> DBConfig.builder(null));
        refused("timeout", () -> db.withTimeout(Duration.ofMillis(-1)));
        refused("lock", () -> DBConnection.of(new PGSimpleDataSource(),
                DBConfig.settings().lockTimeout(Duration.ofSeconds(1)).build()));
    }

    /** Regression: a negative slow-query threshold is accepted (every statement would then be "slow"). */
    @Test
    void negativeSlowQueryThresholdIsRefused() {
        refused("slowQueryThreshold", () -> DBConfig.settings().slowQueryThreshold(Duration.ofMillis(-1)).build());
    }

    /**
     * Opens a pool with a sub-millisecond server timeout and asserts it was refused at build, or reached the
     * server as something other than 0 (which PostgreSQL reads as "no timeout"). On a slow host the rounded-up
     * 1 ms can already cancel the pool's own first statement on a new connection, so the pool does not open: that
     * too shows the timeout was not 0.
     */
    private static void notDisabled(String setting, java.util.function.UnaryOperator<DBConfig.Builder> tweak) {
        DBConnection tiny;
        try {
            tiny = testDb.open(tweak);
        } catch (IllegalArgumentException refusedAtBuild) {
            return;
        } catch (QueryTimeoutException startCanceled) {
            // on a loaded host the rounded-up 1 ms cancels the pool's own first statement: not sent as 0 either
            assertEquals("57014", startCanceled.sqlState(), startCanceled.getMessage());
            return;
        }
        try {
            assertFalse(tiny.sql("show " + setting).one(String.class).equals("0"), setting + " became 0 (disabled)");
        } catch (QueryTimeoutException roundedUpToOneMs) {
            assertEquals("57014", roundedUpToOneMs.sqlState());
        } finally {
            testDb.close(tiny);
        }
    }

    /** Regression: statementTimeout(1 ns) passes build() and is sent as statement_timeout=0, i.e. no timeout at all. */
    @Test
    void subMillisecondStatementTimeoutIsNotSentAsNoTimeout() {
        notDisabled("statement_timeout", b -> b.statementTimeout(Duration.ofNanos(1)));
    }

    /** Regression: as for statement_timeout, lockTimeout(999 us) becomes lock_timeout=0, which waits forever. */
    @Test
    void subMillisecondLockTimeoutIsNotSentAsNoTimeout() {
        notDisabled("lock_timeout", b -> b.lockTimeout(Duration.ofNanos(999_000)));
    }

    /** Regression: connectionTimeout(1 ns) passes build() and becomes HikariCP's 0 ms, which it reads as "wait forever". */
    @Test
    void subMillisecondConnectionTimeoutIsRefused() {
        DBConnection forever;
        try {
            forever = testDb.open(b -> b.connectionTimeout(Duration.ofNanos(1)));
        } catch (IllegalArgumentException refusedAtBuild) {
            return;
        }
        testDb.close(forever);
        throw new AssertionError("connectionTimeout(1 ns) was accepted; HikariCP reads the 0 ms it becomes as "
                + "'wait forever'");
    }

    /** Regression: DBConfig.toString prints the JDBC URL verbatim, so a password given in the URL shows. */
    @Test
    void toStringNeverShowsThePassword() {
        DBConfig viaBuilder = DBConfig.builder("jdbc:postgresql://db.example:5432/app").user("app")
                .password("Pa55-builder-secret").build();
        assertFalse(viaBuilder.toString().contains("Pa55-builder-secret"), viaBuilder.toString());
        assertTrue(viaBuilder.toString().contains("app"), viaBuilder.toString());
        DBConfig viaUrl = DBConfig.builder("jdbc:postgresql://db.example:5432/app?user=app&password=Pa55-url-secret"
                + "&ssl=true").build();
        assertFalse(viaUrl.toString().contains("Pa55-url-secret"), viaUrl.toString());
    }
}
