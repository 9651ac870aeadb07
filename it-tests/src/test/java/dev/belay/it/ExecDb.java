package dev.belay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.PoolStats;
import dev.belay.executor.TransactionAction;
import dev.belay.executor.TransactionBody;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * Opens Belay pools on a class's {@link TestDb} and checks they end with no connection lent out. Every pool
 * opened here is remembered until {@link #closeIdle} closes it; {@link TestDatabase} fails a test after which
 * one of them still has a connection lent out ({@link #requireNoneLentOut}) and the class whose pools are still
 * open when it ends, so "zero active connections after every test" holds for every pool.
 */
public final class ExecDb {
    /** Pools not yet closed through {@link #closeIdle}, with the database they run on and where they were opened. */
    private static final Map<DBConnection, Opened> OPEN = new ConcurrentHashMap<>();

    /** How often {@link #requireNoneLentOut} looks again while it waits for connections to come back. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** The database a pool runs on, and the test code that opened it (e.g. {@code TransactionTest.open:38}). */
    private record Opened(TestDb db, String where) {}

    /** A pool found with connections lent out. */
    private record Lent(DBConnection pool, Opened opened, PoolStats stats) {
        @Override
        public String toString() {
            return "pool opened at " + opened.where() + ": " + stats;
        }
    }

    private ExecDb() {}

    public static DBConfig.Builder config(TestDb db) {
        DBConfig.Builder b = DBConfig.builder(db.jdbcUrl()).poolSize(4);
        if (db.user() != null) {
            b.user(db.user());
        }
        if (db.password() != null) {
            b.password(db.password());
        }
        return b;
    }

    public static DBConnection open(TestDb db) {
        return open(db, UnaryOperator.identity());
    }

    public static DBConnection open(TestDb db, UnaryOperator<DBConfig.Builder> tweak) {
        DBConnection pool = DBConnection.open(tweak.apply(config(db)).build());
        OPEN.put(pool, new Opened(db, caller()));
        return pool;
    }

    /** The first frame outside this class: the test code that opens a pool, as {@code Class.method:line}. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(ExecDb.class.getName()))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName()
                        + ":" + f.getLineNumber())
                .orElse("(unknown)"));
    }

    /**
     * Fails when a pool still open on {@code db} has a connection lent out once {@code grace} has passed: the
     * check {@link TestDatabase} runs after every test. The wait lets a connection that a test handed to another
     * thread come back; it is polled, so a clean pool costs nothing.
     *
     * @param reported per pool, how many lent-out connections an earlier check already failed a test for: only
     *                 connections beyond those fail this one, so one leak fails the test that made it, not every
     *                 later test of the class. Updated here.
     * @param after    the test just run, for the message
     */
    static void requireNoneLentOut(TestDb db, Duration grace, Map<DBConnection, Integer> reported, String after) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<Lent> lent = lentOut(db, reported);
        while (!lent.isEmpty() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
            lent = lentOut(db, reported);
        }
        if (lent.isEmpty()) {
            return;
        }
        List<String> previously = new ArrayList<>();
        for (Lent l : lent) {
            Integer before = reported.put(l.pool(), l.stats().active());
            if (before != null && before > 0) {
                previously.add(before + " of them already reported after an earlier test (" + l.opened().where() + ")");
            }
        }
        throw new AssertionError("after " + after + ": connections still lent out " + grace.toMillis()
                + " ms after the test ended, " + lent + (previously.isEmpty() ? "" : "; " + previously)
                + ". A test must give back every connection it borrows before it ends: close its streams, let its "
                + "transactions end, and join the threads it handed the pool to");
    }

    /** The open pools on {@code db} with more connections lent out than already {@code reported}. */
    private static List<Lent> lentOut(TestDb db, Map<DBConnection, Integer> reported) {
        List<Lent> lent = new ArrayList<>();
        OPEN.forEach((pool, opened) -> {
            if (!opened.db().equals(db)) {
                return;
            }
            PoolStats stats = pool.poolStats();
            int known = reported.getOrDefault(pool, 0);
            if (stats.active() < known) {
                reported.put(pool, stats.active()); // some came back: a new leak is judged from here
            } else if (stats.active() > known) {
                lent.add(new Lent(pool, opened, stats));
            }
        });
        return lent;
    }

    /** Asserts that no connection is still lent out, then closes the pool. */
    public static void closeIdle(DBConnection db) {
        OPEN.remove(db);
        try {
            PoolStats stats = db.poolStats();
            assertEquals(0, stats.active(), "connections still lent out: " + stats);
        } finally {
            db.close();
        }
    }

    /**
     * Closes the pools still open on {@code db} and fails if there were any: a test class must close what it
     * opened with {@link #closeIdle}, which is where lent-out connections are caught.
     */
    static void requireClosed(TestDb db) {
        List<String> leaks = new ArrayList<>();
        OPEN.forEach((pool, opened) -> {
            if (opened.db().equals(db)) {
                OPEN.remove(pool);
                leaks.add("opened at " + opened.where() + ": " + pool.poolStats());
                pool.close();
            }
        });
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Belay pool(s) on " + db + " were left open " + leaks
                    + "; close each with ExecDb.closeIdle(pool) in @AfterAll");
        }
    }

    /**
     * Runs {@code body} in a transaction that is rolled back afterwards, whatever it did, and returns its
     * result: {@code int changed = ExecDb.rolledBack(db, tx -> tx.exec(update));}.
     */
    public static <T> T rolledBack(DBConnection db, TransactionBody<T> body) {
        try {
            db.transaction(tx -> {
                throw new Undo(body.run(tx));
            });
        } catch (Undo undo) {
            @SuppressWarnings("unchecked")
            T result = (T) undo.result;
            return result;
        }
        throw new AssertionError("the transaction body neither returned nor threw");
    }

    /** {@link #rolledBack} for work that returns nothing: {@code ExecDb.undone(db, tx -> tx.exec(update));}. */
    public static void undone(DBConnection db, TransactionAction body) {
        rolledBack(db, tx -> {
            body.run(tx);
            return null;
        });
    }

    /** Carries a result out of a transaction while making it roll back. */
    private static final class Undo extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Object result;

        Undo(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** Runs DDL or DML on a plain JDBC connection, outside Belay. */
    public static void jdbc(TestDb db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
