package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A serializable or repeatable-read transaction conflicted with another (SQLSTATE 40001); retry the transaction. */
public final class SerializationFailureException extends TransientException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new SerializationFailureException(message, cause, ErrorContext.of(sql))}.
     */
    public SerializationFailureException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
