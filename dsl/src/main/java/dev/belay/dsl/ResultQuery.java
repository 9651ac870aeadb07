package dev.belay.dsl;

import java.util.List;

/**
 * A query that returns rows of type {@code R}: a SELECT, or a data-changing statement with RETURNING.
 *
 * @param <R> the Java type of one result row
 */
public interface ResultQuery<R> extends Query {
    /** The projected fields, in result-column order. */
    List<Field<?>> fields();

    /** The Java type of one row: a record, a class, a tuple, a scalar type or {@link Row}. */
    Class<R> resultType();
}
