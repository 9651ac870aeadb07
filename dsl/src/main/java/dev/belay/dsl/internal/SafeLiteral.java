package dev.belay.dsl.internal;

import dev.belay.dsl.PgType;
import java.math.BigDecimal;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The literals Belay writes into executed SQL text: {@code Sql.inline(value)}, and a repeated constant the
 * renderer inlines so that PostgreSQL sees one expression (see {@link SqlRenderer}). Only values whose text
 * is unambiguous whatever the session settings, and cannot end the literal early, qualify:
 * <ul>
 *   <li>{@code Short}, {@code Integer}, {@code Long} as int2/int4/int8: decimal digits, negatives in
 *       parentheses (so {@code a - -1} can never become the comment {@code --1}), with a cast unless the
 *       literal is already of its type ({@code 7}, {@code 7::int8}, {@code (-7)::int2});</li>
 *   <li>{@code BigDecimal} as numeric: its plain decimal text with a cast, {@code 12.50::numeric};</li>
 *   <li>{@code Float}/{@code Double} as float4/float8: Java's text of the value quoted, with a cast
 *       ({@code '1.5E-7'::float8}), which the server's float input reads back exactly, including -0.0, NaN
 *       and Infinity;</li>
 *   <li>{@code Boolean} as bool: {@code TRUE}, {@code FALSE};</li>
 *   <li>{@code String} as text or varchar: single-quoted with quotes doubled and a cast, {@code 'it''s'::text};
 *       a string with a backslash is written {@code E'a\\b'::text}, because a plain literal's backslash means
 *       something else when a session turns {@code standard_conforming_strings} off, and an E-string means
 *       the same under either setting. Text with NUL or an unpaired surrogate has no literal.</li>
 * </ul>
 * Everything else (dates, arrays, json, bytea, enums, user types) has none: its text depends on settings or
 * converters, so it is always a bound parameter.
 */
public final class SafeLiteral {
    private SafeLiteral() {}

    /** The type {@code Sql.inline} gives a value of this class, or null when the class has no literal. */
    public static @Nullable PgType<?> typeOf(Object value) {
        return CLASSES.get(value.getClass());
    }

    private static final Map<Class<?>, PgType<?>> CLASSES = Map.of(
            Short.class, PgType.INT2, Integer.class, PgType.INT4, Long.class, PgType.INT8,
            BigDecimal.class, PgType.NUMERIC, Float.class, PgType.FLOAT4, Double.class, PgType.FLOAT8,
            Boolean.class, PgType.BOOL, String.class, PgType.TEXT);

    /**
     * True when a value of this type (and class) may have a literal; cheap, since the renderer asks for every value:
     * the types with literals are these built-in constants (a PgType of their names is made nowhere else), and each
     * accepts exactly its Java class.
     */
    public static boolean applies(@Nullable Object value, PgType<?> type) {
        return value != null && value.getClass() == type.javaType() && (type == PgType.INT8 || type == PgType.INT4
                || type == PgType.TEXT || type == PgType.VARCHAR || type == PgType.INT2 || type == PgType.NUMERIC
                || type == PgType.FLOAT8 || type == PgType.FLOAT4 || type == PgType.BOOL);
    }

    /** The literal, or null when the value has none (see the class comment). */
    public static @Nullable String of(@Nullable Object value, PgType<?> type) {
        if (!applies(value, type)) {
            return null;
        }
        String cast = "::" + type.sqlName();
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Integer i) {
            // an int4 literal is already int4, except the one whose digits alone do not fit
            return i == Integer.MIN_VALUE ? "(" + i + ")" + cast : i < 0 ? "(" + i + ")" : i.toString();
        }
        if (value instanceof Short || value instanceof Long) {
            return signed(value.toString()) + cast;
        }
        if (value instanceof BigDecimal d) {
            return signed(d.toPlainString()) + cast;
        }
        if (value instanceof Double || value instanceof Float) {
            // quoted, so the float input routine reads it: -0.0, NaN and Infinity keep their meaning
            return Literals.quote(value.toString()) + cast;
        }
        String s = (String) value;
        if (s.indexOf('\0') >= 0 || Identifiers.loneSurrogate(s) >= 0) {
            return null;
        }
        return (s.indexOf('\\') >= 0 ? "E" + Literals.quote(s.replace("\\", "\\\\")) : Literals.quote(s)) + cast;
    }

    private static String signed(String digits) {
        return digits.startsWith("-") ? "(" + digits + ")" : digits;
    }
}
