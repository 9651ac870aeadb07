package dev.belay.executor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Names the input row and the column of a COPY the server rejected. PostgreSQL's error context reads
 * {@code COPY users, line 3, column email: "..."} for a value it cannot take (too long, not an enum label) and
 * {@code COPY users, line 3: "..."} for a row a constraint rejects (a NOT NULL violation also names its column);
 * line N is input row N - 1. A CHECK, unique or foreign-key violation names its constraint, whose columns are
 * read from the catalog once the COPY has been rolled back. Foreign keys are checked after the last row, so
 * their error has no line: for a Collection input the row is found by matching its key with the error's
 * detail. The context and the detail quote the row's values, so neither reaches the message unless the
 * configuration shows parameters.
 */
final class CopyErrors {
    private CopyErrors() {}

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    /** A constraint's columns in its key order. */
    private static final String CONSTRAINT_COLUMNS = "SELECT a.attname FROM pg_constraint k"
            + " JOIN pg_class r ON r.oid = k.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
            + " CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum"
            + " WHERE k.conname = ? AND r.relname = ? AND n.nspname = ? ORDER BY u.ord";

    /** The failing line and column, as the COPY context names them. */
    private record Where(@Nullable Long line, @Nullable String column) {}

    static <R> BelayException translate(Session s, CopyPlan<R> plan, SQLException e,
                                        @Nullable Collection<? extends R> again) {
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        Where where = m == null ? new Where(null, null) : where(plan, m.getWhere());
        Long row = where.line() == null ? null : where.line() - 1;
        List<String> columns = new ArrayList<>();
        if (where.column() != null) {
            columns.add(where.column());
        } else if (m != null && m.getColumn() != null) {
            columns.add(m.getColumn());
        }
        List<Throwable> lookupFailures = new ArrayList<>();
        if (columns.isEmpty() && m != null && m.getConstraint() != null && m.getSchema() != null
                && m.getTable() != null) {
            try {
                columns.addAll(constraintColumns(s, m.getConstraint(), m.getTable(), m.getSchema()));
            } catch (RuntimeException lookup) {
                lookupFailures.add(lookup);
            }
        }
        String note = "";
        if (row == null && FOREIGN_KEY_VIOLATION.equals(e.getSQLState()) && m != null && m.getDetail() != null
                && !columns.isEmpty()) {
            if (again != null) {
                row = plan.findKey(again, columns, m.getDetail());
                note = row != null ? "" : " (row not found: no input row's key reads as the one PostgreSQL reports)";
            } else {
                note = " (row not known: PostgreSQL checks foreign keys after the last row, and a stream or iterator "
                        + "is read once; copy a Collection to have the row named)";
            }
        }
        String lead = plan.describe + (row == null ? "" : ": row " + row) + named(columns) + note + ": ";
        Integer index = row == null ? null : CopyPlan.rowIndex(row);
        String column = columns.isEmpty() ? null : String.join(", ", columns);
        BelayException translated = Errors.translate(e, plan.sql, List.of(), s.engine().config.logParameters(),
                lead, c -> c.row(index).column(column != null ? column : c.column())
                        .table(c.table() != null ? c.table() : plan.table));
        s.engine().log.failed(translated, plan.sql, List.of());
        lookupFailures.forEach(translated::addSuppressed);
        return translated;
    }

    private static String named(List<String> columns) {
        if (columns.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(columns.size() == 1 ? ", column " : ", columns ");
        for (int i = 0; i < columns.size(); i++) {
            b.append(i > 0 ? ", " : "").append('"').append(columns.get(i)).append('"');
        }
        return b.toString();
    }

    /**
     * Reads {@code COPY <relation>, line <n>[, column <name>]...} from the error's context (one of its lines:
     * a trigger's own context comes first). The column is recognized only as one of the columns copied, so a
     * value quoted after it cannot be mistaken for it.
     */
    private static Where where(CopyPlan<?> plan, @Nullable String context) {
        if (context == null) {
            return new Where(null, null);
        }
        String prefix = "COPY " + plan.relation + ", line ";
        for (String text : context.split("\n")) {
            if (!text.startsWith(prefix)) {
                continue;
            }
            int end = prefix.length();
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            if (end == prefix.length() || end - prefix.length() > 18) {
                continue;
            }
            long line = Long.parseLong(text.substring(prefix.length(), end));
            String rest = text.substring(end);
            String column = null;
            if (rest.startsWith(", column ")) {
                String named = rest.substring(", column ".length());
                for (String candidate : plan.columnNames()) {
                    if ((named.equals(candidate) || named.startsWith(candidate + ":"))
                            && (column == null || candidate.length() > column.length())) {
                        column = candidate;
                    }
                }
            }
            return new Where(line, column);
        }
        return new Where(null, null);
    }

    /** Asked after the COPY was rolled back (the failed transaction or savepoint can run nothing before). */
    private static List<String> constraintColumns(Session s, String constraint, String table, String schema) {
        BoundStatement st = new BoundStatement(CONSTRAINT_COLUMNS, List.of(), List.of(),
                i -> "parameter " + (i + 1), false);
        return Pipeline.run(s, st, false, c -> {
            try (PreparedStatement ps = c.prepareStatement(CONSTRAINT_COLUMNS)) {
                ps.setString(1, constraint);
                ps.setString(2, table);
                ps.setString(3, schema);
                List<String> names = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            }
        });
    }
}
