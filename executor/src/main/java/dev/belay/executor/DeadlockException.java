package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** The server broke a deadlock by failing this transaction (SQLSTATE 40P01); retry the transaction. */
public final class DeadlockException extends TransientException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new DeadlockException(message, cause, ErrorContext.of(sql))}.
     */
    public DeadlockException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
