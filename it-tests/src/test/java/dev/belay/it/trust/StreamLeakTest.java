package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.ResultQuery;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, case 9: a stream read to the end gives back its connection and ends its transaction by itself; one
 * dropped without being closed is rolled back (its locks released) and its connection returned once it is
 * garbage collected, with a warning. The pool has one connection, so its backend is the stream's.
 */
@FixtureDatabase
final class StreamLeakTest {
    record Item(Integer id, Integer v) {}

    static final class Items extends Table<Item> {
        static final Items R = new Items();
        final Column<Item, Integer> id = column("id", PgType.INT4).primaryKey();
        final Column<Item, Integer> v = column("v", PgType.INT4);

        private Items() {
            super("items", Item.class);
        }
    }

    /** Collects the WARNING records of Belay's SQL log (the Cleaner's thread writes them). */
    static final class Warnings extends Handler {
        private final List<String> messages = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                messages.add(String.valueOf(record.getMessage()));
            }
        }

        synchronized List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static final Items R = Items.R;
    private static final Logger SQL_LOG = Logger.getLogger("dev.belay.sql");
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        t.execute("CREATE TABLE items (id int4 PRIMARY KEY, v int4 NOT NULL); "
                + "INSERT INTO items SELECT g, 0 FROM generate_series(1, 5) g");
        // one connection; a short wait for it, so that a connection that is never returned fails fast
        db = t.open(b -> b.poolSize(1).connectionTimeout(Duration.ofSeconds(1)));
    }

    private static int backendPid() {
        return db.sql("select pg_backend_pid()").one(Integer.class);
    }

    /** The backend's state as the server reports it, read on a connection of its own. */
    private static String state(int pid) throws SQLException {
        try (Connection c = testDb.connect();
             PreparedStatement ps = c.prepareStatement("SELECT state FROM pg_stat_activity WHERE pid = ?")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "backend " + pid + " is gone");
                return rs.getString(1);
            }
        }
    }

    private static int committedV(int id) throws SQLException {
        try (Connection c = testDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM items WHERE id = " + id)) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    /** Updates the row from another session, waiting at most {@code lockTimeout} for its lock. */
    private static void updateElsewhere(int id, String lockTimeout) throws SQLException {
        try (Connection c = testDb.connect(); Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = '" + lockTimeout + "'");
            assertEquals(1, st.executeUpdate("UPDATE items SET v = v + 1 WHERE id = " + id));
        }
    }

    @Test
    void aStreamReadToTheEndReleasesEverythingWithoutClose() throws SQLException {
        int pid = backendPid();
        // try-with-resources only as a guard for the tests that follow: every check runs before close()
        try (Stream<Integer> ids = db.stream(select(R.id).from(R).orderBy(R.id.asc()))) {
            assertEquals(1, db.poolStats().active(), "an open stream holds its connection");
            assertEquals(List.of(1, 2, 3, 4, 5), ids.toList());
            assertEquals(0, db.poolStats().active(), "read to the end, the stream gave its connection back");
            assertEquals("idle", state(pid), "and ended its transaction");
        }

        // read with an iterator to the end, a streamed UPDATE commits and releases as well
        try (Stream<Integer> stream = db.stream(update(R).set(R.v, 7).where(R.id.eq(5)).returning(R.v))) {
            Iterator<Integer> changed = stream.iterator();
            assertEquals(7, changed.next());
            assertFalse(changed.hasNext());
            assertEquals(0, db.poolStats().active());
            assertEquals("idle", state(pid));
            assertEquals(7, committedV(5), "read to the end: committed");
            // the pool's one connection is usable at once
            assertEquals(5L, db.sql("select count(*) from items").one(Long.class));
        }
    }

    /** Opens a stream and reads one row; {@code held} keeps the only reference to the stream. */
    private static Integer readOne(AtomicReference<Stream<Integer>> held, ResultQuery<Integer> query) {
        Stream<Integer> stream = db.stream(query);
        held.set(stream);
        return stream.iterator().next();
    }

    /** Runs the garbage collector until the pool has its connection back, for at most 10 seconds. */
    private static void awaitReturned() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.poolStats().active() != 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(0, db.poolStats().active(), "the abandoned stream's connection was never returned");
    }

    @Test
    void anAbandonedStreamIsRolledBackAndReturnedOnceUnreachable() throws Exception {
        Warnings warnings = new Warnings();
        boolean useParent = SQL_LOG.getUseParentHandlers();
        SQL_LOG.addHandler(warnings);
        SQL_LOG.setUseParentHandlers(false);
        try {
            int pid = backendPid();
            AtomicReference<Stream<Integer>> held = new AtomicReference<>();
            assertEquals(2, readOne(held, select(R.id).from(R).where(R.id.eq(2)).forUpdate()));
            assertEquals(1, db.poolStats().active());
            assertEquals("idle in transaction", state(pid));
            SQLException blocked = assertThrows(SQLException.class, () -> updateElsewhere(2, "100ms"));
            assertEquals("55P03", blocked.getSQLState(), "the open stream holds the row lock");

            held.set(null); // abandoned: never closed, no reference left
            awaitReturned();
            assertEquals("idle", state(pid), "its transaction was rolled back");
            updateElsewhere(2, "2s"); // the lock is released
            assertEquals(1, committedV(2));
            assertTrue(warnings.messages().stream().anyMatch(m -> m.contains("dropped without being closed")),
                    "a warning names the leak: " + warnings.messages());

            // an abandoned streamed DELETE keeps nothing
            assertEquals(3, readOne(held, deleteFrom(R).where(R.id.eq(3)).returning(R.id)));
            assertEquals(1, db.poolStats().active());
            held.set(null);
            awaitReturned();
            assertEquals(0, committedV(3), "the abandoned delete was rolled back");
            assertEquals("idle", state(pid));
        } finally {
            SQL_LOG.removeHandler(warnings);
            SQL_LOG.setUseParentHandlers(useParent);
        }
    }

    @Test
    void leakDetectionThresholdIsTwoSecondsOrMore() {
        assertEquals(Duration.ofSeconds(2),
                testDb.config().leakDetectionThreshold(Duration.ofSeconds(2)).build().leakDetectionThreshold());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> testDb.config().leakDetectionThreshold(Duration.ofMillis(1999)).build());
        assertTrue(e.getMessage().contains("leakDetectionThreshold"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> testDb.config().leakDetectionThreshold(Duration.ZERO).build());
        // a pool opened with it runs
        DBConnection watched = testDb.open(b -> b.leakDetectionThreshold(Duration.ofSeconds(5)));
        try {
            assertEquals(1, watched.sql("select 1").one(Integer.class));
        } finally {
            testDb.close(watched);
        }
    }
}
