package dev.belay.executor;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.belay.dsl.OnConflict;
import dev.belay.dsl.Table;
import dev.belay.dsl.internal.ConflictNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What every handle of one {@link DBConnection} shares: the pool, the immutable config, the per-shape plans,
 * the SQL log, and which threads are inside one of its transactions. Thread-safe.
 */
final class Engine {
    final DataSource dataSource;
    final DBConfig config;
    final @Nullable AutoCloseable ownedPool;
    final Plans plans;
    final SqlLog log;
    /**
     * What each transaction must set first because the server session does not keep it (PgBouncer in
     * transaction mode), or null; with it, statements outside a transaction run in a transaction of their own.
     */
    final @Nullable String localSettings;
    /** Lends the connection of a transaction another manager runs on the thread (Spring's), or null. */
    private final @Nullable ExternalTransactions external;
    /**
     * The innermost transaction each thread is running on this engine. Kept so that a call on the pool's own
     * handle from inside a transaction body is refused: it would run on another connection, outside the
     * transaction, and could wait forever on a row the transaction has locked.
     */
    private final Map<Thread, Transactions.Tx> running = new ConcurrentHashMap<>();
    private final Catalog catalog = new Catalog();
    /** Bulk statements per table and conflict action; bounded like {@link Plans}. */
    private final Map<BulkKey, BulkPlan<?>> bulkPlans = new ConcurrentHashMap<>();
    private final Map<Table<?>, Table<?>> mappedTables = new ConcurrentHashMap<>();

    /** The read replicas, or null when none are configured (then replica routes go to the primary). */
    final @Nullable Replicas replicas;

    private record BulkKey(Table<?> table, @Nullable ConflictNode conflict) {}

    Engine(DataSource dataSource, DBConfig config, @Nullable AutoCloseable ownedPool) {
        this(dataSource, config, ownedPool, null, null);
    }

    Engine(DataSource dataSource, DBConfig config, @Nullable AutoCloseable ownedPool, @Nullable Replicas replicas,
           @Nullable ExternalTransactions external) {
        this.replicas = replicas;
        this.dataSource = dataSource;
        this.external = external;
        this.config = config;
        this.ownedPool = ownedPool;
        this.plans = new Plans(config.types());
        this.log = new SqlLog(config);
        this.localSettings = LocalSettings.of(config);
    }

