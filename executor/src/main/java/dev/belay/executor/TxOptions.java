package dev.belay.executor;

import java.sql.Connection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a transaction runs: isolation level, read-only, and how often to retry the whole transaction when it
 * fails with a serialization failure (40001) or deadlock (40P01). Retries apply at the outermost level only.
 *
 * <pre>{@code
 * db.transaction(TxOptions.serializable().retries(5), tx -> ...);
 * }</pre>
 *
 * @param isolation one of {@link Connection}'s TRANSACTION_ constants, or null for the server default
 */
public record TxOptions(@Nullable Integer isolation, boolean readOnly, int retries) {
    public static final TxOptions DEFAULT = new TxOptions(null, false, 0);

    public TxOptions {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        if (isolation != null && isolation != Connection.TRANSACTION_READ_COMMITTED
                && isolation != Connection.TRANSACTION_REPEATABLE_READ && isolation != Connection.TRANSACTION_SERIALIZABLE) {
            throw new IllegalArgumentException("isolation must be READ COMMITTED, REPEATABLE READ or SERIALIZABLE");
        }
    }

    public static TxOptions serializable() {
        return DEFAULT.isolation(Connection.TRANSACTION_SERIALIZABLE);
    }

    public static TxOptions repeatableRead() {
        return DEFAULT.isolation(Connection.TRANSACTION_REPEATABLE_READ);
    }

    public TxOptions isolation(int level) {
        return new TxOptions(level, readOnly, retries);
    }

    public TxOptions readOnly(boolean value) {
        return new TxOptions(isolation, value, retries);
    }

    /** Run the whole transaction again up to {@code count} times on 40001/40P01, with exponential backoff and jitter. */
    public TxOptions retries(int count) {
        return new TxOptions(isolation, readOnly, count);
    }
}
