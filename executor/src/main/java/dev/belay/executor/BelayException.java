package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The root of Belay's unchecked exceptions. Each carries the SQLSTATE (when the server gave one), the
 * table, column and constraint the server named, and the SQL that failed. Parameter values appear in the
 * message only when {@link DBConfig.Builder#logParameters(boolean)} allows it: they may be secrets.
 */
public class BelayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String sqlState;
    private final @Nullable String sql;
    private final @Nullable String table;
    private final @Nullable String column;
    private final @Nullable String constraint;

    public BelayException(String message, @Nullable Throwable cause) {
        this(message, cause, null, null, null, null, null);
    }

    public BelayException(String message, @Nullable Throwable cause, @Nullable String sqlState, @Nullable String sql,
                          @Nullable String table, @Nullable String column, @Nullable String constraint) {
        super(message, cause);
        this.sqlState = sqlState;
        this.sql = sql;
        this.table = table;
        this.column = column;
        this.constraint = constraint;
    }

    /** The five-character SQLSTATE, e.g. {@code 23505}; null for errors raised by Belay itself. */
    public @Nullable String sqlState() {
        return sqlState;
    }

    /** The SQL text that failed, with placeholders. */
    public @Nullable String sql() {
        return sql;
    }

    /** The table the server named, if any. */
    public @Nullable String table() {
        return table;
    }

    /** The column the server (or Belay) named, if any. */
    public @Nullable String column() {
        return column;
    }

    /** The constraint the server named, if any. */
    public @Nullable String constraint() {
        return constraint;
    }
}
