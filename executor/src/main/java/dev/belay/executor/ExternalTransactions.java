package dev.belay.executor;

import java.sql.Connection;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Lets a transaction manager outside Belay (Spring's, a JTA bridge, your own) lend Belay the connection of the
 * transaction it runs on the current thread, so that Belay's statements become part of that transaction:
 *
 * <pre>{@code
 * DBConnection db = DBConnection.of(dataSource, DBConfig.settings().build(), myTransactions);
 * }</pre>
 *
 * <p>Every Belay call asks {@link #join} first. When it answers null, the call borrows from the DataSource and
 * commits on its own exactly as without this interface. When it answers a {@link Lease}, the call runs on the
 * lease's connection and Belay never commits, rolls back or changes autocommit on it:
 * <ul>
 *   <li>{@code db.transaction(tx -> ...)} becomes a SAVEPOINT of the external transaction: released when the body
 *       returns, rolled back to when it throws (the external transaction goes on);</li>
 *   <li>the calls that are atomic on their own (bulk writes, COPY, {@code one()} on a data-modifying statement,
 *       the row helpers) run in a savepoint of it, rolled back when they fail;</li>
 *   <li>any other failed statement, after which PostgreSQL refuses every statement until the transaction rolls
 *       back, calls {@link Lease#setRollbackOnly()}: even when the caller catches the exception, the external
 *       transaction must end in a rollback;</li>
 *   <li>{@link Lease#release()} is called once per lease, when the call (or the stream, or the
 *       {@code db.transaction} body) is done with the connection.</li>
 * </ul>
 * {@code TxOptions.requiresNew()} still borrows a connection of its own from the DataSource: an independent
 * transaction, which Belay commits itself.
 */
@FunctionalInterface
public interface ExternalTransactions {
    /**
     * The transaction running on the current thread over {@code dataSource}, lent for one Belay call; null when
     * there is none, and Belay then runs as without this interface.
     */
    @Nullable Lease join(DataSource dataSource);

    /** The loan of an external transaction's connection to one Belay call. */
    interface Lease {
        /** The transaction's connection, with autocommit off. Belay never closes it. */
        Connection connection();

        /**
         * A statement failed in a way that left the transaction unable to commit: the manager must roll it back
         * when it ends (Spring: {@code ConnectionHolder.setRollbackOnly()}, so a commit throws
         * {@code UnexpectedRollbackException}).
         */
        void setRollbackOnly();

        /** Belay is done with the connection; it must stay open, the transaction goes on. */
        void release();

        /**
         * The seconds left before the transaction's own deadline, rounded up, or 0 when it has none: each statement
         * Belay runs on the lease is cancelled then at the latest (Spring: {@code @Transactional(timeout = ...)}).
         * It may throw when the deadline has passed already.
         */
        default int timeoutSeconds() {
            return 0;
        }
    }
}
