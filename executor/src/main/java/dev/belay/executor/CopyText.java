package dev.belay.executor;

import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.util.PGobject;

/**
 * A value's PostgreSQL input text, as a COPY in text format carries it, chosen once per column type the way
 * {@link Binders} chooses a binder: converters first, then the type's kind. Every value passes the checks of
 * {@link ValueRules} that binding it would, so what COPY refuses is exactly what a bound parameter refuses.
 * The text is not yet escaped for COPY; {@link CopySink} does that.
 */
final class CopyText {
    private CopyText() {}

    /** The input text of a non-null value, or null for SQL NULL (a PGobject without a value); throws {@link Refused}. */
    @FunctionalInterface
    interface Encoder {
        @Nullable String text(Object value);
    }

    static Encoder of(PgType<?> type, TypeRegistry types) {
        Class<?> java = type.javaType();
        Converter<?, ?> converter = types.converter(java);
        if (converter != null) {
            Encoder db = of(PgType.forClass(converter.dbType()), types);
            return v -> db.text(Binders.toDb(converter, v));
        }
        if (java == Object.class) {
            return v -> dynamic(v, types);
        }
        return switch (type.kind()) {
            case TEXT -> v -> ValueRules.text((String) v);
            case ENUM -> v -> ((Enum<?>) v).name();
            case JSON -> java == String.class ? v -> ValueRules.text((String) v)
                    : v -> ValueRules.text(v instanceof String s ? s : Binders.toJson(types, v));
            case ARRAY -> array(type, types);
            case NUMERIC -> numeric(java);
            case BOOLEAN -> v -> (Boolean) v ? "t" : "f";
            case BINARY -> v -> Binders.hex((byte[]) v);
            case UUID -> v -> ((java.util.UUID) v).toString();
            case TEMPORAL -> temporal(java);
            case OTHER -> CopyText::other;
        };
    }

    /** A value typed only as Object: its class decides, through the registry's converters first. */
    private static @Nullable String dynamic(Object v, TypeRegistry types) {
        Converter<?, ?> converter = types.converter(v.getClass());
        if (converter != null) {
            return of(PgType.forClass(converter.dbType()), types).text(Binders.toDb(converter, v));
        }
        return other(v);
    }

    /** A custom type (citext, a domain, ...): its text, as the binder sends it typed by name. */
    private static @Nullable String other(Object v) {
        if (v instanceof PGobject o) {
            return o.getValue() == null ? null : ValueRules.text(o.getValue());
        }
        return ValueRules.text(v instanceof Enum<?> e ? e.name() : v.toString());
    }

    private static Encoder numeric(Class<?> java) {
        if (java == Integer.class || java == Long.class || java == Short.class) {
            return Object::toString;
        } else if (java == Double.class || java == Float.class) {
            // shortest text that reads back as the same value; NaN, Infinity and -Infinity are PostgreSQL's spellings
            return Object::toString;
        } else if (java == BigDecimal.class) {
            // checked first: the digit limits also bound the length of the plain string
            return v -> ValueRules.numeric((BigDecimal) v).toPlainString();
        }
        throw new Refused(java.getName() + " is not a number type Belay binds");
    }

    /** TemporalText spells BC, years past 9999 and the infinities exactly; times are ISO. */
    private static Encoder temporal(Class<?> java) {
        if (java == Instant.class) {
            return v -> TemporalText.timestamptz(ValueRules.instant((Instant) v));
        } else if (java == Duration.class) {
            return v -> Binders.interval(ValueRules.interval((Duration) v)).getValue();
        } else if (java == PgInterval.class) {
            return v -> Binders.intervalText((PgInterval) v);
        } else if (java == LocalDate.class) {
            return v -> TemporalText.date(ValueRules.date((LocalDate) v));
        } else if (java == LocalDateTime.class) {
            return v -> TemporalText.timestamp(ValueRules.timestamp((LocalDateTime) v));
        } else if (java == OffsetDateTime.class) {
            return v -> TemporalText.timestamptz(ValueRules.timestamptz((OffsetDateTime) v));
        } else if (java == LocalTime.class) {
            return v -> ((LocalTime) v).toString();
        }
        throw new Refused(java.getName() + " is not a date/time type Belay binds");
    }

    /**
     * An array literal, {@code {"a","b\"c",NULL}}: every element converted and checked as the binder's array
     * encoding does, then quoted (so no element is mistaken for NULL, and braces, commas and spaces stay data).
     */
    private static Encoder array(PgType<?> type, TypeRegistry types) {
        PgType<?> element = type.elementType();
        Function<Object, Object> convert = element == null ? Binders::anyElement : Binders.element(element, types);
        return v -> {
            List<?> list = (List<?>) v;
            StringBuilder b = new StringBuilder(2 + list.size() * 8).append('{');
            for (int k = 0; k < list.size(); k++) {
                if (k > 0) {
                    b.append(',');
                }
                Object item = list.get(k);
                if (item == null) {
                    b.append("NULL");
                    continue;
                }
                try {
                    quote(b, elementText(convert.apply(item)));
                } catch (Refused e) {
                    throw new Refused("element " + k + ": " + e.getMessage(), e.getCause());
                }
            }
            return b.append('}').toString();
        };
    }

    /** An element as {@link Binders#element} leaves it: mostly text already, else a number, boolean or UUID. */
    private static String elementText(Object converted) {
        if (converted instanceof String s) {
            return s;
        } else if (converted instanceof BigDecimal d) {
            return d.toPlainString(); // checked by the element conversion
        } else if (converted instanceof Boolean b) {
            return b ? "t" : "f";
        }
        return other(converted);
    }

    private static void quote(StringBuilder b, @Nullable String text) {
        if (text == null) {
            b.append("NULL");
            return;
        }
        b.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        b.append('"');
    }
}
