package dev.belay.executor;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Opens the pool, waiting for a server that is not up yet: an application and its database often start together,
 * and the first connection is refused until PostgreSQL accepts them. Only those failures are retried, with a delay
 * that doubles from {@link #FIRST_DELAY} up to the configured ceiling; a wrong password or database fails at once.
 */
final class PoolStart {
    private PoolStart() {}

    static final Duration FIRST_DELAY = Duration.ofMillis(100);

    static HikariDataSource open(Supplier<HikariConfig> settings, DBConfig config, String url) {
        long started = System.nanoTime();
        Duration delay = FIRST_DELAY;
        for (int attempt = 1; ; attempt++) {
            try {
                return new HikariDataSource(settings.get());
            } catch (HikariPool.PoolInitializationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                String state = cause instanceof SQLException s ? s.getSQLState() : null;
                if (!notUpYet(state) || attempt >= config.connectAttempts()) {
                    throw failure(url, attempt, started, cause, state, e);
                }
                sleep(delay, url, attempt, e);
                delay = min(delay.multipliedBy(2), config.connectBackoffCeiling());
            }
        }
    }

    /**
     * Refused or dropped connections (08001, 08006, and pgjdbc's 08004 for a rejected connection) and a server
     * still starting or recovering (57P03).
     */
    static boolean notUpYet(@Nullable String state) {
        return state != null && (state.equals("08001") || state.equals("08006") || state.equals("08004")
                || state.equals("57P03"));
    }

    /**
     * A connection that could not be made, or one that was made and then failed its setup. A statement timeout so
     * short that it cancels the pool's own first statement is the second kind: a timeout, not a lost connection.
     */
    private static BelayException failure(String url, int attempts, long started, Throwable cause,
                                          @Nullable String state, Exception e) {
        String tries = attempts == 1 ? "" : " after " + attempts + " attempts over "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms";
        String message = "cannot open a pool on " + DBConfig.withoutPassword(url) + tries
                + (attempts == 1 ? ": " : "; the last failure: ") + cause.getMessage();
        ErrorContext context = ErrorContext.NONE.sqlState(state);
        if ("57014".equals(state)) {
            return new QueryTimeoutException(message + " (the statement timeout canceled the pool's own first "
                    + "statement: DBConfig.statementTimeout, or one set on the role or database, is too short)", e,
                    context);
        }
        return new ConnectionLostException(message, e, context);
    }

    private static void sleep(Duration delay, String url, int attempt, Exception last) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            ConnectionLostException e = new ConnectionLostException("interrupted while waiting to retry opening a pool "
                    + "on " + DBConfig.withoutPassword(url) + " after " + attempt + " attempts", last, ErrorContext.NONE);
            e.addSuppressed(interrupted);
            throw e;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
