package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A row fails a CHECK constraint (SQLSTATE 23514). */
public final class CheckViolationException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new CheckViolationException(message, cause, ErrorContext.of(sql))}.
     */
    public CheckViolationException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
