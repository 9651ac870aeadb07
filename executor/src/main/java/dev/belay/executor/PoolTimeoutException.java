package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * No pooled connection became free within the pool's connection timeout: every connection was lent out.
 * The message gives the pool's active, idle and waiting counts. Return connections sooner (close streams,
 * keep transactions short) or enlarge the pool; the database itself may be fine.
 */
public final class PoolTimeoutException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new PoolTimeoutException(message, cause, ErrorContext.of(sql))}.
     */
    public PoolTimeoutException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
