package dev.belay.dsl.internal;

import dev.belay.dsl.DatePart;
import dev.belay.dsl.internal.Expr.Alias;
import dev.belay.dsl.internal.Expr.ArrayOf;
import dev.belay.dsl.internal.Expr.Between;
import dev.belay.dsl.internal.Expr.Binary;
import dev.belay.dsl.internal.Expr.Bind;
import dev.belay.dsl.internal.Expr.Case;
import dev.belay.dsl.internal.Expr.Cast;
import dev.belay.dsl.internal.Expr.ColumnRef;
import dev.belay.dsl.internal.Expr.Excluded;
import dev.belay.dsl.internal.Expr.Func;
import dev.belay.dsl.internal.Expr.Logical;
import dev.belay.dsl.internal.Expr.Postfix;
import dev.belay.dsl.internal.Expr.Prefix;
import dev.belay.dsl.internal.Expr.Quantified;
import dev.belay.dsl.internal.Expr.RowValue;
import dev.belay.dsl.internal.Expr.ServerSql;
import dev.belay.dsl.internal.Expr.Slot;
import dev.belay.dsl.internal.Expr.Subquery;
import dev.belay.dsl.internal.FromItem.DerivedItem;
import dev.belay.dsl.internal.FromItem.FunctionItem;
import dev.belay.dsl.internal.FromItem.TableItem;
import dev.belay.dsl.internal.FromItem.ValuesItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns the AST into SQL text. The only producer of SQL in Belay: it fixes clause order, quotes every
 * identifier and writes a placeholder for every value.
 *
 * <p>A value used in several places must still be one expression to PostgreSQL where it compares expressions
 * (GROUP BY against the select list and HAVING, DISTINCT and DISTINCT ON against ORDER BY). So a GROUP BY,
 * DISTINCT ON or ORDER BY item may be written as its select-list position ({@link OutputPositions}), and the
 * placeholders follow {@link ValueSlots}: one {@code $n} per value, and with {@code ?} a repeated constant of
 * such an item written as its {@link SafeLiteral}.
 */
public final class SqlRenderer {

    /** How values appear in the text. */
    public enum Style {
        /** {@code ?} placeholders, with the jsonb operators' {@code ?} doubled for pgjdbc. */
        JDBC,
        /** {@code $1 .. $n} placeholders, as PostgreSQL's own protocol and other drivers write them. */
        NUMBERED,
        /** Values inlined as literals; for logs only, never executed. */
        INLINE
    }

    private final StringBuilder sql;
    private final ValueSlots values;
    private final Style style;
    private final Map<ParamKey, @Nullable Object> inlineBindings;
    /** How deep this rendering may recurse, and how deep it is now; see {@link Nesting}. */
    private final int maxDepth;
    private int depth;
    /** Set while rendering a schema statement, whose values must be literals: PostgreSQL binds none there. */
    private boolean literalValues;
    /**
     * The names in the WINDOW clause of the SELECT being rendered, which are all an {@code OVER "name"} there may
     * refer to; null while rendering a lone expression for a message, where no statement gives the names.
     */
    private @Nullable Set<String> windowNames;
    /** Schema names to render in place of others, {@code public} standing also for unqualified tables. */
    private final Map<String, String> schemas;
    /** While a scope is written: the qualifier it was written with, and the one its table has here. */
    private @Nullable String scopeWrittenAs;
    private @Nullable String scopeRenderedAs;

    private SqlRenderer(StringBuilder sql, Style style, Map<ParamKey, @Nullable Object> inlineBindings,
                        Set<ValueSlots.ValueKey> inlineValues, int maxDepth) {
        this(sql, style, inlineBindings, inlineValues, maxDepth, Map.of());
    }

    private SqlRenderer(StringBuilder sql, Style style, Map<ParamKey, @Nullable Object> inlineBindings,
                        Set<ValueSlots.ValueKey> inlineValues, int maxDepth, Map<String, String> schemas) {
        this.sql = sql;
        this.schemas = schemas;
        this.style = style;
        this.inlineBindings = inlineBindings;
        this.values = new ValueSlots(style, inlineValues);
        this.maxDepth = maxDepth;
    }

    /** PostgreSQL's wire protocol counts parameters in a 16-bit field. */
    public static final int MAX_PARAMETERS = 65_535;

    /**
     * Renders a statement with placeholders.
     *
     * @throws IllegalStateException when the statement needs more than {@value #MAX_PARAMETERS} parameters
     */
    public static Rendered render(QueryNode query, Style style) {
        return render(query, style, Map.of());
    }

    /**
     * Renders a statement with placeholders, every table in a schema that {@code schemas} maps written in the
     * schema it maps to; an unqualified table counts as {@code public}, where the default search_path finds it.
     *
     * @throws IllegalStateException when the statement needs more than {@value #MAX_PARAMETERS} parameters
     */
    public static Rendered render(QueryNode query, Style style, Map<String, String> schemas) {
        // Nesting.render's protocol, spelled out: a lambda capturing the three arguments per statement was a
        // noticeable share of rendering a small one
        try {
            return render(query, style, schemas, Nesting.SHALLOW);
        } catch (Nesting.TooDeep shallow) {
            return Nesting.onDeepStack(limit -> render(query, style, schemas, limit));
        }
    }

