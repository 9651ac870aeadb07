package dev.belay.executor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * How {@link DBConnection#transaction} runs. The outermost level owns one pooled connection with autocommit
 * off; a nested level is a SAVEPOINT on it. The rule that makes it trustworthy: a level in which a statement
 * failed never reports success. PostgreSQL cannot commit after a failed statement (it answers COMMIT with
 * ROLLBACK, which the driver does not raise), so a body that catches the failure and returns gets a
 * {@link TransactionRolledBackException} whose cause is the first failure, after the level was rolled back.
 */
final class Transactions {
    private Transactions() {}

    /**
     * The connection of a running transaction and its stack of levels. For an external transaction (a
     * {@link ExternalTransactions.Lease}) the outermost level is the external one: Belay never commits it, and a
     * failure at that level marks it rollback-only instead.
     */
    static final class Tx {
        final Connection connection;
        private final ExternalTransactions.@Nullable Lease lease;
        private Level level = new Level(null, null);
        private int savepoints;
        private volatile boolean open = true;
        /** Streams opened on this transaction and not yet closed; closed when it ends. */
        private final List<Streams.State> streams = new ArrayList<>();

        Tx(Connection connection) {
            this.connection = connection;
            this.lease = null;
        }

        Tx(ExternalTransactions.Lease lease) {
            this.connection = lease.connection();
            this.lease = lease;
        }

        /** The external transaction's seconds left ({@link ExternalTransactions.Lease#timeoutSeconds()}); 0 for none. */
        int deadlineSeconds() {
            return lease == null ? 0 : lease.timeoutSeconds();
        }

        /** Gives an external transaction's connection back to its manager; nothing for Belay's own. */
        void release() {
            if (lease != null) {
                lease.release();
            }
        }

        void requireOpen() {
            if (!open) {
                throw new IllegalStateException("this handle belongs to a transaction that has ended; use the "
                        + "DBConnection the transaction was started from");
            }
        }

        boolean isOpen() {
            return open;
        }

        /** A statement of the current level failed; the first failure is what the level reports. */
        void failed(BelayException e) {
            if (level.failure == null) {
                level.failure = e;
            }
            if (lease != null && level.savepoint == null) {
                lease.setRollbackOnly(); // Belay cannot roll the external transaction back; its manager must
            }
        }

        /**
         * Registers what puts back a value Belay wrote into a caller's object (a generated key filled into a bean),
         * run if the current level rolls back, so that no object holds what PostgreSQL did not commit.
         */
        void onRollback(Runnable undo) {
            if (level.undo == null) {
                level.undo = new ArrayList<>();
            }
            level.undo.add(undo);
        }

        void opened(Streams.State stream) {
            streams.add(stream);
        }

        void closed(Streams.State stream) {
            streams.remove(stream);
        }

        private void closeStreams() {
            for (Streams.State s : List.copyOf(streams)) {
                s.release(false);
            }
            streams.clear();
        }
    }

    /** One level: the whole transaction (no savepoint) or a savepoint inside it. */
    private static final class Level {
        final @Nullable Savepoint savepoint;
        final @Nullable Level parent;
        @Nullable BelayException failure;
        /** What puts back the values written into callers' objects at this level, in the order they were written. */
        @Nullable List<Runnable> undo;

        Level(@Nullable Savepoint savepoint, @Nullable Level parent) {
            this.savepoint = savepoint;
            this.parent = parent;
        }

        /** The level rolled back: puts the objects back, latest write first; a setter's failure joins the cause. */
        void undo(Throwable cause) {
            for (int i = undo == null ? -1 : undo.size() - 1; i >= 0; i--) {
                try {
                    undo.get(i).run();
                } catch (RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
            undo = null;
        }

        /** The savepoint was released: its writes stand or fall with the level around it. */
        void keepIn(Level outer) {
            if (undo != null) {
                if (outer.undo == null) {
                    outer.undo = new ArrayList<>();
                }
                outer.undo.addAll(undo);
            }
        }
    }

    static <T> T nested(Session session, Tx tx, TxOptions options, TransactionBody<T> body) {
        tx.requireOpen();
        if (options.isolation() != null || options.readOnly() || options.retries() > 0) {
            throw new IllegalStateException("a nested transaction is a savepoint: isolation, read-only and retries "
                    + "can only be set on the outermost transaction (or use TxOptions.requiresNew())");
        }
        Connection c = tx.connection;
        Engine engine = session.engine();
        Savepoint savepoint;
        try {
            savepoint = c.setSavepoint("belay_" + (++tx.savepoints));
        } catch (SQLException e) {
            BelayException error = engine.translate(e, "SAVEPOINT", List.of());
            tx.failed(error);
            throw error;
        }
        Level level = new Level(savepoint, tx.level);
        tx.level = level;
        T result;
        try {
            result = body.run(new DBConnection(session));
        } catch (Throwable e) {
            // any Throwable, checked ones too (sneaky throws, Kotlin): the savepoint's work must not stay
            tx.level = level.parent;
            Throwable thrown = firstFailure(level, e, "savepoint");
            rollbackTo(tx, savepoint, thrown);
            level.undo(thrown);
            throw sneaky(thrown);
        }
        tx.level = level.parent;
        if (level.failure != null) {
            rollbackTo(tx, savepoint, level.failure);
            level.undo(level.failure);
            throw new TransactionRolledBackException("the savepoint was rolled back: a statement in it failed ("
                    + level.failure.getClass().getSimpleName() + ") and the body returned normally; none of its work "
                    + "remains. Let the exception propagate, or handle it before the savepoint's body returns",
                    level.failure, ErrorContext.of(level.failure.sql()).sqlState(level.failure.sqlState()));
        }
        try {
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            BelayException error = engine.translate(e, "RELEASE SAVEPOINT", List.of());
            tx.failed(error);
            throw error;
        }
        level.keepIn(tx.level);
        return result;
    }

    /**
     * {@code db.transaction(body)} inside an external transaction: a savepoint of it. While the body runs the
     * DBConnection itself is refused on this thread, as inside Belay's own transactions; when it ends, streams the
     * body left open are closed and the handle it got refuses further calls.
     */
    static <T> T inExternal(Session session, Tx tx, TxOptions options, TransactionBody<T> body) {
        Engine engine = session.engine();
        Tx previous = engine.enter(tx);
        try {
            if (options.isolation() != null || options.readOnly() || options.retries() > 0) {
                throw new IllegalStateException("inside a transaction that another manager runs (a Spring "
                        + "@Transactional, say), db.transaction is a savepoint of it: set isolation and read-only on "
                        + "that transaction, retry around it, or use TxOptions.requiresNew()");
            }
            return nested(session.in(tx), tx, options, body);
        } finally {
            tx.open = false;
            tx.closeStreams();
            engine.exit(previous);
            tx.release();
        }
    }

    private static void rollbackTo(Tx tx, Savepoint savepoint, Throwable cause) {
        try {
            tx.connection.rollback(savepoint);
        } catch (SQLException e) {
            cause.addSuppressed(e);
            // the transaction is broken, not just the savepoint: the outer level must not commit
            tx.failed(Errors.translate(e, "ROLLBACK TO SAVEPOINT", null, false));
        }
    }

    static <T> T outermost(Session session, TxOptions options, TransactionBody<T> body) {
        Engine engine = session.engine();
        Connection c = engine.borrow(session.route());
        Tx tx = new Tx(c);
        Tx previous = engine.enter(tx);
        boolean lentAutoCommit = true;
        try {
            lentAutoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            String characteristics = characteristics(options);
            if (characteristics != null) {
                try (Statement st = c.createStatement()) {
                    st.execute(characteristics);
                }
            }
            LocalSettings.apply(c, engine.localSettings);
            T result = body.run(new DBConnection(session.in(tx)));
            tx.closeStreams();
            commit(engine, tx);
            return result;
        } catch (SQLException e) {
            rollback(c, e);
            throw engine.translate(e, "BEGIN", List.of());
        } catch (Throwable e) {
            Throwable thrown = firstFailure(tx.level, e, "transaction");
            rollback(c, thrown);
            tx.level.undo(thrown);
            throw sneaky(thrown);
        } finally {
            tx.open = false;
            tx.closeStreams();
            engine.exit(previous);
            Engine.giveBack(c, lentAutoCommit);
        }
    }

    /** PostgreSQL's "current transaction is aborted, commands ignored until end of transaction block". */
    private static final String ABORTED = "25P02";

    /**
     * What a body's exception says when a statement of its level failed before and the body caught that: a
     * statement refused only because the transaction was already aborted (25P02) tells nothing of why, and would not
     * be retried; the first failure does both, so it becomes the cause (the refusal stays, suppressed).
     */
    private static Throwable firstFailure(Level level, Throwable e, String what) {
        BelayException first = level.failure;
        if (first == null || !(e instanceof BelayException refused) || !ABORTED.equals(refused.sqlState())) {
            return e;
        }
        TransactionRolledBackException error = new TransactionRolledBackException("the " + what + " was rolled back: "
                + "a statement in it failed (" + first.getClass().getSimpleName() + "), the body caught that and went "
                + "on, and PostgreSQL refused the next statement because the transaction was aborted; nothing of it "
                + "remains. Let the first exception propagate, or use a nested transaction (a savepoint) around the "
                + "statement that may fail", first, ErrorContext.of(first.sql()).sqlState(first.sqlState()));
        error.addSuppressed(e);
        return error;
    }

    /**
     * The isolation level and access mode for this transaction only. SET TRANSACTION ends with the transaction,
     * so unlike {@code Connection.setTransactionIsolation} nothing lingers on the pooled connection.
     */
    private static @Nullable String characteristics(TxOptions options) {
        String isolation = options.isolation() == null ? null : switch (options.isolation()) {
            case Connection.TRANSACTION_SERIALIZABLE -> "ISOLATION LEVEL SERIALIZABLE";
            case Connection.TRANSACTION_REPEATABLE_READ -> "ISOLATION LEVEL REPEATABLE READ";
            default -> "ISOLATION LEVEL READ COMMITTED";
        };
        if (isolation == null && !options.readOnly()) {
            return null;
        }
        return "SET TRANSACTION " + (isolation == null ? "READ ONLY"
                : isolation + (options.readOnly() ? ", READ ONLY" : ""));
    }

    /**
     * Commits only a transaction in which nothing failed, as far as Belay saw and as far as the server says;
     * otherwise rolls back and throws. A COMMIT whose connection broke has an unknown outcome, and says so.
     */
    private static void commit(Engine engine, Tx tx) throws SQLException {
        Connection c = tx.connection;
        BelayException failure = tx.level.failure;
        if (failure == null && serverSaysFailed(c)) {
            failure = new BelayException("PostgreSQL reports the transaction as failed", null,
                    ErrorContext.NONE.sqlState(ABORTED));
        }
        if (failure != null) {
            try {
                c.rollback();
            } catch (SQLException e) {
                // a dead connection rolls back by itself; what the caller needs is the first failure
                failure.addSuppressed(e);
            }
            throw new TransactionRolledBackException("the transaction was rolled back, not committed: a statement "
                    + "in it failed (" + failure.getClass().getSimpleName() + ") and the body returned normally; "
                    + "nothing of it was committed. Let the exception propagate, or use a nested transaction "
                    + "(a savepoint) around the statement that may fail", failure,
                    ErrorContext.of(failure.sql()).sqlState(failure.sqlState()));
        }
        try {
            c.commit();
        } catch (SQLException e) {
            BelayException error = engine.translate(e, "COMMIT", List.of());
            if (error instanceof ConnectionLostException) {
                throw new ConnectionLostException("the connection was lost during COMMIT, so whether the "
                        + "transaction committed is unknown; check before retrying: " + error.getMessage(), e,
                        error.context());
            }
            throw error;
        }
    }

    /** pgjdbc's own view of the session: FAILED after an error the transaction has not rolled back. */
    private static boolean serverSaysFailed(Connection c) {
        try {
            return c.isWrapperFor(BaseConnection.class)
                    && c.unwrap(BaseConnection.class).getTransactionState() == TransactionState.FAILED;
        } catch (SQLException e) {
            return true; // the connection cannot even say: committing would be a guess
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Rethrows any Throwable unchanged, checked ones included, without wrapping. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
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
