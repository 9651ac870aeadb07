package dev.belay.it;

import dev.belay.dsl.PgType;
import dev.belay.dsl.Query;
import dev.belay.dsl.RenderedSql;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * A test-only stand-in for the executor module, kept just large enough to run rendered queries: it binds
 * each parameter by its {@link PgType} and reads rows as lists of plain values. Replace its uses with the
 * executor once that exists; it is not a model for it (no type registry, no row mapping, no error
 * translation).
 */
final class Jdbc {
    private Jdbc() {}

    /** Runs the query and returns its rows; see {@link #read} for how values come back. */
    static List<List<Object>> query(Connection connection, Query query) throws SQLException {
        try (PreparedStatement ps = prepare(connection, query.render()); ResultSet rs = ps.executeQuery()) {
            return read(rs);
        }
    }

    private static List<List<Object>> read(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                row.add(read(rs, i));
            }
            rows.add(Collections.unmodifiableList(row));
        }
        return rows;
    }

    /** Runs plain SQL without parameters (to read data back) and returns its rows, read as {@link #query} reads them. */
    static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return read(rs);
        }
    }

    /** Runs a statement that returns no rows and gives the update count. */
    static int update(Connection connection, Query query) throws SQLException {
        try (PreparedStatement ps = prepare(connection, query.render())) {
            return ps.executeUpdate();
        }
    }

    /** Prepares the rendered SQL with every parameter bound; the caller closes the statement. */
    static PreparedStatement prepare(Connection connection, RenderedSql rendered) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(rendered.sql());
        try {
            for (int i = 0; i < rendered.params().size(); i++) {
                bind(connection, ps, i + 1, rendered.paramTypes().get(i), rendered.params().get(i));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(Connection connection, PreparedStatement ps, int index, PgType<?> type, Object value)
            throws SQLException {
        if (value == null) {
            // typed like a value: an untyped NULL is inferred from where it stands, and in a SELECT list
            // (SELECT ?, INSERT ... SELECT ?) that makes it text
            ps.setObject(index, typed(type, null));
            return;
        }
        switch (type.kind()) {
            case ARRAY -> {
                PgType<?> element = type.elementType();
                List<?> list = (List<?>) value;
                Object[] items = new Object[list.size()];
                for (int i = 0; i < items.length; i++) {
                    Object item = list.get(i);
                    items[i] = item instanceof Enum<?> e ? e.name() : item;
                }
                ps.setArray(index, connection.createArrayOf(element.sqlName(), items));
            }
            // sent with the type's name, so the server does not take the text for text
            case ENUM -> ps.setObject(index, typed(type, ((Enum<?>) value).name()));
            case JSON, OTHER -> ps.setObject(index, typed(type, value.toString()));
            case UUID -> ps.setObject(index, value); // pgjdbc sends a java.util.UUID as uuid
            default -> {
                if (value instanceof Instant instant) {
                    ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                } else if (value instanceof Duration d) {
                    ps.setObject(index, interval(d));
                } else if (value instanceof byte[] bytes) {
                    ps.setBytes(index, bytes);
                } else {
                    ps.setObject(index, value);
                }
            }
        }
    }

    /** A value as text with its PostgreSQL type name; pgjdbc sends it with that type's OID (a NULL too). */
    private static PGobject typed(PgType<?> type, String text) throws SQLException {
        PGobject object = new PGobject();
        object.setType(type.sqlName());
        object.setValue(text);
        return object;
    }

    private static PGInterval interval(Duration d) {
        // seconds only: PostgreSQL normalizes, and a day is not always 24 hours, so none is assumed here
        return new PGInterval(0, 0, 0, 0, 0, d.getSeconds() + d.getNano() / 1e9);
    }

    /**
     * Arrays come back as Lists, json/jsonb and other driver objects as their text, timestamptz as an
     * Instant; everything else as pgjdbc's {@code getObject} gives it.
     */
    private static Object read(ResultSet rs, int column) throws SQLException {
        if ("timestamptz".equals(rs.getMetaData().getColumnTypeName(column))) {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
        Object value = rs.getObject(column);
        if (value instanceof Array array) {
            return Arrays.asList((Object[]) array.getArray());
        }
        if (value instanceof PGobject object && !(value instanceof PGInterval)) {
            return object.getValue();
        }
        return value;
    }
}
