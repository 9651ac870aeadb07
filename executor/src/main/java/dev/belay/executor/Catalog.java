package dev.belay.executor;

import dev.belay.dsl.Table;
import dev.belay.dsl.internal.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a bulk write must know about a table that its descriptor does not say: how each column gets its value
 * when none is given (an identity or serial sequence, a DEFAULT expression, a stored generated expression)
 * and the limits of its text and numeric types, and whether BEFORE row triggers may change what is stored. Read
 * from pg_catalog once per table and kept for the life of the {@link DBConnection}; a table whose defaults or
 * triggers change needs a new DBConnection.
 */
final class Catalog {
    /**
     * How one column is filled when the row gives no value, and the length or precision it accepts. {@code sqlType}
     * is the column's type as SQL writes it, modifier included ({@code numeric(10,2)}, {@code public.citext}),
     * qualified unless it is in pg_catalog, so that it names the same type whatever the search_path.
     */
    record ColumnFacts(String name, @Nullable Long sequence, @Nullable String defaultSql, boolean stored,
                       String identity, String typeName, int typmod, boolean ascending, boolean deterministic,
                       String sqlType, boolean composite) {
        /** A column whose collation (if any) is deterministic: equal text is identical text. */
        ColumnFacts(String name, @Nullable Long sequence, @Nullable String defaultSql, boolean stored,
                    String identity, String typeName, int typmod, boolean ascending) {
            this(name, sequence, defaultSql, stored, identity, typeName, typmod, ascending, true, typeName, false);
        }

        /**
         * An identity column ({@code identity} is pg_attribute.attidentity: "a" for ALWAYS, "d" for BY DEFAULT, else
         * empty), whose value, when the insert leaves it out, its own sequence draws. A column can own a sequence
         * without that ({@code ALTER SEQUENCE ... OWNED BY}, or a serial whose DEFAULT was changed).
         */
        boolean isIdentity() {
            return sequence != null && !identity.isEmpty();
        }

        /** GENERATED ALWAYS AS IDENTITY: PostgreSQL refuses an explicit value unless told OVERRIDING SYSTEM VALUE. */
        boolean identityAlways() {
            return sequence != null && identity.equals("a");
        }

        /** varchar(n)/char(n): n characters; else -1. */
        int maxLength() {
            return (typeName.equals("varchar") || typeName.equals("bpchar")) && typmod >= 4 ? typmod - 4 : -1;
        }

        /** numeric(p, s): at most p - s digits before the point; else -1. */
        int maxIntegerDigits() {
            if (!typeName.equals("numeric") || typmod < 4) {
                return -1;
            }
            int precision = ((typmod - 4) >> 16) & 0xFFFF;
            int scale = (typmod - 4) & 0xFFFF;
            return precision - scale;
        }
    }

    /**
     * The columns of one table by name, and the enabled BEFORE row triggers on INSERT and on UPDATE (on the table or,
     * for a partitioned table, on any of its partitions), by name: such a trigger may change the row that is stored,
     * or skip it by returning NULL, so a bulk write reads every column back.
     */
    record TableFacts(String table, Map<String, ColumnFacts> columns, List<String> beforeInsert,
                      List<String> beforeUpdate, boolean partitioned) {
        /** A table that is not partitioned. */
        TableFacts(String table, Map<String, ColumnFacts> columns, List<String> beforeInsert,
                   List<String> beforeUpdate) {
            this(table, columns, beforeInsert, beforeUpdate, false);
        }

        /** A table without BEFORE row triggers. */
        TableFacts(String table, Map<String, ColumnFacts> columns) {
            this(table, columns, List.of(), List.of());
        }

        ColumnFacts column(String name) {
            ColumnFacts facts = columns.get(name);
            if (facts == null) {
                throw new IllegalArgumentException("table " + table + " has no column \"" + name + "\" in the database; "
                        + "the descriptor and the schema disagree");
            }
            return facts;
        }
    }

    /**
     * Per column: its sequence's OID (identity or serial), whether that sequence only ever goes up (positive increment,
     * no CYCLE), its DEFAULT, stored generation, identity kind, type name and modifier, and whether its collation
     * is deterministic (a nondeterministic one makes different strings equal, so a stored value may differ from the
     * value it conflicted with).
     */
    private static final String QUERY = "SELECT a.attname, CAST(CAST(q.seq AS regclass) AS oid), "
            + "pg_get_expr(d.adbin, d.adrelid), "
            + "a.attgenerated = 's', CAST(a.attidentity AS text), t.typname, a.atttypmod, "
            + "COALESCE((SELECT s.seqincrement > 0 AND NOT s.seqcycle FROM pg_sequence s "
            + "WHERE s.seqrelid = CAST(q.seq AS regclass)), false), "
            + "COALESCE((SELECT co.collisdeterministic FROM pg_collation co WHERE co.oid = a.attcollation), true), "
            + "CASE WHEN t.typnamespace = CAST('pg_catalog' AS regnamespace) "
            + "THEN format_type(a.atttypid, a.atttypmod) "
            + "ELSE CAST(CAST(t.typnamespace AS regnamespace) AS text) || '.' || quote_ident(t.typname) END, "
            + "(SELECT r.relkind = 'p' FROM pg_class r WHERE r.oid = a.attrelid), t.typtype = 'c' "
            + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
            + "CROSS JOIN LATERAL (SELECT pg_get_serial_sequence(?, a.attname) AS seq) q "
            + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            + "WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped";

