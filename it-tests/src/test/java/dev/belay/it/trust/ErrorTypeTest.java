package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.BelayException;
import dev.belay.executor.ConnectionLostException;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.LockNotAvailableException;
import dev.belay.executor.PoolTimeoutException;
import dev.belay.executor.QueryTimeoutException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 16, case 14: distinct exception types. A lock that is not available (NOWAIT, lock_timeout: 55P03) is
 * not a query timeout (57014); an exhausted pool is a {@link PoolTimeoutException} with the pool's counts, not
 * a lost connection; a server that is not there is a {@link ConnectionLostException}.
 */
@FixtureDatabase
final class ErrorTypeTest {
    record Lock(Integer id, Integer v) {}

    static final class Locks extends Table<Lock> {
        static final Locks L = new Locks();
        final Column<Lock, Integer> id = column("id", PgType.INT4).primaryKey();
        final Column<Lock, Integer> v = column("v", PgType.INT4);

        private Locks() {
            super("locks", Lock.class);
        }
    }

    private static final Locks L = Locks.L;
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE locks (id int4 PRIMARY KEY, v int4 NOT NULL); INSERT INTO locks VALUES (1, 0)");
        testDb = t;
        db = t.open();
    }

    private static <X extends BelayException> X typed(Class<X> type, String sqlState, Executable call) {
        BelayException e = assertThrows(BelayException.class, call);
        assertEquals(type, e.getClass(), e.toString());
        assertEquals(sqlState, e.sqlState());
        assertTrue(e.getMessage().contains("[SQLSTATE " + sqlState + "]"), e.getMessage());
        assertEquals(0, db.poolStats().active());
        return type.cast(e);
    }

    @Test
    void aLockNotAvailableIsNotAQueryTimeout() throws SQLException {
        try (Connection holder = testDb.connect(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("SELECT * FROM locks WHERE id = 1 FOR UPDATE");

            typed(LockNotAvailableException.class, "55P03",
                    () -> db.sql("select id from locks where id = 1 for update nowait").fetch(Integer.class));
            typed(LockNotAvailableException.class, "55P03",
                    () -> db.exec(select(L.id).from(L).where(L.id.eq(1)).forUpdate().noWait()));
            // lock_timeout runs out: the same SQLSTATE, the same type
            typed(LockNotAvailableException.class, "55P03", () -> db.useTransaction(tx -> {
                tx.sql("set local lock_timeout = '50ms'").execute();
                tx.exec(update(L).set(L.v, 1).where(L.id.eq(1)));
            }));
            // statement_timeout cancelling the same wait is a query timeout
            typed(QueryTimeoutException.class, "57014", () -> db.useTransaction(tx -> {
                tx.sql("set local statement_timeout = '50ms'").execute();
                tx.exec(update(L).set(L.v, 1).where(L.id.eq(1)));
            }));
            holder.rollback();
        }
        // and a statement that is simply slow
        typed(QueryTimeoutException.class, "57014", () -> db.useTransaction(tx -> {
            tx.sql("set local statement_timeout = '50ms'").execute();
            tx.sql("select 1 from pg_sleep(5)").fetch(Integer.class);
        }));
        // the row was never changed, and is free again
        assertEquals(List.of(1), db.exec(select(L.id).from(L).where(L.v.eq(0)).forUpdate().noWait()));
    }

    /**
     * One pool of one connection, opened through a TCP proxy: while another thread holds the connection, a call
     * times out waiting for the pool (PoolTimeoutException with the counts); once the server is gone, the same
     * wait is a ConnectionLostException. A server that was never there is a ConnectionLostException too.
     */
    @Test
    void anExhaustedPoolIsAPoolTimeoutAndAMissingServerAConnectionLost() throws Exception {
        try (Proxy proxy = new Proxy(testDb.url())) {
            DBConfig.Builder viaProxy = DBConfig.builder(proxy.url).poolSize(1).connectionTimeout(Duration.ofMillis(300));
            if (testDb.user() != null) {
                viaProxy.user(testDb.user());
            }
            if (testDb.password() != null) {
                viaProxy.password(testDb.password());
            }
            DBConnection one = testDb.track(DBConnection.open(viaProxy.build()));
            try {
                exhausted(one);
                // the server goes away: the pooled connection is dead and no new one can be opened
                proxy.cut();
                for (int i = 0; i < 2; i++) {
                    BelayException e = assertThrows(BelayException.class, () -> one.sql("select 1").one(Integer.class));
                    assertInstanceOf(ConnectionLostException.class, e, e.toString());
                }
            } finally {
                testDb.close(one);
            }
        }

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2";
        DBConfig config = DBConfig.builder(url).user("postgres").connectionTimeout(Duration.ofMillis(300)).build();
        BelayException open = assertThrows(BelayException.class, () -> DBConnection.open(config).close());
        assertInstanceOf(ConnectionLostException.class, open, open.toString());
        // a pool Belay did not open: the first statement finds no server
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        DBConnection unpooled = DBConnection.of(ds);
        BelayException query = assertThrows(BelayException.class, () -> unpooled.sql("select 1").one(Integer.class));
        assertInstanceOf(ConnectionLostException.class, query, query.toString());
        assertTrue(query.sqlState() != null && query.sqlState().startsWith("08"), query.sqlState());
        assertInstanceOf(ConnectionLostException.class,
                assertThrows(BelayException.class, () -> unpooled.useTransaction(tx -> tx.sql("select 1").execute())));
    }

    /** Holds {@code one}'s only connection in a transaction on another thread and checks what a caller gets. */
    private static void exhausted(DBConnection one) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<?> holder = thread.submit(() -> one.useTransaction(tx -> {
                tx.sql("select 1").one(Integer.class);
                holding.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS), "the one connection is held");
            BelayException e = assertThrows(BelayException.class, () -> one.sql("select 1").one(Integer.class));
            assertInstanceOf(PoolTimeoutException.class, e, e.toString());
            assertFalse(e instanceof ConnectionLostException, "the database is fine; the pool is full");
            String m = e.getMessage();
            assertTrue(m.contains("active=1") && m.contains("idle=0") && m.contains("waiting="), m);
            // the DSL and transactions borrow the same way
            assertInstanceOf(PoolTimeoutException.class,
                    assertThrows(BelayException.class, () -> one.exec(select(L.id).from(L))));
            assertInstanceOf(PoolTimeoutException.class,
                    assertThrows(BelayException.class, () -> one.useTransaction(tx -> tx.exec(select(L.id).from(L)))));
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            // once given back, the connection serves the next caller
            assertEquals(1, one.sql("select 1").one(Integer.class));
            assertEquals(0, one.poolStats().active());
        } finally {
            release.countDown();
            thread.shutdown();
            assertTrue(thread.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    /** Forwards TCP to the test server until {@link #cut()} closes the listener and every forwarded socket. */
    private static final class Proxy implements AutoCloseable {
        private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?(/.*)");
        private final ServerSocket server;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        final String url;

        Proxy(String jdbcUrl) throws IOException {
            Matcher m = HOST_PORT.matcher(jdbcUrl);
            if (!m.matches()) {
                throw new IllegalStateException("cannot proxy " + jdbcUrl);
            }
            String host = m.group(1);
            int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            url = "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + m.group(3);
            daemon(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket in = server.accept();
                        Socket out = new Socket(host, port);
                        sockets.add(in);
                        sockets.add(out);
                        daemon(() -> pump(in, out));
                        daemon(() -> pump(out, in));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void daemon(Runnable r) {
            Thread t = new Thread(r, "proxy");
            t.setDaemon(true);
            t.start();
        }

        private static void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        void cut() throws IOException {
            server.close();
            sockets.forEach(Proxy::closeQuietly);
        }

        @Override
        public void close() throws IOException {
            cut();
        }
    }
}