    Connection borrow() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            if (e instanceof SQLTransientConnectionException && e.getCause() == null && e.getSQLState() == null
                    && dataSource instanceof HikariDataSource hikari) {
                // HikariCP's timeout with no connection failure behind it: every connection is lent out
                throw poolTimeout("", config.connectionTimeout().toMillis(), ": " + stats(hikari), e);
            }
            throw Errors.translate(e, null, null, false);
        }
    }

    /** A connection where {@code route} sends work: a read replica's, or the primary's. */
    Connection borrow(Route route) {
        return route.replica() && replicas != null ? lend(route).connection() : borrow();
    }

    /** {@link #borrow(Route)} telling which replica lent it, so that a lost connection can mark it down. */
    Replicas.Lent lend(Route route) {
        if (route.replica() && replicas != null) {
            Replicas.Lent lent = replicas.lend(route);
            if (lent != null) {
                return lent;
            }
        }
        return new Replicas.Lent(borrow(), Replicas.PRIMARY);
    }

    /**
     * After a read outside a transaction lost its connection before returning rows: on a replica route, marks the
     * replica down and lends a connection for running the read once more (on the next replica or the primary); on
     * the primary's route, rethrows.
     */
    Connection afterLost(Route route, Replicas.Lent lent, ConnectionLostException e) {
        if (!route.replica() || replicas == null) {
            throw e;
        }
        replicas.lost(lent.replica(), e);
        return borrow(route);
    }

    /**
     * A pool's timeout with no connection failure behind it: every connection was lent out. {@code which} names the
     * pool after "connection" (empty for the primary's), {@code state} follows the wait (the pool's counts, or empty).
     */
    static PoolTimeoutException poolTimeout(String which, long waitedMillis, String state, SQLException cause) {
        return new PoolTimeoutException("no pooled connection" + which + " became free within " + waitedMillis
                + " ms" + state + ". Return connections sooner (close streams, keep transactions short) or raise "
                + "DBConfig.poolSize", cause, ErrorContext.NONE);
    }

    private static String stats(HikariDataSource hikari) {
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        return pool == null ? "the pool is not running" : "active=" + pool.getActiveConnections() + ", idle="
                + pool.getIdleConnections() + ", waiting=" + pool.getThreadsAwaitingConnection() + ", total="
                + pool.getTotalConnections() + " of " + hikari.getMaximumPoolSize();
    }

    /**
     * Puts a connection back as it was lent: Belay changes only autocommit (isolation and read-only are set
     * per transaction with SET TRANSACTION, which ends with it), and restores it for pools that do not.
     */
    static void giveBack(Connection c, boolean lentAutoCommit) {
        try {
            try {
                if (c.getAutoCommit() != lentAutoCommit) {
                    c.setAutoCommit(lentAutoCommit);
                }
            } finally {
                c.close();
            }
        } catch (SQLException e) {
            // a broken connection: closing hands it back to the pool, which discards it
        }
    }

    /**
     * The external transaction running on this thread, joined for one call (release it when done), or null when
     * there is none: then the call borrows and commits as usual.
     */
    Transactions.@Nullable Tx joinExternal() {
        ExternalTransactions.Lease lease = external == null ? null : external.join(dataSource);
        return lease == null ? null : new Transactions.Tx(lease);
    }

    /** Refuses a call on the pool's own handle from a thread inside one of this engine's transactions. */
    void requireOutsideTransaction() {
        if (!running.isEmpty() && running.containsKey(Thread.currentThread())) {
            throw new IllegalStateException("this call uses the DBConnection itself inside one of its transactions "
                    + "on this thread: it would run on another connection, outside the transaction (and could wait "
                    + "forever on rows the transaction locked; inside a transaction another manager runs, such as "
                    + "Spring's, outside the savepoint db.transaction made). Use the handle the transaction body "
                    + "receives (db.transaction(tx -> tx.exec(...))), or TxOptions.requiresNew() for an independent "
                    + "transaction");
        }
    }

    /** Marks the current thread as running {@code tx}; returns the transaction it was running before, if any. */
    Transactions.@Nullable Tx enter(Transactions.Tx tx) {
        return running.put(Thread.currentThread(), tx);
    }

    void exit(Transactions.@Nullable Tx previous) {
        if (previous == null) {
            running.remove(Thread.currentThread());
        } else {
            running.put(Thread.currentThread(), previous);
        }
    }

    /**
     * The descriptor in the schema the config maps its schema to (an unqualified one counting as in {@code public}),
     * for the statements Belay builds from a descriptor itself: bulk writes and COPY. Made once per descriptor.
     */
    @SuppressWarnings("unchecked") // inSchema re-creates the descriptor's own class, of the same row type
    <R> Table<R> mapped(Table<R> table) {
        Map<String, String> schemas = config.schemaMapping();
        String to = schemas.get(table.schema() != null ? table.schema() : "public");
        if (to == null) {
            return table;
        }
        return (Table<R>) mappedTables.computeIfAbsent(table, t -> t.inSchema(to));
    }

    /** The bulk statement for {@code table} (and a conflict action), built from its catalog facts once. */
    @SuppressWarnings("unchecked")
    <R> BulkPlan<R> bulkPlan(Connection c, Table<R> table, @Nullable OnConflict<R> conflict) throws SQLException {
        BulkKey key = new BulkKey(table, conflict == null ? null : conflict.node());
        BulkPlan<?> plan = bulkPlans.get(key);
        if (plan == null) {
            if (bulkPlans.size() >= 1_000) {
                bulkPlans.clear();
            }
            plan = BulkPlan.of(table, catalog.facts(c, table), conflict, config.types());
            bulkPlans.put(key, plan);
        }
        return (BulkPlan<R>) plan;
    }

    /** The typed exception for a failed statement, logged at DEBUG like a finished one. */
    BelayException translate(SQLException e, String sql, java.util.List<?> params) {
        BelayException translated = Errors.translate(e, sql, params, config.logParameters());
        log.failed(translated, sql, params);
        return translated;
    }
}
