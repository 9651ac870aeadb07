package dev.belay.dsl;

import dev.belay.dsl.internal.Identifiers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A PostgreSQL type paired with the Java type that carries its values. Every column, bound value and
 * expression has one, so the executor never guesses a JDBC type.
 *
 * <pre>{@code
 * column("age", PgType.INT4)                       // Column<User, Integer>
 * column("tags", PgType.arrayOf(PgType.TEXT))      // Column<Post, List<String>>, SQL type text[]
 * column("mood", PgType.enumType("mood", Mood.class))
 * USER.AGE.cast(PgType.INT8)                       // CAST("users"."age" AS int8)
 * }</pre>
 *
 * @param <T> the Java type of the values
 */
public final class PgType<T> {

    /**
     * What kind of values a type holds; decides which operators apply to it: {@code USER.AGE.plus(1)} needs
     * {@code NUMERIC}, {@code USER.NAME.like("A%")} needs {@code TEXT}, {@code POST.TAGS.overlaps(..)} needs
     * {@code ARRAY}.
     */
    public enum Kind {
        /** int2, int4, int8, numeric, float4, float8: arithmetic applies. */
        NUMERIC,
        /** text, varchar and text-like custom types: LIKE, ILIKE, concatenation apply. */
        TEXT,
        /** bool. */
        BOOLEAN,
        /** date, time, timestamp, timestamptz, interval. */
        TEMPORAL,
        /** uuid. */
        UUID,
        /** bytea. */
        BINARY,
        /** json and jsonb: the {@code ->}, {@code ->>} operators apply, and on jsonb containment and key tests. */
        JSON,
        /** one-dimensional arrays: containment, overlap and {@code = ANY} apply. */
        ARRAY,
        /** a PostgreSQL enum type, see {@link PgType#enumType}. */
        ENUM,
        /** any other type, see {@link PgType#custom}. */
        OTHER
    }

    /** {@code text} as a {@code String}: {@code column("name", PgType.TEXT)}. */
    public static final PgType<String> TEXT = builtin("text", String.class, Kind.TEXT);
    /** {@code varchar} as a {@code String}; casts render {@code CAST(x AS varchar)}. */
    public static final PgType<String> VARCHAR = builtin("varchar", String.class, Kind.TEXT);
    /** {@code int2} (smallint) as a {@code Short}. */
    public static final PgType<Short> INT2 = builtin("int2", Short.class, Kind.NUMERIC);
    /** {@code int4} (integer) as an {@code Integer}: {@code column("age", PgType.INT4)}. */
    public static final PgType<Integer> INT4 = builtin("int4", Integer.class, Kind.NUMERIC);
    /** {@code int8} (bigint, bigserial, identity) as a {@code Long}: {@code column("id", PgType.INT8)}. */
    public static final PgType<Long> INT8 = builtin("int8", Long.class, Kind.NUMERIC);
    /** {@code numeric} as a {@code BigDecimal}, exact; values beyond PostgreSQL's digit limits are refused. */
    public static final PgType<BigDecimal> NUMERIC = builtin("numeric", BigDecimal.class, Kind.NUMERIC);
    /** {@code float4} (real) as a {@code Float}. */
    public static final PgType<Float> FLOAT4 = builtin("float4", Float.class, Kind.NUMERIC);
    /** {@code float8} (double precision) as a {@code Double}. */
    public static final PgType<Double> FLOAT8 = builtin("float8", Double.class, Kind.NUMERIC);
    /** {@code bool} as a {@code Boolean}; a {@code Field<Boolean>} becomes a condition with {@code Sql.condition(f)}. */
    public static final PgType<Boolean> BOOL = builtin("bool", Boolean.class, Kind.BOOLEAN);
    /** {@code uuid} as a {@link java.util.UUID}. */
    public static final PgType<UUID> UUID = builtin("uuid", java.util.UUID.class, Kind.UUID);
    /** {@code date} as a {@link LocalDate}; dates outside PostgreSQL's range are refused before sending. */
    public static final PgType<LocalDate> DATE = builtin("date", LocalDate.class, Kind.TEMPORAL);
    /** {@code time} (without time zone) as a {@link LocalTime}. */
    public static final PgType<LocalTime> TIME = builtin("time", LocalTime.class, Kind.TEMPORAL);
    /** {@code timestamp} (without time zone) as a {@link LocalDateTime}. */
    public static final PgType<LocalDateTime> TIMESTAMP = builtin("timestamp", LocalDateTime.class, Kind.TEMPORAL);
    /** {@code timestamptz} read as an {@link Instant}. */
    public static final PgType<Instant> TIMESTAMPTZ = builtin("timestamptz", Instant.class, Kind.TEMPORAL);
    /** {@code timestamptz} read as an {@link OffsetDateTime} (PostgreSQL stores UTC; the offset read back is UTC). */
    public static final PgType<OffsetDateTime> TIMESTAMPTZ_OFFSET =
            builtin("timestamptz", OffsetDateTime.class, Kind.TEMPORAL);
    /** {@code interval} as an exact {@link Duration}; an interval with months or years cannot be one and is a mapping error. */
    public static final PgType<Duration> INTERVAL = builtin("interval", Duration.class, Kind.TEMPORAL);
    /**
     * {@code interval} as a {@link PgInterval}: all three of PostgreSQL's fields (months, days, microseconds), so
     * every interval reads and binds, months included. {@code column("billing_period", PgType.INTERVAL_FULL)};
     * casts render {@code CAST(x AS interval)}. The default type of {@code PgInterval}.
     */
    public static final PgType<PgInterval> INTERVAL_FULL = builtin("interval", PgInterval.class, Kind.TEMPORAL);
    /** {@code bytea} as a {@code byte[]}. */
    public static final PgType<byte[]> BYTEA = builtin("bytea", byte[].class, Kind.BINARY);
    /** {@code jsonb} carried as its JSON text. */
    public static final PgType<String> JSONB = builtin("jsonb", String.class, Kind.JSON);
    /** {@code json} carried as its JSON text. */
    public static final PgType<String> JSON = builtin("json", String.class, Kind.JSON);

