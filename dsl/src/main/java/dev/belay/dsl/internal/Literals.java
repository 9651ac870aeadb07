package dev.belay.dsl.internal;

import dev.belay.dsl.PgType;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * SQL literals for the log-only rendering ({@code toString()}). Never used for SQL that is executed:
 * executed SQL carries every value as a bind parameter.
 */
final class Literals {
    private Literals() {}

    static String inline(@Nullable Object value, PgType<?> type) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? value.toString() : quote(value.toString()) + "::" + type.sqlName();
        }
        if (value instanceof byte[] bytes) {
            return "'\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
        }
        if (value instanceof List<?> list) {
            PgType<?> element = type.elementType() != null ? type.elementType() : PgType.TEXT;
            if (list.isEmpty()) {
                return "'{}'::" + type.sqlName();
            }
            StringJoiner items = new StringJoiner(", ", "ARRAY[", "]::" + type.sqlName());
            for (Object item : list) {
                items.add(inline(item, element));
            }
            return items.toString();
        }
        if (value instanceof Enum<?> e) {
            return quote(e.name()) + "::" + type.sqlName();
        }
        String text = quote(value.toString());
        return type.kind() == PgType.Kind.TEXT ? text : text + "::" + type.sqlName();
    }

    /**
     * A literal for a schema statement, which PostgreSQL runs without bind parameters. Text is written as an
     * escape string, {@code E'it\'s'}, whose meaning does not depend on {@code standard_conforming_strings}, and
     * everything but text carries a cast to its type, so the value cannot be read as anything else.
     */
    static String ddl(@Nullable Object value, PgType<?> type) {
        if (value == null || value instanceof byte[]) {
            return inline(value, type);
        }
        if (!(value instanceof String)) {
            // numbers and booleans: the literals SafeLiteral writes for executed SQL (negatives, NaN, -0.0 included)
            String safe = SafeLiteral.of(value, type);
            if (safe != null) {
                return safe;
            }
        }
        if (value instanceof List<?> list) {
            PgType<?> element = type.elementType() != null ? type.elementType() : PgType.TEXT;
            StringJoiner items = new StringJoiner(", ", "ARRAY[", "]::" + type.sqlName());
            for (Object item : list) {
                items.add(ddl(item, element));
            }
            return list.isEmpty() ? "'{}'::" + type.sqlName() : items.toString();
        }
        String text = escape(value instanceof Enum<?> e ? e.name() : value.toString());
        return type.kind() == PgType.Kind.TEXT ? text : text + "::" + type.sqlName();
    }

    /** {@code E'..'} with backslashes and quotes escaped. */
    static String escape(String s) {
        return "E'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Single-quotes text with embedded quotes doubled (standard_conforming_strings is on since 9.1). */
    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
