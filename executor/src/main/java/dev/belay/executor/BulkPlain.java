package dev.belay.executor;

import dev.belay.dsl.internal.Expr;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A bulk insert chunk sent as one plain {@code INSERT ... SELECT ... FROM unnest(...) RETURNING}, without the join
 * back by ordinality: its returned rows are matched to the input rows by key, and keys the sequence drew in input
 * order ({@link BulkPlan} "ordered") by sorting them; a single row needs no matching.
 */
final class BulkPlain {
    private BulkPlain() {}

    /** The insert without ordinality; its RETURNING rows are matched to the input by key (or are the one row). */
    static <R> void insert(Session s, Connection c, BulkPlan<R> plan, BulkBatch b, int start, BulkResult<R> result,
                           String what) throws SQLException {
        BulkPlan.Stmt stmt = plan.plainDrawn != null && noKeys(b) ? plan.plainDrawn : plan.plain;
        if (plan.keys != null && b.count > 1) {
            drawKeys(s, c, plan, b, what);
        }
        try (PreparedStatement ps = BulkWriter.prepare(s, c, stmt, b, what)) {
            long started = System.nanoTime();
            if (stmt.results.isEmpty()) {
                int written = ps.executeUpdate();
                if (written != b.count) {
                    throw BulkTriggers.skipped(plan, what, b.count - written, b.count, stmt.sql);
                }
            } else {
                try (ResultSet rs = ps.executeQuery()) {
                    Reader[] readers = stmt.readers(rs, c, names -> BulkWriter.readers(plan, stmt.results, names, 0));
                    boolean drawing = plan.ordered && b.count > 1;
                    if (drawing && stmt == plan.plainDrawn) {
                        int drawn = allDrawn(rs, readers, stmt, b, start, result, what);
                        if (drawn != b.count) {
                            throw BulkTriggers.skipped(plan, what, b.count - drawn, b.count, stmt.sql);
                        }
                        s.engine().log.finished(stmt.sql, List.of(b.count + " rows"), started, b.count);
                        return;
                    }
                    KeyIndex byKey = b.count == 1 || stmt == plan.plainDrawn ? null : KeyIndex.of(b.keys, b.count);
                    Drawn drawn = drawing ? new Drawn(stmt.returnedAt.length, b.count) : null;
                    Object[] row = new Object[readers.length];
                    int seen = 0;
                    while (rs.next()) {
                        for (int k = 0; k < readers.length; k++) {
                            row[k] = readers[k].read(rs, k + 1);
                        }
                        if (drawing && (byKey == null || byKey.get(row[0]) < 0)) {
                            drawn.add(stmt, row, what); // a key the sequence drew: matched by order below
                            continue;
                        }
                        int at = start + (b.count == 1 ? 0 : at(byKey, plan, row, seen, what, stmt.sql));
                        if (result.state[at] != BulkResult.NONE) {
                            throw new BelayException(what + ": two stored rows have the key of input row " + at
                                    + "; nothing was written", null, ErrorContext.of(stmt.sql));
                        }
                        for (int k = 0; k < stmt.returnedAt.length; k++) {
                            result.columns[k][at] = row[stmt.returnedAt[k]];
                        }
                        result.state[at] = BulkResult.WRITTEN;
                        seen++;
                    }
                    if (drawn != null) {
                        seen += drawn.match(b, start, result, what, stmt.sql);
                    }
                    if (seen != b.count) {
                        throw BulkTriggers.skipped(plan, what, b.count - seen, b.count, stmt.sql);
                    }
                }
            }
            s.engine().log.finished(stmt.sql, List.of(b.count + " rows"), started, b.count);
        }
    }

    /**
     * The rows of an ordered insert where the sequence drew every key: sorted by key, they are the input rows in
     * order. RETURNING gives them in that order in practice, so each goes straight to its row, and they are sorted
     * afterwards only if a key came back lower than the one before. Returns how many came back.
     */
    private static <R> int allDrawn(ResultSet rs, Reader[] readers, BulkPlan.Stmt stmt, BulkBatch b, int start,
                                    BulkResult<R> result, String what) throws SQLException {
        int[] at = stmt.returnedAt;
        int n = 0;
        long previous = Long.MIN_VALUE;
        boolean ascending = true;
        while (rs.next()) {
            if (n == b.count) {
                throw new BelayException(what + ": the database returned more rows than were sent; nothing was "
                        + "written", null, ErrorContext.of(stmt.sql));
            }
            Object key = readers[0].read(rs, 1);
            long value = ((Number) key).longValue();
            ascending &= value > previous;
            previous = value;
            for (int k = 0; k < at.length; k++) {
                // the key is read once, as results column 1
                result.columns[k][start + n] = at[k] == 0 ? key : readers[at[k]].read(rs, at[k] + 1);
            }
            result.state[start + n] = BulkResult.WRITTEN;
            n++;
        }
        if (!ascending) {
            sortByKey(result.columns, start, n, keyColumn(at));
        }
        return n;
    }

