package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.Identifiers;
import dev.belay.dsl.internal.JoinKind;
import dev.belay.dsl.internal.JoinNode;
import dev.belay.dsl.internal.Lists;
import dev.belay.dsl.internal.LockNode;
import dev.belay.dsl.internal.QueryNode;
import dev.belay.dsl.internal.SelectNode;
import dev.belay.dsl.internal.SetOpNode;
import dev.belay.dsl.internal.SetOperator;
import dev.belay.dsl.internal.SortSpec;
import dev.belay.dsl.internal.SqlRenderer;
import dev.belay.dsl.internal.WindowClause;
import dev.belay.dsl.internal.WithNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An immutable SELECT returning rows of type {@code R}. Every method returns a new query; the
 * receiver is never changed, so a base query can be branched freely and shared between threads:
 *
 * <pre>{@code
 * Select<User> adults = select(User.class).where(USER.AGE.ge(18));
 * Select<User> alice  = adults.where(USER.NAME.eq("Alice"));   // adults is unchanged
 * alice.render().sql();
 * // SELECT "users"."id", ... FROM "users" WHERE ("users"."age" >= ?) AND ("users"."name" = ?)
 * }</pre>
 *
 * @param <R> the Java type of one result row
 */
public final class Select<R> implements ResultQuery<R> {
    private static final VarHandle STATEMENT;

