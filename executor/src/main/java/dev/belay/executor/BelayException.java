package dev.belay.executor;

import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The root of Belay's unchecked exceptions. Each carries an {@link ErrorContext}: the SQLSTATE (when the
 * server gave one), the table, column and constraint at fault, and the SQL that failed. Parameter values
 * appear in the message only when {@link DBConfig.Builder#logParameters(boolean)} allows it: they may be
 * secrets.
 */
public class BelayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where the failure happened. */
    private final ErrorContext context;

    /** An error with no SQL context: {@code new BelayException("what failed and what to do", cause)}. */
    public BelayException(String message, @Nullable Throwable cause) {
        this(message, cause, ErrorContext.NONE);
    }

    /** An error in context: {@code new BelayException(message, cause, ErrorContext.of(sql).table("users"))}. */
    public BelayException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause);
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Where the failure happened, as one value. */
    public ErrorContext context() {
        return context;
    }

    /** The five-character SQLSTATE, e.g. {@code 23505}; null for errors raised by Belay itself. */
    public @Nullable String sqlState() {
        return context.sqlState();
    }

    /** The SQL text that failed, with placeholders. */
    public @Nullable String sql() {
        return context.sql();
    }

    /** The table the server named, if any. */
    public @Nullable String table() {
        return context.table();
    }

    /** The column the server (or Belay) named, if any. */
    public @Nullable String column() {
        return context.column();
    }

    /** The constraint the server named, if any. */
    public @Nullable String constraint() {
        return context.constraint();
    }

    /** For a bulk write, the 0-based index of the input row at fault, if known. */
    public @Nullable Integer row() {
        return context.row();
    }
}
