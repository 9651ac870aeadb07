package dev.belay.executor;

import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a {@link BelayException} happened: the SQLSTATE the server gave, the SQL that failed, the table,
 * column and constraint at fault, and for a bulk write the index of the input row at fault. One value instead
 * of a row of positional nulls; each part is null when unknown.
 *
 * <pre>{@code
 * ErrorContext.of(sql).column("users.name")   // a Belay-side failure naming its column
 * ErrorContext.of(sql).column("email").row(2) // the third input row of a bulk write
 * }</pre>
 */
public record ErrorContext(@Nullable String sqlState, @Nullable String sql, @Nullable String table,
                           @Nullable String column, @Nullable String constraint, @Nullable Integer row)
        implements Serializable {
    /** Serializable with the exceptions that carry it (JDK 21's javac flags the field of one that is not). */
    private static final long serialVersionUID = 1L;

    /** Nothing known: an error raised before any SQL was involved. */
    public static final ErrorContext NONE = new ErrorContext(null, null, null, null, null, null);

    /** A failure of statement {@code sql} (null when there is none). */
    public static ErrorContext of(@Nullable String sql) {
        return sql == null ? NONE : NONE.sql(sql);
    }

    /** A copy with the SQLSTATE: {@code ctx.sqlState("23505")}. */
    public ErrorContext sqlState(@Nullable String state) {
        return new ErrorContext(state, sql, table, column, constraint, row);
    }

    /** A copy with the SQL text that failed, with its placeholders. */
    public ErrorContext sql(@Nullable String text) {
        return new ErrorContext(sqlState, text, table, column, constraint, row);
    }

    /** A copy naming the table: {@code ctx.table("users")}. */
    public ErrorContext table(@Nullable String name) {
        return new ErrorContext(sqlState, sql, name, column, constraint, row);
    }

    /** A copy naming the column: {@code ctx.column("email")}. */
    public ErrorContext column(@Nullable String name) {
        return new ErrorContext(sqlState, sql, table, name, constraint, row);
    }

    /** A copy naming the constraint: {@code ctx.constraint("users_email_key")}. */
    public ErrorContext constraint(@Nullable String name) {
        return new ErrorContext(sqlState, sql, table, column, name, row);
    }

    /** The 0-based index, in the caller's input, of the row a bulk write failed on. */
    public ErrorContext row(@Nullable Integer index) {
        return new ErrorContext(sqlState, sql, table, column, constraint, index);
    }
}
