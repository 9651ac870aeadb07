package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/** The statement ran past its timeout or was cancelled (SQLSTATE 57014). */
public final class QueryTimeoutException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new QueryTimeoutException(message, cause, ErrorContext.of(sql))}.
     */
    public QueryTimeoutException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
