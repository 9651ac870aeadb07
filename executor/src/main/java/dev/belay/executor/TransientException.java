package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** The statement failed because of other transactions and may succeed if the whole transaction is run again. */
public class TransientException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new TransientException(message, cause, ErrorContext.of(sql))}.
     */
    public TransientException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
