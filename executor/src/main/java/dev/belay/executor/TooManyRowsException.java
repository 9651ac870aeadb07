package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code one(query)} found more than one row. */
public final class TooManyRowsException extends BelayException {
    private static final long serialVersionUID = 1L;

    public TooManyRowsException(String message, @Nullable Throwable cause, @Nullable String sqlState, @Nullable String sql,
            @Nullable String table, @Nullable String column, @Nullable String constraint) {
        super(message, cause, sqlState, sql, table, column, constraint);
    }
}
