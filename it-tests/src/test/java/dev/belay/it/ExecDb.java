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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Opens Belay pools on a class's {@link TestDb} and checks they end with no connection lent out. Every pool
 * opened here is remembered until {@link #closeIdle} closes it; {@link TestDatabase} fails the class whose
 * pools are still open when it ends, so "zero active connections after the tests" holds for every pool.
 */
public final class ExecDb {
    /** Pools not yet closed through {@link #closeIdle}, with the database they run on. */
    private static final Map<DBConnection, TestDb> OPEN = new ConcurrentHashMap<>();

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
        OPEN.put(pool, db);
        return pool;
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
        OPEN.forEach((pool, on) -> {
            if (on.equals(db)) {
                OPEN.remove(pool);
                leaks.add(pool.poolStats().toString());
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
