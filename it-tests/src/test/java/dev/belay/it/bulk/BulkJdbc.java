package dev.belay.it.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.Table;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the bulk tests wrote through plain JDBC on a connection of its own (so only committed rows show),
 * each value as the Java type Belay maps its column to, for column-by-column comparison with the rows the
 * tests sent and got back.
 */
final class BulkJdbc {
    private BulkJdbc() {}

    /** Every row of {@code sql}, each a map from column label to its value (see {@link #value}). */
    static List<Map<String, Object>> rows(TestDatabase db, String sql, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), value(rs, i, md.getColumnTypeName(i)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The one row of {@code sql}. */
    static Map<String, Object> one(TestDatabase db, String sql, Object... args) {
        List<Map<String, Object>> rows = rows(db, sql, args);
        assertEquals(1, rows.size(), "rows of " + sql);
        return rows.get(0);
    }

    /** A column value as Belay's Java type: timestamptz as Instant, date as LocalDate, arrays as lists. */
    static Object value(ResultSet rs, int i, String typeName) throws SQLException {
        switch (typeName) {
            case "timestamptz" -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
            case "date" -> {
                return rs.getObject(i, LocalDate.class);
            }
            case "jsonb", "json", "varchar", "text" -> {
                return rs.getString(i);
            }
            case "bytea" -> {
                return rs.getBytes(i);
            }
            case "int2" -> {
                short v = rs.getShort(i);
                return rs.wasNull() ? null : v;
            }
            default -> {
                // below
            }
        }
        if (typeName.startsWith("_")) {
            Array a = rs.getArray(i);
            return a == null ? null : Arrays.asList((Object[]) a.getArray());
        }
        Object v = rs.getObject(i);
        if (v instanceof org.postgresql.util.PGobject p) {
            return p.getValue(); // enums
        }
        return v;
    }

    /**
     * Every stored row of {@code table} by its key, the list of its {@code key} columns' values (read with
     * {@code SELECT *}, so each stored column is there to compare).
     */
    static Map<List<Object>, Map<String, Object>> byKey(TestDatabase db, String table, List<String> key) {
        Map<List<Object>, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> row : rows(db, "SELECT * FROM " + table)) {
            List<Object> k = new ArrayList<>();
            for (String part : key) {
                k.add(row.get(part));
            }
            assertNull(byKey.put(k, row), "two stored rows of " + table + " have the key " + k);
        }
        return byKey;
    }

    /** The values of {@code columns} in {@code row}, in the columns' order. */
    static <R> List<Object> valuesOf(R row, List<Column<R, ?>> columns) {
        List<Object> values = new ArrayList<>();
        for (Column<R, ?> c : columns) {
            values.add(c.valueOf(row));
        }
        return values;
    }

    /** The names of {@code columns}. */
    static List<String> names(List<? extends Column<?, ?>> columns) {
        List<String> names = new ArrayList<>();
        for (Column<?, ?> c : columns) {
            names.add(c.name());
        }
        return names;
    }

    /** Asserts that every column of the descriptor holds in {@code stored} what {@code row} says, column by column. */
    static <R> void assertStored(Table<R> table, R row, Map<String, Object> stored, String where) {
        assertNotNull(stored, where + ": no stored row");
        for (Column<R, ?> c : table.columns()) {
            assertSameValue(c.valueOf(row), stored.get(c.name()), where + ", column " + c.name());
        }
    }

    /** Equal values; numerics by value (scale aside), byte arrays by content. */
    static void assertSameValue(Object expected, Object actual, String where) {
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            assertEquals(0, e.compareTo(a), where + ": expected " + e + ", stored " + a);
        } else if (expected instanceof byte[] e && actual instanceof byte[] a) {
            assertArrayEquals(e, a, where);
        } else if (expected instanceof Enum<?> e) {
            assertEquals(e.name(), actual, where);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    /** Asserts that {@code t} lies within {@code [from, to]}, give or take a second of clock skew. */
    static void assertWithin(Instant t, Instant from, Instant to, String where) {
        assertNotNull(t, where + ": null");
        assertTrue(!t.isBefore(from.minusSeconds(1)) && !t.isAfter(to.plusSeconds(1)),
                where + ": " + t + " is not between " + from + " and " + to);
    }

    /** Asserts that the error names {@code column} of {@code table}, bare or qualified. */
    static void assertColumn(dev.belay.executor.BelayException e, String table, String column) {
        String named = e.column();
        assertTrue(column.equals(named) || (table + "." + column).equals(named),
                "the error should name column " + table + "." + column + " but column() is " + named + ": "
                        + e.getMessage());
    }
}
