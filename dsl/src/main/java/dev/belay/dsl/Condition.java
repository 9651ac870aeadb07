package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Expr.Logical;
import dev.belay.dsl.internal.Keyword;
import dev.belay.dsl.internal.AppendList;
import java.util.Arrays;
import java.util.List;

/**
 * A boolean SQL condition. Conditions compose with {@link #and}, {@link #or} and {@link #not}:
 * {@code USER.AGE.ge(18).and(USER.NAME.startsWith("A"))} renders
 * {@code ("users"."age" >= ?) AND ("users"."name" LIKE ?)}.
 */
public final class Condition extends Field<Boolean> {
    static final Condition TRUE = new Condition(Keyword.TRUE);
    static final Condition FALSE = new Condition(Keyword.FALSE);

    Condition(Expr node) {
        super(node, PgType.BOOL);
    }

    /** {@code a.and(b)} renders {@code (a) AND (b)}. */
    public Condition and(Condition other) {
        return combine(Logical.Op.AND, Arrays.asList(this, other));
    }

    /** {@code a.or(b)} renders {@code (a) OR (b)}. */
    public Condition or(Condition other) {
        return combine(Logical.Op.OR, Arrays.asList(this, other));
    }

    /** {@code a.not()} renders {@code NOT (a)}. */
    public Condition not() {
        return new Condition(new Expr.Prefix(Expr.Prefix.Op.NOT, node()));
    }

    /**
     * Joins conditions; nested conditions of the same operator are flattened. No operand gives the
     * operator's identity: TRUE for AND, FALSE for OR.
     */
    static Condition combine(Logical.Op op, List<Condition> operands) {
        // An AppendList, so that c = c.and(x) extends c's operands instead of copying them: linear chains.
        AppendList<Expr> flat = null;
        for (Condition c : operands) {
            if (c == null) {
                throw new IllegalArgumentException(op.name().toLowerCase(java.util.Locale.ROOT) + "(...): a condition is null");
            }
            if (c.node() instanceof Logical l && l.op() == op) {
                flat = flat == null ? AppendList.of(l.operands()) : flat.appendAll(l.operands());
            } else {
                flat = flat == null ? AppendList.of(List.of(c.node())) : flat.append(c.node());
            }
        }
        if (flat == null) {
            return op == Logical.Op.AND ? TRUE : FALSE;
        }
        return flat.size() == 1 ? new Condition(flat.get(0)) : new Condition(new Logical(op, flat));
    }
}
