package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code one(query)} found no row. */
public final class NoRowException extends BelayException {
    private static final long serialVersionUID = 1L;

    public NoRowException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
