package dev.belay.dsl.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The row filter of a scoped table: a condition on the table's own columns, written with {@code qualifier}
 * (the table's name or alias when it was scoped). The renderer writes it, re-qualified by the name the table
 * has in each statement, wherever the table is read; {@link #fixed()} are the columns an equality pins, which
 * inserts fill and no write may change.
 */
public record RowScope(Expr condition, String qualifier, Map<String, Expr> fixed) {

    public RowScope {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(qualifier, "qualifier");
        fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    }

    /** The scope of {@code condition}, its fixed columns found from its top-level AND of equalities. */
    public static RowScope of(Expr condition, String qualifier) {
        Map<String, Expr> fixed = new LinkedHashMap<>();
        pinned(condition, qualifier, fixed);
        return new RowScope(condition, qualifier, fixed);
    }

    /** This scope narrowed by another condition on the same table. */
    public RowScope and(Expr more) {
        List<Expr> both = new ArrayList<>();
        both.add(condition);
        both.add(more);
        return of(new Expr.Logical(Expr.Logical.Op.AND, both), qualifier);
    }

    /** The Java value an equality of the scope pins {@code column} to, or null. */
    public @Nullable Object pinnedValue(String column) {
        Expr pin = fixed.get(column);
        return pin instanceof Expr.Bind b ? b.value() : pin instanceof Expr.Constant c ? c.value() : null;
    }

    /** The same filter for a statement that checks pinned values itself (bulk writes check them row by row). */
    public RowScope filterOnly() {
        return new RowScope(condition, qualifier, Map.of());
    }

    /** The value an equality of the scope pins {@code column} to, or null. */
    public @Nullable Expr fixedValue(String column) {
        return fixed.get(column);
    }

    private static void pinned(Expr e, String qualifier, Map<String, Expr> into) {
        if (e instanceof Expr.Logical l && l.op() == Expr.Logical.Op.AND) {
            for (Expr operand : l.operands()) {
                pinned(operand, qualifier, into);
            }
        } else if (e instanceof Expr.Binary b && b.op() == Operator.EQ) {
            pin(b.left(), b.right(), qualifier, into);
            pin(b.right(), b.left(), qualifier, into);
        }
    }

    private static void pin(Expr side, Expr value, String qualifier, Map<String, Expr> into) {
        if (side instanceof Expr.ColumnRef c && qualifier.equals(c.qualifier())
                && (value instanceof Expr.Bind b && b.value() != null || value instanceof Expr.Constant)) {
            // two different pins of one column make the scope empty; the first one is what inserts write
            into.putIfAbsent(c.name(), value);
        }
    }

    /** Whether {@code value} is the very value {@code fixed} pins: equal value of the same type. */
    public static boolean sameValue(Expr fixed, Expr value) {
        return Objects.equals(valueOf(fixed), valueOf(value)) && valueOf(value) != null;
    }

    /** The Java value of a bound or inline value, else null. */
    public static @Nullable Object valueOf(Expr e) {
        if (e instanceof Expr.Bind b) {
            return comparable(b.value());
        }
        return e instanceof Expr.Constant c ? comparable(c.value()) : null;
    }

    private static @Nullable Object comparable(@Nullable Object v) {
        return v instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : v;
    }
}
