package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Operator;
import java.util.ArrayList;
import java.util.List;

/** Builds the keyset-pagination condition for {@link Select#seek}. */
final class Seek {
    private Seek() {}

    static Condition condition(List<SortField<?>> order, Object... values) {
        if (order.isEmpty()) {
            throw new IllegalStateException("seek() continues after the last row of an ordering: call orderBy() first");
        }
        if (values.length != order.size()) {
            throw new IllegalArgumentException("seek(): the ordering has " + order.size() + " fields " + order
                    + " but " + values.length + " values were given");
        }
        List<Expr> binds = new ArrayList<>(values.length);
        boolean mixed = false;
        for (int i = 0; i < values.length; i++) {
            SortField<?> s = order.get(i);
            binds.add(bind(s, i, values[i]));
            mixed |= s.descending() != order.get(0).descending();
        }
        if (!mixed) {
            // One direction: a row-value comparison, which PostgreSQL can answer from a matching index.
            List<Expr> columns = new ArrayList<>();
            for (SortField<?> s : order) {
                columns.add(s.field().unaliased());
            }
            Operator op = order.get(0).descending() ? Operator.LT : Operator.GT;
            Expr left = columns.size() == 1 ? columns.get(0) : new Expr.RowValue(columns);
            Expr right = binds.size() == 1 ? binds.get(0) : new Expr.RowValue(binds);
            return new Condition(new Expr.Binary(left, op, right));
        }
        // Mixed directions: (a > ?) OR (a = ? AND b < ?) OR ...
        List<Condition> alternatives = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            List<Condition> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(new Condition(new Expr.Binary(order.get(j).field().unaliased(), Operator.EQ, binds.get(j))));
            }
            SortField<?> s = order.get(i);
            terms.add(new Condition(new Expr.Binary(s.field().unaliased(), s.descending() ? Operator.LT : Operator.GT, binds.get(i))));
            alternatives.add(Condition.combine(Expr.Logical.Op.AND, terms));
        }
        return Condition.combine(Expr.Logical.Op.OR, alternatives);
    }

    private static Expr bind(SortField<?> s, int index, Object value) {
        if (s.nullsOrder() != null) {
            throw new IllegalArgumentException("seek(): " + s + " orders NULLS FIRST/LAST; keyset pagination needs "
                    + "non-null ordering columns");
        }
        if (value == null) {
            throw new IllegalArgumentException("seek(): value " + index + " for " + s.field()
                    + " is null; keyset pagination needs non-null ordering columns");
        }
        PgType<?> type = s.field().type();
        if (!type.javaType().isInstance(value)) {
            throw new IllegalArgumentException("seek(): value " + index + " for " + s.field() + " is a "
                    + value.getClass().getSimpleName() + ", but the field holds " + type.javaType().getSimpleName());
        }
        return NulText.bind(() -> "seek(): value " + index + " for " + s.field(), value, type);
    }
}
