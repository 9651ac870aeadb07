package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A row would reference a missing row, or a referenced row would go (SQLSTATE 23503). */
public final class ForeignKeyViolationException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new ForeignKeyViolationException(message, cause, ErrorContext.of(sql))}.
     */
    public ForeignKeyViolationException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
