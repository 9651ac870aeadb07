package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A value Belay will not send, said without knowing which parameter it is: the statement pipeline, which
 * knows the parameter's column or placeholder and the SQL, turns it into a {@link BindException}.
 */
final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
        this(reason, null);
    }

    Refused(String reason, @Nullable Throwable cause) {
        super(reason, cause, false, false);
    }
}
