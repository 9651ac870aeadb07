package dev.belay.executor;

import java.lang.System.Logger.Level;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Statement logging through {@code System.Logger} {@code dev.belay.sql}: every finished statement at DEBUG,
 * slow ones at WARNING, failures at DEBUG with their SQLSTATE. Parameter values appear only when the config
 * allows it. It also tells the configured {@link StatementListener}, if any, when a call starts ({@link #started}).
 */
final class SqlLog {
    private static final System.Logger LOG = System.getLogger("dev.belay.sql");

    private final boolean showParams;
    private final long slowNanos;
    private final @Nullable StatementListener listener;

    SqlLog(DBConfig config) {
        this.showParams = config.logParameters();
        this.slowNanos = config.slowQueryThreshold().toNanos();
        this.listener = config.statementListener();
    }

    /** Logs a finished statement: DEBUG always, WARNING when slower than the configured threshold. */
    void finished(String sql, List<?> params, long startNanos, long rows) {
        long nanos = System.nanoTime() - startNanos;
        boolean slow = nanos >= slowNanos;
        Level level = slow ? Level.WARNING : Level.DEBUG;
        if (LOG.isLoggable(level)) {
            LOG.log(level, (slow ? "slow statement, " : "") + String.format("%.3f ms, %d rows: ", nanos / 1e6, rows)
                    + sql + shown(params));
        }
    }

    void failed(BelayException e, String sql, List<?> params) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "failed [" + e.sqlState() + "] " + e.getClass().getSimpleName() + ": " + sql
                    + shown(params));
        }
    }

    /** The configured listener's view of a call about to run {@code sql}, or null when nobody listens. */
    StatementListener.@Nullable Call started(String sql) {
        if (listener == null) {
            return null;
        }
        try {
            StatementListener.Call call = listener.started(sql);
            return call == null ? null : new Guarded(call);
        } catch (RuntimeException e) {
            ignored(e);
            return null;
        }
    }

    /** The listener's own failure must not become the call's: it is logged and dropped. */
    private static void ignored(RuntimeException e) {
        LOG.log(Level.WARNING, "the StatementListener threw (ignored): " + e, e);
    }

    private record Guarded(StatementListener.Call call) implements StatementListener.Call {
        @Override
        public void finished(long rows) {
            try {
                call.finished(rows);
            } catch (RuntimeException e) {
                ignored(e);
            }
        }

        @Override
        public void failed(Throwable failure) {
            try {
                call.failed(failure);
            } catch (RuntimeException e) {
                ignored(e);
            }
        }
    }

    /** Something Belay did on the user's behalf that they should hear about (an abandoned stream, say). */
    void warn(String message) {
        LOG.log(Level.WARNING, message);
    }

    /** The parameters as the config allows them in logs: their values, or only how many there are. */
    private String shown(List<?> params) {
        if (params.isEmpty()) {
            return "";
        }
        return showParams ? " " + params : " (" + params.size() + " parameters)";
    }
}
