package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Operator;
import dev.belay.dsl.internal.SqlRenderer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the typed row values {@link RowValue2} to {@link RowValue6} share: their items and the comparisons, typed by
 * the row class itself ({@code S}) so that only rows of the same item types compare.
 *
 * @param <S> the row value class, with its item types
 */
abstract sealed class RowValue<S extends RowValue<S>> permits RowValue2, RowValue3, RowValue4, RowValue5, RowValue6 {
    private final List<Field<?>> items;

    RowValue(List<Field<?>> items) {
        this.items = List.copyOf(items);
    }

    /** The items of {@code row(values...)}: each bound with the default PostgreSQL type of its class. */
    static List<Field<?>> values(Object... values) {
        List<Field<?>> items = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            items.add(item(i, values[i]));
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> item(int index, @Nullable T value) {
        String where = "row(...) item " + (index + 1);
        if (value == null) {
            throw new IllegalArgumentException(where + " is null: a NULL has no type to bind it with; write every item "
                    + "as a field, e.g. row(value(\"a\"), value(null, PgType.INT4))");
        }
        if (value instanceof Field<?> f) {
            throw new IllegalArgumentException(where + " is the field " + f + " among plain values; to mix fields and "
                    + "values, write the values with value(...): row(USER.NAME, value(3))");
        }
        PgType<T> type = PgType.forClass((Class<T>) value.getClass());
        return new Expression<>(NulText.bind(() -> where, value, type), type);
    }

    /** The items given as fields; none may be null. */
    static List<Field<?>> fields(Field<?>... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) {
                throw new IllegalArgumentException("row(...) item " + (i + 1) + " is null; for a NULL value write "
                        + "value(null, PgType.X)");
            }
        }
        return List.of(fields);
    }

    final List<Field<?>> items() {
        return items;
    }

    /** Item {@code i}; the subclass's signature ties {@code T} to that item's type. */
    @SuppressWarnings("unchecked")
    final <T> Field<T> item(int i) {
        return (Field<T>) items.get(i);
    }

    final Expr node() {
        List<Expr> nodes = new ArrayList<>(items.size());
        for (Field<?> f : items) {
            nodes.add(f.unaliased());
        }
        return new Expr.RowValue(nodes);
    }

    /** {@code a.eq(b)} renders {@code (a1, a2, ...) = (b1, b2, ...)}. */
    public final Condition eq(S other) {
        return compare(Operator.EQ, other);
    }

    /** {@code a.ne(b)} renders {@code (a1, a2, ...) <> (b1, b2, ...)}. */
    public final Condition ne(S other) {
        return compare(Operator.NE, other);
    }

    /** {@code a.lt(b)} renders {@code (a1, a2, ...) < (b1, b2, ...)}, compared item by item from the left. */
    public final Condition lt(S other) {
        return compare(Operator.LT, other);
    }

    /** {@code a.le(b)} renders {@code (a1, a2, ...) <= (b1, b2, ...)}, compared item by item from the left. */
    public final Condition le(S other) {
        return compare(Operator.LE, other);
    }

    /** {@code a.gt(b)} renders {@code (a1, a2, ...) > (b1, b2, ...)}, compared item by item from the left. */
    public final Condition gt(S other) {
        return compare(Operator.GT, other);
    }

    /** {@code a.ge(b)} renders {@code (a1, a2, ...) >= (b1, b2, ...)}, compared item by item from the left. */
    public final Condition ge(S other) {
        return compare(Operator.GE, other);
    }

    /**
     * {@code row(USER.NAME, USER.AGE).in(List.of(row("Alice", 30), row("Bob", 17)))} renders
     * {@code (...) IN ((?, ?), (?, ?))}; an empty list matches no row.
     */
    public final Condition in(Collection<? extends S> rows) {
        return inList(rows);
    }

    private Condition compare(Operator op, RowValue<?> other) {
        if (other == null) {
            throw new IllegalArgumentException(this + ": compared with a null row");
        }
        return new Condition(new Expr.Binary(node(), op, other.node()));
    }

    final Condition inQuery(Select<?> subquery) {
        if (subquery == null) {
            throw new IllegalArgumentException(this + ".in(null): give a query or a list of rows");
        }
        return new Condition(new Expr.Binary(node(), Operator.IN, new Expr.Subquery(subquery.nestedNode("row in"))));
    }

    /** {@code IN ((?, ?), (?, ?))}: a row list cannot travel as one array parameter. No row matches no row. */
    private Condition inList(@Nullable Collection<? extends RowValue<?>> rows) {
        if (rows == null) {
            throw new IllegalArgumentException(this + ".in(null): pass a list (an empty one matches no row)");
        }
        if (rows.isEmpty()) {
            return Condition.FALSE;
        }
        List<Expr> list = new ArrayList<>(rows.size());
        int i = 0;
        for (RowValue<?> r : rows) {
            if (r == null) {
                throw new IllegalArgumentException(this + ".in(...): row " + i + " of the list is null");
            }
            list.add(r.node());
            i++;
        }
        return new Condition(new Expr.Binary(node(), Operator.IN, new Expr.RowValue(list)));
    }

    /** The row with its values inlined, for messages: {@code ("users"."name", 'a')}. */
    @Override
    public final String toString() {
        return SqlRenderer.inline(node());
    }
}
