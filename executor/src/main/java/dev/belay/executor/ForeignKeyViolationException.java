package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A row would reference a missing row, or a referenced row would go (SQLSTATE 23503). */
public final class ForeignKeyViolationException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    public ForeignKeyViolationException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
