package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A row or table lock was not available: {@code NOWAIT} found it taken, or {@code lock_timeout} ran out
 * (SQLSTATE 55P03). Distinct from {@link QueryTimeoutException}: the statement waited on another
 * transaction, not on its own work.
 */
public final class LockNotAvailableException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new LockNotAvailableException(message, cause, ErrorContext.of(sql))}.
     */
    public LockNotAvailableException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
