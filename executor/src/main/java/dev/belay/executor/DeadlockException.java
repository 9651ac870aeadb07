package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** The server broke a deadlock by failing this transaction (SQLSTATE 40P01); retry the transaction. */
public final class DeadlockException extends TransientException {
    private static final long serialVersionUID = 1L;

    public DeadlockException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
