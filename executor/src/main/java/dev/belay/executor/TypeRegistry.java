package dev.belay.executor;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How Java values are bound and read: the built-in PostgreSQL types (text, int2/4/8, numeric, float4/8,
 * bool, uuid, date/time/timestamp/timestamptz, interval (Duration, PgInterval), bytea, json/jsonb, arrays,
 * enums), plus the application's {@link Converter}s and {@link JsonCodec}. Immutable: {@code with(...)} returns a
 * new registry.
 *
 * <pre>{@code
 * TypeRegistry types = TypeRegistry.defaults().with(Converter.of(String.class, Email.class, Email::new, Email::value));
 * DBConnection db = DBConnection.open(DBConfig.builder(url).user(u).password(p).types(types).build());
 * }</pre>
 *
 * <p>Where PostgreSQL and Java disagree:
 * <ul>
 *   <li>interval ↔ {@link java.time.Duration}, an exact length of time: bound as hours and seconds (never days,
 *       which PostgreSQL applies by calendar); read with a day as 24 hours; an interval with months or years
 *       has no fixed length and is refused with a {@link MappingException} (read it as PgInterval).</li>
 *   <li>interval ↔ {@link dev.belay.dsl.PgInterval}, PostgreSQL's months, days and microseconds: every interval,
 *       sent as iso_8601 text and read from the text of any session {@code IntervalStyle}.</li>
 *   <li>timestamptz ↔ {@link java.time.Instant} (or OffsetDateTime in UTC); {@code infinity}/{@code -infinity}
 *       are {@code Instant.MAX}/{@code MIN}, date and timestamp ones {@code LocalDate/LocalDateTime.MAX/MIN}.</li>
 *   <li>numeric {@code NaN}/{@code Infinity} have no BigDecimal: a {@link MappingException} names the column
 *       (read such columns as Double or String). A value too large for the Java type is refused the same way.</li>
 *   <li>json/jsonb are Strings, or any class through the JsonCodec when the column is
 *       {@code PgType.jsonb(MyClass.class)}; text containing NUL (0x00) or an unpaired UTF-16 surrogate is
 *       refused before it is sent.</li>
 *   <li>Out of PostgreSQL's range, refused before sending: dates before 4714-11-24 BC or after 5874897-12-31,
 *       timestamps after 294276-12-31, numerics with more than 131,072 digits before the point or 16,383 after,
 *       Durations with a part below the microsecond. Timestamps are stored to the microsecond (rounded).</li>
 *   <li>Reading never narrows silently: a numeric or float read as an integer type, or an int8 or numeric read
 *       as a double, must hold exactly that value; types that are not numbers, dates or bytes of the same kind
 *       (text as {@code byte[]}, {@code timestamp} as {@code Instant}) are refused when the plan is built.</li>
 * </ul>
 */
public final class TypeRegistry {
    private static final TypeRegistry DEFAULTS = new TypeRegistry(Map.of(), null);

    private final Map<Class<?>, Converter<?, ?>> converters;
    private final @Nullable JsonCodec json;

    private TypeRegistry(Map<Class<?>, Converter<?, ?>> converters, @Nullable JsonCodec json) {
        this.converters = converters;
        this.json = json;
    }

    /** The built-in types only. */
    public static TypeRegistry defaults() {
        return DEFAULTS;
    }

    /** A registry that also converts {@code converter.javaType()}; a later converter for a type replaces an earlier one. */
    public TypeRegistry with(Converter<?, ?> converter) {
        Objects.requireNonNull(converter, "converter");
        if (Readers.isBuiltin(converter.javaType())) {
            throw new IllegalArgumentException("a converter for " + converter.javaType().getName()
                    + " would replace a built-in type; wrap the value in a type of your own");
        }
        if (!Readers.isBuiltin(converter.dbType())) {
            throw new IllegalArgumentException("converter for " + converter.javaType().getName() + ": its database type "
                    + converter.dbType().getName() + " must be a built-in type (String, Long, BigDecimal, ...)");
        }
        Map<Class<?>, Converter<?, ?>> next = new HashMap<>(converters);
        next.put(converter.javaType(), converter);
        return new TypeRegistry(Map.copyOf(next), json);
    }

    /** A registry that reads and binds json/jsonb values of non-String Java types with {@code codec}. */
    public TypeRegistry withJson(JsonCodec codec) {
        return new TypeRegistry(converters, Objects.requireNonNull(codec, "codec"));
    }

    @Nullable Converter<?, ?> converter(Class<?> javaType) {
        return converters.get(javaType);
    }

    @Nullable JsonCodec json() {
        return json;
    }
}
