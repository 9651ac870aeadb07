package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a {@link BelayException} happened: the SQLSTATE the server gave, the SQL that failed, and the table,
 * column and constraint at fault. One value instead of a row of positional nulls; each part is null when
 * unknown.
 *
 * <pre>{@code
 * ErrorContext.of(sql).column("users.name")   // a Belay-side failure naming its column
 * }</pre>
 */
public record ErrorContext(@Nullable String sqlState, @Nullable String sql, @Nullable String table,
                           @Nullable String column, @Nullable String constraint) {
    /** Nothing known: an error raised before any SQL was involved. */
    public static final ErrorContext NONE = new ErrorContext(null, null, null, null, null);

    /** A failure of statement {@code sql} (null when there is none). */
    public static ErrorContext of(@Nullable String sql) {
        return sql == null ? NONE : new ErrorContext(null, sql, null, null, null);
    }

    public ErrorContext sqlState(@Nullable String state) {
        return new ErrorContext(state, sql, table, column, constraint);
    }

    public ErrorContext sql(@Nullable String text) {
        return new ErrorContext(sqlState, text, table, column, constraint);
    }

    public ErrorContext table(@Nullable String name) {
        return new ErrorContext(sqlState, sql, name, column, constraint);
    }

    public ErrorContext column(@Nullable String name) {
        return new ErrorContext(sqlState, sql, table, name, constraint);
    }

    public ErrorContext constraint(@Nullable String name) {
        return new ErrorContext(sqlState, sql, table, column, name);
    }
}
