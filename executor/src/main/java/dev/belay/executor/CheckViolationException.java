package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A row fails a CHECK constraint (SQLSTATE 23514). */
public final class CheckViolationException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    public CheckViolationException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
