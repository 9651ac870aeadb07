package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A result column could not be read into the requested Java type without loss: NULL into a primitive or
 * non-null property, a PostgreSQL type that cannot become the Java type, a value out of range or with a
 * fraction, a missing or duplicated column. {@link #column()} names the column.
 */
public final class MappingException extends BelayException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by Belay's error translation; public so that a test or a wrapper can raise the same type:
     * {@code new MappingException(message, cause, ErrorContext.of(sql))}.
     */
    public MappingException(String message, @Nullable Throwable cause, ErrorContext context) {
        super(message, cause, context);
    }
}
