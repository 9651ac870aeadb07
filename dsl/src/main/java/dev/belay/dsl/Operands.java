package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The checks and value nodes behind {@link Field}'s operators, kept apart so that {@code Field} reads as the list
 * of operators. Every message names the operator and the field it was called on.
 */
final class Operands {
    private Operands() {}

    /** A bound value for a comparison; null is refused because a comparison with NULL is never true. */
    static <T> Expr value(Field<T> field, String op, @Nullable T value) {
        if (value == null) {
            throw NullComparison.ofValue(op, field);
        }
        return NulText.bind(() -> op + "(...) on " + field, value, field.type());
    }

    /** A bound value that may be null, for the null-safe comparisons. */
    static <T> Expr nullable(Field<T> field, String op, @Nullable T value) {
        return NulText.bind(() -> op + "(...) on " + field, value, field.type());
    }

    /** The values of {@code in}/{@code notIn} as one array parameter, so the SQL is the same for any count. */
    static <T> Expr array(Field<T> field, String op, @Nullable Collection<? extends T> values) {
        if (values == null) {
            throw new IllegalArgumentException(op + "(null) on " + field + ": pass a collection (an empty one matches "
                    + (op.equals("in") ? "no row" : "every row") + "); to match NULL use isNull() or "
                    + "isNotDistinctFrom(value)");
        }
        if (field.type().kind() == PgType.Kind.ARRAY) {
            throw new IllegalArgumentException(op + "(...) on array field " + field
                    + ": compare arrays with eq(), or test elements with contains()/overlaps()");
        }
        List<T> copy = new ArrayList<>(values.size());
        int i = 0;
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException(op + "(...) on " + field + ": element " + i + " is null; NULL never "
                        + "matches in SQL. Remove it and add or(field.isNull()) if you mean to match NULLs.");
            }
            copy.add(v);
            i++;
        }
        return NulText.bind(() -> op + "(...) on " + field, List.copyOf(copy), PgType.arrayOf(field.type()));
    }

    /** A LIKE-family pattern, bound as text; the field must be text. */
    static Expr pattern(Field<?> field, String op, @Nullable String pattern) {
        requireKind(field, op, PgType.Kind.TEXT);
        if (pattern == null) {
            throw new IllegalArgumentException(op + "(null) on " + field + ": a pattern is required");
        }
        return NulText.bind(() -> op + "(...) on " + field, pattern, PgType.TEXT);
    }

    /** The text of a value given to a text-only operator such as {@code startsWith}. */
    static <T> String text(Field<T> field, String op, @Nullable T value) {
        requireKind(field, op, PgType.Kind.TEXT);
        if (value == null) {
            throw new IllegalArgumentException(op + "(null) on " + field + ": a value is required");
        }
        return (String) value;
    }

    /** Escapes LIKE's wildcards and PostgreSQL's default escape character, the backslash. */
    static String escapeLike(String s) {
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static void requireKind(Field<?> field, String op, PgType.Kind... kinds) {
        for (PgType.Kind k : kinds) {
            if (field.type().kind() == k) {
                return;
            }
        }
        throw new IllegalArgumentException(op + "() applies to " + Arrays.toString(kinds).toLowerCase(Locale.ROOT)
                + " values, but " + field + " has type " + field.type().sqlName()
                + "; cast it first if that is what you mean");
    }

    /** {@code @>}, {@code <@}, {@code ?}, {@code ?|} and {@code ?&} exist for jsonb only, not for json. */
    static void requireJsonb(Field<?> field, String op) {
        if (field.type().sqlName().equals("json")) {
            throw new IllegalArgumentException(op + "() applies to jsonb values, but " + field + " has type json; "
                    + "cast it first: cast(PgType.JSONB)");
        }
    }

    /** {@code ->} keeps the json flavour of its operand: json gives json, jsonb gives jsonb. */
    static PgType<String> jsonResult(Field<?> field) {
        return field.type().sqlName().equals("json") ? PgType.JSON : PgType.JSONB;
    }

    /** A json key, bound as text. */
    static Expr jsonKey(Field<?> field, @Nullable String key) {
        if (key == null) {
            throw new IllegalArgumentException("a null json key on " + field + ": name the key to look up");
        }
        NulText.refuse(() -> "json key on " + field, key);
        return new Expr.Bind(key, PgType.TEXT);
    }

    /** Json keys, bound as one text array. */
    static Expr jsonKeys(String... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("at least one json key is required");
        }
        List<String> list = List.of(keys);
        NulText.refuse(() -> "json keys", list);
        return new Expr.Bind(list, PgType.arrayOf(PgType.TEXT));
    }
}
