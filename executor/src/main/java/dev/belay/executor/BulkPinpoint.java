package dev.belay.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.OnConflict;
import dev.belay.dsl.Table;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.util.PSQLException;

/**
 * After the server refused a bulk write, the input row it refused, found again by bisection so that the error names
 * its index (and its column where the server or the catalog tells it); the whole call was rolled back already.
 */
final class BulkPinpoint {
    private BulkPinpoint() {}

    /**
     * Finds the input row the server refused by bisection, in a transaction (or savepoint) that is rolled back:
     * about 2 log2(n) statements, run only after a failure.
     */
    static <R> BelayException pinpoint(Session s, Table<R> table, @Nullable OnConflict<R> conflict,
                                       List<? extends R> rows, BelayException failure, BoundStatement label,
                                       String what) {
        if (conflict != null && CHANGED_TWICE.equals(failure.sqlState())) {
            return twice(s, table, conflict, rows, failure, label, what);
        }
        try {
            Pipeline.run(s, label, true, c -> {
                BulkPlan<R> plan = s.engine().bulkPlan(c, table, conflict);
                bisect(s, c, plan, rows, 0, rows.size(), what);
                throw new NotFound();
            }, true);
        } catch (Found found) {
            return found.error(s, table, rows, what);
        } catch (NotFound | BelayException again) {
            // the failure did not come back alone (a concurrent change, rows that need each other): report it as is
        }
        return failure;
    }

    /** PostgreSQL's "ON CONFLICT DO UPDATE command cannot affect row a second time". */
    private static final String CHANGED_TWICE = "21000";

    /**
     * Two input rows that differ as sent but that the conflict target's columns store alike (a numeric rounded to
     * the column's scale, text compared without case), which Java's duplicate check before sending cannot see: found
     * by one query per chunk that groups the rows by their target as stored. The failure as it is when none is found.
     */
    private static <R> BelayException twice(Session s, Table<R> table, OnConflict<R> conflict, List<? extends R> rows,
                                            BelayException failure, BoundStatement label, String what) {
        int[] pair;
        try {
            pair = Pipeline.run(s, label, false, c -> {
                BulkPlan<R> plan = s.engine().bulkPlan(c, table, conflict);
                BulkResult<R> scratch = new BulkResult<>(plan, rows.size(), null);
                for (int start = 0; start < rows.size(); ) {
                    BulkBatch b = BulkBatch.collect(c, plan, rows, start, scratch, what);
                    try (PreparedStatement ps = BulkWriter.prepare(s, c, Objects.requireNonNull(plan.duplicates), b,
                            what); ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return new int[] {start + rs.getInt(1) - 1, start + rs.getInt(2) - 1};
                        }
                    }
                    start += b.count;
                }
                return null;
            }, true);
        } catch (BelayException again) {
            failure.addSuppressed(again);
            return failure;
        }
        if (pair == null) {
            return failure;
        }
        List<String> target = new ArrayList<>();
        for (Column<R, ?> c : conflict.target()) {
            target.add(c.name());
        }
        return new BindException(what + ": input rows " + pair[0] + " and " + pair[1] + " have conflict targets "
                + target + " that differ as sent but are equal as the table stores them (a numeric rounded to its "
                + "column's scale, a time to its precision, text compared without case...); PostgreSQL cannot change "
                + "one row twice in a statement. Nothing was written. Merge them before the upsert", failure,
                ErrorContext.NONE.table(table.name()).row(pair[1]).sqlState(CHANGED_TWICE));
    }

    private static <R> void bisect(Session s, Connection c, BulkPlan<R> plan, List<? extends R> rows, int lo, int hi,
                                   String what) throws SQLException {
        if (hi <= lo) {
            return;
        }
        if (hi - lo == 1) {
            attempt(s, c, plan, rows, lo, hi, what, e -> new Found(lo, e, plan, constrained(c, plan, e)));
            return;
        }
        int mid = (lo + hi) >>> 1;
        boolean firstHalfFails = attempt(s, c, plan, rows, lo, mid, what, null);
        if (firstHalfFails) {
            bisect(s, c, plan, rows, lo, mid, what);
        } else {
            bisect(s, c, plan, rows, mid, hi, what);
        }
    }

    /**
     * Sends rows {@code lo..hi} in a savepoint: kept when they succeed (later rows may need them), rolled back
     * when they fail, which returns true or, for a single row, throws what {@code found} makes of the failure.
     */
    private static <R> boolean attempt(Session s, Connection c, BulkPlan<R> plan, List<? extends R> rows, int lo,
                                       int hi, String what, @Nullable Function<SQLException, Found> found)
            throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            List<? extends R> part = rows.subList(lo, hi);
            BulkResult<R> scratch = new BulkResult<>(plan, part.size(), null);
            for (int start = 0; start < part.size(); ) {
                start = BulkWriter.run(s, c, plan, part, start, scratch, null, what);
            }
            c.releaseSavepoint(savepoint);
            return false;
        } catch (SQLException e) {
            c.rollback(savepoint);
            if (found != null) {
                throw found.apply(e);
            }
            return true;
        }
    }

    /** The one column of the constraint a failure names (CHECK, FOREIGN KEY, UNIQUE), from the catalog; else null. */
    private static @Nullable String constrained(Connection c, BulkPlan<?> plan, SQLException e) {
        String constraint = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getConstraint() : null;
        if (constraint == null) {
            return null;
        }
        try {
            return Catalog.constraintColumn(c, plan.table, constraint);
        } catch (SQLException lookup) {
            e.addSuppressed(lookup);
            return null;
        }
    }

    /** Carries the refused row out of the bisection, which is then rolled back. */
    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int row;
        private final transient SQLException cause;
        private final transient BulkPlan<?> plan;
        private final @Nullable String constrained;

        Found(int row, SQLException cause, BulkPlan<?> plan, @Nullable String constrained) {
            super(null, null, false, false);
            this.row = row;
            this.cause = cause;
            this.plan = plan;
            this.constrained = constrained;
        }

        <R> BelayException error(Session s, Table<R> table, List<? extends R> rows, String what) {
            String column = cause instanceof PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getColumn() : null;
            if (column == null) {
                column = constrained != null ? constrained : tooLong(table, rows.get(row));
            }
            String named = column == null ? null : table.name() + "." + column;
            String sql = plan.conflict == null && plan.plain != null ? plan.plain.sql : plan.joined.sql;
            BelayException e = Errors.translate(cause, sql, null, s.engine().config.logParameters(),
                    what + ": input row " + row + (named == null ? "" : ", column " + named) + ": ",
                    ctx -> ctx.table(ctx.table() == null ? table.name() : ctx.table()).row(row)
                            .column(named != null ? named : ctx.column()));
            s.engine().log.failed(e, sql, List.of());
            return e;
        }

        /** The first column whose value the column's declared length or precision cannot hold. */
        private <R> @Nullable String tooLong(Table<R> table, R input) {
            for (Column<R, ?> c : table.columns()) {
                Catalog.ColumnFacts f = plan.facts.columns().get(c.name());
                Object v = c.valueOf(input);
                if (f == null || v == null) {
                    continue;
                }
                if (v instanceof String t && f.maxLength() >= 0 && t.codePointCount(0, t.length()) > f.maxLength()) {
                    return c.name();
                }
                if (v instanceof BigDecimal d && f.maxIntegerDigits() >= 0 && d.signum() != 0
                        && d.precision() - d.scale() > f.maxIntegerDigits()) {
                    return c.name();
                }
            }
            return null;
        }
    }

    /** The bisection ended without a single row failing on its own. */
    private static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound() {
            super(null, null, false, false);
        }
    }
}
