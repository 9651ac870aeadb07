package dev.belay.executor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The server settings of {@link DBConfig} for a connection that does not keep its server session, behind
 * PgBouncer in transaction mode: there the startup options Belay would send are refused, and a session
 * {@code SET} would stay on a server connection that other clients get next. {@code set_config(name, value, true)}
 * is {@code SET LOCAL}: it lasts until the transaction ends, so it is sent at the start of every transaction.
 */
final class LocalSettings {
    private LocalSettings() {}

    /**
     * The statement that sets the timeouts for the current transaction, or null when nothing needs setting (not
     * in PgBouncer transaction mode, where the pool's startup options set them, or no timeout configured).
     */
    static @Nullable String of(DBConfig config) {
        if (!config.pgbouncerTransactionMode()
                || config.statementTimeout() == null && config.lockTimeout() == null) {
            return null;
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        if (config.statementTimeout() != null) {
            sql.append("set_config('statement_timeout', '").append(DBConnection.ceilMillis(config.statementTimeout()))
                    .append("', true)");
        }
        if (config.lockTimeout() != null) {
            sql.append(config.statementTimeout() != null ? ", " : "").append("set_config('lock_timeout', '")
                    .append(DBConnection.ceilMillis(config.lockTimeout())).append("', true)");
        }
        return sql.toString();
    }

    /** Runs {@code sql} (from {@link #of}) in the transaction {@code c} has begun, after any SET TRANSACTION. */
    static void apply(Connection c, @Nullable String sql) throws SQLException {
        if (sql != null) {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }
    }
}
