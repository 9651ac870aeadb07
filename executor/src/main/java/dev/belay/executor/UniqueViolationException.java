package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A row would duplicate a unique key (SQLSTATE 23505); {@link #constraint()} names the index. */
public final class UniqueViolationException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new UniqueViolationException(message, cause, ErrorContext.of(sql))}.
     */
    public UniqueViolationException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
