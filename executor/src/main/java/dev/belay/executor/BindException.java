package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A parameter value could not be sent: unsupported Java type, NUL in text, or a value the type cannot carry. */
public final class BindException extends BelayException {
    private static final long serialVersionUID = 1L;

    public BindException(String message, @Nullable Throwable cause, @Nullable String sqlState, @Nullable String sql,
            @Nullable String table, @Nullable String column, @Nullable String constraint) {
        super(message, cause, sqlState, sql, table, column, constraint);
    }
}
