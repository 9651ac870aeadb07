package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A row would duplicate a unique key (SQLSTATE 23505); {@link #constraint()} names the index. */
public final class UniqueViolationException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    public UniqueViolationException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
