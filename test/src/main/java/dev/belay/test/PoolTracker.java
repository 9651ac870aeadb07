package dev.belay.test;

import dev.belay.executor.DBConnection;
import dev.belay.executor.PoolStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The Belay pools opened on one test database, remembered until they are closed, and the check that none of
 * them has a connection lent out: run after every test, before the first one (for what {@code @BeforeAll}
 * borrowed) and when the class ends.
 */
final class PoolTracker {
    /**
     * How long after a test its pools may take to get their connections back from threads the test handed them
     * to (an executor finishing, a transaction committing); polled, so a clean test does not wait.
     */
    static final Duration GRACE = Duration.ofSeconds(2);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** The kit's own classes, skipped when naming the code that opened a pool. */
    private static final Set<String> KIT = Set.of(PoolTracker.class.getName(), TestDatabase.class.getName(),
            ClassDatabase.class.getName(), BelayExtension.class.getName());

    /** Open pools, in the order they were opened, with the code that opened them. Guarded by itself. */
    private final Map<DBConnection, String> open = new LinkedHashMap<>();
    /**
     * Per pool, how many lent-out connections a check has already failed a test for: only connections beyond
     * those fail a later check, so one leak fails the test that made it, not every later test of the class.
     */
    private final Map<DBConnection, Integer> reported = new ConcurrentHashMap<>();
    private final Duration grace;
    /** Run after every look at the pools; tests use it to see that a check waited. */
    private final Runnable onLook;

    PoolTracker() {
        this(GRACE, () -> { });
    }

    PoolTracker(Duration grace, Runnable onLook) {
        this.grace = grace;
        this.onLook = onLook;
    }

    /** Remembers {@code pool}, opened by {@code where} (null: the first caller outside the kit). */
    DBConnection track(DBConnection pool, @Nullable String where) {
        synchronized (open) {
            open.put(pool, where != null ? where : caller());
        }
        return pool;
    }

    /** A pool found with more connections lent out than already reported. */
    private record Lent(DBConnection pool, String where, PoolStats stats) {
        @Override
        public String toString() {
            return "pool opened at " + where + ": " + stats;
        }
    }

    /**
     * Fails when a pool still has a connection lent out once the grace has passed. The wait lets a connection that
     * a test handed to another thread come back; it is polled, so a clean pool costs nothing.
     *
     * @param when the moment checked, for the message: {@code "after FooTest leaks()"}
     * @throws AssertionError naming the pools, where they were opened, and their counts
     */
    void requireNoneLentOut(String when) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<Lent> lent = lentOut();
        while (!lent.isEmpty() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
            lent = lentOut();
        }
        if (lent.isEmpty()) {
            return;
        }
        List<String> previously = new ArrayList<>();
        for (Lent l : lent) {
            Integer before = reported.put(l.pool(), l.stats().active());
            if (before != null && before > 0) {
                previously.add(before + " of them already reported earlier (pool opened at " + l.where() + ")");
            }
        }
        throw new AssertionError(when + ": connections still lent out " + grace.toMillis() + " ms later, " + lent
                + (previously.isEmpty() ? "" : "; " + previously)
                + ". A test must give back every connection it borrows before it ends: close its streams, let its "
                + "transactions end, and join the threads it handed the pool to");
    }

    /** The open pools with more connections lent out than already reported. */
    private List<Lent> lentOut() {
        List<Lent> lent = new ArrayList<>();
        for (Map.Entry<DBConnection, String> e : snapshot().entrySet()) {
            DBConnection pool = e.getKey();
            PoolStats stats = stats(pool);
            int active = stats == null ? 0 : stats.active();
            int known = reported.getOrDefault(pool, 0);
            onLook.run();
            if (active < known) {
                reported.put(pool, active); // some came back: a new leak is judged from here
            } else if (stats != null && active > known) {
                lent.add(new Lent(pool, e.getValue(), stats));
            }
        }
        return lent;
    }

    /** The pool's counts, or null for a pool that is not running (closed by the test): it lends nothing. */
    private static @Nullable PoolStats stats(DBConnection pool) {
        try {
            return pool.poolStats();
        } catch (IllegalStateException closed) {
            return null;
        }
    }

    private static int active(DBConnection pool) {
        PoolStats stats = stats(pool);
        return stats == null ? 0 : stats.active();
    }

    private Map<DBConnection, String> snapshot() {
        synchronized (open) {
            return new LinkedHashMap<>(open);
        }
    }

    /**
     * Closes {@code pool} after checking (with the grace) that it has no connection lent out; closed even when
     * the check fails.
     *
     * @throws IllegalArgumentException when the pool was not opened here
     */
    void close(DBConnection pool) {
        String where;
        synchronized (open) {
            where = open.get(pool);
        }
        if (where == null) {
            throw new IllegalArgumentException("this pool was not opened by this TestDatabase's open() nor given to its track(), or was "
                    + "closed already; close it with pool.close()");
        }
        try {
            long deadline = System.nanoTime() + grace.toNanos();
            while (active(pool) > 0 && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(POLL_NANOS);
            }
            int active = active(pool);
            int known = reported.getOrDefault(pool, 0);
            if (active > known) {
                throw new AssertionError("closing the pool opened at " + where + ": connections still lent out "
                        + grace.toMillis() + " ms later, " + stats(pool) + ". Give back every connection "
                        + "before closing its pool: close streams, let transactions end, join threads");
            }
        } finally {
            forget(pool);
        }
    }

    /** Checks every pool still open, then closes them all, whatever the check found. */
    void closeAll(String when) {
        try {
            requireNoneLentOut(when);
        } finally {
            RuntimeException failure = null;
            for (DBConnection pool : snapshot().keySet()) {
                try {
                    forget(pool);
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void forget(DBConnection pool) {
        synchronized (open) {
            open.remove(pool);
        }
        reported.remove(pool);
        pool.close();
    }

    /** The first frame outside the kit: the code that opens a pool, as {@code FooTest.setUp:38}. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !KIT.contains(outermost(f.getClassName())))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName()
                        + ":" + f.getLineNumber())
                .orElse("(unknown)"));
    }

    private static String outermost(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }
}