    private static Rendered render(QueryNode query, Style style, Map<String, String> schemas, int limit) {
        StringBuilder text = Scratch.take();
        try {
            SqlRenderer r = new SqlRenderer(text, style, Map.of(), Set.of(), limit, schemas);
            r.windowNames = Set.of();
            r.query(query);
            Set<ValueSlots.ValueKey> repeated = r.values.toInline();
            if (!repeated.isEmpty()) {
                // only now is it known which values repeat; the second rendering writes those as literals
                text.setLength(0);
                r = new SqlRenderer(text, style, Map.of(), repeated, limit, schemas);
                r.windowNames = Set.of();
                r.query(query);
            }
            int count = r.values.slots().size();
            if (count > MAX_PARAMETERS) {
                throw new IllegalStateException(tooManyParameters(query, count));
            }
            return Rendered.of(text.toString(), r.values.slots(), r.values.comparedIn());
        } finally {
            Scratch.giveBack(text);
        }
    }

    private static String tooManyParameters(QueryNode query, int count) {
        String limit = " parameters; PostgreSQL accepts at most " + MAX_PARAMETERS + " in one statement. ";
        if (query instanceof InsertNode i && i.source() instanceof InsertNode.Values v) {
            String schema = i.table().schema();
            String table = (schema != null ? Identifiers.quote(schema) + "." : "") + Identifiers.quote(i.table().name());
            return "insert into " + table + " with " + v.rows().size() + " rows of "
                    + i.columns().size() + " columns needs " + count + limit
                    + "Use db.insert(table, rows) (or db.upsert, db.copy) for large batches: it sends each column as "
                    + "one array, so it has no such limit";
        }
        return "the statement needs " + count + limit + "Pass long lists as one array parameter, "
                + "e.g. in(collection), which renders = ANY(?)";
    }

    /** Renders a statement with values inlined, using {@code bindings} for named slots; for logs. */
    public static String inline(QueryNode query, Map<ParamKey, @Nullable Object> bindings) {
        return Nesting.render(limit -> {
            StringBuilder text = Scratch.take();
            try {
                SqlRenderer r = new SqlRenderer(text, Style.INLINE, bindings, Set.of(), limit);
                r.windowNames = Set.of();
                r.query(query);
                return text.toString();
            } finally {
                Scratch.giveBack(text);
            }
        });
    }

    /** Renders one expression with values inlined; used to name expressions in error messages. */
    public static String inline(Expr expr) {
        return Nesting.render(limit -> {
            StringBuilder text = Scratch.take();
            try {
                SqlRenderer r = new SqlRenderer(text, Style.INLINE, Map.of(), Set.of(), limit);
                r.expr(expr);
                return text.toString();
            } finally {
                Scratch.giveBack(text);
            }
        });
    }

    // ---- statements --------------------------------------------------------------------------

    private void query(QueryNode node) {
        enter();
        queryBody(node);
        depth--;
    }

    /** Counts one level of nesting; past the limit the rendering is abandoned and {@link Nesting} decides. */
    private void enter() {
        if (++depth > maxDepth) {
            throw new Nesting.TooDeep();
        }
    }

    private void queryBody(QueryNode node) {
        with(node.with());
        if (node instanceof SelectNode s) {
            select(s);
        } else if (node instanceof SetOpNode s) {
            setOp(s);
        } else if (node instanceof InsertNode i) {
            insert(i);
        } else if (node instanceof UpdateNode u) {
            update(u);
        } else if (node instanceof DeleteNode d) {
            delete(d);
        } else if (node instanceof DdlNode d) {
            ddl(d);
        } else if (node instanceof MergeNode m) {
            merge(m);
        } else {
            throw new IllegalStateException("no rendering for the statement " + node);
        }
    }

    private void with(WithNode with) {
        if (with.ctes().isEmpty()) {
            return;
        }
        sql.append(with.recursive() ? "WITH RECURSIVE " : "WITH ");
        for (int i = 0; i < with.ctes().size(); i++) {
            WithNode.CteDef cte = with.ctes().get(i);
            if (i > 0) {
                sql.append(", ");
            }
            quoted(cte.name());
            if (!cte.columns().isEmpty()) {
                sql.append('(');
                identifiers(cte.columns());
                sql.append(')');
            }
            sql.append(" AS (");
            query(cte.query());
            sql.append(')');
        }
        sql.append(' ');
    }