    /**
     * The enabled, user-written BEFORE row triggers on INSERT or UPDATE of the table and of its partitions
     * ({@code pg_partition_tree} lists none for a table that is not partitioned). {@code tgtype} bits: 1 row, 2 before,
     * 4 insert, 16 update. A trigger enabled only for replicas ('R') counts too: a session may fire it.
     */
    private static final String TRIGGERS = "SELECT DISTINCT t.tgname, t.tgtype & 4 <> 0, t.tgtype & 16 <> 0 "
            + "FROM pg_trigger t WHERE (t.tgrelid = CAST(? AS regclass) "
            + "OR t.tgrelid IN (SELECT p.relid FROM pg_partition_tree(CAST(? AS regclass)) p)) "
            + "AND NOT t.tgisinternal AND t.tgenabled <> 'D' AND t.tgtype & 3 = 3 AND t.tgtype & 20 <> 0 "
            + "ORDER BY 1";

    private final Map<String, TableFacts> tables = new ConcurrentHashMap<>();

    TableFacts facts(Connection c, Table<?> table) throws SQLException {
        String name = qualified(table);
        TableFacts known = tables.get(name);
        if (known != null) {
            return known;
        }
        Map<String, ColumnFacts> columns = new HashMap<>();
        boolean[] partitioned = {false};
        each(c, QUERY, name, rs -> {
            partitioned[0] = rs.getBoolean(11);
            String column = rs.getString(1);
            String expr = rs.getString(3);
            boolean stored = rs.getBoolean(4);
            long drawn = rs.getLong(2);
            Long sequence = rs.wasNull() ? null : drawn;
            String identity = Objects.requireNonNullElse(rs.getString(5), "");
            columns.put(column, new ColumnFacts(column, sequence, stored ? null : expr, stored, identity,
                    rs.getString(6), rs.getInt(7), rs.getBoolean(8), rs.getBoolean(9), rs.getString(10),
                    rs.getBoolean(12)));
        });
        List<String> beforeInsert = new ArrayList<>();
        List<String> beforeUpdate = new ArrayList<>();
        each(c, TRIGGERS, name, rs -> {
            String trigger = rs.getString(1); // a partition's clone of a trigger has its name
            if (rs.getBoolean(2) && !beforeInsert.contains(trigger)) {
                beforeInsert.add(trigger);
            }
            if (rs.getBoolean(3) && !beforeUpdate.contains(trigger)) {
                beforeUpdate.add(trigger);
            }
        });
        TableFacts facts = new TableFacts(name, Map.copyOf(columns), List.copyOf(beforeInsert),
                List.copyOf(beforeUpdate), partitioned[0]);
        tables.put(name, facts);
        return facts;
    }

    /** One row of a catalog query. */
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a catalog query that takes the table's name twice, handing each row to {@code reader}. */
    private static void each(Connection c, String sql, String table, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static final String CONSTRAINT_COLUMNS = "SELECT a.attname FROM pg_attribute a WHERE a.attrelid = "
            + "CAST(? AS regclass) AND a.attnum = ANY(COALESCE("
            + "(SELECT con.conkey FROM pg_constraint con WHERE con.conrelid = CAST(? AS regclass) AND con.conname = ?), "
            + "(SELECT i.indkey::int2[] FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
            + "WHERE i.indrelid = CAST(? AS regclass) AND ic.relname = ?)))";

    /**
     * The column a constraint (or unique index) of {@code table} covers, when it covers exactly one; else null.
     * PostgreSQL names only the constraint of a CHECK, FOREIGN KEY or UNIQUE failure.
     */
    static @Nullable String constraintColumn(Connection c, Table<?> table, String constraint) throws SQLException {
        String name = qualified(table);
        try (PreparedStatement ps = c.prepareStatement(CONSTRAINT_COLUMNS)) {
            ps.setString(1, name);
            ps.setString(2, name);
            ps.setString(3, constraint);
            ps.setString(4, name);
            ps.setString(5, constraint);
            try (ResultSet rs = ps.executeQuery()) {
                String column = rs.next() ? rs.getString(1) : null;
                return column != null && !rs.next() ? column : null;
            }
        }
    }

    /** {@code "schema"."name"}, quoted as regclass input expects. */
    static String qualified(Table<?> table) {
        String schema = table.schema();
        return (schema == null ? "" : Identifiers.quote(schema) + ".") + Identifiers.quote(table.name());
    }
}
