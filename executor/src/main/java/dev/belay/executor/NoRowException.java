package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code one(query)} found no row. */
public final class NoRowException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new NoRowException(message, cause, ErrorContext.of(sql))}.
     */
    public NoRowException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
