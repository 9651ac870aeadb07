package dev.belay.executor;

import dev.belay.dsl.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code db.copy(table, rows)}: {@code COPY "t" (...) FROM STDIN} in text format, fed row by row as the input is
 * read, through a buffer of {@value #BUFFER} bytes, so memory stays constant however long the input is.
 *
 * <p>It runs through the statement pipeline as one atomic data-modifying statement: outside a transaction in
 * one of its own, committed only when the COPY succeeded; inside one in a savepoint, rolled back when it fails.
 * A value refused on this side cancels the COPY (CopyFail), so the server stores none of its rows; a row the
 * server rejects is named by the line in its COPY context (line N is input row N - 1), see {@link CopyErrors}.
 */
final class Copy {
    private Copy() {}

    /** Bytes encoded before they are sent as one CopyData message. */
    static final int BUFFER = 64 * 1024;

    /**
     * @param again the input again, when it can be read twice (a Collection): a foreign-key violation, which
     *              PostgreSQL reports after the last row without a line, is then matched to its row
     */
    static <R> long copy(Session s, Table<R> table, Iterator<? extends R> rows,
                         @Nullable Collection<? extends R> again) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rows, "rows");
        if (s.tx() != null) {
            s.tx().requireOpen();
        } else {
            s.engine().requireOutsideTransaction();
        }
        CopyPlan<R> plan = CopyPlan.of(s.engine().mapped(table), s.engine().config.types());
        if (!rows.hasNext()) {
            return 0;
        }
        BoundStatement st = new BoundStatement(plan.sql, List.of(), List.of(), i -> "parameter " + (i + 1), true);
        try {
            return Pipeline.run(s, st, true, c -> load(s.engine(), c, plan, rows), true);
        } catch (ServerFailure f) {
            BelayException e = CopyErrors.translate(s, plan, f.error, again);
            for (Throwable suppressed : f.getSuppressed()) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static <R> long load(Engine engine, Connection c, CopyPlan<R> plan, Iterator<? extends R> rows) {
        long start = System.nanoTime();
        CopyManager api = copyApi(c, plan);
        CopySink sink = new CopySink(() -> api.copyIn(plan.sql), BUFFER);
        try {
            long index = 0;
            while (rows.hasNext()) {
                R row = rows.next();
                if (row == null) {
                    throw new IllegalArgumentException(plan.describe + ": row " + index + " is null; leave it out "
                            + "of the input");
                }
                plan.write(sink, row, index++);
            }
            long count = sink.finish();
            engine.log.finished(plan.sql, List.of(), start, count);
            return count;
        } catch (SQLException e) {
            sink.cancel(e);
            throw new ServerFailure(e);
        } catch (Throwable e) {
            sink.cancel(e); // whatever stops the input (a refused value, the caller's iterator) stores nothing
            throw e;
        }
    }

    private static CopyManager copyApi(Connection c, CopyPlan<?> plan) {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new BelayException(plan.describe + ": COPY needs pgjdbc's connection (org.postgresql.PGConnection), "
                    + "but this DataSource's connections do not unwrap to one: " + e.getMessage(), e,
                    ErrorContext.of(plan.sql));
        }
    }

    /**
     * The driver's report of a failed COPY, carried past the pipeline (which rolls back and gives the connection
     * back) to be translated with what only the failure path may look up: the constraint's columns.
     */
    private static final class ServerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final SQLException error;

        ServerFailure(SQLException error) {
            super(error.getMessage(), error, false, true);
            this.error = error;
        }
    }
}
