package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The connection failed or could not be opened (SQLSTATE class 08, 57P01 and friends). Work of the current
 * transaction is lost; a COMMIT that failed this way has an unknown outcome, which the message says.
 */
public final class ConnectionLostException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new ConnectionLostException(message, cause, ErrorContext.of(sql))}.
     */
    public ConnectionLostException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
