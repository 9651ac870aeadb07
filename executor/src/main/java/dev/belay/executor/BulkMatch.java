package dev.belay.executor;

import dev.belay.dsl.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An upsert chunk sent as one plain {@code INSERT ... SELECT ... FROM unnest(...) ON CONFLICT ... RETURNING}, its
 * rows matched to the input in Java by their conflict target ({@link BulkPlan#matched} says when that is exact).
 * No input row is refused for a duplicate target and none in the chunk has a NULL in it, so each target value
 * names exactly one input row, inserted or updated. This spares the server the join back by ordinality (the
 * input kept as a CTE, the written rows as another, two hash joins and an index probe per row), and reads back
 * only the columns whose stored value may differ from the value sent.
 */
final class BulkMatch {
    private BulkMatch() {}

    static <R> void upsert(Session s, Connection c, BulkPlan<R> plan, BulkBatch b, int start, BulkResult<R> result,
                           BulkWriter.Targets targets, String what) throws SQLException {
        int count = b.count;
        BulkPlan.Stmt stmt = plan.matchedDrawn != null && noneGenerated(plan, b.columns, count) ? plan.matchedDrawn
                : plan.matched;
        int[] inTable = result.inTable(plan.matchedReturned);
        try (PreparedStatement ps = BulkWriter.prepare(s, c, stmt, b, what)) {
            long started = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
                Reader[] readers = stmt.readers(rs, c, names -> BulkWriter.readers(plan, stmt.results, names, 1));
                Object[] row = new Object[readers.length - 1];
                Object[] parts = plan.targetAt.length > 1 ? new Object[plan.targetAt.length] : null;
                int seen = 0;
                while (rs.next()) {
                    boolean inserted = (Boolean) readers[0].read(rs, 1);
                    for (int k = 0; k < row.length; k++) {
                        row[k] = readers[k + 1].read(rs, k + 2);
                    }
                    int at = inputRow(plan, targets, row, parts, start, start + seen, count, what, stmt.sql);
                    if (result.state[at] != BulkResult.NONE) {
                        throw new BelayException(what + ": two written rows have the conflict target of input row "
                                + at + " (a trigger that changes it?); nothing was written", null,
                                ErrorContext.of(stmt.sql));
                    }
                    for (int k = 0; k < row.length; k++) {
                        result.columns[inTable[k]][at] = row[k];
                    }
                    result.state[at] = inserted ? BulkResult.INSERTED_MATCHED : BulkResult.UPDATED_MATCHED;
                    seen++;
                }
                if (seen != count) {
                    throw BulkTriggers.skipped(plan, what, count - seen, count, stmt.sql);
                }
            }
            s.engine().log.finished(stmt.sql, List.of(count + " rows"), started, count);
        }
    }

    /** The input row a returned row belongs to, by its conflict target. */
    private static <R> int inputRow(BulkPlan<R> plan, BulkWriter.Targets targets, @Nullable Object[] row,
                                    @Nullable Object @Nullable [] parts, int start, int expected, int count,
                                    String what, String sql) {
        Object key;
        if (parts == null) {
            key = row[plan.targetAt[0]];
        } else {
            for (int p = 0; p < parts.length; p++) {
                parts[p] = row[plan.targetAt[p]];
            }
            key = Arrays.asList(parts);
        }
        int at = targets.byKey().find(key, expected);
        if (at < start || at >= start + count) {
            throw new BelayException(what + ": the database returned a row whose conflict target no input row of the "
                    + "statement has (a trigger that changes it?); nothing was written", null, ErrorContext.of(sql));
        }
        return at;
    }

    /** Every generated column the chunk sends is NULL in every row: they can be left to their defaults. */
    private static <R> boolean noneGenerated(BulkPlan<R> plan, Object[][] columns, int count) {
        for (int k = 0; k < plan.sent.size(); k++) {
            Column<R, ?> column = plan.sent.get(k);
            if (column.isGenerated()) {
                for (int i = 0; i < count; i++) {
                    if (columns[k][i] != null) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
