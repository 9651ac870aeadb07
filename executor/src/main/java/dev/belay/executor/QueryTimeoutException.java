package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** The statement ran past its timeout or was cancelled (SQLSTATE 57014), or waited too long for a lock (55P03). */
public final class QueryTimeoutException extends BelayException {
    private static final long serialVersionUID = 1L;

    public QueryTimeoutException(String message, @Nullable Throwable cause, @Nullable String sqlState, @Nullable String sql,
            @Nullable String table, @Nullable String column, @Nullable String constraint) {
        super(message, cause, sqlState, sql, table, column, constraint);
    }
}