    /** The indexes {@code 0 ..< n} ordered by ascending {@code key}. */
    private static Integer[] byKey(int n, java.util.function.IntToLongFunction key) {
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (x, y) -> Long.compare(key.applyAsLong(x), key.applyAsLong(y)));
        return order;
    }

    /** Where the key (results column 1) stands among the returned columns. */
    private static int keyColumn(int[] returnedAt) {
        for (int k = 0; k < returnedAt.length; k++) {
            if (returnedAt[k] == 0) {
                return k;
            }
        }
        throw new IllegalStateException("an ordered insert returns its drawn key");
    }

    /** Reorders the rows {@code start ..< start + n} of every column by the ascending keys in {@code keyColumn}. */
    static void sortByKey(@Nullable Object[][] columns, int start, int n, int keyColumn) {
        Object[] keys = columns[keyColumn];
        Integer[] order = byKey(n, j -> ((Number) keys[start + j]).longValue());
        for (Object[] column : columns) {
            Object[] was = Arrays.copyOfRange(column, start, start + n);
            for (int j = 0; j < n; j++) {
                column[start + j] = was[order[j]];
            }
        }
    }

    /**
     * The rows of an ordered insert whose keys the sequence drew, kept per returned column until the result is read.
     * Those keys ascend with the input order, so sorted they belong, in turn, to the rows that left their key null.
     */
    private static final class Drawn {
        private final @Nullable Object[][] columns;
        private final long[] keys;
        private int size;

        Drawn(int width, int capacity) {
            columns = new Object[width][capacity];
            keys = new long[capacity];
        }

        void add(BulkPlan.Stmt stmt, @Nullable Object[] row, String what) {
            if (size == keys.length) {
                throw new BelayException(what + ": the database returned more rows than were sent; nothing was "
                        + "written", null, ErrorContext.of(stmt.sql));
            }
            keys[size] = ((Number) row[0]).longValue();
            for (int k = 0; k < columns.length; k++) {
                columns[k][size] = row[stmt.returnedAt[k]];
            }
            size++;
        }

        <R> int match(BulkBatch b, int start, BulkResult<R> result, String what, String sql) {
            if (size == 0) {
                return 0;
            }
            int[] order = order();
            int next = 0;
            for (int i = 0; i < b.count && next < size; i++) {
                if (b.keys[i] == null) {
                    int j = order[next++];
                    for (int k = 0; k < columns.length; k++) {
                        result.columns[k][start + i] = columns[k][j];
                    }
                    result.state[start + i] = BulkResult.WRITTEN;
                }
            }
            if (next != size) {
                throw new BelayException(what + ": the database returned " + size + " keys it drew, for " + next
                        + " rows without a key; nothing was written", null, ErrorContext.of(sql));
            }
            return next;
        }

        /** The drawn rows by ascending key; RETURNING usually gives them in that order already. */
        private int[] order() {
            boolean ascending = true;
            for (int j = 1; j < size && ascending; j++) {
                ascending = keys[j - 1] < keys[j];
            }
            Integer[] sorted = ascending ? null : byKey(size, j -> keys[j]);
            int[] order = new int[size];
            for (int j = 0; j < size; j++) {
                order[j] = sorted == null ? j : sorted[j];
            }
            return order;
        }
    }

    /** Draws a key for every row that left a generated key part null, in one round trip. */
    private static <R> void drawKeys(Session s, Connection c, BulkPlan<R> plan, BulkBatch b, String what)
            throws SQLException {
        int parts = plan.generatedKey.size();
        int[] column = new int[parts];
        int needed = 0;
        for (int p = 0; p < parts; p++) {
            column[p] = plan.sent.indexOf(plan.generatedKey.get(p));
            int nulls = 0;
            for (int i = 0; i < b.count; i++) {
                nulls += b.columns[column[p]][i] == null ? 1 : 0;
            }
            needed = Math.max(needed, nulls);
        }
        if (needed == 0) {
            return;
        }
        BulkPlan.Stmt stmt = plan.keys;
        try (PreparedStatement ps = c.prepareStatement(stmt.sql)) {
            for (int i = 0; i < stmt.slots.size(); i++) {
                if (stmt.arrays[i] == BulkPlan.Stmt.COUNT) {
                    ps.setInt(i + 1, needed);
                } else {
                    BulkWriter.bindConstant(s, c, ps, i, (Expr.Bind) stmt.slots.get(i), what, stmt.sql);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                Reader[] readers = stmt.readers(rs, c, names -> BulkWriter.readers(plan, stmt.results, names, 0));
                int[] next = new int[parts];
                while (rs.next()) {
                    for (int p = 0; p < parts; p++) {
                        Object drawn = readers[p].read(rs, p + 1);
                        int k = column[p];
                        while (next[p] < b.count && b.columns[k][next[p]] != null) {
                            next[p]++;
                        }
                        if (next[p] < b.count && drawn != null) {
                            b.put(k, next[p], plan.converters.get(k).apply(drawn));
                            setKeyPart(plan, b, next[p], plan.key.indexOf(plan.generatedKey.get(p)), drawn);
                        }
                    }
                }
            }
        }
    }

    private static <R> void setKeyPart(BulkPlan<R> plan, BulkBatch b, int row, int part, Object value) {
        if (plan.key.size() == 1) {
            b.keys[row] = value;
        } else {
            @SuppressWarnings("unchecked")
            List<Object> parts = (List<Object>) b.keys[row];
            parts.set(part, value);
        }
    }

    private static boolean noKeys(BulkBatch b) {
        for (int i = 0; i < b.count; i++) {
            if (b.keys[i] != null) {
                return false;
            }
        }
        return true;
    }

    /** The input row of a returned row by its key; a key given twice is left to the unique index to refuse. */
    private static <R> int at(@Nullable KeyIndex byKey, BulkPlan<R> plan, Object[] row, int seen, String what,
                              String sql) {
        Object key = plan.key.size() == 1 ? row[0] : Arrays.asList(Arrays.copyOf(row, plan.key.size()));
        int at = byKey == null ? -1 : byKey.find(key, seen);
        if (at < 0) {
            throw new BelayException(what + ": the database returned a row whose key no input row has (a trigger "
                    + "that changes the primary key?); nothing was written", null, ErrorContext.of(sql));
        }
        return at;
    }
}
