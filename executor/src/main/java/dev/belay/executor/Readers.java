package dev.belay.executor;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.postgresql.util.PGInterval;

/**
 * Picks the {@link Reader} for a result column and a Java target type. All decisions (which getter, which
 * conversion, whether NULL is allowed) are made here, once per query shape; the readers do no lookups.
 */
final class Readers {
    private Readers() {}

    private static final Set<Class<?>> BUILTIN = Set.of(String.class, Short.class, Integer.class, Long.class,
            BigDecimal.class, Float.class, Double.class, Boolean.class, UUID.class, LocalDate.class, LocalTime.class,
            LocalDateTime.class, OffsetDateTime.class, Instant.class, Duration.class, byte[].class);

    static boolean isBuiltin(Class<?> type) {
        return BUILTIN.contains(type) || type.isPrimitive();
    }

    /** The Java type a column of {@code dbType} reads as when nothing asks for another (raw SQL into {@code Row}). */
    static Reader natural(String dbType, String where, TypeRegistry types) {
        Class<?> type = switch (dbType) {
            case "int2", "smallserial" -> Short.class;
            case "int4", "serial" -> Integer.class;
            case "int8", "bigserial" -> Long.class; // pgjdbc names identity and serial columns by their pseudo-type
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
        return forType(type, null, dbType, where, false, types);
    }

    /**
     * @param target   the Java type to produce (for a List, {@code generic} gives the element type)
     * @param dbType   the column's PostgreSQL type name from the result metadata, e.g. {@code int4}, {@code _text}
     * @param where    names the column and the Java property for error messages
     * @param nonNull  refuse SQL NULL (a primitive, or a column the descriptor says is NOT NULL)
     */
    static Reader forType(Class<?> target, @Nullable Type generic, String dbType, String where, boolean nonNull,
                          TypeRegistry types) {
        Reader base = base(target, generic, dbType, where, types);
        boolean refuseNull = nonNull || target.isPrimitive();
        String why = target.isPrimitive() ? " is the primitive " + target.getName() : " is not nullable";
        return (rs, i) -> {
            Object v;
            try {
                v = base.read(rs, i);
            } catch (SQLException e) {
                throw outOfRange(e, target, where);
            }
            if (v == null && refuseNull) {
                throw new MappingException("column " + where + " is NULL but" + why + "; declare it nullable with a "
                        + "boxed type, or filter the NULLs out", null, null, null, null, where, null);
            }
            return v;
        };
    }

    /**
     * A value the Java type cannot hold (an int8 beyond Integer, numeric NaN into BigDecimal) is a data exception
     * (SQLSTATE class 22) raised by the driver while reading; it becomes a MappingException naming the column.
     * Anything else (a broken connection) stays a driver error for the caller to translate.
     */
    private static SQLException outOfRange(SQLException e, Class<?> target, String where) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("22")) {
            throw new MappingException("column " + where + ": the value does not fit " + target.getName() + " ("
                    + e.getMessage() + "); read it as a wider type, or as String", e, state, null, null, where, null);
        }
        return e;
    }

    private static Reader base(Class<?> target, @Nullable Type generic, String dbType, String where,
                               TypeRegistry types) {
        Class<?> t = target.isPrimitive() ? box(target) : target;
        Converter<?, ?> converter = types.converter(t);
        if (converter != null) {
            return converted(converter, forType(converter.dbType(), null, dbType, where, false, types), where);
        }
        if (t == String.class) {
            return ResultSet::getString;
        }
        if (t == Integer.class) {
            return (rs, i) -> {
                int v = rs.getInt(i);
                return v == 0 && rs.wasNull() ? null : v;
            };
        }
        if (t == Long.class) {
            return (rs, i) -> {
                long v = rs.getLong(i);
                return v == 0 && rs.wasNull() ? null : v;
            };
        }
        if (t == Short.class) {
            return (rs, i) -> {
                short v = rs.getShort(i);
                return v == 0 && rs.wasNull() ? null : v;
            };
        }
        if (t == Double.class) {
            return (rs, i) -> {
                double v = rs.getDouble(i);
                return v == 0 && rs.wasNull() ? null : v;
            };
        }
        if (t == Float.class) {
            return (rs, i) -> {
                float v = rs.getFloat(i);
                return v == 0 && rs.wasNull() ? null : v;
            };
        }
        if (t == Boolean.class) {
            return (rs, i) -> {
                boolean v = rs.getBoolean(i);
                return !v && rs.wasNull() ? null : v;
            };
        }
        if (t == BigDecimal.class) {
            return ResultSet::getBigDecimal;
        }
        if (t == byte[].class) {
            return ResultSet::getBytes;
        }
        if (t == UUID.class || t == LocalDate.class || t == LocalTime.class || t == LocalDateTime.class
                || t == OffsetDateTime.class) {
            return (rs, i) -> rs.getObject(i, t);
        }
        if (t == Instant.class) {
            return (rs, i) -> instant(rs.getObject(i, OffsetDateTime.class));
        }
        if (t == Duration.class) {
            return (rs, i) -> duration(rs.getObject(i), where);
        }
        if (t.isEnum()) {
            return (rs, i) -> {
                String name = rs.getString(i);
                return name == null ? null : enumConstant(t, name, where);
            };
        }
        if (t == List.class || t.isArray() && t != byte[].class) {
            return ArrayReaders.reader(t, t.isArray() ? t.getComponentType() : listElement(generic), where);
        }
        if (t == Object.class) {
            return ResultSet::getObject;
        }
        JsonCodec json = types.json();
        if (json != null && isJson(dbType)) {
            return (rs, i) -> {
                String text = rs.getString(i);
                if (text == null) {
                    return null;
                }
                try {
                    return json.fromJson(text, t);
                } catch (RuntimeException e) {
                    throw new MappingException("column " + where + ": the JsonCodec failed to read a " + t.getName()
                            + ": " + e, e, null, null, null, where, null);
                }
            };
        }
        throw new MappingException("column " + where + " (" + dbType + "): no way to read it as " + t.getName()
                + "; use a supported type or register a Converter for " + t.getSimpleName() + " in the TypeRegistry",
                null, null, null, null, where, null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Reader converted(Converter converter, Reader db, String where) {
        return (rs, i) -> {
            Object v = db.read(rs, i);
            if (v == null) {
                return null;
            }
            try {
                return converter.fromDb(v);
            } catch (RuntimeException e) {
                throw new MappingException("column " + where + ": converter to " + converter.javaType().getName()
                        + " failed: " + e.getMessage(), e, null, null, null, where, null);
            }
        };
    }

    static boolean isJson(String dbType) {
        return dbType.equals("json") || dbType.equals("jsonb");
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

    static Object enumConstant(Class<?> type, String name, String where) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        throw new MappingException("column " + where + ": '" + name + "' is not a constant of " + type.getName()
                + " " + Arrays.toString(type.getEnumConstants()), null, null, null, null, where, null);
    }

    /**
     * An interval as an exact Duration: days count 24 hours (PostgreSQL's own justification); months and
     * years have no fixed length and are refused.
     */
    private static @Nullable Duration duration(@Nullable Object value, String where) {
        if (value == null) {
            return null;
        }
        PGInterval iv = (PGInterval) value;
        if (iv.getYears() != 0 || iv.getMonths() != 0) {
            throw new MappingException("column " + where + ": interval '" + iv.getValue() + "' has months or years, "
                    + "which have no fixed length, so it cannot be a Duration; read it as String", null, null, null,
                    null, where, null);
        }
        long micros = Math.round(iv.getSeconds() * 1_000_000d);
        return Duration.ofDays(iv.getDays()).plusHours(iv.getHours()).plusMinutes(iv.getMinutes())
                .plusNanos(micros * 1000L);
    }

    static Class<?> box(Class<?> c) {
        if (c == int.class) {
            return Integer.class;
        } else if (c == long.class) {
            return Long.class;
        } else if (c == short.class) {
            return Short.class;
        } else if (c == double.class) {
            return Double.class;
        } else if (c == float.class) {
            return Float.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        } else if (c == byte.class) {
            return Byte.class;
        } else if (c == char.class) {
            return Character.class;
        }
        return c;
    }
}
