package dev.belay.executor;

import dev.belay.dsl.PgInterval;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Picks the {@link Reader} for a result column and a Java target type. All decisions (which getter, which
 * conversion, whether NULL is allowed, whether the column's PostgreSQL type can become the Java type without
 * loss) are made here, once per query shape; the readers do no lookups.
 */
final class Readers {
    private Readers() {}

    private static final Set<Class<?>> BUILTIN = Set.of(String.class, Short.class, Integer.class, Long.class,
            BigDecimal.class, Float.class, Double.class, Boolean.class, UUID.class, LocalDate.class, LocalTime.class,
            LocalDateTime.class, OffsetDateTime.class, Instant.class, Duration.class, PgInterval.class, byte[].class);

    static boolean isBuiltin(Class<?> type) {
        return BUILTIN.contains(type) || type.isPrimitive();
    }

    /** The Java type a column of {@code dbType} reads as when nothing asks for another (raw SQL into {@code Row}). */
    static Class<?> natural(String dbType) {
        return switch (dbType) {
            case "int2", "smallserial" -> Short.class;
            case "int4", "serial" -> Integer.class;
            case "int8", "bigserial" -> Long.class;
            case "numeric" -> BigDecimal.class;
            case "float4" -> Float.class;
            case "float8" -> Double.class;
            case "bool" -> Boolean.class;
            case "uuid" -> UUID.class;
            case "date" -> LocalDate.class;
            case "time" -> LocalTime.class;
            case "timestamp" -> LocalDateTime.class;
            case "timestamptz" -> Instant.class;
            case "interval" -> Duration.class;
            case "bytea" -> byte[].class;
            default -> dbType.startsWith("_") ? List.class : String.class;
        };
    }

    /**
     * @param target  the Java type to produce (for a List, {@code generic} gives the element type)
     * @param col     the column: its label and PostgreSQL type name (e.g. {@code int4}, {@code _text})
     * @param nonNull refuse SQL NULL (a primitive, or a column the descriptor says is NOT NULL)
     * @throws MappingException when the column's type cannot be read as {@code target} without loss
     */
    static Reader forType(Class<?> target, @Nullable Type generic, ColumnRef col, boolean nonNull,
                          TypeRegistry types) {
        Reader base = base(target, generic, col, types);
        boolean refuseNull = nonNull || target.isPrimitive();
        return (rs, i) -> {
            Object v;
            try {
                v = base.read(rs, i);
            } catch (SQLException e) {
                throw outOfRange(e, target, col);
            } catch (BelayException e) {
                throw e;
            } catch (RuntimeException e) {
                throw unreadable(target, col, e);
            }
            if (v == null && refuseNull) {
                throw refusedNull(target, col);
            }
            return v;
        };
    }

    /** SQL NULL read for a primitive, or for a column the descriptor says is NOT NULL. */
    static MappingException refusedNull(Class<?> target, ColumnRef col) {
        String why = target.isPrimitive() ? " is the primitive " + target.getName() : " is not nullable";
        return col.error("the value is NULL but" + why + "; declare it nullable with a boxed type, or filter the "
                + "NULLs out", null);
    }

    /** PostgreSQL's text of a bytea (bytea_output hex): {@code \x0102}, whichever way pgjdbc received it. */
    private static @Nullable String byteaText(ResultSet rs, int i) throws SQLException {
        byte[] bytes = rs.getBytes(i);
        if (bytes == null) {
            return null;
        }
        char[] text = new char[2 + 2 * bytes.length];
        text[0] = '\\';
        text[1] = 'x';
        for (int k = 0; k < bytes.length; k++) {
            text[2 + 2 * k] = Character.forDigit((bytes[k] >> 4) & 0xF, 16);
            text[3 + 2 * k] = Character.forDigit(bytes[k] & 0xF, 16);
        }
        return new String(text);
    }

    /** A driver or JDK exception while reading (ClassCastException, DateTimeException) must not escape raw. */
    static MappingException unreadable(Class<?> target, ColumnRef col, RuntimeException e) {
        return col.error("cannot be read as " + target.getName() + ": " + e, e);
    }

