package dev.belay.dsl.internal;

import java.util.function.Consumer;

/**
 * Visits an expression and every expression inside it, not entering subqueries (which {@code visitor} sees as
 * {@link Expr.Subquery}). Used to check what a scope condition refers to.
 */
public final class ExprWalk {
    private ExprWalk() {}

    public static void walk(Expr e, Consumer<Expr> visitor) {
        visitor.accept(e);
        if (e instanceof Expr.ColumnRef || e instanceof Expr.Bind || e instanceof Expr.Slot
                || e instanceof Expr.Constant || e instanceof Expr.Position || e instanceof Keyword
                || e instanceof Expr.Excluded || e instanceof Expr.ServerSql || e instanceof DatePartLiteral
                || e instanceof Expr.Subquery) {
            return;
        }
        if (e instanceof Expr.Binary b) {
            walk(b.left(), visitor);
            walk(b.right(), visitor);
        } else if (e instanceof Expr.Postfix p) {
            walk(p.operand(), visitor);
        } else if (e instanceof Expr.Prefix p) {
            walk(p.operand(), visitor);
        } else if (e instanceof Expr.Logical l) {
            l.operands().forEach(o -> walk(o, visitor));
        } else if (e instanceof Expr.Between b) {
            walk(b.operand(), visitor);
            walk(b.low(), visitor);
            walk(b.high(), visitor);
        } else if (e instanceof Expr.Quantified q) {
            walk(q.left(), visitor);
            walk(q.right(), visitor);
        } else if (e instanceof Expr.Func f) {
            f.args().forEach(a -> walk(a, visitor));
            if (f.filter() != null) {
                walk(f.filter(), visitor);
            }
        } else if (e instanceof Expr.Cast c) {
            walk(c.operand(), visitor);
        } else if (e instanceof Expr.Alias a) {
            walk(a.operand(), visitor);
        } else if (e instanceof Expr.RowValue r) {
            r.items().forEach(i -> walk(i, visitor));
        } else if (e instanceof Expr.ArrayOf a) {
            a.items().forEach(i -> walk(i, visitor));
        } else if (e instanceof Expr.Case c) {
            if (c.operand() != null) {
                walk(c.operand(), visitor);
            }
            c.whens().forEach(w -> walk(w, visitor));
            c.thens().forEach(t -> walk(t, visitor));
            if (c.otherwise() != null) {
                walk(c.otherwise(), visitor);
            }
        } else if (e instanceof Extract x) {
            walk(x.source(), visitor);
        } else if (e instanceof Grouping g) {
            g.items().forEach(i -> walk(i, visitor));
        } else {
            throw new IllegalStateException("no walk through the expression " + e);
        }
    }
}
