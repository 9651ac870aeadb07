package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A parameter value could not be sent: an unsupported Java type, or a value PostgreSQL would store as
 * something else (NUL or an unpaired surrogate in text, a date or number out of range, sub-microsecond
 * time). Nothing was sent; {@link #column()} or the message names the column or parameter.
 */
public final class BindException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new BindException(message, cause, ErrorContext.of(sql))}.
     */
    public BindException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
