package dev.belay.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.Table;
import dev.belay.dsl.internal.Identifiers;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a COPY into one table writes: every column of the descriptor that is not generated, in declaration
 * order, each with the encoder of its type, and the SQL naming them:
 * {@code COPY "users" ("name", "email", "age") FROM STDIN}. Built once per call.
 */
final class CopyPlan<R> {
    final String sql;
    /** How messages name the call: {@code copy into "users"}. */
    final String describe;
    /** The table as the server's COPY context names it: unqualified, unquoted. */
    final String relation;
    /** The table for an error's context: {@code schema.name} or {@code name}. */
    final String table;
    private final List<Column<R, ?>> columns;
    private final CopyText.Encoder[] encoders;
    private final List<Column<R, ?>> generated;
    private final Table<R> scoped;
    private final @Nullable Object @Nullable [] pins;

    private CopyPlan(Table<R> table, List<Column<R, ?>> columns, CopyText.Encoder[] encoders,
                     List<Column<R, ?>> generated) {
        String target = (table.schema() != null ? Identifiers.quote(table.schema()) + "." : "")
                + Identifiers.quote(table.name());
        StringBuilder sql = new StringBuilder("COPY ").append(target).append(" (");
        for (int k = 0; k < columns.size(); k++) {
            sql.append(k > 0 ? ", " : "").append(Identifiers.quote(columns.get(k).name()));
        }
        this.sql = sql.append(") FROM STDIN").toString();
        this.describe = "copy into " + target;
        this.relation = table.name();
        this.table = table.schema() != null ? table.schema() + "." + table.name() : table.name();
        this.columns = columns;
        this.encoders = encoders;
        this.generated = generated;
        this.scoped = table;
        this.pins = ScopedRows.pins(table, columns);
    }

    static <R> CopyPlan<R> of(Table<R> table, TypeRegistry types) {
        List<Column<R, ?>> columns = new ArrayList<>();
        List<Column<R, ?>> generated = new ArrayList<>();
        for (Column<R, ?> c : table.columns()) {
            (c.isGenerated() ? generated : columns).add(c);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("copy into " + table.name() + ": every column is generated, so COPY "
                    + "has nothing to write; insert such rows with insertInto(table).defaultValues()");
        }
        CopyText.Encoder[] encoders = new CopyText.Encoder[columns.size()];
        for (int k = 0; k < encoders.length; k++) {
            Column<R, ?> c = columns.get(k);
            try {
                encoders[k] = CopyText.of(c.type(), types);
            } catch (Refused e) {
                throw new IllegalArgumentException("copy into " + table.name() + ", column \"" + c.name() + "\": "
                        + e.getMessage(), e);
            }
        }
        return new CopyPlan<>(table, List.copyOf(columns), encoders, List.copyOf(generated));
    }

    /** Writes input row {@code index} as one line of COPY text; a value it will not send throws BindException. */
    void write(CopySink sink, R row, long index) throws SQLException {
        for (Column<R, ?> g : generated) {
            if (g.valueOf(row) != null) {
                throw refused(index, g, "the column is generated, but the row holds a value for it. COPY writes a "
                        + "column for every row or for none, so it cannot keep this value and give other rows their "
                        + "default: leave it null for the database to fill, or write such rows with "
                        + "insertInto(table).values(rows) (or db.insert), which send DEFAULT row by row", null);
            }
        }
        for (int k = 0; k < encoders.length; k++) {
            if (k > 0) {
                sink.tab();
            }
            Column<R, ?> column = columns.get(k);
            Object value = column.valueOf(row);
            if (pins != null && pins[k] != null) {
                value = ScopedRows.value(scoped, column, pins[k], value, index, describe);
            }
            String text = value == null ? null : text(k, value, index);
            if (text == null) {
                sink.nul();
                continue;
            }
            try {
                sink.text(text);
            } catch (Refused e) {
                throw refused(index, column, e.getMessage(), e.getCause());
            }
        }
        sink.endRow();
    }

    private @Nullable String text(int k, Object value, long index) {
        try {
            return encoders[k].text(value);
        } catch (Refused e) {
            throw refused(index, columns.get(k), e.getMessage(), e.getCause());
        } catch (BelayException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK's own refusal (ClassCastException, DateTimeException, ...) never escapes raw
            throw refused(index, columns.get(k), "cannot send it as " + columns.get(k).type() + ": " + e, e);
        }
    }

    private BindException refused(long index, Column<R, ?> column, String reason, @Nullable Throwable cause) {
        return new BindException(describe + ": row " + index + ", column \"" + column.name() + "\": " + reason
                + "\n  in: " + sql, cause, ErrorContext.of(sql).table(table).column(column.name()).row(rowIndex(index)));
    }

    /** A row index for an error's context; past Integer.MAX_VALUE only the message carries it. */
    static @Nullable Integer rowIndex(long index) {
        return index <= Integer.MAX_VALUE ? (int) index : null;
    }

    /** The names of the columns copied, in order. */
    List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column<R, ?> c : columns) {
            names.add(c.name());
        }
        return names;
    }

    private int indexOf(String column) {
        for (int k = 0; k < columns.size(); k++) {
            if (columns.get(k).name().equals(column)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The index of the first row whose values of {@code keyColumns}, as PostgreSQL spells them, are the key a
     * foreign-key violation's detail names ({@code Key (user_id)=(42) is not present in table "users".}), or
     * null when no row matches (a key whose output text differs from its input text, such as a timestamp's).
     */
    @Nullable Long findKey(Collection<? extends R> rows, List<String> keyColumns, String detail) {
        int[] keys = new int[keyColumns.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = indexOf(keyColumns.get(i));
            if (keys[i] < 0) {
                return null;
            }
        }
        long index = 0;
        for (R row : rows) {
            StringBuilder key = new StringBuilder(")=(");
            boolean complete = true;
            for (int i = 0; i < keys.length && complete; i++) {
                Object value = columns.get(keys[i]).valueOf(row);
                String text = value == null ? null : encoders[keys[i]].text(value);
                complete = text != null;
                key.append(i > 0 ? ", " : "").append(text);
            }
            if (complete && detail.contains(key.append(") ").toString())) {
                return index;
            }
            index++;
        }
        return null;
    }
}
