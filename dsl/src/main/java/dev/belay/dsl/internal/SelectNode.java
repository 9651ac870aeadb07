package dev.belay.dsl.internal;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A SELECT statement. Each {@code withX} returns a copy with one part replaced. The parts that most queries leave
 * empty are kept in {@link Clauses}, shared by the copies until one of them changes, so that a builder step copies
 * six references rather than fourteen.
 */
public record SelectNode(
        List<Expr> projection,
        List<FromItem> from,
        List<JoinNode> joins,
        @Nullable Expr where,
        List<SortSpec> orderBy,
        Clauses clauses) implements QueryNode {

    /*
     * No compact constructor copies the lists: a query is rebuilt step by step, a node per step, and copying all
     * seven lists at each step was a sixth of building a join. Every node is made here, by of(..) and the withX
     * methods, which copy the one list they are given; the others come from a node and are immutable already.
     */

    /** WITH, DISTINCT, GROUP BY, HAVING, LIMIT, OFFSET, locking and WINDOW. */
    public record Clauses(
            WithNode with,
            boolean distinct,
            List<Expr> distinctOn,
            List<Expr> groupBy,
            @Nullable Expr having,
            @Nullable Expr limit,
            @Nullable Expr offset,
            @Nullable LockNode lock,
            List<WindowClause> windows) {
        static final Clauses NONE = new Clauses(WithNode.NONE, false, List.of(), List.of(), null, null, null, null,
                List.of());
    }

    public static SelectNode of(List<Expr> projection, List<FromItem> from) {
        return new SelectNode(Lists.immutable(projection), Lists.immutable(from), List.of(), null, List.of(),
                Clauses.NONE);
    }

    @Override
    public WithNode with() {
        return clauses.with();
    }

    public boolean distinct() {
        return clauses.distinct();
    }

    public List<Expr> distinctOn() {
        return clauses.distinctOn();
    }

    public List<Expr> groupBy() {
        return clauses.groupBy();
    }

    public @Nullable Expr having() {
        return clauses.having();
    }

    public @Nullable Expr limit() {
        return clauses.limit();
    }

    public @Nullable Expr offset() {
        return clauses.offset();
    }

    public @Nullable LockNode lock() {
        return clauses.lock();
    }

    public List<WindowClause> windows() {
        return clauses.windows();
    }

    public SelectNode withWith(WithNode w) {
        Clauses c = clauses;
        return withClauses(new Clauses(w, c.distinct(), c.distinctOn(), c.groupBy(), c.having(), c.limit(), c.offset(),
                c.lock(), c.windows()));
    }

    public SelectNode withDistinct(boolean d, List<Expr> on) {
        Clauses c = clauses;
        return withClauses(new Clauses(c.with(), d, Lists.immutable(on), c.groupBy(), c.having(), c.limit(), c.offset(),
                c.lock(), c.windows()));
    }

    public SelectNode withProjection(List<Expr> p) {
        return new SelectNode(Lists.immutable(p), from, joins, where, orderBy, clauses);
    }

    public SelectNode withFrom(List<FromItem> f) {
        return new SelectNode(projection, Lists.immutable(f), joins, where, orderBy, clauses);
    }

    public SelectNode withJoins(List<JoinNode> j) {
        return new SelectNode(projection, from, Lists.immutable(j), where, orderBy, clauses);
    }

    public SelectNode withWhere(@Nullable Expr w) {
        return new SelectNode(projection, from, joins, w, orderBy, clauses);
    }

    public SelectNode withGroupBy(List<Expr> g) {
        Clauses c = clauses;
        return withClauses(new Clauses(c.with(), c.distinct(), c.distinctOn(), Lists.immutable(g), c.having(), c.limit(),
                c.offset(), c.lock(), c.windows()));
    }

    public SelectNode withHaving(@Nullable Expr h) {
        Clauses c = clauses;
        return withClauses(new Clauses(c.with(), c.distinct(), c.distinctOn(), c.groupBy(), h, c.limit(), c.offset(),
                c.lock(), c.windows()));
    }

    public SelectNode withOrderBy(List<SortSpec> o) {
        return new SelectNode(projection, from, joins, where, Lists.immutable(o), clauses);
    }

    public SelectNode withLimit(@Nullable Expr l) {
        Clauses c = clauses;
        return withClauses(new Clauses(c.with(), c.distinct(), c.distinctOn(), c.groupBy(), c.having(), l, c.offset(),
                c.lock(), c.windows()));
    }

    public SelectNode withOffset(@Nullable Expr o) {
        Clauses c = clauses;
        return withClauses(new Clauses(c.with(), c.distinct(), c.distinctOn(), c.groupBy(), c.having(), c.limit(), o,
                c.lock(), c.windows()));
    }

    public SelectNode withLock(@Nullable LockNode l) {
        Clauses c = clauses;
        return withClauses(new Clauses(c.with(), c.distinct(), c.distinctOn(), c.groupBy(), c.having(), c.limit(),
                c.offset(), l, c.windows()));
    }

    public SelectNode withWindows(List<WindowClause> w) {
        Clauses c = clauses;
        return withClauses(new Clauses(c.with(), c.distinct(), c.distinctOn(), c.groupBy(), c.having(), c.limit(),
                c.offset(), c.lock(), Lists.immutable(w)));
    }

    private SelectNode withClauses(Clauses c) {
        return new SelectNode(projection, from, joins, where, orderBy, c);
    }
}