    private void select(SelectNode s) {
        @Nullable Set<String> outer = windowNames;
        Set<String> names = s.windows().isEmpty() ? Set.of() : new LinkedHashSet<>();
        for (WindowClause w : s.windows()) {
            names.add(w.name());
        }
        windowNames = names;
        sql.append("SELECT ");
        OutputPositions positions = new OutputPositions(s.projection());
        if (!s.distinctOn().isEmpty()) {
            sql.append("DISTINCT ON (");
            matchedList(s.distinctOn(), positions);
            sql.append(") ");
        } else if (s.distinct()) {
            sql.append("DISTINCT ");
        }
        selectList(s.projection());
        List<TableItem> scoped = new ArrayList<>();
        fromList(" FROM ", s.from(), scoped, outerJoinAfter(s.joins(), -1));
        for (int j = 0; j < s.joins().size(); j++) {
            JoinNode join = s.joins().get(j);
            sql.append(' ').append(joinKind(join.kind())).append(' ');
            List<TableItem> onScope = new ArrayList<>();
            if (join.target() instanceof TableItem t && t.scope() != null) {
                // the scope goes where it filters the table's own rows only: the ON of the side it is joined as,
                // WHERE when nothing later can null the table; otherwise the table is filtered before the join
                boolean isolate = switch (join.kind()) {
                    case INNER, LEFT -> false;
                    case CROSS -> outerJoinAfter(s.joins(), j);
                    case RIGHT, FULL -> true;
                };
                if (isolate) {
                    isolated(t);
                } else {
                    fromItem(t);
                    (join.on() != null ? onScope : scoped).add(t);
                }
            } else {
                fromItem(join.target());
            }
            filter(" ON ", join.on(), onScope);
        }
        filter(" WHERE ", s.where(), scoped);
        if (!s.groupBy().isEmpty()) {
            sql.append(" GROUP BY ");
            matchedList(s.groupBy(), positions);
        }
        if (s.having() != null) {
            sql.append(" HAVING ");
            expr(s.having());
        }
        for (int i = 0; i < s.windows().size(); i++) {
            WindowClause w = s.windows().get(i);
            sql.append(i == 0 ? " WINDOW " : ", ");
            quoted(w.name()).append(" AS ");
            window(w.definition());
        }
        tail(s.orderBy(), s.limit(), s.offset(), positions);
        LockNode lock = s.lock();
        if (lock != null) {
            sql.append(switch (lock.strength()) {
                case UPDATE -> " FOR UPDATE";
                case NO_KEY_UPDATE -> " FOR NO KEY UPDATE";
                case SHARE -> " FOR SHARE";
                case KEY_SHARE -> " FOR KEY SHARE";
            });
            if (!lock.ofQualifiers().isEmpty()) {
                sql.append(" OF ");
                identifiers(lock.ofQualifiers());
            }
            sql.append(switch (lock.waitPolicy()) {
                case BLOCK -> "";
                case NOWAIT -> " NOWAIT";
                case SKIP_LOCKED -> " SKIP LOCKED";
            });
        }
        windowNames = outer;
    }

    private void selectList(List<Expr> items) {
        if (items instanceof ColumnList c && c.sql() != null && scopeWrittenAs == null) {
            sql.append(c.sql());
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            Expr item = items.get(i);
            if (item instanceof Alias a) {
                expr(a.operand());
                sql.append(" AS ");
                quoted(a.alias());
            } else {
                expr(item);
            }
        }
    }

    private void setOp(SetOpNode s) {
        sql.append('(');
        query(s.left());
        sql.append(") ").append(setOperator(s.op())).append(" (");
        query(s.right());
        sql.append(')');
        tail(s.orderBy(), s.limit(), s.offset(), OutputPositions.none());
    }

    private void insert(InsertNode node) {
        InsertNode i = ScopedWrites.insert(node);
        sql.append("INSERT INTO ");
        fromItem(i.table());
        if (!i.columns().isEmpty()) {
            sql.append(" (");
            identifiers(i.columns());
            sql.append(')');
        }
        if (i.overridingSystemValue()) {
            sql.append(" OVERRIDING SYSTEM VALUE");
        }
        if (i.source() instanceof InsertNode.Values v) {
            sql.append(" VALUES ");
            values.expect(v.rows().size() * i.columns().size());
            for (int r = 0; r < v.rows().size(); r++) {
                sql.append(r > 0 ? ", (" : "(");
                valuesRow(v.rows().get(r));
                sql.append(')');
            }
        } else if (i.source() instanceof InsertNode.FromQuery q) {
            sql.append(' ');
            query(q.query());
        } else if (i.source() instanceof InsertNode.DefaultValues) {
            sql.append(" DEFAULT VALUES");
        } else {
            throw new IllegalStateException("no rendering for the INSERT source " + i.source());
        }
        ConflictNode c = i.conflict();
        if (c != null) {
            conflict(c, i.table());
        }
        returning(i.returning());
    }

    private void conflict(ConflictNode c, TableItem target) {
        sql.append(" ON CONFLICT");
        if (c.constraint() != null) {
            sql.append(" ON CONSTRAINT ");
            quoted(c.constraint());
        } else if (!c.target().isEmpty()) {
            sql.append(" (");
            identifiers(c.target());
            sql.append(')');
            if (c.targetWhere() != null) {
                sql.append(" WHERE ");
                expr(c.targetWhere());
            }
        }
        if (c.doNothing()) {
            sql.append(" DO NOTHING");
            return;
        }
        sql.append(" DO UPDATE SET ");
        assignments(c.set());
        // the conflicting row may belong to another scope: it must stay as it is
        filter(" WHERE ", c.updateWhere(), target.scope() != null ? List.of(target) : List.of());
    }

    private void update(UpdateNode u) {
        ScopedWrites.update(u);
        List<TableItem> scoped = new ArrayList<>();
        sql.append("UPDATE ");
        fromList("", List.of(u.table()), scoped, false);
        sql.append(" SET ");
        assignments(u.set());
        fromList(" FROM ", u.from(), scoped, false);
        filter(" WHERE ", u.where(), scoped);
        returning(u.returning());
    }

    private void delete(DeleteNode d) {
        List<TableItem> scoped = new ArrayList<>();
        sql.append("DELETE FROM ");
        fromList("", List.of(d.table()), scoped, false);
        fromList(" USING ", d.using(), scoped, false);
        filter(" WHERE ", d.where(), scoped);
        returning(d.returning());
    }

