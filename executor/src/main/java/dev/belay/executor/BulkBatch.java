package dev.belay.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One chunk of a bulk write's values: read from the rows, checked and converted per column for the arrays, each in
 * an array of the class pgjdbc encodes in binary where there is one ({@link BulkPlan#arrayTypes}), and each row's
 * key as Java sees it. A chunk ends at {@link #CHUNK_ROWS} rows or once its values take about {@link #CHUNK_BYTES}.
 */
final class BulkBatch {
    private static final long CHUNK_BYTES = 16L << 20;
    private static final int CHUNK_ROWS = 50_000;

    final Object[][] columns;
    final Object[] keys;
    int count;

    private BulkBatch(Class<?>[] types, int capacity) {
        columns = new Object[types.length][];
        for (int k = 0; k < types.length; k++) {
            columns[k] = (Object[]) java.lang.reflect.Array.newInstance(types[k], capacity);
        }
        keys = new Object[capacity];
    }

    void put(int column, int row, @Nullable Object value) {
        try {
            columns[column][row] = value;
        } catch (ArrayStoreException e) {
            // a value of another class than the column's type says (raw types, a custom type): sent as text
            columns[column] = Arrays.copyOf(columns[column], columns[column].length, Object[].class);
            columns[column][row] = value;
        }
    }

    /**
     * The rows from {@code start} for as long as the chunk has room: each value checked (a generated-always key left
     * null, a value its column can take) and converted for its array; a refused value names its row and column.
     */
    static <R> BulkBatch collect(Connection c, BulkPlan<R> plan, List<? extends R> rows, int start, String what)
            throws SQLException {
        int n = plan.sent.size();
        BulkBatch b = new BulkBatch(plan.arrayTypes, Math.min(CHUNK_ROWS, rows.size() - start));
        long bytes = 0;
        int end = start;
        RowClass rc = plan.components == null ? null : RowClass.of(plan.table.rowType());
        Object[] components = rc == null ? null : new Object[rc.properties.size()];
        boolean multiKey = plan.matchable && plan.key.size() > 1;
        while (end < rows.size() && end - start < b.keys.length && bytes < CHUNK_BYTES) {
            R row = rows.get(end);
            int i = end - start;
            if (rc != null) {
                rc.components(row, components);
            }
            Object[] parts = multiKey ? new Object[plan.key.size()] : null;
            for (int k = 0; k < n; k++) {
                Column<R, ?> column = plan.sent.get(k);
                Object v = components == null ? column.valueOf(row) : components[plan.components[k]];
                if (plan.pins != null && plan.pins[k] != null) {
                    v = ScopedRows.value(plan.table, column, plan.pins[k], v, end, what);
                }
                if (plan.matchable && plan.keyPart[k] >= 0) {
                    if (parts == null) {
                        b.keys[i] = v;
                    } else {
                        parts[plan.keyPart[k]] = v;
                    }
                }
                if (v != null) {
                    if (plan.refuseExplicit[k]) {
                        throw refused(what, end, column, "the column is GENERATED ALWAYS AS IDENTITY, so its value "
                                + "comes from the database; leave it null");
                    }
                    v = convert(c, plan, k, v, end, what);
                    bytes += size(v);
                }
                b.put(k, i, v);
            }
            if (parts != null) {
                b.keys[i] = Arrays.asList(parts);
            }
            end++;
        }
        b.count = end - start;
        return b;
    }

    private static <R> Object convert(Connection c, BulkPlan<R> plan, int k, Object v, int row, String what)
            throws SQLException {
        Column<R, ?> column = plan.sent.get(k);
        try {
            return column.type().kind() == PgType.Kind.ARRAY ? literal(c, column, (List<?>) v, plan.converters.get(k))
                    : plan.converters.get(k).apply(v);
        } catch (Refused e) {
            throw refused(what, row, column, e.getMessage());
        } catch (ClassCastException e) {
            throw refused(what, row, column, "a " + v.getClass().getName() + " cannot be sent as " + column.type()
                    + ": " + e.getMessage());
        }
    }

    /** An array column's value as its PostgreSQL literal, each element checked as a single value would be. */
    private static String literal(Connection c, Column<?, ?> column, List<?> list, Function<Object, Object> convert)
            throws SQLException {
        PgType<?> element = column.type().elementType();
        return c.createArrayOf(element == null ? "text" : element.sqlName(), Binders.elements(list, convert))
                .toString();
    }

    private static long size(Object v) {
        if (v instanceof String t) {
            return 40L + 2L * t.length();
        }
        return v instanceof byte[] b ? 40L + b.length : 24L;
    }

    private static BindException refused(String what, int row, Column<?, ?> column, String reason) {
        String name = column.table().name() + "." + column.name();
        return new BindException(what + ": input row " + row + ", column " + name + ": " + reason, null,
                ErrorContext.NONE.table(column.table().name()).column(name).row(row));
    }
}
