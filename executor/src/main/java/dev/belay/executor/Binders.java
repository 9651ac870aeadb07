package dev.belay.executor;

import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * Chooses how a parameter of one {@link PgType} is bound, once per type (the statement's binder plan keeps
 * the choice per shape), so every value reaches PostgreSQL with the type the query was built with (an int4
 * stays int4, a NULL is a typed NULL) and per call only the chosen setter and the value checks of
 * {@link ValueRules} run.
 */
final class Binders {
    private Binders() {}

    /** Binds one parameter; a value it will not send throws {@link Refused}. */
    @FunctionalInterface
    interface Binder {
        void bind(Connection c, PreparedStatement ps, int index, @Nullable Object value) throws SQLException;
    }

    /** Binds a non-null value. */
    @FunctionalInterface
    private interface ValueBinder {
        void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException;
    }

    static Binder of(PgType<?> type, TypeRegistry types) {
        Binder nulls = nullBinder(type);
        ValueBinder values = valueBinder(type, types);
        return (c, ps, i, v) -> {
            if (v == null) {
                nulls.bind(c, ps, i, null);
            } else {
                values.bind(c, ps, i, v);
            }
        };
    }

    private static ValueBinder valueBinder(PgType<?> type, TypeRegistry types) {
        Class<?> java = type.javaType();
        Converter<?, ?> converter = types.converter(java);
        if (converter != null) {
            return converted(converter, valueBinder(PgType.forClass(converter.dbType()), types));
        }
        if (java == Object.class) {
            return dynamic(type, types);
        }
        return switch (type.kind()) {
            case TEXT -> (c, ps, i, v) -> ps.setString(i, ValueRules.text((String) v));
            case ENUM -> (c, ps, i, v) -> ps.setObject(i, typed(type, ((Enum<?>) v).name()));
            case JSON -> json(type, types);
            case ARRAY -> array(type, types);
            case NUMERIC -> numeric(java);
            case BOOLEAN -> (c, ps, i, v) -> ps.setBoolean(i, (Boolean) v);
            case BINARY -> (c, ps, i, v) -> ps.setBytes(i, (byte[]) v);
            case UUID -> (c, ps, i, v) -> ps.setObject(i, (java.util.UUID) v);
            case TEMPORAL -> temporal(java);
            case OTHER -> (c, ps, i, v) -> ps.setObject(i, v instanceof PGobject ? v
                    : typed(type, ValueRules.text(v instanceof Enum<?> e ? e.name() : v.toString())));
        };
    }

    /**
     * A parameter typed only as Object (raw SQL's enums, {@code custom(.., Object.class)}): the value's class
     * decides, through the registry's converters first.
     */
    private static ValueBinder dynamic(PgType<?> type, TypeRegistry types) {
        return (c, ps, i, v) -> {
            Converter<?, ?> converter = types.converter(v.getClass());
            if (converter != null) {
                converted(converter, valueBinder(PgType.forClass(converter.dbType()), types)).bind(c, ps, i, v);
            } else if (v instanceof PGobject) {
                ps.setObject(i, v);
            } else {
                ps.setObject(i, typed(type, ValueRules.text(v instanceof Enum<?> e ? e.name() : v.toString())));
            }
        };
    }

    private static ValueBinder numeric(Class<?> java) {
        if (java == Integer.class) {
            return (c, ps, i, v) -> ps.setInt(i, (Integer) v);
        } else if (java == Long.class) {
            return (c, ps, i, v) -> ps.setLong(i, (Long) v);
        } else if (java == Short.class) {
            return (c, ps, i, v) -> ps.setShort(i, (Short) v);
        } else if (java == Double.class) {
            return (c, ps, i, v) -> ps.setDouble(i, (Double) v);
        } else if (java == Float.class) {
            return (c, ps, i, v) -> ps.setFloat(i, (Float) v);
        } else if (java == BigDecimal.class) {
            return (c, ps, i, v) -> ps.setBigDecimal(i, ValueRules.numeric((BigDecimal) v));
        }
        throw new Refused(java.getName() + " is not a number type Belay binds");
    }

