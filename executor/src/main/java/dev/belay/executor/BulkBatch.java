package dev.belay.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.PreferQueryMode;

/**
 * One chunk of a bulk write's values: read from the rows, checked and converted per column for the arrays, each in
 * an array of the class pgjdbc encodes in binary where there is one ({@link BulkPlan#arrayTypes}), and each row's
 * key as Java sees it. A chunk ends at {@link #CHUNK_ROWS} rows or once its values take about {@link #CHUNK_BYTES}.
 */
final class BulkBatch {
    private static final long CHUNK_BYTES = 16L << 20;
    private static final int CHUNK_ROWS = 50_000;

    final Object[][] columns;
    /**
     * Per column: its values as the array parameter sent, encoded as they are read (a text or varchar column), or
     * null for a column sent with {@code createArrayOf} from {@link #columns}.
     */
    final @Nullable TextArray[] encoded;
    final Object[] keys;
    int count;

    private BulkBatch(BulkPlan<?> plan, int capacity, boolean binary) {
        Class<?>[] types = plan.arrayTypes;
        columns = new Object[types.length][];
        encoded = new TextArray[types.length];
        for (int k = 0; k < types.length; k++) {
            columns[k] = (Object[]) java.lang.reflect.Array.newInstance(types[k], capacity);
            encoded[k] = binary && types[k] == String.class
                    ? TextArray.of(plan.elementNames[k], capacity, plan.textBytes[k]) : null;
        }
        keys = new Object[capacity];
    }

    /** A value set after the rows were read (a drawn key): the column is then sent from {@link #columns}. */
    void put(int column, int row, @Nullable Object value) {
        encoded[column] = null;
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
    static <R> BulkBatch collect(Connection c, BulkPlan<R> plan, List<? extends R> rows, int start,
                                 BulkResult<R> result, String what) throws SQLException {
        Object[][] inputs = result.inputs;
        // each record is read here, just before its strings are checked and encoded, unless read for the upsert's key
        // check already: a string read twice costs a cache miss twice
        RowClass rc = inputs == null || result.inputsRead ? null : RowClass.of(plan.table.rowType());
        int n = plan.sent.size();
        boolean binary = binaryParameters(c);
        BulkBatch b = new BulkBatch(plan, Math.min(CHUNK_ROWS, rows.size() - start), binary);
        long bytes = 0;
        int end = start;
        // other classes are read column by column, and so are records whose sent columns are not all components
        int[] component = inputs == null ? null : plan.components;
        boolean keyed = plan.matchable;
        boolean multiKey = keyed && plan.key.size() > 1;
        while (end < rows.size() && end - start < b.keys.length && bytes < CHUNK_BYTES) {
            R row = rows.get(end);
            int i = end - start;
            if (rc != null) {
                rc.components(row, inputs, end);
            }
            Object[] parts = multiKey ? new Object[plan.key.size()] : null;
            for (int k = 0; k < n; k++) {
                Object v = component != null ? inputs[component[k]][end] : plan.sent.get(k).valueOf(row);
                if (plan.pins != null && plan.pins[k] != null) {
                    v = ScopedRows.value(plan.table, plan.sent.get(k), plan.pins[k], v, end, what);
                }
                if (keyed && plan.keyPart[k] >= 0) {
                    if (parts == null) {
                        b.keys[i] = v;
                    } else {
                        parts[plan.keyPart[k]] = v;
                    }
                }
                if (v == null) {
                    if (b.encoded[k] != null) {
                        b.encoded[k].addNull();
                    }
                    continue; // the arrays start out null
                }
                if (plan.refuseExplicit[k]) {
                    throw refused(what, end, plan.sent.get(k), "the column is GENERATED ALWAYS AS IDENTITY, so its "
                            + "value comes from the database; leave it null");
                }
                // the column's array holds values of its class, or is an Object[] since one did not fit: both take v
                Class<?> type = plan.arrayTypes[k];
                if (type == String.class && v instanceof String text) {
                    checkText(b.encoded[k], text, plan.sent.get(k), end, what);
                    bytes += 40L + 2L * text.length();
                    b.columns[k][i] = text;
                } else if (v.getClass() == type && type != Object.class) {
                    bytes += 24;
                    b.columns[k][i] = v; // a boxed number or boolean of the column's own class: nothing to check
                } else {
                    v = convert(c, plan, k, v, end, what);
                    bytes += size(v);
                    b.put(k, i, v);
                }
            }
            if (parts != null) {
                b.keys[i] = Arrays.asList(parts);
            }
            end++;
        }
        b.count = end - start;
        for (int k = 0; k < n; k++) {
            if (b.encoded[k] != null) {
                plan.textBytes[k] = b.encoded[k].bytesPerValue();
            }
        }
        return b;
    }

    /**
     * Whether pgjdbc sends {@code c}'s parameters apart from the SQL text, so that a binary one can go with them: not
     * in simple query mode, where it writes them into the text.
     */
    private static boolean binaryParameters(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class)
                && c.unwrap(PGConnection.class).getPreferQueryMode() != PreferQueryMode.SIMPLE;
    }

    /** Checks a string, and encodes it when its column is sent encoded. */
    private static void checkText(@Nullable TextArray encoded, String text, Column<?, ?> column, int row,
                                  String what) {
        try {
            if (encoded == null) {
                ValueRules.text(text);
            } else {
                encoded.add(text);
            }
        } catch (Refused e) {
            throw refused(what, row, column, e.getMessage());
        }
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
