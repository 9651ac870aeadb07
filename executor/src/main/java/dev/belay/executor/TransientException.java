package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** The statement failed because of other transactions and may succeed if the whole transaction is run again. */
public class TransientException extends BelayException {
    private static final long serialVersionUID = 1L;

    public TransientException(String message, @Nullable Throwable cause, @Nullable String sqlState, @Nullable String sql,
            @Nullable String table, @Nullable String column, @Nullable String constraint) {
        super(message, cause, sqlState, sql, table, column, constraint);
    }
}
