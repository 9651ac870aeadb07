package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * No read replica could take work routed to one, and {@link ReplicaFallback#FAIL} forbids sending it to the
 * primary. The message names each replica and its last connection failure; the cause is the latest of them.
 */
public final class ReplicaUnavailableException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's routing; public so that a test or a wrapper can raise the same type:
     * {@code new ReplicaUnavailableException(message, cause, ErrorContext.NONE)}.
     */
    public ReplicaUnavailableException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
