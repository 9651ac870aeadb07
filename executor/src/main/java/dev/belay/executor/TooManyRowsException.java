package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code one(query)} or {@code fetchValue(query)} found more than one row. */
public final class TooManyRowsException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new TooManyRowsException(message, cause, ErrorContext.of(sql))}.
     */
    public TooManyRowsException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
