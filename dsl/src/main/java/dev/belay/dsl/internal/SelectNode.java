package dev.belay.dsl.internal;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A SELECT statement. Each {@code withX} returns a copy with one part replaced. */
public record SelectNode(
        WithNode with,
        boolean distinct,
        List<Expr> distinctOn,
        List<Expr> projection,
        List<FromItem> from,
        List<JoinNode> joins,
        @Nullable Expr where,
        List<Expr> groupBy,
        @Nullable Expr having,
        List<SortSpec> orderBy,
        @Nullable Expr limit,
        @Nullable Expr offset,
        @Nullable LockNode lock,
        List<WindowClause> windows) implements QueryNode {

    /*
     * No compact constructor copies the lists: a query is rebuilt step by step, a node per step, and copying all
     * seven lists at each step was a sixth of building a join. Every node is made here, by of(..) and the withX
     * methods, which copy the one list they are given; the others come from a node and are immutable already.
     */

    public static SelectNode of(List<Expr> projection, List<FromItem> from) {
        return new SelectNode(WithNode.NONE, false, List.of(), Lists.immutable(projection), Lists.immutable(from), List.of(),
                null, List.of(), null, List.of(), null, null, null, List.of());
    }

    public SelectNode withWith(WithNode w) {
        return new SelectNode(w, distinct, distinctOn, projection, from, joins, where, groupBy, having,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withDistinct(boolean d, List<Expr> on) {
        return new SelectNode(with, d, Lists.immutable(on), projection, from, joins, where, groupBy, having, orderBy, limit,
                offset, lock, windows);
    }

    public SelectNode withProjection(List<Expr> p) {
        return new SelectNode(with, distinct, distinctOn, Lists.immutable(p), from, joins, where, groupBy, having, orderBy,
                limit, offset, lock, windows);
    }

    public SelectNode withFrom(List<FromItem> f) {
        return new SelectNode(with, distinct, distinctOn, projection, Lists.immutable(f), joins, where, groupBy, having,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withJoins(List<JoinNode> j) {
        return new SelectNode(with, distinct, distinctOn, projection, from, Lists.immutable(j), where, groupBy, having,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withWhere(@Nullable Expr w) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, w, groupBy, having,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withGroupBy(List<Expr> g) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, where, Lists.immutable(g), having,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withHaving(@Nullable Expr h) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, where, groupBy, h,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withOrderBy(List<SortSpec> o) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, where, groupBy, having,
                Lists.immutable(o), limit, offset, lock, windows);
    }

    public SelectNode withLimit(@Nullable Expr l) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, where, groupBy, having,
                orderBy, l, offset, lock, windows);
    }

    public SelectNode withOffset(@Nullable Expr o) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, where, groupBy, having,
                orderBy, limit, o, lock, windows);
    }

    public SelectNode withLock(@Nullable LockNode l) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, where, groupBy, having,
                orderBy, limit, offset, l, windows);
    }

    public SelectNode withWindows(List<WindowClause> w) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, where, groupBy, having,
                orderBy, limit, offset, lock, Lists.immutable(w));
    }
}
