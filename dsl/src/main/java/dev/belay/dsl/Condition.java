package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Expr.Keyword;
import dev.belay.dsl.internal.Expr.Logical;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A boolean SQL condition. Conditions compose with {@link #and}, {@link #or} and {@link #not}:
 * {@code USER.AGE.ge(18).and(USER.NAME.startsWith("A"))} renders
 * {@code ("users"."age" >= ?) AND ("users"."name" LIKE ?)}.
 */
public final class Condition extends Field<Boolean> {
    static final Condition TRUE = new Condition(new Keyword("TRUE"));
    static final Condition FALSE = new Condition(new Keyword("FALSE"));

    Condition(Expr node) {
        super(node, PgType.BOOL);
    }

    /** {@code a.and(b)} renders {@code (a) AND (b)}. */
    public Condition and(Condition other) {
        return combine("AND", Arrays.asList(this, other));
    }

    /** {@code a.or(b)} renders {@code (a) OR (b)}. */
    public Condition or(Condition other) {
        return combine("OR", Arrays.asList(this, other));
    }

    /** {@code a.not()} renders {@code NOT (a)}. */
    public Condition not() {
        return new Condition(new Expr.Prefix("NOT ", node()));
    }

    /**
     * Joins conditions; nested conditions of the same operator are flattened. No operand gives the
     * operator's identity: TRUE for AND, FALSE for OR.
     */
    static Condition combine(String op, List<Condition> operands) {
        List<Expr> flat = new ArrayList<>(operands.size());
        for (Condition c : operands) {
            if (c == null) {
                throw new IllegalArgumentException(op.toLowerCase(java.util.Locale.ROOT) + "(...): a condition is null");
            }
            if (c.node() instanceof Logical l && l.op().equals(op)) {
                flat.addAll(l.operands());
            } else {
                flat.add(c.node());
            }
        }
        if (flat.isEmpty()) {
            return op.equals("AND") ? TRUE : FALSE;
        }
        return flat.size() == 1 ? new Condition(flat.get(0)) : new Condition(new Logical(op, List.copyOf(flat)));
    }
}
