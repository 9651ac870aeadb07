package dev.belay.executor;

import java.time.Duration;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Hears every statement Belay runs once it has finished or failed, on the thread that ran it: for metrics and
 * tracing (the Spring Boot starter turns each into a Micrometer observation). Set it with
 * {@link DBConfig.Builder#statementListener}:
 *
 * <pre>{@code
 * DBConfig config = DBConfig.settings().statementListener(e -> timer.record(e.elapsed())).build();
 * }</pre>
 *
 * <p>It is called after the statement, so it must be quick and must not throw: an exception it throws is
 * logged and otherwise ignored, never turned into the statement's failure.
 */
@FunctionalInterface
public interface StatementListener {
    /** One finished or failed statement. */
    void onStatement(Event event);

    /**
     * What a statement was and how it ended.
     *
     * @param sql     the SQL text with its placeholders (never values): {@code SELECT ... WHERE "id" = ?}; for a bulk
     *                write, the statement of each chunk; for savepoints and commits, {@code SAVEPOINT}, {@code COMMIT}
     * @param rows    the rows read or changed; -1 when it failed
     * @param elapsed how long it ran, or null when it failed (Belay times only what completes)
     * @param failure the typed exception it failed with, or null when it succeeded
     */
    record Event(String sql, long rows, @Nullable Duration elapsed, @Nullable BelayException failure) {
        /** Whether it succeeded. */
        public boolean succeeded() {
            return failure == null;
        }
    }
}
