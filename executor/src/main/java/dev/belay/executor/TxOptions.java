package dev.belay.executor;

import java.sql.Connection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a transaction runs: isolation level, read-only, how often to retry the whole transaction when it fails
 * with a serialization failure (40001) or deadlock (40P01), and whether it is independent of a transaction
 * the thread is already in. Isolation and read-only are set with {@code SET TRANSACTION}, so they end with
 * the transaction and never linger on the pooled connection.
 *
 * <pre>{@code
 * db.transaction(TxOptions.serializable().retries(5), tx -> ...);
 * tx.transaction(TxOptions.requiresNew(), audit -> audit.exec(insertInto(AUDIT).values(entry)));
 * }</pre>
 *
 * @param isolation   one of {@link Connection}'s TRANSACTION_ constants, or null for the server default
 * @param independent run on a connection of its own, committed independently of any transaction the calling
 *                    thread is in (instead of a savepoint of it)
 */
public record TxOptions(@Nullable Integer isolation, boolean readOnly, int retries, boolean independent) {
    /** The server's default isolation, read-write, no retries, joining a transaction the thread is in. */
    public static final TxOptions DEFAULT = new TxOptions(null, false, 0, false);

    /**
     * Checks the options: {@code new TxOptions(Connection.TRANSACTION_SERIALIZABLE, false, 3, false)} is
     * {@code TxOptions.serializable().retries(3)}.
     *
     * @throws IllegalArgumentException for negative retries or an isolation level PostgreSQL does not have
     */
    public TxOptions {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        if (isolation != null && isolation != Connection.TRANSACTION_READ_COMMITTED
                && isolation != Connection.TRANSACTION_REPEATABLE_READ && isolation != Connection.TRANSACTION_SERIALIZABLE) {
            throw new IllegalArgumentException("isolation must be READ COMMITTED, REPEATABLE READ or SERIALIZABLE");
        }
    }

    /** {@code SET TRANSACTION ISOLATION LEVEL SERIALIZABLE}. */
    public static TxOptions serializable() {
        return DEFAULT.isolation(Connection.TRANSACTION_SERIALIZABLE);
    }

    /** {@code SET TRANSACTION ISOLATION LEVEL REPEATABLE READ}. */
    public static TxOptions repeatableRead() {
        return DEFAULT.isolation(Connection.TRANSACTION_REPEATABLE_READ);
    }

    /**
     * An independent transaction on its own connection, even when called inside another one (which a nested
     * call would make a savepoint of): {@code db.transaction(TxOptions.requiresNew(), tx -> ...)}. It commits or
     * rolls back on its own; it needs a second pooled connection while the outer one is held.
     */
    public static TxOptions requiresNew() {
        return DEFAULT.independent(true);
    }

    /** A copy with an isolation level, one of {@link Connection}'s TRANSACTION_ constants (not READ UNCOMMITTED). */
    public TxOptions isolation(int level) {
        return new TxOptions(level, readOnly, retries, independent);
    }

    /**
     * {@code readOnly(true)} sends {@code SET TRANSACTION READ ONLY}: writes fail with SQLSTATE 25006
     * ({@link ReadOnlyTransactionException}). With read replicas configured ({@link DBConfig.Builder#replica}), such
     * an outermost transaction runs on a replica, unless it is SERIALIZABLE, which a standby refuses.
     */
    public TxOptions readOnly(boolean value) {
        return new TxOptions(isolation, value, retries, independent);
    }

    /** Run the whole transaction again up to {@code count} times on 40001/40P01, with exponential backoff and jitter. */
    public TxOptions retries(int count) {
        return new TxOptions(isolation, readOnly, count, independent);
    }

    /** {@code independent(true)} is {@link #requiresNew()} with this one's other options. */
    public TxOptions independent(boolean value) {
        return new TxOptions(isolation, readOnly, retries, value);
    }
}
