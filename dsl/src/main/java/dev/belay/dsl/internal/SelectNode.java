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

    public SelectNode {
        distinctOn = List.copyOf(distinctOn);
        projection = List.copyOf(projection);
        from = List.copyOf(from);
        joins = List.copyOf(joins);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        windows = List.copyOf(windows);
    }

    public static SelectNode of(List<Expr> projection, List<FromItem> from) {
        return new SelectNode(WithNode.NONE, false, List.of(), projection, from, List.of(), null,
                List.of(), null, List.of(), null, null, null, List.of());
    }

    public SelectNode withWith(WithNode w) {
        return new SelectNode(w, distinct, distinctOn, projection, from, joins, where, groupBy, having,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withDistinct(boolean d, List<Expr> on) {
        return new SelectNode(with, d, on, projection, from, joins, where, groupBy, having, orderBy, limit,
                offset, lock, windows);
    }

    public SelectNode withProjection(List<Expr> p) {
        return new SelectNode(with, distinct, distinctOn, p, from, joins, where, groupBy, having, orderBy,
                limit, offset, lock, windows);
    }

    public SelectNode withFrom(List<FromItem> f) {
        return new SelectNode(with, distinct, distinctOn, projection, f, joins, where, groupBy, having,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withJoins(List<JoinNode> j) {
        return new SelectNode(with, distinct, distinctOn, projection, from, j, where, groupBy, having,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withWhere(@Nullable Expr w) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, w, groupBy, having,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withGroupBy(List<Expr> g) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, where, g, having,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withHaving(@Nullable Expr h) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, where, groupBy, h,
                orderBy, limit, offset, lock, windows);
    }

    public SelectNode withOrderBy(List<SortSpec> o) {
        return new SelectNode(with, distinct, distinctOn, projection, from, joins, where, groupBy, having,
                o, limit, offset, lock, windows);
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
                orderBy, limit, offset, lock, w);
    }
}
