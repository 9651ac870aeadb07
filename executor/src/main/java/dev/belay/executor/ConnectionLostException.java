package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** The connection failed or could not be obtained (SQLSTATE class 08, or the pool timed out). */
public final class ConnectionLostException extends BelayException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message, @Nullable Throwable cause, @Nullable String sqlState, @Nullable String sql,
            @Nullable String table, @Nullable String column, @Nullable String constraint) {
        super(message, cause, sqlState, sql, table, column, constraint);
    }
}