    private static final Map<Class<?>, PgType<?>> DEFAULTS = Map.ofEntries(
            Map.entry(String.class, TEXT), Map.entry(Short.class, INT2), Map.entry(short.class, INT2),
            Map.entry(Integer.class, INT4), Map.entry(int.class, INT4), Map.entry(Long.class, INT8),
            Map.entry(long.class, INT8), Map.entry(BigDecimal.class, NUMERIC), Map.entry(Float.class, FLOAT4),
            Map.entry(float.class, FLOAT4), Map.entry(Double.class, FLOAT8), Map.entry(double.class, FLOAT8),
            Map.entry(Boolean.class, BOOL), Map.entry(boolean.class, BOOL), Map.entry(java.util.UUID.class, UUID),
            Map.entry(LocalDate.class, DATE), Map.entry(LocalTime.class, TIME),
            Map.entry(LocalDateTime.class, TIMESTAMP), Map.entry(Instant.class, TIMESTAMPTZ),
            Map.entry(OffsetDateTime.class, TIMESTAMPTZ_OFFSET), Map.entry(Duration.class, INTERVAL),
            Map.entry(PgInterval.class, INTERVAL_FULL), Map.entry(byte[].class, BYTEA));

    private final String sqlName;
    private final Class<T> javaType;
    private final Kind kind;
    private final @Nullable PgType<?> elementType;

    private PgType(String sqlName, Class<T> javaType, Kind kind, @Nullable PgType<?> elementType) {
        this.sqlName = sqlName;
        this.javaType = javaType;
        this.kind = kind;
        this.elementType = elementType;
    }

    private static <T> PgType<T> builtin(String name, Class<T> javaType, Kind kind) {
        return new PgType<>(name, javaType, kind, null);
    }

