package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Hears each call Belay runs on the database, around it, on the thread that runs it: for metrics and tracing (the
 * Spring Boot starter opens a Micrometer observation in {@link #started} and stops it in {@link Call#finished} or
 * {@link Call#failed}). Set it with {@link DBConfig.Builder#statementListener}:
 *
 * <pre>{@code
 * DBConfig config = DBConfig.settings().statementListener(sql -> {
 *     long start = System.nanoTime();
 *     return new StatementListener.Call() {
 *         public void finished(long rows) { timer.record(System.nanoTime() - start, NANOSECONDS); }
 *         public void failed(Throwable failure) { errors.increment(); }
 *     };
 * }).build();
 * }</pre>
 *
 * <p>One call is one statement ({@code exec}, {@code one}, {@code first}, {@code fetchValue}, raw SQL, the row
 * helpers), one bulk write or COPY (which may send several statements), or one stream, from its query until it
 * is closed (its rows: those read); each named by its SQL with placeholders, never values, or for a bulk write by a
 * label such as {@code insert into "users"}. Transaction control (BEGIN, SAVEPOINT, COMMIT) is not reported, and
 * the catalog look-ups of a bulk write are part of its call. A listener must be quick and must not throw: what it
 * throws is logged and otherwise ignored, never turned into the call's failure.
 */
@FunctionalInterface
public interface StatementListener {
    /** A call is about to run {@code sql}; the returned {@link Call} (null for none) hears how it ended. */
    @Nullable Call started(String sql);

    /** One running call. */
    interface Call {
        /** It succeeded, having read or changed {@code rows} rows (-1 when the call does not count them). */
        void finished(long rows);

        /** It failed with {@code failure} (usually a {@link BelayException}). */
        void failed(Throwable failure);
    }
}
