package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A serializable or repeatable-read transaction conflicted with another (SQLSTATE 40001); retry the transaction. */
public final class SerializationFailureException extends TransientException {
    private static final long serialVersionUID = 1L;

    public SerializationFailureException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
