package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A transaction or savepoint was rolled back instead of committed because a statement in it failed, even
 * though its body returned normally (it caught the failure). {@link #getCause()} is the first failure.
 * PostgreSQL cannot commit a transaction after a failed statement; Belay never reports one as done.
 */
public final class TransactionRolledBackException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new TransactionRolledBackException(message, cause, ErrorContext.of(sql))}.
     */
    public TransactionRolledBackException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