    private void merge(MergeNode node) {
        MergeNode m = ScopedWrites.merge(node);
        sql.append("MERGE INTO ");
        fromItem(m.target());
        sql.append(" USING ");
        // a scoped source is filtered before the match (a row it hides must not count as NOT MATCHED); a scoped
        // target's scope joins ON, so its rows outside the scope never match and are never updated or deleted
        if (m.source() instanceof TableItem t && t.scope() != null) {
            isolated(t);
        } else {
            fromItem(m.source());
        }
        filter(" ON ", m.on(), m.target().scope() != null ? List.of(m.target()) : List.of());
        for (MergeNode.When w : m.whens()) {
            sql.append(w.matched() ? " WHEN MATCHED" : " WHEN NOT MATCHED");
            if (w.condition() != null) {
                sql.append(" AND ");
                expr(w.condition());
            }
            sql.append(" THEN ");
            MergeNode.Action action = w.action();
            if (action instanceof MergeNode.Update u) {
                sql.append("UPDATE SET ");
                assignments(u.set());
            } else if (action instanceof MergeNode.Delete) {
                sql.append("DELETE");
            } else if (action instanceof MergeNode.Insert i) {
                sql.append("INSERT (");
                for (int c = 0; c < i.values().size(); c++) {
                    sql.append(c > 0 ? ", " : "");
                    quoted(i.values().get(c).column());
                }
                sql.append(") VALUES (");
                for (int c = 0; c < i.values().size(); c++) {
                    sql.append(c > 0 ? ", " : "");
                    expr(i.values().get(c).value());
                }
                sql.append(')');
            } else if (action instanceof MergeNode.DoNothing) {
                sql.append("DO NOTHING");
            } else {
                throw new IllegalStateException("no rendering for the MERGE action " + action);
            }
        }
    }

    private void assignments(List<Assignment> set) {
        for (int i = 0; i < set.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            quoted(set.get(i).column()).append(" = ");
            expr(set.get(i).value());
        }
    }

