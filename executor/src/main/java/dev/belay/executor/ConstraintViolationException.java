package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A statement broke an integrity constraint (SQLSTATE class 23). */
public class ConstraintViolationException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new ConstraintViolationException(message, cause, ErrorContext.of(sql))}.
     */
    public ConstraintViolationException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
