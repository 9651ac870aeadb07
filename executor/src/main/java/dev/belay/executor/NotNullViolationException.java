package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A NOT NULL column would get NULL (SQLSTATE 23502); {@link #column()} names it. */
public final class NotNullViolationException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new NotNullViolationException(message, cause, ErrorContext.of(sql))}.
     */
    public NotNullViolationException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
