package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Operator;
import dev.belay.dsl.internal.SqlRenderer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the typed row values {@link RowValue2} and {@link RowValue3} share: their items and the comparisons, which
 * the subclasses expose with their item types so that only rows of the same shape compare.
 */
abstract sealed class RowValue permits RowValue2, RowValue3 {
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

    final Expr node() {
        List<Expr> nodes = new ArrayList<>(items.size());
        for (Field<?> f : items) {
            nodes.add(f.unaliased());
        }
        return new Expr.RowValue(nodes);
    }

    final Condition compare(Operator op, RowValue other) {
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
    final Condition inList(@Nullable Collection<? extends RowValue> rows) {
        if (rows == null) {
            throw new IllegalArgumentException(this + ".in(null): pass a list (an empty one matches no row)");
        }
        if (rows.isEmpty()) {
            return Condition.FALSE;
        }
        List<Expr> list = new ArrayList<>(rows.size());
        int i = 0;
        for (RowValue r : rows) {
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
