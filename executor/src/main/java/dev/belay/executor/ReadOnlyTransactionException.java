package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A statement that writes ran where writes are refused (SQLSTATE 25006, read_only_sql_transaction): on a read
 * replica, through {@link DBConnection#replica()} or a read-only transaction routed to one, or in a transaction
 * started with {@code TxOptions.readOnly(true)}. Nothing was written; run the statement on the
 * {@link DBConnection} itself, or in a read-write transaction.
 */
public final class ReadOnlyTransactionException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new ReadOnlyTransactionException(message, cause, ErrorContext.of(sql))}.
     */
    public ReadOnlyTransactionException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