    /** Years outside 1..9999 are sent as PostgreSQL text: pgjdbc's own encoding gets them wrong. */
    private static ValueBinder temporal(Class<?> java) {
        if (java == Instant.class) {
            return (c, ps, i, v) -> {
                Instant t = ValueRules.instant((Instant) v);
                ps.setObject(i, ordinary(t) ? offset(t) : typed("timestamptz", TemporalText.timestamptz(t)));
            };
        } else if (java == Duration.class) {
            return (c, ps, i, v) -> ps.setObject(i, interval(ValueRules.interval((Duration) v)));
        } else if (java == PgInterval.class) {
            return (c, ps, i, v) -> ps.setObject(i, typed("interval", intervalText((PgInterval) v)));
        } else if (java == LocalDate.class) {
            return (c, ps, i, v) -> {
                LocalDate d = ValueRules.date((LocalDate) v);
                ps.setObject(i, ordinary(d) ? d : typed("date", TemporalText.date(d)));
            };
        } else if (java == LocalDateTime.class) {
            return (c, ps, i, v) -> {
                LocalDateTime t = ValueRules.timestamp((LocalDateTime) v);
                ps.setObject(i, ordinary(t) ? t : typed("timestamp", TemporalText.timestamp(t)));
            };
        } else if (java == OffsetDateTime.class) {
            return (c, ps, i, v) -> {
                OffsetDateTime t = ValueRules.timestamptz((OffsetDateTime) v);
                boolean infinity = t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN);
                ps.setObject(i, infinity || ordinary(t.toInstant()) ? t : typed("timestamptz", TemporalText.timestamptz(t)));
            };
        } else if (java == LocalTime.class) {
            return (c, ps, i, v) -> ps.setObject(i, (LocalTime) v);
        }
        throw new Refused(java.getName() + " is not a date/time type Belay binds");
    }

    /** pgjdbc sends these itself, MIN and MAX as -infinity and infinity included. */
    private static boolean ordinary(LocalDate d) {
        return TemporalText.ordinaryYear(d.getYear()) || d.equals(LocalDate.MIN) || d.equals(LocalDate.MAX);
    }

    private static boolean ordinary(LocalDateTime t) {
        return TemporalText.ordinaryYear(t.getYear()) || t.equals(LocalDateTime.MIN) || t.equals(LocalDateTime.MAX);
    }

    private static boolean ordinary(Instant t) {
        return t.equals(Instant.MIN) || t.equals(Instant.MAX)
                || TemporalText.ordinaryYear(LocalDateTime.ofInstant(t, ZoneOffset.UTC).getYear());
    }

    private static ValueBinder json(PgType<?> type, TypeRegistry types) {
        if (type.javaType() == String.class) {
            return (c, ps, i, v) -> ps.setObject(i, typed(type, ValueRules.text((String) v)));
        }
        return (c, ps, i, v) -> ps.setObject(i, typed(type, ValueRules.text(
                v instanceof String s ? s : toJson(types, v))));
    }

    /** Each element checked and put in the form pgjdbc's array encoder expects; chosen once per element type. */
    private static ValueBinder array(PgType<?> type, TypeRegistry types) {
        PgType<?> element = type.elementType();
        String name = element == null ? "text" : element.sqlName();
        Function<Object, Object> convert = element == null ? Binders::anyElement : element(element, types);
        return (c, ps, i, v) -> ps.setArray(i, c.createArrayOf(name, elements((List<?>) v, convert)));
    }

    /** A list's elements converted for pgjdbc's array encoder; a refused element is named by its index. */
    static @Nullable Object[] elements(List<?> list, Function<Object, Object> convert) {
        Object[] items = new Object[list.size()];
        for (int k = 0; k < items.length; k++) {
            Object item = list.get(k);
            try {
                items[k] = item == null ? null : convert.apply(item);
            } catch (Refused e) {
                throw new Refused("element " + k + ": " + e.getMessage(), e.getCause());
            }
        }
        return items;
    }

    /**
     * How one non-null array element of {@code element}'s type is checked and put in the form pgjdbc's array
     * encoder expects (also used for the column arrays of bulk writes); a refused value throws {@link Refused}.
     */
    static Function<Object, Object> element(PgType<?> element, TypeRegistry types) {
        Class<?> java = element.javaType();
        Converter<?, ?> converter = types.converter(java);
        if (converter != null) {
            Function<Object, Object> inner = element(PgType.forClass(converter.dbType()), types);
            return v -> inner.apply(toDb(converter, v));
        }
        if (element.kind() == PgType.Kind.JSON && java != String.class) {
            return v -> ValueRules.text(v instanceof String s ? s : toJson(types, v));
        }
        if (java == String.class) {
            return v -> ValueRules.text((String) v);
        } else if (java == Instant.class) {
            return v -> TemporalText.timestamptz(ValueRules.instant((Instant) v));
        } else if (java == LocalDate.class) {
            return v -> TemporalText.date(ValueRules.date((LocalDate) v));
        } else if (java == LocalDateTime.class) {
            return v -> TemporalText.timestamp(ValueRules.timestamp((LocalDateTime) v));
        } else if (java == OffsetDateTime.class) {
            return v -> TemporalText.timestamptz(ValueRules.timestamptz((OffsetDateTime) v));
        } else if (java == Duration.class) {
            return v -> interval(ValueRules.interval((Duration) v)).getValue();
        } else if (java == PgInterval.class) {
            return v -> intervalText((PgInterval) v);
        } else if (java == BigDecimal.class) {
            return v -> ValueRules.numeric((BigDecimal) v);
        } else if (java.isEnum()) {
            return v -> ((Enum<?>) v).name();
        } else if (java == byte[].class) {
            // pgjdbc cannot nest byte[] in an array; bytea's hex text form goes through the array literal intact
            return v -> hex((byte[]) v);
        }
        return Binders::anyElement;
    }

    static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder(2 + bytes.length * 2).append("\\x");
        for (byte x : bytes) {
            b.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return b.toString();
    }

    static Object anyElement(Object v) {
        return v instanceof Enum<?> e ? e.name() : v instanceof String s ? ValueRules.text(s) : v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ValueBinder converted(Converter converter, ValueBinder db) {
        return (c, ps, i, v) -> db.bind(c, ps, i, toDb(converter, v));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object toDb(Converter converter, Object value) {
        Object db;
        try {
            db = converter.toDb(value);
        } catch (RuntimeException e) {
            throw new Refused("converter from " + converter.javaType().getName() + " failed: " + e, e);
        }
        if (db == null) {
            throw new Refused("converter from " + converter.javaType().getName() + " returned null for a non-null "
                    + "value");
        }
        return db;
    }

    static String toJson(TypeRegistry types, Object value) {
        JsonCodec codec = types.json();
        if (codec == null) {
            throw new Refused("a json value that is not a String needs a JsonCodec; add one with "
                    + "TypeRegistry.withJson(codec)");
        }
        try {
            return codec.toJson(value);
        } catch (RuntimeException e) {
            throw new Refused("the JsonCodec failed to write a " + value.getClass().getName() + ": " + e, e);
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
    static PGInterval interval(Duration d) {
        long hours = d.getSeconds() / 3600;
        if (hours > Integer.MAX_VALUE || hours < Integer.MIN_VALUE) {
            throw new Refused(d + " is longer than an interval can hold");
        }
        double seconds = d.getSeconds() % 3600 + d.getNano() / 1e9;
        return new PGInterval(0, 0, 0, (int) hours, 0, seconds);
    }

    /**
     * A PgInterval as PostgreSQL's iso_8601 text ({@code P-1Y2M3DT-4H}), which the server reads the same whatever
     * the session's IntervalStyle: its ISO parser ignores the setting, while the other forms do not ({@code -1 2:00:00}
     * is one day minus two hours, or minus both, depending on it), and pgjdbc's PGInterval writes
     * {@code -1 years 2 mons ...}, which sql_standard reads as minus 14 months, and cannot hold the time field's
     * whole range (its hours are an int). Every PgInterval is an interval PostgreSQL 15 stores, so none is refused.
     */
    static String intervalText(PgInterval v) {
        return v.toString();
    }

    /**
     * A value as text with its PostgreSQL type's name, which pgjdbc resolves to the type's OID (once per
     * connection), so an enum, a custom type or a NULL reaches the server typed, even in {@code SELECT ?}.
     */
    private static PGobject typed(PgType<?> type, @Nullable String text) throws SQLException {
        return typed(type.sqlName(), text);
    }

    private static PGobject typed(String sqlName, @Nullable String text) throws SQLException {
        PGobject object = new PGobject();
        object.setType(sqlName);
        object.setValue(text);
        return object;
    }

    private static Binder nullBinder(PgType<?> type) {
        int sqlType = sqlType(type);
        if (sqlType == Types.OTHER) {
            return (c, ps, i, v) -> ps.setObject(i, typed(type, null));
        }
        return (c, ps, i, v) -> ps.setNull(i, sqlType);
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
