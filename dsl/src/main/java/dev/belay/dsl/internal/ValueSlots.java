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
    private final SqlRenderer.Style style;
    /** Values inlined in this rendering: what an earlier one found repeated across matched clauses. */
    private final Set<ValueKey> inline;
    private final List<Expr> slots = new ArrayList<>();
    /** With {@code $n}: the number given to each value node or {@link ParamKey}. */
    private final Map<Object, Integer> numbers = new IdentityHashMap<>();
    /** Per value with a literal: how many placeholders it was given. */
    private final Map<ValueKey, Integer> written = new HashMap<>();
    /** The values with a literal that stand in a GROUP BY, DISTINCT ON or ORDER BY item. */
    private final Set<ValueKey> matched = new HashSet<>();
    private final Map<ParamKey, Supplier<String>> comparedIn = new HashMap<>();

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
        ValueKey key = source instanceof Bind b ? ValueKey.of(b) : null;
        if (key != null && inline.contains(key)) {
            String literal = SafeLiteral.of(key.value(), key.type());
            if (literal != null) {
                sql.append(literal);
                return;
            }
        }
        if (source instanceof Slot s && s.comparedIn() != null) {
            comparedIn.putIfAbsent(s.key(), s.comparedIn());
        }
        if (style == SqlRenderer.Style.NUMBERED || key == null) {
            Integer number = numbers.putIfAbsent(source instanceof Slot s ? s.key() : source, slots.size() + 1);
            if (number != null) {
                sql.append('$').append(number);
                return;
            }
        }
        slots.add(source);
        if (key != null) {
            written.merge(key, 1, Integer::sum);
        }
        if (style == SqlRenderer.Style.NUMBERED) {
            sql.append('$').append(slots.size());
        } else {
            sql.append('?');
        }
    }

    /** Notes the values of a GROUP BY, DISTINCT ON or ORDER BY item: PostgreSQL will match them. */
    void matched(ValueSlots item) {
        for (Expr e : item.slots) {
            ValueKey key = e instanceof Bind b ? ValueKey.of(b) : null;
            if (key != null) {
                matched.add(key);
            }
        }
    }

    /** The values to inline in a second rendering; empty when this one needs none. */
    Set<ValueKey> toInline() {
        Set<ValueKey> repeated = new HashSet<>();
        for (Map.Entry<ValueKey, Integer> e : written.entrySet()) {
            if (e.getValue() > 1 && matched.contains(e.getKey())) {
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
        return comparedIn;
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
