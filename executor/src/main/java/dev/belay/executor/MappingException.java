package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A result column could not be read into the requested Java type: NULL into a primitive or non-null field, an unsupported type, a value out of range. */
public final class MappingException extends BelayException {
    private static final long serialVersionUID = 1L;

    public MappingException(String message, @Nullable Throwable cause, @Nullable String sqlState, @Nullable String sql,
            @Nullable String table, @Nullable String column, @Nullable String constraint) {
        super(message, cause, sqlState, sql, table, column, constraint);
    }
}
