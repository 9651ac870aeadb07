package dev.belay.it;

import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import dev.belay.dsl.RenderedSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * Binds a rendered query's parameters on a plain JDBC statement, for {@link GoldenStatementsTest}'s Parse/Describe
 * checks only: they ask the server to describe a statement with its parameters bound (parameter and result
 * metadata) without executing it, and the executor has no API for that. Everything that executes goes through
 * the executor ({@code DBConnection}). Each parameter is bound by its {@link PgType}; this is not a model for the
 * executor's binding.
 */
final class Jdbc {
    private Jdbc() {}

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
                } else if (value instanceof PgInterval iv) {
                    ps.setObject(index, typed(type, iv.toString())); // iso_8601, read alike in every IntervalStyle
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
}
