package dev.belay.dsl;

import dev.belay.dsl.internal.DmlNode;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.MergeNode;
import dev.belay.dsl.internal.ParamKey;
import dev.belay.dsl.internal.QueryNode;
import dev.belay.dsl.internal.Rendered;
import dev.belay.dsl.internal.SqlRenderer;
import dev.belay.dsl.internal.WithNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A statement's AST, its rendering cache and its parameter bindings. Binding a value makes a new
 * Statement that uses the cache of the unbound one it came from, so a re-bound query never renders its SQL again.
 *
 * <p>The cache lives in the unbound statement itself rather than in an object of its own: every builder step makes
 * a statement, and a second object per step was a measurable share of building a query. It renders lazily, once
 * per style: racing first renders may each render, but only the first to publish is kept and returned to all, so
 * every caller gets the same String instance, which RenderedSql.sql() promises and per-shape caches downstream key
 * on. Publishing is one compare-and-set, not a lock: a query built per call is rendered exactly once, and a lock's
 * two atomic operations were a noticeable share of that.
 */
final class Statement {
    private static final VarHandle JDBC;
    private static final VarHandle NUMBERED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            JDBC = lookup.findVarHandle(Statement.class, "jdbc", Rendered.class);
            NUMBERED = lookup.findVarHandle(Statement.class, "numbered", Rendered.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final QueryNode node;
    private final Bindings bindings;
    /** The statement whose cache this one uses: itself, or for a bound copy the statement it was bound from. */
    private final Statement cache;
    private volatile @Nullable Rendered jdbc;
    private volatile @Nullable Rendered numbered;
    /**
     * Renderings under a schema mapping, by style and mapping: a connection has one, so this stays small.
     * Created on first use: most statements are never rendered under a mapping, and many never rendered.
     */
    private volatile @Nullable ConcurrentHashMap<List<Object>, Rendered> mapped;

    Statement(QueryNode node) {
        this(node, Bindings.NONE, null);
    }

    /** A statement of its own (its own render cache) with values already bound. */
    Statement(QueryNode node, Bindings bindings) {
        this(node, bindings, null);
    }

    Bindings bindings() {
        return bindings;
    }

    private Statement(QueryNode node, Bindings bindings, @Nullable Statement cache) {
        this.node = node;
        this.bindings = bindings;
        this.cache = cache != null ? cache : this;
    }

    private ConcurrentHashMap<List<Object>, Rendered> mapped() {
        ConcurrentHashMap<List<Object>, Rendered> m = mapped;
        if (m == null) {
            synchronized (this) {
                m = mapped;
                if (m == null) {
                    m = new ConcurrentHashMap<>();
                    mapped = m;
                }
            }
        }
        return m;
    }

    QueryNode node() {
        return node;
    }

    /**
     * The AST for nesting in another statement. A nested statement's bound values would not travel with
     * its AST, so a bound one is refused rather than failing later with "not bound".
     */
    QueryNode nested(String use) {
        return nested(node, bindings, use);
    }

    /** {@link #nested(String)} for a query that has no statement of its own yet (a {@link Select} being built). */
    static QueryNode nested(QueryNode node, Bindings bindings, String use) {
        if (!bindings.isEmpty()) {
            throw new IllegalArgumentException(use + ": this query already has bound parameters; nest the unbound "
                    + "query and call bind(...) on the outer statement, where its slots are bound too");
        }
        // PostgreSQL: "WITH clause containing a data-modifying statement must be at the top level"
        for (WithNode.CteDef cte : node.with().ctes()) {
            if (cte.query() instanceof DmlNode) {
                throw new IllegalArgumentException(use + ": this query's WITH holds the data-modifying cte \""
                        + cte.name() + "\", which PostgreSQL allows only at the top level; put with(" + cte.name()
                        + ") in front of the outer statement instead");
            }
        }
        return node;
    }

    /** The statement is DML or MERGE, or its WITH holds a data-modifying CTE (only the top level may). */
    boolean modifiesData() {
        return modifiesData(node);
    }

    static boolean modifiesData(QueryNode node) {
        if (node instanceof DmlNode || node instanceof MergeNode) {
            return true;
        }
        for (WithNode.CteDef cte : node.with().ctes()) {
            if (cte.query() instanceof DmlNode) {
                return true;
            }
        }
        return false;
    }

    /** A changed tree is a new shape with its own cache; values already bound stay bound. */
    Statement withNode(QueryNode next) {
        return new Statement(next, bindings, null);
    }

    Rendered shape(Placeholders style) {
        boolean numbered = style == Placeholders.NUMBERED;
        Rendered r = numbered ? cache.numbered : cache.jdbc;
        if (r != null) {
            return r;
        }
        r = SqlRenderer.render(node, numbered ? SqlRenderer.Style.NUMBERED : SqlRenderer.Style.JDBC);
        Rendered first = (Rendered) (numbered ? NUMBERED : JDBC).compareAndExchange(cache, null, r);
        return first != null ? first : r;
    }

    /** The shape with {@code schemas} applied to every table; rendered once per style and mapping. */
    Rendered shape(Placeholders style, Map<String, String> schemas) {
        if (schemas.isEmpty()) {
            return shape(style);
        }
        SqlRenderer.Style s = style == Placeholders.NUMBERED ? SqlRenderer.Style.NUMBERED : SqlRenderer.Style.JDBC;
        return cache.mapped().computeIfAbsent(List.of(style, schemas), k -> SqlRenderer.render(node, s, schemas));
    }

    <T> Statement bind(Param<T> param, @Nullable T value) {
        Rendered shape = shape(Placeholders.JDBC);
        if (!shape.paramKeys().contains(param.key())) {
            throw new IllegalArgumentException("bind(:" + param.name() + ", ...): this query has no parameter :"
                    + param.name() + " (a param(...) slot is matched by identity, not by name)");
        }
        NulText.refuse(() -> "bind(:" + param.name() + ", ...)", value);
        if (value == null) {
            NullComparison.refuse(shape, param.key());
        }
        return new Statement(node, bindings.with(param.key(), value), cache);
    }

    RenderedSql render(Placeholders style) {
        return render(style, Map.of());
    }

    RenderedSql render(Placeholders style, Map<String, String> schemas) {
        Rendered shape = shape(style, schemas);
        List<Expr> slots = shape.slots();
        @Nullable Object[] values = new Object[slots.size()];
        for (int i = 0; i < values.length; i++) {
            Expr slot = slots.get(i);
            if (slot instanceof Expr.Bind b) {
                values[i] = b.value();
            } else {
                ParamKey key = ((Expr.Slot) slot).key();
                int at = bindings.indexOf(key);
                if (at < 0) {
                    throw new IllegalStateException("parameter :" + key.name() + " is not bound; call bind("
                            + key.name() + ", value) on the query before rendering or executing it");
                }
                Object value = bindings.valueAt(at);
                if (value == null) {
                    // bound before the comparison was added: bind(...) could not refuse it then
                    NullComparison.refuse(shape, key);
                }
                values[i] = value;
            }
        }
        return new RenderedSql(shape.sql(), values, shape.types(), slots);
    }

    String inline() {
        return SqlRenderer.inline(node, bindings.asMap());
    }
}
