package dev.belay.dsl;

/**
 * A data-changing statement without RETURNING: executing it gives the number of rows it changed.
 * Adding {@code returning(...)} turns it into a {@link ResultQuery}, so the executor's {@code exec}
 * returns {@code int} for one and {@code List<T>} for the other, without casts.
 */
public interface RowCountQuery extends Query {}
