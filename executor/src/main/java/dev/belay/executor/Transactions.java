package dev.belay.executor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * How {@link DBConnection#transaction} runs: the outermost level owns one pooled connection with autocommit
 * off; a nested level is a SAVEPOINT on it that rolls back only its own work.
 */
final class Transactions {
    private Transactions() {}

    /** The connection of a running transaction; {@code open} is false once it has committed or rolled back. */
    static final class Tx {
        final Connection connection;
        int savepoints;
        volatile boolean open = true;

        Tx(Connection connection) {
            this.connection = connection;
        }
    }

    static <T> T nested(DBConnection handle, TxOptions options, TransactionBody<T> body, Tx tx) {
        Engine engine = handle.engine();
        DBConnection.requireOpen(tx);
        if (options.isolation() != null || options.readOnly() || options.retries() > 0) {
            throw new IllegalStateException("a nested transaction is a savepoint: isolation, read-only and retries "
                    + "can only be set on the outermost transaction");
        }
        Connection c = tx.connection;
        Savepoint savepoint;
        try {
            savepoint = c.setSavepoint("belay_" + (++tx.savepoints));
        } catch (SQLException e) {
            throw engine.translate(e, "SAVEPOINT", List.of());
        }
        T result;
        try {
            result = body.run(handle);
        } catch (RuntimeException | Error e) {
            try {
                c.rollback(savepoint);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        try {
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw engine.translate(e, "RELEASE SAVEPOINT", List.of());
        }
        return result;
    }

    static <T> T outermost(Engine engine, TxOptions options, TransactionBody<T> body,
                             Function<Tx, DBConnection> handle) {
        Connection c = engine.borrow();
        Tx t = new Tx(c);
        try {
            c.setAutoCommit(false);
            if (options.isolation() != null) {
                c.setTransactionIsolation(options.isolation());
            }
            c.setReadOnly(options.readOnly());
            T result = body.run(handle.apply(t));
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(c, e);
            throw engine.translate(e, "COMMIT", List.of());
        } catch (RuntimeException | Error e) {
            rollback(c, e);
            throw e;
        } finally {
            t.open = false;
            Engine.giveBack(c);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static void backoff(int attempt) {
        long base = Math.min(1_000L, 10L << Math.min(attempt, 10));
        long sleep = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BelayException("interrupted while waiting to retry the transaction", e);
        }
    }
}