    /**
     * A one-dimensional array of {@code element}, carried as a {@code List}.
     * {@code PgType.arrayOf(PgType.TEXT)} is SQL {@code text[]}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <E> PgType<List<E>> arrayOf(PgType<E> element) {
        Objects.requireNonNull(element, "element");
        if (element.kind == Kind.ARRAY) {
            throw new IllegalArgumentException("arrayOf(" + element + "): nested arrays are not supported; "
                    + "PostgreSQL arrays are multi-dimensional, use a one-dimensional array of the element type");
        }
        return new PgType<>(element.sqlName + "[]", (Class) List.class, Kind.ARRAY, element);
    }

    /**
     * A PostgreSQL enum type ({@code CREATE TYPE mood AS ENUM (...)}) carried as a Java enum whose
     * constant names are the labels. {@code PgType.enumType("mood", Mood.class)}; its SQL name is
     * quoted: {@code "mood"}.
     */
    public static <E extends Enum<E>> PgType<E> enumType(String typeName, Class<E> javaType) {
        Identifiers.check(typeName, "enum type name");
        return new PgType<>(Identifiers.quote(typeName), Objects.requireNonNull(javaType, "javaType"), Kind.ENUM, null);
    }

    /**
     * A jsonb column carried as a Java object, written and read by the executor's JSON codec
     * ({@code TypeRegistry.withJson}): {@code column("shape", PgType.jsonb(Shape.class))}. It has the jsonb
     * operators of {@link #JSONB}.
     */
    public static <T> PgType<T> jsonb(Class<T> javaType) {
        return new PgType<>("jsonb", Objects.requireNonNull(javaType, "javaType"), Kind.JSON, null);
    }

    /** A json column carried as a Java object through the executor's JSON codec; see {@link #jsonb(Class)}. */
    public static <T> PgType<T> json(Class<T> javaType) {
        return new PgType<>("json", Objects.requireNonNull(javaType, "javaType"), Kind.JSON, null);
    }

    /**
     * A user-defined or extension type (domain, {@code citext}, {@code ltree}, ...) by its name,
     * rendered quoted: {@code PgType.custom("citext", String.class)} renders {@code "citext"}.
     * {@code custom("json", T)} and {@code custom("jsonb", T)} are {@link #json(Class)} and {@link #jsonb(Class)}.
     */
    public static <T> PgType<T> custom(String typeName, Class<T> javaType) {
        if ("jsonb".equals(typeName)) {
            return jsonb(javaType);
        }
        if ("json".equals(typeName)) {
            return json(javaType);
        }
        Identifiers.check(typeName, "type name");
        return new PgType<>(Identifiers.quote(typeName), Objects.requireNonNull(javaType, "javaType"), Kind.OTHER, null);
    }

    /**
     * The default PostgreSQL type for a Java type: {@code String} is text, {@code Integer} int4,
     * {@code Instant} timestamptz and so on. Enums have no default, since their database type name is
     * not derivable: use {@link #enumType}.
     *
     * @throws IllegalArgumentException naming the class when there is no default
     */
    @SuppressWarnings("unchecked")
    public static <T> PgType<T> forClass(Class<T> javaType) {
        PgType<?> type = DEFAULTS.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException("no default PostgreSQL type for Java type " + javaType.getName()
                    + "; name one explicitly (PgType.enumType(...), PgType.arrayOf(...), PgType.custom(...))");
        }
        return (PgType<T>) type;
    }

    /** The type as written in SQL ({@code int4}, {@code text[]}, {@code "mood"}); safe to splice. */
    public String sqlName() {
        return sqlName;
    }

    /** The Java type of the values. For arrays this is {@code List}. */
    public Class<T> javaType() {
        return javaType;
    }

    /** The kind of values, which decides the operators that apply: {@code PgType.INT4.kind()} is {@code NUMERIC}. */
    public Kind kind() {
        return kind;
    }

    /** The element type of an array type, or null. */
    public @Nullable PgType<?> elementType() {
        return elementType;
    }

    /** Types are equal when their SQL names, Java types and element types are. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o == this || o instanceof PgType<?> other && sqlName.equals(other.sqlName) && javaType == other.javaType
                && Objects.equals(elementType, other.elementType);
    }

    @Override
    public int hashCode() {
        return sqlName.hashCode() * 31 + javaType.hashCode();
    }

    @Override
    public String toString() {
        return sqlName;
    }
}