    /**
     * A value the Java type cannot hold (an int8 beyond Integer, numeric NaN into BigDecimal) is a data exception
     * (SQLSTATE class 22) raised by the driver while reading; it becomes a MappingException naming the column.
     * Anything else (a broken connection) stays a driver error for the caller to translate.
     */
    static SQLException outOfRange(SQLException e, Class<?> target, ColumnRef col) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("22")) {
            throw new MappingException("column " + col + ": the value does not fit " + target.getName() + " ("
                    + e.getMessage() + "); read it as a wider type, or as String", e,
                    ErrorContext.NONE.sqlState(state).column(col.quoted()));
        }
        return e;
    }

    /** The column's type cannot become {@code target} without loss: say which types can. */
    static MappingException incompatible(Class<?> target, ColumnRef col) {
        String natural = natural(col.dbType()).getSimpleName();
        return col.error("a PostgreSQL " + col.dbType() + " cannot be read as " + target.getName() + " without "
                + "loss or reinterpretation; read it as " + natural + (natural.equals("String") ? "" : " or String")
                + ", or cast it in SQL to the type " + target.getSimpleName() + " stands for", null);
    }

    private static Reader require(boolean compatible, Class<?> target, ColumnRef col, Reader reader) {
        if (!compatible) {
            throw incompatible(target, col);
        }
        return reader;
    }

    private static Reader base(Class<?> target, @Nullable Type generic, ColumnRef col, TypeRegistry types) {
        Class<?> t = box(target);
        PgKind kind = PgKind.of(col.dbType());
        Converter<?, ?> converter = types.converter(t);
        if (converter != null) {
            return converted(converter, forType(converter.dbType(), null, col, false, types), col);
        }
        if (t == Object.class) {
            return ResultSet::getObject;
        }
        if (t == String.class) {
            // every PostgreSQL type has an exact text form; bytea's, once pgjdbc receives it in binary, is built here
            return kind == PgKind.BYTEA ? Readers::byteaText : ResultSet::getString;
        }
        if (t == Integer.class || t == Long.class || t == Short.class) {
            return NumberReaders.integer(t, kind, col);
        }
        if (t == BigDecimal.class) {
            return NumberReaders.decimal(kind, col);
        }
        if (t == Double.class || t == Float.class) {
            return NumberReaders.floating(t, col.dbType(), kind, col);
        }
        if (t == Boolean.class) {
            return require(kind == PgKind.BOOL, t, col, (rs, i) -> {
                boolean v = rs.getBoolean(i);
                return !v && rs.wasNull() ? null : v;
            });
        }
        if (t == byte[].class) {
            return require(kind == PgKind.BYTEA, t, col, ResultSet::getBytes);
        }
        if (t == UUID.class) {
            return require(kind == PgKind.UUID, t, col, (rs, i) -> rs.getObject(i, UUID.class));
        }
        if (t == LocalDate.class || t == LocalTime.class || t == LocalDateTime.class || t == OffsetDateTime.class) {
            PgKind needed = t == LocalDate.class ? PgKind.DATE : t == LocalTime.class ? PgKind.TIME
                    : t == LocalDateTime.class ? PgKind.TIMESTAMP : PgKind.TIMESTAMPTZ;
            return require(kind == needed, t, col, (rs, i) -> temporal(rs, i, t));
        }
        if (t == Instant.class) {
            return require(kind == PgKind.TIMESTAMPTZ, t, col,
                    (rs, i) -> instant((OffsetDateTime) temporal(rs, i, OffsetDateTime.class)));
        }
        if (t == Duration.class) {
            return require(kind == PgKind.INTERVAL, t, col, (rs, i) -> duration(rs.getString(i), col));
        }
        if (t == PgInterval.class) {
            return require(kind == PgKind.INTERVAL, t, col, (rs, i) -> interval(rs.getString(i)));
        }
        if (t.isEnum()) {
            return require(kind == PgKind.TEXT || kind == PgKind.OTHER, t, col, (rs, i) -> {
                String name = rs.getString(i);
                return name == null ? null : enumConstant(t, name, col);
            });
        }
        if (t == List.class || t.isArray()) {
            return require(kind == PgKind.ARRAY, t, col,
                    ArrayReaders.reader(t, t.isArray() ? t.getComponentType() : listElement(generic), col));
        }
        JsonCodec json = types.json();
        if (json != null && kind == PgKind.JSON) {
            return (rs, i) -> {
                String text = rs.getString(i);
                if (text == null) {
                    return null;
                }
                try {
                    return json.fromJson(text, t);
                } catch (RuntimeException e) {
                    throw col.error("the JsonCodec failed to read a " + t.getName() + ": " + e, e);
                }
            };
        }
        throw col.error("no way to read it as " + t.getName() + "; use a supported type or register a Converter for "
                + t.getSimpleName() + " in the TypeRegistry", null);
    }

    /**
     * A date or time through pgjdbc, which misparses February 29 of BC leap years (1 BC, 5 BC, ...); then the
     * text PostgreSQL sent is read by Belay itself.
     */
    private static @Nullable Object temporal(ResultSet rs, int i, Class<?> t) throws SQLException {
        try {
            return rs.getObject(i, t);
        } catch (DateTimeException e) {
            String text = rs.getString(i);
            if (text == null || t == LocalTime.class) {
                throw e;
            }
            return t == LocalDate.class ? TemporalText.parseDate(text) : t == LocalDateTime.class
                    ? TemporalText.parseTimestamp(text) : TemporalText.parseTimestamptz(text);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Reader converted(Converter converter, Reader db, ColumnRef col) {
        return (rs, i) -> {
            Object v = db.read(rs, i);
            if (v == null) {
                return null;
            }
            try {
                return converter.fromDb(v);
            } catch (RuntimeException e) {
                throw col.error("converter to " + converter.javaType().getName() + " failed: " + e.getMessage(), e);
            }
        };
    }

    static boolean isJson(String dbType) {
        return PgKind.of(dbType) == PgKind.JSON;
    }

    /** The element class of a List property: its declared type argument, or the element class itself. */
    private static Class<?> listElement(@Nullable Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return generic instanceof Class<?> c ? c : Object.class;
    }

    /** timestamptz as an Instant; PostgreSQL's infinity and -infinity are Instant.MAX and Instant.MIN. */
    static @Nullable Instant instant(@Nullable OffsetDateTime v) {
        if (v == null) {
            return null;
        }
        if (v.equals(OffsetDateTime.MAX)) {
            return Instant.MAX;
        }
        return v.equals(OffsetDateTime.MIN) ? Instant.MIN : v.toInstant();
    }

    static Object enumConstant(Class<?> type, String name, ColumnRef col) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        throw col.error("'" + name + "' is not a constant of " + type.getName() + " "
                + Arrays.toString(type.getEnumConstants()), null);
    }

    /**
     * An interval from the text PostgreSQL sent, read by Belay in every IntervalStyle the session may have
     * (pgjdbc's PGInterval misreads sql_standard's {@code -1 2:03:04} and holds seconds in a double).
     */
    static @Nullable PgInterval interval(@Nullable String text) {
        return text == null ? null : PgInterval.parse(text);
    }

    /**
     * An interval as an exact Duration: days count 24 hours (PostgreSQL's own justification); months and
     * years have no fixed length and are refused.
     */
    static @Nullable Duration duration(@Nullable String text, ColumnRef col) {
        PgInterval iv = interval(text);
        if (iv == null) {
            return null;
        }
        if (iv.months() != 0) {
            throw col.error("interval '" + text + "' has months or years, which have no fixed length, so it cannot "
                    + "be a Duration; read it as PgInterval (PgType.INTERVAL_FULL) or String", null);
        }
        return iv.toDuration();
    }

    static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == short.class ? Short.class
                : c == double.class ? Double.class : c == float.class ? Float.class : c == boolean.class
                ? Boolean.class : c == byte.class ? Byte.class : c == char.class ? Character.class : Void.class;
    }
}
