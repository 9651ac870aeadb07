package dev.belay.dsl.internal;

import dev.belay.dsl.PgType;
import dev.belay.dsl.internal.Expr.Bind;
import dev.belay.dsl.internal.Expr.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The placeholders of one rendering, and what it takes for a value used in several places to be one
 * expression to PostgreSQL, which matches a GROUP BY, DISTINCT ON or ORDER BY expression against the select
 * list (and the select list and HAVING against GROUP BY) by comparing the expressions, parameters by number.
 * <ul>
 *   <li>{@code $n}: one number per value node ({@code Expr.Bind} by identity) or per {@code Param}, however
 *       often it is used; two equal but distinct values stay two parameters.</li>
 *   <li>{@code ?}: pgjdbc numbers each {@code ?} on its own, so one value used twice would be two parameters. A
 *       value that must match (it stands in a GROUP BY, DISTINCT ON or ORDER BY item) and is written more than
 *       once is inlined instead, when {@link SafeLiteral} has a literal for it; equal values of those types
 *       write the same literal, so the expressions match even when the user built them twice. A {@code Param},
 *       or a value node without a literal, is written {@code ?} where it first appears and {@code $n} (n its
 *       {@code ?}'s number) where it appears again: pgjdbc passes {@code $n} through untouched, so PostgreSQL
 *       sees one parameter in both places. (This needs pgjdbc's default extended protocol; its
 *       {@code preferQueryMode=simple} substitutes only the {@code ?}s.)</li>
 * </ul>
 */
final class ValueSlots {
    /**
     * Up to this many placeholders, a value written again is found by scanning them; past it, by an identity map.
     * Most statements have a handful of values, for which the scan is cheaper than building the map.
     */
    private static final int SCAN = 16;

    private final SqlRenderer.Style style;
    /** Values inlined in this rendering: what an earlier one found repeated across matched clauses. */
    private final Set<ValueKey> inline;
    private final ArrayList<Expr> slots = new ArrayList<>();
    /** Past {@link #SCAN} placeholders: the number of the first one given to each value node or {@link ParamKey}. */
    private @Nullable Map<Object, Integer> numbers;
    /** The values with a literal that stand in a GROUP BY, DISTINCT ON or ORDER BY item; null while none do. */
    private @Nullable Set<ValueKey> matched;
    private @Nullable Map<ParamKey, Supplier<String>> comparedIn;

    /** A value that has a literal, compared by its type and value: equal keys write the same literal. */
    record ValueKey(PgType<?> type, Object value) {
        static @Nullable ValueKey of(Bind b) {
            Object value = b.value();
            return value != null && SafeLiteral.applies(value, b.type()) ? new ValueKey(b.type(), value) : null;
        }
    }

    ValueSlots(SqlRenderer.Style style, Set<ValueKey> inline) {
        this.style = style;
        this.inline = inline;
    }

    /** Writes the placeholder (or literal) for a {@link Bind} or {@link Slot}. */
    void write(Expr source, StringBuilder sql) {
        if (!inline.isEmpty() && source instanceof Bind b) {
            ValueKey key = ValueKey.of(b);
            String literal = key != null && inline.contains(key) ? SafeLiteral.of(key.value(), key.type()) : null;
            if (literal != null) {
                sql.append(literal);
                return;
            }
        }
        if (source instanceof Slot s && s.comparedIn() != null) {
            if (comparedIn == null) {
                comparedIn = new HashMap<>();
            }
            comparedIn.putIfAbsent(s.key(), s.comparedIn());
        }
        // with ?, a value that has a literal is a placeholder of its own each time (toInline() may make it a literal),
        // so it is not looked up: in a large insert almost every value is such a one
        boolean numbered = style == SqlRenderer.Style.NUMBERED || !hasLiteral(source);
        if (numbered) {
            int number = numberOf(source);
            if (number > 0) {
                sql.append('$').append(number);
                return;
            }
        }
        slots.add(source);
        if (numbers != null) {
            if (numbered) {
                numbers.putIfAbsent(identity(source), slots.size());
            }
        } else if (slots.size() > SCAN) {
            numbers = new IdentityHashMap<>();
            for (int i = 0; i < slots.size(); i++) {
                Expr e = slots.get(i);
                if (style == SqlRenderer.Style.NUMBERED || !hasLiteral(e)) {
                    numbers.putIfAbsent(identity(e), i + 1);
                }
            }
        }
        if (style == SqlRenderer.Style.NUMBERED) {
            sql.append('$').append(slots.size());
        } else {
            sql.append('?');
        }
    }

    /** Makes room for {@code more} placeholders at once: a large insert's list would otherwise grow step by step. */
    void expect(int more) {
        slots.ensureCapacity(slots.size() + more);
    }

    /**
     * Writes a placeholder of its own for {@code b}, where PostgreSQL compares it with no other expression (an item
     * of a VALUES row): it is not looked up among the earlier placeholders, and a later write of the same node gets
     * one of its own too, which binds the same value.
     */
    void writeOwn(Bind b, StringBuilder sql) {
        if (!inline.isEmpty()) {
            write(b, sql);
            return;
        }
        slots.add(b);
        if (style == SqlRenderer.Style.NUMBERED) {
            sql.append('$').append(slots.size());
        } else {
            sql.append('?');
        }
    }

    /** {@code ?, ?, ?} for rows of up to this many values, made once. */
    private static final String[] PLACEHOLDER_ROWS = new String[33];

    static {
        StringBuilder row = new StringBuilder("?");
        for (int n = 1; n < PLACEHOLDER_ROWS.length; n++) {
            PLACEHOLDER_ROWS[n] = row.toString();
            row.append(", ?");
        }
    }

    /**
     * Writes a VALUES row whose items are all values as {@code ?, ?, ?} in one append, each a placeholder of its own
     * (see {@link #writeOwn}); false, writing nothing, when an item is not a value, values are being inlined, or the
     * row is wider than the texts made in advance.
     */
    boolean writeOwnRow(List<Expr> items, StringBuilder sql) {
        int n = items.size();
        if (n == 0 || n >= PLACEHOLDER_ROWS.length || !inline.isEmpty()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!(items.get(i) instanceof Bind)) {
                return false;
            }
        }
        for (int i = 0; i < n; i++) {
            slots.add(items.get(i));
        }
        sql.append(PLACEHOLDER_ROWS[n]);
        return true;
    }

    private static boolean hasLiteral(Expr source) {
        return source instanceof Bind b && SafeLiteral.applies(b.value(), b.type());
    }

    /** What makes two writes the same parameter: the node itself, or for a {@code Param} its key. */
    private static Object identity(Expr source) {
        return source instanceof Slot s ? s.key() : source;
    }

    /** The number of the first placeholder given to the same value node or {@code Param}, or 0 if none was. */
    private int numberOf(Expr source) {
        Object id = identity(source);
        if (numbers != null) {
            Integer n = numbers.get(id);
            return n != null ? n : 0;
        }
        for (int i = 0; i < slots.size(); i++) {
            if (identity(slots.get(i)) == id) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Notes the values of a GROUP BY, DISTINCT ON or ORDER BY item: PostgreSQL will match them. */
    void matched(ValueSlots item) {
        for (Expr e : item.slots) {
            ValueKey key = e instanceof Bind b ? ValueKey.of(b) : null;
            if (key != null) {
                if (matched == null) {
                    matched = new HashSet<>();
                }
                matched.add(key);
            }
        }
    }

    /** The values to inline in a second rendering: those of a matched item written more than once; often none. */
    Set<ValueKey> toInline() {
        if (matched == null) {
            return Set.of();
        }
        Map<ValueKey, Integer> written = new HashMap<>();
        for (Expr e : slots) {
            ValueKey key = e instanceof Bind b ? ValueKey.of(b) : null;
            if (key != null && matched.contains(key)) {
                written.merge(key, 1, Integer::sum);
            }
        }
        Set<ValueKey> repeated = new HashSet<>();
        for (Map.Entry<ValueKey, Integer> e : written.entrySet()) {
            if (e.getValue() > 1) {
                repeated.add(e.getKey());
            }
        }
        return repeated;
    }

    List<Expr> slots() {
        return slots;
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    Map<ParamKey, Supplier<String>> comparedIn() {
        return comparedIn != null ? comparedIn : Map.of();
    }

    /**
     * True when two renderings of the same text take the same values: the same nodes or {@code Param}s, or
     * values with a literal that are equal (their literal would be the same text).
     */
    boolean sameValues(ValueSlots other) {
        if (slots.size() != other.slots.size()) {
            return false;
        }
        for (int i = 0; i < slots.size(); i++) {
            Expr a = slots.get(i);
            Expr b = other.slots.get(i);
            ValueKey key = a instanceof Bind x ? ValueKey.of(x) : null;
            boolean same = a == b || a instanceof Slot && a.equals(b)
                    || key != null && b instanceof Bind y && key.equals(ValueKey.of(y));
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
