package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A row helper ({@code update(row)}, {@code delete(row)}, {@code delete(table, key)}, {@code refresh(row)}) found
 * no row with the given primary key: it was deleted, or its key changed, since the row was read. Nothing was
 * changed, so a transaction around the call may still commit. {@link #table()} names the table; the message names
 * the key columns, and their values only when {@link DBConfig.Builder#logParameters(boolean)} allows it.
 *
 * <pre>{@code
 * try {
 *     db.update(user);
 * } catch (RowNotFoundException e) {
 *     // someone deleted it meanwhile: e.table() is "users"
 * }
 * }</pre>
 */
public final class RowNotFoundException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new RowNotFoundException(message, cause, ErrorContext.of(sql))}.
     */
    public RowNotFoundException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