    static {
        try {
            STATEMENT = MethodHandles.lookup().findVarHandle(Select.class, "statement", Statement.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final QueryNode node;
    private final Bindings bindings;
    private final Projection<R> projection;
    /** The ORDER BY items with their types, kept for {@link #seek}. */
    private final List<SortField<?>> ordering;
    /**
     * The statement that renders this query and caches its text, made when first rendered or bound: a query is
     * built in several steps and rendered at the end, so the steps between make one object each rather than two,
     * and a query only nested in another never makes one.
     */
    private volatile @Nullable Statement statement;

    private Select(QueryNode node, Bindings bindings, @Nullable Statement statement, Projection<R> projection,
                   List<SortField<?>> ordering) {
        this.node = node;
        this.bindings = bindings;
        if (statement != null) { // a volatile write costs a fence, and most steps have no statement yet
            this.statement = statement;
        }
        this.projection = projection;
        this.ordering = ordering;
    }

    static <R> Select<R> of(Projection<R> projection, List<FromItem> from) {
        return new Select<>(SelectNode.of(projection.nodes(), from), Bindings.NONE, null, projection, List.of());
    }

    private Select<R> with(QueryNode next) {
        return new Select<>(next, bindings, null, projection, ordering);
    }

    /**
     * This query's statement, the same one for every caller: racing first calls agree on one by compare-and-set, so
     * that every rendering of this query returns the same SQL String instance.
     */
    private Statement statement() {
        Statement s = statement;
        if (s == null) {
            Statement made = new Statement(node, bindings);
            s = (Statement) STATEMENT.compareAndExchange(this, null, made);
            if (s == null) {
                s = made;
            }
        }
        return s;
    }

    QueryNode node() {
        return node;
    }

    /** This query's AST for nesting in another statement; see {@link Statement#nested}. */
    QueryNode nestedNode(String use) {
        return Statement.nested(node, bindings, use);
    }

    private SelectNode simple(String method) {
        if (node instanceof SelectNode s) {
            return s;
        }
        throw new IllegalStateException(method + "() cannot follow union/intersect/except: it would apply to one "
                + "operand. Wrap the combined query as a derived table: select(...).from(query.asTable(\"t\"))");
    }

    // ---- FROM and JOIN -----------------------------------------------------------------------

    /** {@code select(USER.NAME).from(USER)} renders {@code SELECT "users"."name" FROM "users"}; repeated calls add items. */
    public Select<R> from(TableLike... items) {
        SelectNode s = simple("from");
        FromItem[] from = s.from().toArray(new FromItem[s.from().size() + items.length]);
        List<FromItem> view = Arrays.asList(from);
        for (int i = 0; i < items.length; i++) {
            FromItem item = items[i].fromItem();
            requireNewName("from", item, view, s.from().size() + i, s.joins());
            from[s.from().size() + i] = item;
        }
        return with(s.withFrom(Lists.of(from)));
    }

    /**
     * Refuses a FROM or JOIN item under a name the query's FROM has already: PostgreSQL would refuse the statement
     * ("table name specified more than once"), and a join of a table with itself needs an alias anyway.
     */
    private static void requireNewName(String method, FromItem item, List<FromItem> from, int fromCount,
                                       List<JoinNode> joins) {
        String name = FromItem.exposedName(item);
        boolean taken = false;
        // by index: this runs for every FROM and JOIN item of every query built, and iterators were allocated
        for (int i = 0; i < fromCount; i++) {
            taken |= FromItem.exposedName(from.get(i)).equals(name);
        }
        for (int i = 0; i < joins.size(); i++) {
            taken |= FromItem.exposedName(joins.get(i).target()).equals(name);
        }
        if (taken) {
            throw new IllegalArgumentException(method + "(" + Identifiers.quote(name) + "): the query's FROM has "
                    + Identifiers.quote(name) + " already (select(table) selects from its table itself); to read a "
                    + "table twice, give one of them an alias: table.as(\"other\")");
        }
    }

    /** {@code .join(USER).on(ORDER.USER_ID.eq(USER.ID))} renders {@code JOIN "users" ON ...}. */
    public JoinStep<R> join(TableLike target) {
        return new JoinStep<>(this, JoinKind.INNER, target);
    }

    /** {@code .leftJoin(USER).on(...)} renders {@code LEFT JOIN "users" ON ...}. */
    public JoinStep<R> leftJoin(TableLike target) {
        return new JoinStep<>(this, JoinKind.LEFT, target);
    }

    /** {@code .rightJoin(USER).on(...)} renders {@code RIGHT JOIN "users" ON ...}. */
    public JoinStep<R> rightJoin(TableLike target) {
        return new JoinStep<>(this, JoinKind.RIGHT, target);
    }

    /** {@code .fullJoin(USER).on(...)} renders {@code FULL JOIN "users" ON ...}. */
    public JoinStep<R> fullJoin(TableLike target) {
        return new JoinStep<>(this, JoinKind.FULL, target);
    }

    /** {@code .crossJoin(USER)} renders {@code CROSS JOIN "users"}. */
    public Select<R> crossJoin(TableLike target) {
        return addJoin(new JoinNode(JoinKind.CROSS, target.fromItem(), null));
    }

    Select<R> addJoin(JoinNode join) {
        SelectNode s = simple("join");
        requireNewName(join.kind() == JoinKind.CROSS ? "crossJoin" : "join", join.target(), s.from(),
                s.from().size(), s.joins());
        return with(s.withJoins(Lists.plus(s.joins(), join)));
    }

    // ---- WHERE, GROUP BY, HAVING -------------------------------------------------------------

    /** {@code .where(USER.AGE.ge(18))} renders {@code WHERE "users"."age" >= ?}; repeated calls AND together. */
    public Select<R> where(Condition condition) {
        SelectNode s = simple("where");
        return with(s.withWhere(andWith(s.where(), condition)));
    }

    /**
     * {@code .groupBy(USER.NAME)} renders {@code GROUP BY "users"."name"}; repeated calls add items. Fields and
     * grouping sets mix: {@code .groupBy(ORDER.STATUS, rollup(ORDER.USER_ID))} renders
     * {@code GROUP BY "orders"."status", ROLLUP ("orders"."user_id")}.
     */
    public Select<R> groupBy(GroupItem... items) {
        SelectNode s = simple("groupBy");
        List<Expr> group = new ArrayList<>(s.groupBy());
        for (GroupItem item : items) {
            group.add(item instanceof Field<?> f ? f.unaliased() : ((GroupingSet) item).node());
        }
        return with(s.withGroupBy(group));
    }

    /**
     * By the query's result columns: {@code select(USER.NAME, count()).from(USER).groupBy(resultColumn(1))}
     * renders {@code ... GROUP BY 1}; a name, {@code groupBy(resultColumn("bucket"))}, is written as its position
     * too, since PostgreSQL resolves a GROUP BY name to an input column first. Repeated calls add columns.
     *
     * @throws IllegalArgumentException for a name or position the select list does not have, listing its columns
     */
    public Select<R> groupBy(ResultColumn column, ResultColumn... more) {
        List<ResultColumn> columns = new ArrayList<>(List.of(more));
        columns.add(0, column);
        return groupByPositions(columns);
    }

    /** {@code select(USER.NAME, count()).from(USER).groupBy(1)} renders {@code ... GROUP BY 1}; see above. */
    public Select<R> groupBy(int position, int... more) {
        return groupByPositions(List.of(ResultColumn.at(position, more)));
    }

    private Select<R> groupByPositions(List<ResultColumn> columns) {
        SelectNode s = simple("groupBy");
        List<Expr> group = new ArrayList<>(s.groupBy());
        for (ResultColumn c : columns) {
            group.add(new Expr.Position(c.index(projection, "groupBy") + 1));
        }
        return with(s.withGroupBy(List.copyOf(group)));
    }

    /** {@code .having(count().gt(1L))} renders {@code HAVING count(*) > ?}; repeated calls AND together. */
    public Select<R> having(Condition condition) {
        SelectNode s = simple("having");
        return with(s.withHaving(andWith(s.having(), condition)));
    }

    /**
     * Defines a window in the WINDOW clause (after HAVING) for functions to use by name:
     * {@code .window("w", partitionBy(ORDER.USER_ID))} renders {@code WINDOW "w" AS (PARTITION BY "orders"."user_id")},
     * and {@code rowNumber().over("w")} renders {@code row_number() OVER "w"}.
     *
     * @throws IllegalArgumentException when the query already defines a window of that name
     */
    public Select<R> window(String name, WindowSpec definition) {
        return window(new NamedWindow(name, definition));
    }

    /** Defines named windows, see {@link #window(String, WindowSpec)}: {@code .window(w)}. */
    public Select<R> window(NamedWindow... windows) {
        SelectNode s = simple("window");
        List<WindowClause> defined = new ArrayList<>(s.windows());
        for (NamedWindow w : windows) {
            for (WindowClause c : defined) {
                if (c.name().equals(w.name())) {
                    throw new IllegalArgumentException("window(\"" + w.name() + "\", ...): the query already defines "
                            + "a window \"" + w.name() + "\"; give each window its own name");
                }
            }
            defined.add(w.clause());
        }
        return with(s.withWindows(defined));
    }

    static Expr andWith(@Nullable Expr existing, Condition condition) {
        if (condition == null) {
            throw new IllegalArgumentException("condition is null; use trueCondition() for no filter");
        }
        return existing == null ? condition.node()
                : Condition.combine(Expr.Logical.Op.AND, List.of(new Condition(existing), condition)).node();
    }

    // ---- ORDER BY, LIMIT, OFFSET, seek -------------------------------------------------------

    /**
     * {@code .orderBy(USER.NAME.asc(), USER.ID.desc())} renders {@code ORDER BY "users"."name" ASC,
     * "users"."id" DESC}. A bare field sorts ascending. Replaces any earlier ordering. After a set
     * operation the items must be selected fields and render as result columns: {@code ORDER BY "name" ASC}.
     */
    public Select<R> orderBy(SortItem... items) {
        SortSpec[] specs = new SortSpec[items.length];
        SortField<?>[] sorted = new SortField<?>[items.length];
        boolean setOp = node instanceof SetOpNode;
        for (int i = 0; i < items.length; i++) {
            SortItem item = Objects.requireNonNull(items[i], "orderBy item");
            ResultSort r = item instanceof ResultColumn c ? c.asc() : item instanceof ResultSort rs ? rs : null;
            if (r != null) {
                specs[i] = r.spec(projection, "orderBy");
                sorted[i] = r.field(projection);
                continue;
            }
            SortField<?> s = item instanceof SortField<?> f ? f : ((Field<?>) item).asc();
            specs[i] = setOp ? resultColumn(s) : s.spec();
            sorted[i] = s;
        }
        List<SortSpec> order = Lists.of(specs);
        QueryNode next = node instanceof SetOpNode op ? op.withOrderBy(order)
                : simple("orderBy").withOrderBy(order);
        return new Select<>(next, bindings, null, projection, Lists.of(sorted));
    }

    /**
     * By result column positions, ascending: {@code orderBy(2, 1)} renders {@code ORDER BY 2 ASC, 1 ASC}. For
     * a direction or a name use {@code orderBy(resultColumn(2).desc(), resultColumn("n").asc())}.
     *
     * @throws IllegalArgumentException for a position past the select list, listing its columns
     */
    public Select<R> orderBy(int position, int... more) {
        return orderBy((SortItem[]) ResultColumn.at(position, more));
    }

    /** PostgreSQL rejects {@code "users"."name"} in the ORDER BY of a UNION: only result column names resolve there. */
    private SortSpec resultColumn(SortField<?> s) {
        String name = OutputColumns.nameOf(projection, s.field(), "union/intersect/except");
        return new SortSpec(new Expr.ColumnRef(null, name), s.descending(), s.nullsOrder());
    }

    /** {@code .limit(50)} renders {@code LIMIT ?}. */
    public Select<R> limit(long count) {
        return limitNode(count("limit", count));
    }

    /** {@code .limit(PAGE_SIZE)} with a {@code Param<Long>} renders {@code LIMIT ?}, bound later. */
    public Select<R> limit(Param<Long> count) {
        return limitNode(count.node());
    }

    /** {@code .offset(100)} renders {@code OFFSET ?}. */
    public Select<R> offset(long count) {
        return offsetNode(count("offset", count));
    }

    /** {@code .offset(SKIP)} with a {@code Param<Long>} renders {@code OFFSET ?}, bound later. */
    public Select<R> offset(Param<Long> count) {
        return offsetNode(count.node());
    }

    private static Expr count(String clause, long n) {
        if (n < 0) {
            throw new IllegalArgumentException(clause + "(" + n + "): must not be negative");
        }
        return new Expr.Bind(n, PgType.INT8);
    }

    private Select<R> limitNode(Expr limit) {
        if (node instanceof SetOpNode op) {
            return with(op.withLimit(limit));
        }
        return with(simple("limit").withLimit(limit));
    }

    private Select<R> offsetNode(Expr offset) {
        if (node instanceof SetOpNode op) {
            return with(op.withOffset(offset));
        }
        return with(simple("offset").withOffset(offset));
    }

    /**
     * Keyset pagination: rows after {@code lastValues} in the current ORDER BY. With one direction,
     * {@code orderBy(USER.NAME.asc(), USER.ID.asc()).seek("Bob", 7L)} adds
     * {@code WHERE ("users"."name", "users"."id") > (?, ?)}; with mixed directions it expands to
     * {@code (a > ?) OR ((a = ?) AND (b < ?))}. Ordering columns must be non-null and unique together.
     */
    public Select<R> seek(Object... lastValues) {
        simple("seek");
        return where(Seek.condition(ordering, lastValues));
    }

    // ---- DISTINCT, locking -------------------------------------------------------------------

    /** {@code select(USER.NAME).from(USER).distinct()} renders {@code SELECT DISTINCT "users"."name" ...}. */
    public Select<R> distinct() {
        return with(simple("distinct").withDistinct(true, List.of()));
    }

    /** {@code .distinctOn(USER.NAME)} renders {@code SELECT DISTINCT ON ("users"."name") ...}. */
    public Select<R> distinctOn(Field<?>... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("distinctOn() needs at least one field");
        }
        List<Expr> on = new ArrayList<>();
        for (Field<?> f : fields) {
            on.add(f.unaliased());
        }
        return with(simple("distinctOn").withDistinct(true, on));
    }

    /** {@code .forUpdate()} renders {@code FOR UPDATE}. */
    public Select<R> forUpdate() {
        return lock(LockNode.Strength.UPDATE, "forUpdate");
    }

    /** {@code .forNoKeyUpdate()} renders {@code FOR NO KEY UPDATE}. */
    public Select<R> forNoKeyUpdate() {
        return lock(LockNode.Strength.NO_KEY_UPDATE, "forNoKeyUpdate");
    }

    /** {@code .forShare()} renders {@code FOR SHARE}. */
    public Select<R> forShare() {
        return lock(LockNode.Strength.SHARE, "forShare");
    }

    /** {@code .forKeyShare()} renders {@code FOR KEY SHARE}. */
    public Select<R> forKeyShare() {
        return lock(LockNode.Strength.KEY_SHARE, "forKeyShare");
    }

    /** After a lock: {@code .forUpdate().of(USER)} renders {@code FOR UPDATE OF "users"}. */
    public Select<R> of(TableLike... tables) {
        List<String> names = new ArrayList<>();
        for (TableLike t : tables) {
            names.add(t.qualifier());
        }
        return with(simple("of").withLock(requireLock("of").withOf(names)));
    }

    /** After a lock: {@code .forUpdate().skipLocked()} renders {@code FOR UPDATE SKIP LOCKED}. */
    public Select<R> skipLocked() {
        return with(simple("skipLocked").withLock(requireLock("skipLocked").withWait(LockNode.Wait.SKIP_LOCKED)));
    }

    /** After a lock: {@code .forUpdate().noWait()} renders {@code FOR UPDATE NOWAIT}. */
    public Select<R> noWait() {
        return with(simple("noWait").withLock(requireLock("noWait").withWait(LockNode.Wait.NOWAIT)));
    }

    private Select<R> lock(LockNode.Strength strength, String method) {
        return with(simple(method).withLock(LockNode.of(strength)));
    }

    private LockNode requireLock(String method) {
        LockNode lock = simple(method).lock();
        if (lock == null) {
            throw new IllegalStateException(method + "() refines a row lock: call forUpdate() or forShare() first");
        }
        return lock;
    }

    // ---- set operations ----------------------------------------------------------------------

    /** {@code a.union(b)} renders {@code (SELECT ...) UNION (SELECT ...)}. */
    public Select<R> union(Select<R> other) {
        return setOp(SetOperator.UNION, other);
    }

    /** {@code a.unionAll(b)} renders {@code (SELECT ...) UNION ALL (SELECT ...)}. */
    public Select<R> unionAll(Select<R> other) {
        return setOp(SetOperator.UNION_ALL, other);
    }

    /** {@code a.intersect(b)} renders {@code (SELECT ...) INTERSECT (SELECT ...)}. */
    public Select<R> intersect(Select<R> other) {
        return setOp(SetOperator.INTERSECT, other);
    }

    /** {@code a.intersectAll(b)} renders {@code (SELECT ...) INTERSECT ALL (SELECT ...)}: duplicates kept as often as in both. */
    public Select<R> intersectAll(Select<R> other) {
        return setOp(SetOperator.INTERSECT_ALL, other);
    }

    /** {@code a.except(b)} renders {@code (SELECT ...) EXCEPT (SELECT ...)}. */
    public Select<R> except(Select<R> other) {
        return setOp(SetOperator.EXCEPT, other);
    }

    /** {@code a.exceptAll(b)} renders {@code (SELECT ...) EXCEPT ALL (SELECT ...)}: each row of b removes one of a. */
    public Select<R> exceptAll(Select<R> other) {
        return setOp(SetOperator.EXCEPT_ALL, other);
    }

    private Select<R> setOp(SetOperator op, Select<R> other) {
        String name = SqlRenderer.setOperator(op);
        int mine = projection.fields().size();
        int theirs = other.projection.fields().size();
        if (mine != theirs) {
            throw new IllegalArgumentException(name + ": the queries select " + mine + " and " + theirs
                    + " columns; both sides must select the same number");
        }
        // with(c).select(...).union(...): the CTEs go in front of the whole statement, so both operands see them.
        QueryNode left = node();
        WithNode ctes = left.with();
        if (!ctes.ctes().isEmpty()) {
            left = left instanceof SelectNode s ? s.withWith(WithNode.NONE)
                    : ((SetOpNode) left).withWith(WithNode.NONE);
        }
        QueryNode right = other.nestedNode(name.toLowerCase(java.util.Locale.ROOT));
        return with(new SetOpNode(ctes, left, op, right, List.of(), null, null));
    }

    // ---- shape -------------------------------------------------------------------------------

    /**
     * Maps each row into a record by position, checked now: {@code select(USER.ID, USER.NAME).from(USER)
     * .into(UserSummary.class)} needs {@code record UserSummary(Long id, String name)}.
     *
     * @throws IllegalArgumentException on an arity or type mismatch, naming the component and field
     */
    public <X> Select<X> into(Class<X> recordType) {
        Into.check(recordType, projection.fields());
        // the same statement, so the same rendered text and cache: only the mapping of the rows changes
        return new Select<>(node, bindings, statement(), projection.asRecord(recordType), ordering);
    }

    /**
     * This query as a derived table: {@code select(...).asTable("t")} renders {@code (SELECT ...) AS "t"}
     * in FROM; reach its columns with {@code t.field(USER.NAME)}.
     */
    public DerivedTable<R> asTable(String alias) {
        return new DerivedTable<>(this, alias, false);
    }

    Select<R> withCtes(WithNode with) {
        if (node instanceof SetOpNode op) {
            return with(op.withWith(with));
        }
        return with(simple("with").withWith(with));
    }

    Projection<R> projection() {
        return projection;
    }

    QueryNode singleColumnNode(String use) {
        if (projection.fields().size() != 1) {
            throw new IllegalArgumentException(use + "(subquery): the subquery must select exactly one column, "
                    + "it selects " + projection.fields().size());
        }
        return nestedNode(use + "(subquery)");
    }

    @Override
    public List<Field<?>> fields() {
        return projection.fields();
    }

    @Override
    public Class<R> resultType() {
        return projection.type();
    }

    // ---- parameters and rendering ------------------------------------------------------------

    /** A copy with {@code param} bound to {@code value}; the SQL text is not rendered again. */
    public <T> Select<R> bind(Param<T> param, @Nullable T value) {
        Statement bound = statement().bind(param, value);
        return new Select<>(node, bound.bindings(), bound, projection, ordering);
    }

    /** True when the query's WITH holds an INSERT, UPDATE or DELETE (a data-modifying CTE). */
    @Override
    public boolean modifiesData() {
        return Statement.modifiesData(node);
    }

    /** The SQL with tables in mapped schemas; see {@link Query#render(Placeholders, Map)}. */
    @Override
    public RenderedSql render(Placeholders style, Map<String, String> schemas) {
        return statement().render(style, schemas);
    }

    @Override
    public RenderedSql render(Placeholders style) {
        return statement().render(style);
    }

    /** The SQL with values inlined as literals, unbound parameters as {@code :name}; for logs only. */
    @Override
    public String toString() {
        return statement().inline();
    }
}
