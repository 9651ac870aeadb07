package dev.belay.executor;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The read replicas of one {@link Engine}: their pools, their health ({@link ReplicaSet}) and how a connection is
 * lent for a {@link Route}. A replica is marked down when its pool cannot make a connection; it is skipped for
 * {@code replicaRetryAfter}, and its work goes to the next healthy replica, then to the primary (or fails, with
 * {@link ReplicaFallback#FAIL}). Thread-safe.
 */
final class Replicas implements AutoCloseable {
    /** How long one wait for a replica's pool lasts before checking whether it failed to connect. */
    private static final long SLICE_MILLIS = 100;
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** A borrowed connection and the replica it came from, or {@link #PRIMARY} for the primary. */
    record Lent(Connection connection, int replica) {}

    static final int PRIMARY = -1;

    private final List<DataSource> pools;
    private final List<String> names;
    private final boolean owned;
    private final ReplicaSet health;
    private final ReplicaFallback fallback;
    private final long connectionTimeoutNanos;
    /** The last connection failure of each replica, for the message of {@link ReplicaUnavailableException}. */
    private final AtomicReferenceArray<Throwable> failures;
    private final Duration retryAfter;
    private final SqlLog log;

    Replicas(List<? extends DataSource> pools, List<String> names, boolean owned, DBConfig config) {
        this.pools = List.copyOf(pools);
        this.names = List.copyOf(names);
        this.owned = owned;
        this.health = new ReplicaSet(pools.size(), config.replicaRetryAfter().toNanos());
        this.fallback = config.replicaFallback();
        this.connectionTimeoutNanos = config.connectionTimeout().toNanos();
        this.failures = new AtomicReferenceArray<>(pools.size());
        this.retryAfter = config.replicaRetryAfter();
        this.log = new SqlLog(config);
    }

    /**
     * A replica's connection for {@code route}, or null when the work goes to the primary: no replica is up (with
     * {@link ReplicaFallback#PRIMARY}), or none replayed {@code route.after()} in time.
     *
     * @throws ReplicaUnavailableException when no replica is up and the fallback is {@link ReplicaFallback#FAIL}
     */
    @Nullable Lent lend(Route route) {
        long deadline = System.nanoTime() + route.waitNanos();
        long pause = TimeUnit.MILLISECONDS.toNanos(1);
        while (true) {
            boolean anyUp = false;
            for (int i : health.order(System.nanoTime())) {
                Connection c = borrow(i);
                if (c == null) {
                    continue;
                }
                anyUp = true;
                if (route.after() == null || replayed(c, i, route.after())) {
                    return new Lent(c, i);
                }
                Engine.giveBack(c, true);
            }
            if (!anyUp) {
                if (fallback == ReplicaFallback.FAIL) {
                    throw unavailable();
                }
                return null;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null; // no replica caught up in time: the primary has the write by definition
            }
            sleep(Math.min(pause, left));
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
    }

    /** Replica {@code i} lost a connection in use: skip it for a while (a no-op for the primary). */
    void lost(int i, Throwable cause) {
        if (i != PRIMARY) {
            failures.set(i, cause);
            if (health.markDown(i, System.nanoTime())) {
                String next = pools.size() > 1 ? "the other replicas"
                        : fallback == ReplicaFallback.PRIMARY ? "the primary" : "nowhere (replicaFallback FAIL)";
                log.warn("read replica " + names.get(i) + " failed: " + cause.getMessage() + "\n  For the next "
                        + retryAfter.toMillis() + " ms its work goes to " + next + "; then it is tried again");
            }
        }
    }

    /**
     * A connection of replica {@code i}, or null after marking it down when it cannot make one. A HikariCP pool is
     * asked in short waits, so that a replica that went away is noticed as soon as the pool's connection attempt
     * fails (HikariCP then gives its timeout exception that failure as the cause), instead of after the whole
     * connection timeout; a pool that is only busy is waited for as long as the primary's would be.
     */
    private @Nullable Connection borrow(int i) {
        DataSource pool = pools.get(i);
        if (pool instanceof HikariDataSource hikari && hikari.isClosed()) {
            // not a replica failure: nothing to mark down, and waiting for the pool would only time out
            throw new BelayException("the pool of read replica " + names.get(i) + " is closed: the DBConnection was "
                    + "closed", null);
        }
        long deadline = System.nanoTime() + connectionTimeoutNanos;
        while (true) {
            try {
                if (pool instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() instanceof HikariPool p) {
                    return p.getConnection(Math.min(SLICE_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(
                            deadline - System.nanoTime()))));
                }
                return pool.getConnection();
            } catch (SQLException e) {
                boolean busy = e instanceof SQLTransientConnectionException && e.getCause() == null;
                if (!busy) {
                    lost(i, e.getCause() != null ? e.getCause() : e);
                    return null;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw Engine.poolTimeout(" of read replica " + names.get(i),
                            TimeUnit.NANOSECONDS.toMillis(connectionTimeoutNanos), "", e);
                }
            }
        }
    }

    /**
     * Whether the replica behind {@code c} has replayed the WAL up to {@code after}: one small query. A server
     * that is not in recovery (a promoted replica) answers null, and is not trusted to have the write.
     */
    private boolean replayed(Connection c, int i, WalPosition after) {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_last_wal_replay_lsn()::text")) {
            rs.next();
            String position = rs.getString(1);
            return position != null && WalPosition.parse(position).reached(after);
        } catch (SQLException e) {
            if (Errors.lost(e.getSQLState())) {
                lost(i, e);
                return false; // the caller gives the broken connection back, and the pool discards it
            }
            Engine.giveBack(c, true);
            throw Errors.translate(e, "SELECT pg_last_wal_replay_lsn()::text", null, false);
        }
    }

    private ReplicaUnavailableException unavailable() {
        List<String> why = new ArrayList<>();
        Throwable latest = null;
        for (int i = 0; i < names.size(); i++) {
            Throwable f = failures.get(i);
            why.add(names.get(i) + ": " + (f == null ? "down" : f.getMessage()));
            latest = f != null ? f : latest;
        }
        return new ReplicaUnavailableException("no read replica can take this work, and replicaFallback is FAIL, so "
                + "it does not go to the primary. Each failed to connect within the last replicaRetryAfter:\n  "
                + String.join("\n  ", why), latest, ErrorContext.NONE);
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BelayException("interrupted while waiting for a read replica to replay the primary's WAL", e);
        }
    }

    /** Closes the pools Belay opened for the replicas; not those given to {@code DBConnection.of}. */
    @Override
    public void close() {
        if (owned) {
            for (DataSource pool : pools) {
                ((HikariDataSource) pool).close();
            }
        }
    }
}
