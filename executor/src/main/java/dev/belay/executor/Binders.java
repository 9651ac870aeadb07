package dev.belay.executor;

import dev.belay.dsl.PgType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * Binds one parameter by its {@link PgType}, so every value reaches PostgreSQL with the type the query
 * was built with (an int4 stays int4, a NULL is a typed NULL) and the server never has to guess.
 */
final class Binders {
    private Binders() {}

    static void bind(Connection connection, PreparedStatement ps, int index, PgType<?> type, @Nullable Object value,
                     TypeRegistry types) throws SQLException {
        if (value == null) {
            int sqlType = sqlType(type);
            if (sqlType == Types.OTHER) {
                ps.setObject(index, typed(type, null));
            } else {
                ps.setNull(index, sqlType);
            }
            return;
        }
        Converter<?, ?> converter = types.converter(value.getClass());
        if (converter != null) {
            Object db = toDb(converter, value, index);
            bind(connection, ps, index, PgType.forClass(db.getClass()), db, types);
            return;
        }
        switch (type.kind()) {
            case TEXT -> ps.setString(index, text(value, index));
            case ENUM -> ps.setObject(index, typed(type, ((Enum<?>) value).name()));
            case JSON -> ps.setObject(index, typed(type, text(value instanceof String s ? s : toJson(types, value, index),
                    index)));
            case ARRAY -> ps.setArray(index, array(connection, type, (List<?>) value, index));
            case NUMERIC -> numeric(ps, index, value);
            case BOOLEAN -> ps.setBoolean(index, (Boolean) value);
            case BINARY -> ps.setBytes(index, (byte[]) value);
            case UUID -> ps.setObject(index, value);
            case TEMPORAL -> temporal(ps, index, value);
            default -> ps.setObject(index, value instanceof PGobject ? value
                    : typed(type, text(value instanceof Enum<?> e ? e.name() : value.toString(), index)));
        }
    }

    private static void numeric(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Short s) {
            ps.setShort(index, s);
        } else if (value instanceof Double d) {
            ps.setDouble(index, d);
        } else if (value instanceof Float f) {
            ps.setFloat(index, f);
        } else if (value instanceof BigDecimal b) {
            ps.setBigDecimal(index, b);
        } else {
            throw new BindException("parameter " + index + ": " + value.getClass().getName() + " is not a number type "
                    + "Belay binds", null, null, null, null, null, null);
        }
    }

    private static void temporal(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            ps.setObject(index, offset(instant));
        } else if (value instanceof Duration d) {
            ps.setObject(index, interval(d, index));
        } else {
            ps.setObject(index, value);
        }
    }

    /** Instant.MAX and Instant.MIN stand for PostgreSQL's infinity and -infinity, as when they are read. */
    private static OffsetDateTime offset(Instant instant) {
        if (instant.equals(Instant.MAX)) {
            return OffsetDateTime.MAX;
        }
        return instant.equals(Instant.MIN) ? OffsetDateTime.MIN : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * An exact length of time, sent as hours and seconds: never as days or months, which PostgreSQL applies by
     * calendar (a day across a DST change is 23 or 25 hours). Hours keep durations past 68 years exact.
     */
    private static PGInterval interval(Duration d, int index) {
        long hours = d.getSeconds() / 3600;
        if (hours > Integer.MAX_VALUE || hours < Integer.MIN_VALUE) {
            throw new BindException("parameter " + index + ": " + d + " is longer than an interval can hold",
                    null, null, null, null, null, null);
        }
        double seconds = d.getSeconds() % 3600 + d.getNano() / 1e9;
        return new PGInterval(0, 0, 0, (int) hours, 0, seconds);
    }

    private static java.sql.Array array(Connection connection, PgType<?> type, List<?> list, int index)
            throws SQLException {
        PgType<?> element = type.elementType();
        Object[] items = new Object[list.size()];
        for (int i = 0; i < items.length; i++) {
            Object item = list.get(i);
            if (item instanceof Enum<?> e) {
                items[i] = e.name();
            } else if (item instanceof String s) {
                items[i] = text(s, index);
            } else if (item instanceof Instant instant) {
                items[i] = offset(instant);
            } else {
                items[i] = item;
            }
        }
        String name = element == null ? "text" : element.sqlName();
        return connection.createArrayOf(name, items);
    }

    /** PostgreSQL text cannot hold NUL; refusing it here names the parameter instead of a server error. */
    private static String text(Object value, int index) {
        String s = value.toString();
        refuseNul("parameter " + index, s);
        return s;
    }

    /**
     * Refuses a string holding NUL (0x00), or a list with such an element, naming {@code where} (a parameter
     * index or a raw SQL placeholder). DSL queries refuse it earlier, naming the column.
     */
    static void refuseNul(String where, @Nullable Object value) {
        if (value instanceof String s && s.indexOf('\0') >= 0) {
            throw new BindException(where + " contains a NUL character (0x00) at index " + s.indexOf('\0')
                    + "; PostgreSQL cannot store NUL in text or json. Strip it, or store the data as bytea",
                    null, null, null, null, null, null);
        }
        if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                refuseNul(where + " element " + i, items.get(i));
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object toDb(Converter converter, Object value, int index) {
        Object db;
        try {
            db = converter.toDb(value);
        } catch (RuntimeException e) {
            throw new BindException("parameter " + index + ": converter from " + converter.javaType().getName()
                    + " failed: " + e.getMessage(), e, null, null, null, null, null);
        }
        if (db == null) {
            throw new BindException("parameter " + index + ": converter from " + converter.javaType().getName()
                    + " returned null for a non-null value", null, null, null, null, null, null);
        }
        return db;
    }

    private static JsonCodec jsonCodec(TypeRegistry types, int index) {
        JsonCodec codec = types.json();
        if (codec == null) {
            throw new BindException("parameter " + index + ": a json value that is not a String needs a JsonCodec; "
                    + "add one with TypeRegistry.withJson(codec)", null, null, null, null, null, null);
        }
        return codec;
    }

    private static String toJson(TypeRegistry types, Object value, int index) {
        JsonCodec codec = jsonCodec(types, index);
        try {
            return codec.toJson(value);
        } catch (RuntimeException e) {
            throw new BindException("parameter " + index + ": the JsonCodec failed to write a "
                    + value.getClass().getName() + ": " + e, e, null, null, null, null, null);
        }
    }

    /**
     * A value as text with its PostgreSQL type's name, which pgjdbc resolves to the type's OID (once per
     * connection), so an enum, a custom type or a NULL reaches the server typed, even in {@code SELECT ?}.
     */
    private static PGobject typed(PgType<?> type, @Nullable String text) throws SQLException {
        PGobject object = new PGobject();
        object.setType(type.sqlName());
        object.setValue(text);
        return object;
    }

    /**
     * The JDBC type whose {@code setNull} carries the parameter's own OID; {@code OTHER} for every type pgjdbc
     * would send as "unknown" (time, timestamps, interval, uuid, json, arrays, enums, custom types), which
     * are bound as a typed NULL instead.
     */
    private static int sqlType(PgType<?> type) {
        return switch (type.sqlName()) {
            case "text", "varchar" -> Types.VARCHAR;
            case "int2" -> Types.SMALLINT;
            case "int4" -> Types.INTEGER;
            case "int8" -> Types.BIGINT;
            case "numeric" -> Types.NUMERIC;
            case "float4" -> Types.REAL;
            case "float8" -> Types.DOUBLE;
            case "bool" -> Types.BOOLEAN;
            case "date" -> Types.DATE;
            case "bytea" -> Types.BINARY;
            default -> Types.OTHER;
        };
    }
}