    /**
     * FROM, USING or a DML target: a scoped table is written plain and collected into {@code scoped}, whose
     * conditions go to WHERE, or with {@code isolate} (a later outer join can null it) filtered in a subquery.
     */
    private void fromList(String keyword, List<? extends FromItem> items, List<TableItem> scoped, boolean isolate) {
        if (items.isEmpty()) {
            return;
        }
        sql.append(keyword);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            if (items.get(i) instanceof TableItem t && t.scope() != null) {
                if (isolate) {
                    isolated(t);
                } else {
                    fromItem(t);
                    scoped.add(t);
                }
            } else {
                fromItem(items.get(i));
            }
        }
    }

    /** Whether a RIGHT or FULL join after position {@code index} makes the tables before it nullable. */
    private static boolean outerJoinAfter(List<JoinNode> joins, int index) {
        for (int j = index + 1; j < joins.size(); j++) {
            boolean nulls = switch (joins.get(j).kind()) {
                case RIGHT, FULL -> true;
                case INNER, LEFT, CROSS -> false;
            };
            if (nulls) {
                return true;
            }
        }
        return false;
    }

    /** A scoped table filtered before any join sees it: {@code (SELECT * FROM "t" WHERE scope) AS "t"}. */
    private void isolated(TableItem t) {
        sql.append("(SELECT * FROM ");
        fromItem(t);
        filter(" WHERE ", null, List.of(t));
        sql.append(") AS ");
        quoted(t.qualifier());
    }

    /** {@code keyword condition AND scope AND ...}: the user's condition first, then each table's scope. */
    private void filter(String keyword, @Nullable Expr condition, List<TableItem> scoped) {
        int parts = scoped.size() + (condition != null ? 1 : 0);
        if (parts == 0) {
            return;
        }
        sql.append(keyword);
        if (condition != null) {
            if (parts == 1) {
                expr(condition);
            } else {
                operand(condition);
            }
        }
        for (int i = 0; i < scoped.size(); i++) {
            TableItem t = scoped.get(i);
            RowScope scope = java.util.Objects.requireNonNull(t.scope());
            sql.append(condition != null || i > 0 ? " AND " : "");
            scopeWrittenAs = scope.qualifier();
            scopeRenderedAs = t.qualifier();
            if (parts == 1) {
                expr(scope.condition());
            } else {
                operand(scope.condition());
            }
            scopeWrittenAs = null;
            scopeRenderedAs = null;
        }
    }

    private @Nullable String schema(TableItem t) {
        if (t.queryName() || schemas.isEmpty()) {
            return t.schema();
        }
        return schemas.getOrDefault(t.schema() != null ? t.schema() : "public", t.schema());
    }

    private void returning(List<Expr> items) {
        if (!items.isEmpty()) {
            sql.append(" RETURNING ");
            selectList(items);
        }
    }

    private void tail(List<SortSpec> orderBy, @Nullable Expr limit, @Nullable Expr offset,
                      OutputPositions positions) {
        if (!orderBy.isEmpty()) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                sql.append(i > 0 ? ", " : "");
                int at = positions.of(orderBy.get(i).expr(), values);
                if (at > 0) {
                    sql.append(at);
                } else {
                    int from = sql.length();
                    operand(orderBy.get(i).expr());
                    if (!(orderBy.get(i).expr() instanceof Expr.Position)) {
                        castBareInteger(from);
                    }
                }
                direction(orderBy.get(i));
            }
        }
        if (limit != null) {
            sql.append(" LIMIT ");
            expr(limit);
        }
        if (offset != null) {
            sql.append(" OFFSET ");
            expr(offset);
        }
    }

    private void fromItem(FromItem item) {
        if (item instanceof TableItem t) {
            String schema = schema(t);
            if (schema != null) {
                quoted(schema).append('.');
            }
            quoted(t.name());
            if (t.alias() != null) {
                sql.append(" AS ");
                quoted(t.alias());
            }
        } else if (item instanceof DerivedItem d) {
            if (d.lateral()) {
                sql.append("LATERAL ");
            }
            sql.append('(');
            query(d.query());
            sql.append(") AS ");
            quoted(d.alias());
        } else if (item instanceof FunctionItem f) {
            function(f.call());
            if (f.withOrdinality()) {
                sql.append(" WITH ORDINALITY");
            }
            sql.append(" AS ");
            quoted(f.alias()).append('(');
            identifiers(f.columns());
            sql.append(')');
        } else if (item instanceof ValuesItem v) {
            sql.append(v.lateral() ? "LATERAL (VALUES " : "(VALUES ");
            for (int r = 0; r < v.rows().size(); r++) {
                sql.append(r > 0 ? ", (" : "(");
                valuesRow(v.rows().get(r));
                sql.append(')');
            }
            sql.append(") AS ");
            quoted(v.alias()).append('(');
            identifiers(v.columns());
            sql.append(')');
        } else {
            throw new IllegalStateException("no rendering for the FROM item " + item);
        }
    }

    // ---- schema statements -------------------------------------------------------------------

    private void ddl(DdlNode node) {
        literalValues = true;
        if (node instanceof DdlNode.CreateTable t) {
            createTable(t);
        } else if (node instanceof DdlNode.DropTable d) {
            sql.append(d.ifExists() ? "DROP TABLE IF EXISTS " : "DROP TABLE ");
            tables(d.tables());
            sql.append(d.cascade() ? " CASCADE" : "");
        } else if (node instanceof DdlNode.Truncate t) {
            sql.append("TRUNCATE ");
            tables(t.tables());
            sql.append(t.restartIdentity() ? " RESTART IDENTITY" : "").append(t.cascade() ? " CASCADE" : "");
        } else if (node instanceof DdlNode.CreateIndex i) {
            createIndex(i);
        } else if (node instanceof DdlNode.CreateSchema c) {
            sql.append(c.ifNotExists() ? "CREATE SCHEMA IF NOT EXISTS " : "CREATE SCHEMA ")
                    .append(Identifiers.quote(c.name()));
        } else if (node instanceof DdlNode.DropSchema d) {
            sql.append(d.ifExists() ? "DROP SCHEMA IF EXISTS " : "DROP SCHEMA ");
            quoted(d.name())
                    .append(d.cascade() ? " CASCADE" : "");
        } else if (node instanceof DdlNode.CreateEnum e) {
            sql.append("CREATE TYPE ").append(e.type().sqlName()).append(" AS ENUM (");
            for (int i = 0; i < e.labels().size(); i++) {
                sql.append(i > 0 ? ", " : "").append(Literals.escape(e.labels().get(i)));
            }
            sql.append(')');
        } else if (node instanceof DdlNode.DropType d) {
            sql.append(d.ifExists() ? "DROP TYPE IF EXISTS " : "DROP TYPE ").append(d.type().sqlName())
                    .append(d.cascade() ? " CASCADE" : "");
        } else {
            throw new IllegalStateException("no rendering for the schema statement " + node);
        }
    }

    private void createTable(DdlNode.CreateTable t) {
        sql.append(t.ifNotExists() ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ");
        fromItem(t.table());
        sql.append(" (");
        for (int i = 0; i < t.columns().size(); i++) {
            DdlNode.ColumnDef c = t.columns().get(i);
            sql.append(i > 0 ? ", " : "");
            quoted(c.name()).append(' ').append(c.type().sqlName());
            sql.append(switch (c.identity()) {
                case NONE -> "";
                case BY_DEFAULT -> " GENERATED BY DEFAULT AS IDENTITY";
            });
            if (c.defaultValue() != null) {
                sql.append(" DEFAULT ");
                operand(c.defaultValue());
            }
            sql.append(c.notNull() ? " NOT NULL" : "");
        }
        if (!t.primaryKey().isEmpty()) {
            sql.append(", PRIMARY KEY (");
            identifiers(t.primaryKey());
            sql.append(')');
        }
        for (List<String> unique : t.unique()) {
            sql.append(", UNIQUE (");
            identifiers(unique);
            sql.append(')');
        }
        for (DdlNode.ForeignKey fk : t.foreignKeys()) {
            sql.append(", FOREIGN KEY (");
            identifiers(fk.columns());
            sql.append(") REFERENCES ");
            fromItem(fk.target());
            sql.append(" (");
            identifiers(fk.targetColumns());
            sql.append(')');
        }
        sql.append(')');
    }

    private void createIndex(DdlNode.CreateIndex i) {
        sql.append(i.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
        sql.append(i.concurrently() ? "CONCURRENTLY " : "");
        if (i.name() != null) {
            sql.append(i.ifNotExists() ? "IF NOT EXISTS " : "");
            quoted(i.name()).append(' ');
        }
        sql.append("ON ");
        fromItem(i.table());
        sql.append(" (");
        identifiers(i.columns());
        sql.append(')');
        if (i.where() != null) {
            sql.append(" WHERE ");
            expr(i.where());
        }
    }

    private void tables(List<TableItem> tables) {
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i > 0 ? ", " : "");
            fromItem(tables.get(i));
        }
    }

    // ---- expressions -------------------------------------------------------------------------

    private void expr(Expr e) {
        enter();
        exprBody(e);
        depth--;
    }

    private void exprBody(Expr e) {
        if (e instanceof ColumnRef c) {
            if (scopeWrittenAs != null && scopeWrittenAs.equals(c.qualifier())) {
                if (scopeRenderedAs != null) {
                    quoted(scopeRenderedAs).append('.');
                }
                quoted(c.name());
            } else {
                sql.append(c.sql());
            }
        } else if (e instanceof Bind b) {
            value(b);
        } else if (e instanceof Slot s) {
            slot(s);
        } else if (e instanceof Expr.Constant c) {
            sql.append(SafeLiteral.of(c.value(), c.type()));
        } else if (e instanceof Keyword k) {
            sql.append(switch (k) {
                case TRUE -> "TRUE";
                case FALSE -> "FALSE";
                case DEFAULT -> "DEFAULT";
                case CURRENT_DATE -> "CURRENT_DATE";
                case CURRENT_TIMESTAMP -> "CURRENT_TIMESTAMP";
                case LOCALTIMESTAMP -> "LOCALTIMESTAMP";
            });
        } else if (e instanceof Binary b) {
            operand(b.left());
            sql.append(' ').append(operator(b.op())).append(' ');
            operand(b.right());
        } else if (e instanceof Postfix p) {
            operand(p.operand());
            sql.append(switch (p.op()) {
                case IS_NULL -> " IS NULL";
                case IS_NOT_NULL -> " IS NOT NULL";
            });
        } else if (e instanceof Prefix p) {
            sql.append(switch (p.op()) {
                case NOT -> "NOT ";
                case EXISTS -> "EXISTS ";
                case NOT_EXISTS -> "NOT EXISTS ";
            });
            operand(p.operand());
        } else if (e instanceof Logical l) {
            String op = switch (l.op()) {
                case AND -> " AND ";
                case OR -> " OR ";
            };
            for (int i = 0; i < l.operands().size(); i++) {
                if (i > 0) {
                    sql.append(op);
                }
                operand(l.operands().get(i));
            }
        } else if (e instanceof Between b) {
            operand(b.operand());
            sql.append(b.not() ? " NOT BETWEEN " : " BETWEEN ");
            operand(b.low());
            sql.append(" AND ");
            operand(b.high());
        } else if (e instanceof Quantified q) {
            operand(q.left());
            sql.append(' ').append(operator(q.op())).append(switch (q.quantifier()) {
                case ANY -> " ANY(";
                case ALL -> " ALL(";
            });
            if (q.right() instanceof Subquery sub) {
                query(sub.query());
            } else {
                expr(q.right());
            }
            sql.append(')');
        } else if (e instanceof Func f) {
            function(f);
        } else if (e instanceof Cast c) {
            sql.append("CAST(");
            expr(c.operand());
            sql.append(" AS ").append(c.type().sqlName()).append(')');
        } else if (e instanceof Alias a) {
            expr(a.operand());
        } else if (e instanceof Subquery s) {
            sql.append('(');
            query(s.query());
            sql.append(')');
        } else if (e instanceof RowValue r) {
            sql.append('(');
            exprList(r.items());
            sql.append(')');
        } else if (e instanceof ArrayOf a) {
            sql.append("ARRAY[");
            exprList(a.items());
            sql.append("]::").append(a.type().sqlName());
        } else if (e instanceof Excluded x) {
            sql.append("EXCLUDED.");
            quoted(x.column());
        } else if (e instanceof Case c) {
            sql.append("CASE");
            if (c.operand() != null) {
                sql.append(' ');
                operand(c.operand());
            }
            for (int i = 0; i < c.whens().size(); i++) {
                sql.append(" WHEN ");
                expr(c.whens().get(i));
                sql.append(" THEN ");
                expr(c.thens().get(i));
            }
            if (c.otherwise() != null) {
                sql.append(" ELSE ");
                expr(c.otherwise());
            }
            sql.append(" END");
        } else if (e instanceof DatePartLiteral d) {
            sql.append('\'').append(datePart(d.part())).append('\'');
        } else if (e instanceof Extract x) {
            sql.append("EXTRACT(").append(datePart(x.part()).toUpperCase(Locale.ROOT)).append(" FROM ");
            expr(x.source());
            sql.append(')');
        } else if (e instanceof Grouping g) {
            grouping(g);
        } else if (e instanceof ServerSql server) {
            sql.append('(').append(server.sql()).append(')');
        } else if (e instanceof Expr.Position p) {
            sql.append(p.index());
        } else {
            throw new IllegalStateException("no rendering for the expression " + e);
        }
    }

    /** An operand of an operator: compound expressions are parenthesized so precedence never matters. */
    private void operand(Expr e) {
        Expr inner = e instanceof Alias a ? a.operand() : e;
        boolean compound = inner instanceof Binary || inner instanceof Postfix || inner instanceof Prefix
                || inner instanceof Logical || inner instanceof Between || inner instanceof Quantified;
        if (compound) {
            sql.append('(');
            expr(inner);
            sql.append(')');
        } else {
            expr(inner);
        }
    }

    private String operator(Operator op) {
        // pgjdbc treats ? as a placeholder; the jsonb operators ?, ?| and ?& must be written ??, ??| and ??&.
        boolean jdbc = style == Style.JDBC;
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case IS_DISTINCT_FROM -> "IS DISTINCT FROM";
            case IS_NOT_DISTINCT_FROM -> "IS NOT DISTINCT FROM";
            case IN -> "IN";
            case NOT_IN -> "NOT IN";
            case LIKE -> "LIKE";
            case NOT_LIKE -> "NOT LIKE";
            case ILIKE -> "ILIKE";
            case NOT_ILIKE -> "NOT ILIKE";
            case REGEX -> "~";
            case REGEX_I -> "~*";
            case NOT_REGEX -> "!~";
            case NOT_REGEX_I -> "!~*";
            case SIMILAR_TO -> "SIMILAR TO";
            case NOT_SIMILAR_TO -> "NOT SIMILAR TO";
            case CONTAINS -> "@>";
            case CONTAINED_BY -> "<@";
            case OVERLAPS -> "&&";
            case CONCAT -> "||";
            case JSON_GET -> "->";
            case JSON_GET_TEXT -> "->>";
            case JSON_HAS_KEY -> jdbc ? "??" : "?";
            case JSON_HAS_ANY_KEY -> jdbc ? "??|" : "?|";
            case JSON_HAS_ALL_KEYS -> jdbc ? "??&" : "?&";
            case PLUS -> "+";
            case MINUS -> "-";
            case TIMES -> "*";
            case DIVIDE -> "/";
            case MOD -> "%";
        };
    }

    /** A date part as PostgreSQL names it, {@code month}; also used by builders' error messages. */
    public static String datePart(DatePart part) {
        return switch (part) {
            case MICROSECONDS -> "microseconds";
            case MILLISECONDS -> "milliseconds";
            case SECOND -> "second";
            case MINUTE -> "minute";
            case HOUR -> "hour";
            case DAY -> "day";
            case WEEK -> "week";
            case MONTH -> "month";
            case QUARTER -> "quarter";
            case YEAR -> "year";
            case DECADE -> "decade";
            case CENTURY -> "century";
            case MILLENNIUM -> "millennium";
        };
    }

    /** The join's keywords, {@code LEFT JOIN}; also used by builders' error messages. */
    public static String joinKind(JoinKind kind) {
        return switch (kind) {
            case INNER -> "JOIN";
            case LEFT -> "LEFT JOIN";
            case RIGHT -> "RIGHT JOIN";
            case FULL -> "FULL JOIN";
            case CROSS -> "CROSS JOIN";
        };
    }

    /** The set operation's keywords, {@code UNION ALL}; also used by builders' error messages. */
    public static String setOperator(SetOperator op) {
        return switch (op) {
            case UNION -> "UNION";
            case UNION_ALL -> "UNION ALL";
            case INTERSECT -> "INTERSECT";
            case INTERSECT_ALL -> "INTERSECT ALL";
            case EXCEPT -> "EXCEPT";
            case EXCEPT_ALL -> "EXCEPT ALL";
        };
    }

    /** A frame bound's keywords, {@code UNBOUNDED PRECEDING}; also used by builders' error messages. */
    public static String boundKind(WindowDef.BoundKind kind) {
        return switch (kind) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case PRECEDING -> "PRECEDING";
            case CURRENT_ROW -> "CURRENT ROW";
            case FOLLOWING -> "FOLLOWING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
        };
    }

    private void functionName(FunctionName name) {
        if (name instanceof FunctionName.Builtin b) {
            sql.append(b.name().toLowerCase(Locale.ROOT));
        } else if (name instanceof FunctionName.UserFunction u) {
            for (int i = 0; i < u.parts().size(); i++) {
                if (i > 0) {
                    sql.append('.');
                }
                quoted(u.parts().get(i));
            }
        } else {
            throw new IllegalStateException("no rendering for the function name " + name);
        }
    }

    private void function(Func f) {
        functionName(f.name());
        sql.append('(');
        if (f.star()) {
            sql.append('*');
        } else {
            if (f.distinct()) {
                sql.append("DISTINCT ");
            }
            exprList(f.args());
        }
        AggregateOrder order = f.order();
        boolean withinGroup = order != null && switch (order.placement()) {
            case IN_ARGUMENTS -> false;
            case WITHIN_GROUP -> true;
        };
        if (order != null && !withinGroup) {
            sql.append(" ORDER BY ");
            sortList(order.items());
        }
        sql.append(')');
        if (order != null && withinGroup) {
            sql.append(" WITHIN GROUP (ORDER BY ");
            sortList(order.items());
            sql.append(')');
        }
        if (f.filter() != null) {
            sql.append(" FILTER (WHERE ");
            expr(f.filter());
            sql.append(')');
        }
        WindowDef w = f.over();
        if (w != null) {
            sql.append(" OVER ");
            window(w);
        }
    }

    /** {@code "w"} for a bare reference to a named window, else the definition in parentheses. */
    private void window(WindowDef w) {
        String ref = w.ref();
        if (ref != null && windowNames != null && !windowNames.contains(ref)) {
            throw new IllegalArgumentException("over(\"" + ref + "\"): the SELECT defines no window \"" + ref
                    + "\"; it defines " + (windowNames.isEmpty() ? "none" : windowNames) + ". Add it with "
                    + ".window(\"" + ref + "\", partitionBy(...)) on the same SELECT");
        }
        if (ref != null && w.partitionBy().isEmpty() && w.orderBy().isEmpty() && w.frame() == null) {
            quoted(ref);
            return;
        }
        sql.append('(');
        int mark = sql.length();
        if (ref != null) {
            quoted(ref);
        }
        if (!w.partitionBy().isEmpty()) {
            sql.append(sql.length() > mark ? " PARTITION BY " : "PARTITION BY ");
            exprList(w.partitionBy());
        }
        if (!w.orderBy().isEmpty()) {
            sql.append(sql.length() > mark ? " ORDER BY " : "ORDER BY ");
            sortList(w.orderBy());
        }
        WindowDef.Frame frame = w.frame();
        if (frame != null) {
            sql.append(sql.length() > mark ? " " : "").append(switch (frame.unit()) {
                case ROWS -> "ROWS";
                case RANGE -> "RANGE";
                case GROUPS -> "GROUPS";
            }).append(" BETWEEN ");
            bound(frame.start());
            sql.append(" AND ");
            bound(frame.end());
        }
        sql.append(')');
    }

    private void grouping(Grouping g) {
        sql.append(switch (g.kind()) {
            case ROLLUP -> "ROLLUP (";
            case CUBE -> "CUBE (";
            case GROUPING_SETS -> "GROUPING SETS (";
            case SET -> "(";
        });
        for (int i = 0; i < g.items().size(); i++) {
            sql.append(i > 0 ? ", " : "");
            groupItem(g.items().get(i));
        }
        sql.append(')');
    }

    private void bound(WindowDef.Bound b) {
        if (b.offset() != null) {
            expr(b.offset());
            sql.append(' ');
        }
        sql.append(boundKind(b.kind()));
    }

    private void sortList(List<SortSpec> specs) {
        for (int i = 0; i < specs.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            operand(specs.get(i).expr());
            direction(specs.get(i));
        }
    }

    private void direction(SortSpec s) {
        sql.append(s.descending() ? " DESC" : " ASC");
        if (s.nullsFirst() != null) {
            sql.append(s.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /** GROUP BY or DISTINCT ON items: each the select-list position it matches, or itself. */
    private void matchedList(List<Expr> items, OutputPositions positions) {
        for (int i = 0; i < items.size(); i++) {
            sql.append(i > 0 ? ", " : "");
            int at = positions.of(items.get(i), values);
            if (at > 0) {
                sql.append(at);
            } else {
                groupItem(items.get(i));
            }
        }
    }

    /** A GROUP BY or DISTINCT ON item written out, or an item of ROLLUP, CUBE or GROUPING SETS. */
    private void groupItem(Expr e) {
        int from = sql.length();
        expr(e);
        if (!(e instanceof Grouping) && !(e instanceof Expr.Position)) { // a position is meant as one
            castBareInteger(from);
        }
    }

    /**
     * An ORDER BY, GROUP BY or DISTINCT ON item written from {@code from} on that came out as a bare integer (an
     * int4 literal: {@code inline(2)}, or a value the renderer inlined) would be read by PostgreSQL as the position
     * of a select-list item, parenthesized or not; cast, it is the constant it stands for.
     */
    private void castBareInteger(int from) {
        int end = sql.length();
        int i = from;
        boolean parenthesized = i < end && sql.charAt(i) == '(';
        i += parenthesized ? 1 : 0;
        i += i < end && sql.charAt(i) == '-' ? 1 : 0;
        int digits = i;
        while (i < end && sql.charAt(i) >= '0' && sql.charAt(i) <= '9') {
            i++;
        }
        boolean closed = parenthesized ? i == end - 1 && sql.charAt(i) == ')' : i == end;
        if (i > digits && closed) {
            sql.insert(from, "CAST(").append(" AS int4)");
        }
    }

    /** One expression rendered on its own with {@code $n}, for {@link OutputPositions}. */
    static OutputPositions.Alone alone(Expr e) {
        return Nesting.render(limit -> {
            StringBuilder text = Scratch.take();
            try {
                SqlRenderer r = new SqlRenderer(text, Style.NUMBERED, Map.of(), Set.of(), limit);
                r.expr(e);
                return new OutputPositions.Alone(text.toString(), r.values);
            } finally {
                Scratch.giveBack(text);
            }
        });
    }

    /**
     * A row of VALUES. PostgreSQL never matches one of its items against another expression (as it matches GROUP BY
     * items), so a value there is a placeholder of its own even if the same node is written elsewhere: there is no
     * need to look it up among the earlier ones, which for a large insert was most of rendering it.
     */
    private void valuesRow(List<Expr> items) {
        if (style == Style.JDBC && !literalValues && values.writeOwnRow(items, sql)) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            Expr e = items.get(i);
            if (e instanceof Bind b && style != Style.INLINE && !literalValues) {
                values.writeOwn(b, sql);
            } else {
                expr(e);
            }
        }
    }

    private void exprList(List<Expr> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            expr(items.get(i));
        }
    }

    /** Writes an identifier, quoted; returns the text so that more can be appended. */
    private StringBuilder quoted(String name) {
        return Identifiers.appendQuoted(sql, name);
    }

    private void identifiers(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            quoted(names.get(i));
        }
    }

    private void value(Bind b) {
        if (literalValues) {
            sql.append(Literals.ddl(b.value(), b.type()));
        } else if (style == Style.INLINE) {
            sql.append(Literals.inline(b.value(), b.type()));
        } else {
            values.write(b, sql);
        }
    }

    private void slot(Slot s) {
        if (literalValues) {
            throw new IllegalArgumentException("parameter :" + s.key().name() + " in a schema statement: PostgreSQL "
                    + "takes no parameters in CREATE/DROP/TRUNCATE, so give the value itself");
        } else if (style != Style.INLINE) {
            values.write(s, sql);
        } else if (inlineBindings.containsKey(s.key())) {
            sql.append(Literals.inline(inlineBindings.get(s.key()), s.key().type()));
        } else {
            sql.append(':').append(s.key().name());
        }
    }
}
