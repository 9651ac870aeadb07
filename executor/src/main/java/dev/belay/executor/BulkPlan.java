package dev.belay.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.OnConflict;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.internal.ConflictNode;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.FunctionName.Builtin;
import dev.belay.dsl.internal.Identifiers;
import dev.belay.dsl.internal.InsertNode;
import dev.belay.dsl.internal.JoinKind;
import dev.belay.dsl.internal.JoinNode;
import dev.belay.dsl.internal.Operator;
import dev.belay.dsl.internal.ParamKey;
import dev.belay.dsl.internal.QueryNode;
import dev.belay.dsl.internal.RowScope;
import dev.belay.dsl.internal.Rendered;
import dev.belay.dsl.internal.SelectNode;
import dev.belay.dsl.internal.SortSpec;
import dev.belay.dsl.internal.SqlRenderer;
import dev.belay.dsl.internal.WithNode;
import java.lang.invoke.MethodHandle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The statements a bulk insert or upsert sends, built once per table (and conflict action) from its descriptor
 * and the catalog, and rendered by the DSL's renderer. Every column travels as one array parameter, so the SQL
 * text is the same for any number of rows. Which generated values belong to which input row is known by
 * construction, never by the order of RETURNING:
 *
 * <ul>
 *   <li><b>ordered</b> (a one-column key drawn from a sequence that only goes up, the common identity or serial
 *       key): the insert's SELECT is ordered by the input's ordinality, and the keys are drawn in that order, so
 *       they ascend with the input order: by {@code nextval} in the SELECT list, which PostgreSQL evaluates after
 *       ORDER BY (documented under SELECT); or, for an identity key when no row of the chunk brings one, by the
 *       identity itself as the INSERT takes the SELECT's rows one by one, in order (its plan has no node that could
 *       reorder them). The keys RETURNING gives back are matched by sorting them. Rows that bring their own key
 *       match by it.
 *       Not for a table with BEFORE INSERT triggers (see {@link #triggers}), which takes the keyed plan.</li>
 *   <li><b>keyed</b> (another primary key whose values compare exactly in Java): missing keys are drawn first
 *       ({@code SELECT nextval(CAST(? AS "regclass")) FROM generate_series(1, ?)}, or the column's DEFAULT as the
 *       catalog spells it), every row is then inserted with its key, and what RETURNING gives back is matched
 *       to the input rows by key:
 *       <pre>{@code INSERT INTO "users" ("id", "name") OVERRIDING SYSTEM VALUE
 *   SELECT coalesce("belay_rows"."c1", nextval(...)), "belay_rows"."c2"
 *   FROM unnest(CAST(? AS int8[]), CAST(? AS text[])) AS "belay_rows"("c1", "c2")
 *   RETURNING "users"."id", "users"."created_at"}</pre></li>
 *   <li><b>joined</b> (no usable key, and every upsert): one statement whose input CTE computes each row's
 *       generated values next to its ordinality, inserts them, and joins what was stored back to the input
 *       (an upsert joins updated rows on the conflict target, and reads skipped ones as they were before).</li>
 *   <li>a single row, or a table with nothing to read back, needs no matching: the keyed statement alone.</li>
 * </ul>
 */
final class BulkPlan<R> {
    static final String ROWS = "belay_rows";
    static final String INPUT = "belay_input";
    static final String WRITTEN = "belay_written";
    static final String ORD = "belay_ord";
    static final String INSERTED = "belay_inserted";
    /** The inserted rows of an upsert, joined back by their drawn keys. */
    static final String NEW = "belay_new";
    /** How many rows an upsert wrote, next to each row when a trigger may leave one that joins no input row. */
    static final String WRITTEN_COUNT = "belay_written_count";
    /** The table as it was before the statement, in a partitioned table's RETURNING. */
    private static final String BEFORE = "belay_before";
    private static final PgType<String> REGCLASS = PgType.custom("regclass", String.class);
    private static final PgType<Long> OID = PgType.custom("oid", Long.class);
    /** Key types whose values PostgreSQL returns exactly as Java sent them, so Java can match on them. */
    private static final Set<Class<?>> EXACT_KEYS = Set.of(Long.class, Integer.class, Short.class, String.class,
            UUID.class, Boolean.class, LocalDate.class);

    /** One rendered statement and how its placeholders are filled. */
    static final class Stmt {
        final String sql;
        final List<Expr> slots;
        /** Per placeholder: the sent column whose array it takes; {@link #CONSTANT}; or {@link #COUNT}. */
        final int[] arrays;
        /** The Java-side columns its result rows carry after any ordinality/flag columns. */
        final List<Column<?, ?>> results;
        /** Where each of the plan's returned columns stands in {@link #results}; set by the plan. */
        int[] returnedAt = new int[0];
        private volatile @Nullable ReadPlan reads;

        static final int CONSTANT = -1;
        static final int COUNT = -2;

        Stmt(Rendered rendered, Map<ParamKey, Integer> arrayKeys, @Nullable ParamKey count, List<Column<?, ?>> results) {
            this.sql = rendered.sql();
            this.slots = rendered.slots();
            this.results = results;
            this.arrays = new int[slots.size()];
            for (int s = 0; s < slots.size(); s++) {
                Expr slot = slots.get(s);
                if (slot instanceof Expr.Slot k) {
                    Integer column = arrayKeys.get(k.key());
                    arrays[s] = k.key() == count ? COUNT : column == null ? Integer.MIN_VALUE : column;
                } else {
                    arrays[s] = CONSTANT;
                }
            }
        }

        /** The result's readers, built for its columns and rebuilt when they change. */
        Reader[] readers(java.sql.ResultSet rs, java.sql.Connection c, Function<String[], Reader[]> build)
                throws java.sql.SQLException {
            java.sql.ResultSetMetaData md = rs.getMetaData();
            ReadPlan known = reads;
            if (known == null || !known.columns.sameAs(md)) {
                ResultColumns columns = ResultColumns.of(md);
                known = new ReadPlan(columns, build.apply(columns.typeNames(md, c)));
                reads = known;
            }
            return known.readers;
        }
    }

    private record ReadPlan(ResultColumns columns, Reader[] readers) {}

    final Table<R> table;
    final Catalog.TableFacts facts;
    final @Nullable OnConflict<R> conflict;
    /**
     * The enabled BEFORE row triggers that may change or skip the rows written: the table's BEFORE INSERT ones, and
     * for an upsert its BEFORE UPDATE ones too. With any, every column is read back (the stored row is not the row
     * sent) and an upsert always joins back (see {@link #matched}).
     */
    final List<String> triggers;
    /** The columns sent, one array parameter each. */
    final List<Column<R, ?>> sent;
    /** Per sent column: the element type name for {@code createArrayOf} (text for array columns, sent as literals). */
    final String[] elementNames;
    /**
     * Per sent column: the class of the Java array its values are collected in. pgjdbc sends a {@code Long[]},
     * {@code Integer[]}, {@code String[]} (text, varchar) ... in PostgreSQL's binary array format, but an
     * {@code Object[]} as an array literal that it writes as text and the server parses again; Object for the
     * columns whose converted values have no such array class. A class other than Object also says the column has
     * no custom converter, so its converter only checks text (String, for text and varchar) or returns a value of that
     * class unchanged: a bulk write stores such values without calling it.
     */
    final Class<?>[] arrayTypes;
    /** Per sent column: which part of {@link #key} it is, or -1. */
    final int[] keyPart;
    /** Per sent column: checks and converts one value (one element, for an array column). */
    final List<Function<Object, Object>> converters;
    /**
     * Per sent column: the bytes each value took in the binary text array of the last chunk sent, with its length
     * prefix, to size the next one: an array sized too small is copied every time it grows, and a 10,000-row chunk of
     * e-mail addresses grew twice from a guess of 16. Written without a lock: every value is a valid guess.
     */
    final int[] textBytes;
    /**
     * For a record row type, per sent column the index of its component, so a row's values are read with one
     * pass over its accessors; null for other classes, read through {@link Column#valueOf}.
     */
    final int @Nullable [] components;
    /** Per sent column, the value the table's scope pins it to; null when the table pins none. */
    final @Nullable Object @Nullable [] pins;
    /** Per sent column: a generated column whose explicit value PostgreSQL would refuse (GENERATED ALWAYS). */
    final boolean[] refuseExplicit;
    /** What the caller gets back: the generated columns (insert), or every column (upsert). */
    final List<Column<R, ?>> returned;
    /** The primary key, when every part of it is sent; else empty. */
    final List<Column<R, ?>> key;
    /** The key's parts the keys statement draws when a row leaves them null. */
    final List<Column<R, ?>> generatedKey;
    /** Rows can be matched to what RETURNING gives back by their key, in Java. */
    final boolean matchable;
    /** Where each key column stands among the sent columns. */
    final int[] keyInSent;
    /**
     * For a record row type, the component index of each returned column and of every column (for upserts);
     * null for other classes, which are written through setters.
     */
    final int @Nullable [] returnedComponents;
    final int @Nullable [] allComponents;
    /** The key is one column drawn from an ascending sequence: drawn keys ascend with the input order. */
    final boolean ordered;
    /** The insert without ordinality (null for an upsert); RETURNING the key and the returned columns. */
    final @Nullable Stmt plain;
    /** {@link #plain} for an ordered plan when no row brings its key: the key column is drawn, not sent. */
    final @Nullable Stmt plainDrawn;
    /** Draws missing keys; null when no key part is generated or keys cannot be matched. */
    final @Nullable Stmt keys;
    /** The statement that joins results back by ordinality: keyless inserts, and upserts. */
    final Stmt joined;
    /**
     * For an upsert: the first and the last ordinality of a chunk's input rows whose conflict targets the columns
     * store alike ({@link #asStored}), if any; run only after PostgreSQL refused to change one row twice.
     */
    final @Nullable Stmt duplicates;
    /**
     * An insert whose stored rows may differ from the input (a BEFORE INSERT trigger) and cannot be matched to it
     * (the descriptor declares no primary key): BulkWriter refuses more than one row; one row needs no matching.
     */
    final boolean unmatchable;
    /**
     * An upsert that needs no join back (null when it cannot be matched, see {@link #matchedUpsert}): {@code INSERT
     * ... SELECT ... FROM unnest(...) ON CONFLICT ... RETURNING xmax = 0, <columns>}, whose rows are matched to the
     * input in Java by their conflict target, which identifies one input row since duplicates are refused. Null
     * too when a BEFORE row trigger may change a row's target or skip it: the join back shows what happened to each.
     */
    final @Nullable Stmt matched;
    /** {@link #matched} without the generated columns, for chunks where every row leaves them null. */
    final @Nullable Stmt matchedDrawn;
    /** The columns {@link #matched} returns after its flag: every column an update or a default may change. */
    final List<Column<R, ?>> matchedReturned;
    /** Where each conflict target column stands in {@link #matchedReturned}. */
    final int[] targetAt;
    /** For a record row type, the component index of each of {@link #matchedReturned}. */
    final int @Nullable [] matchedComponents;
    private final TypeRegistry types;
    private final Map<List<Column<R, ?>>, MethodHandle[]> setters = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<ParamKey> arrayKeys = new ArrayList<>();
    private final Map<ParamKey, Integer> arrayIndex = new IdentityHashMap<>();

    private BulkPlan(Table<R> table, Catalog.TableFacts facts, @Nullable OnConflict<R> conflict, TypeRegistry types) {
        this.table = table;
        this.facts = facts;
        this.conflict = conflict;
        this.types = types;
        List<String> fire = new ArrayList<>(facts.beforeInsert());
        if (conflict != null) {
            for (String t : facts.beforeUpdate()) {
                if (!fire.contains(t)) {
                    fire.add(t);
                }
            }
        }
        this.triggers = List.copyOf(fire);
        List<Column<R, ?>> send = new ArrayList<>();
        List<Column<R, ?>> back = new ArrayList<>();
        for (Column<R, ?> c : table.columns()) {
            Catalog.ColumnFacts f = facts.column(c.name());
            if (!f.stored()) {
                send.add(c);
            }
            RowScope scope = table.rowScope();
            if (!triggers.isEmpty() || c.isGenerated() || f.stored() || conflict != null
                    || scope != null && scope.pinnedValue(c.name()) != null) {
                back.add(c);
            }
        }
        this.sent = List.copyOf(send);
        this.pins = ScopedRows.pins(table, sent);
        this.returned = List.copyOf(back);
        int n = sent.size();
        this.elementNames = new String[n];
        this.arrayTypes = new Class<?>[n];
        this.refuseExplicit = new boolean[n];
        this.textBytes = new int[n];
        List<Function<Object, Object>> convert = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Column<R, ?> c = sent.get(i);
            boolean isArray = c.type().kind() == PgType.Kind.ARRAY;
            PgType<?> element = isArray ? c.type().elementType() : c.type();
            convert.add(Binders.element(element == null ? PgType.TEXT : element, types));
            PgType<?> carried = isArray || asText(c) ? PgType.TEXT : c.type();
            elementNames[i] = carried.sqlName();
            arrayTypes[i] = isArray || asText(c) || types.converter(c.type().javaType()) != null ? Object.class
                    : binaryArrayType(carried);
            ParamKey k = new ParamKey(c.name(), PgType.arrayOf(carried));
            arrayKeys.add(k);
            arrayIndex.put(k, i);
        }
        this.converters = List.copyOf(convert);
        this.components = componentIndexes(table, sent);
        List<Column<R, ?>> pk = table.primaryKey();
        this.key = !pk.isEmpty() && sent.containsAll(pk) ? pk : List.of();
        List<Column<R, ?>> drawn = new ArrayList<>();
        boolean exact = !key.isEmpty();
        for (Column<R, ?> c : key) {
            Catalog.ColumnFacts f = facts.column(c.name());
            exact &= EXACT_KEYS.contains(c.type().javaType()) && types.converter(c.type().javaType()) == null
                    && !f.typeName().equals("bpchar");
            if (c.isGenerated()) {
                drawn.add(c);
                exact &= f.sequence() != null || f.defaultSql() != null;
            }
        }
        this.generatedKey = List.copyOf(drawn);
        this.matchable = exact;
        this.keyInSent = new int[key.size()];
        this.keyPart = new int[n];
        java.util.Arrays.fill(keyPart, -1);
        for (int p = 0; p < keyInSent.length; p++) {
            keyInSent[p] = sent.indexOf(key.get(p));
            keyPart[keyInSent[p]] = p;
        }
        this.returnedComponents = componentsOf(table, returned);
        this.allComponents = componentsOf(table, table.columns());
        Catalog.ColumnFacts keyFacts = key.size() == 1 ? facts.column(key.get(0).name()) : null;
        // a BEFORE INSERT trigger may change the key it drew, and then sorted keys no longer follow the input order:
        // such a table draws its keys first (keyed), so a changed key is a key no input row has, which fails loudly
        this.ordered = exact && triggers.isEmpty() && keyFacts != null && key.get(0).isGenerated()
                && keyFacts.sequence() != null && keyFacts.ascending() && key.get(0).type().kind() == PgType.Kind.NUMERIC;
        Expr[] fills = new Expr[n];
        for (int i = 0; i < n; i++) {
            Column<R, ?> c = sent.get(i);
            Expr given = new Expr.ColumnRef(ROWS, alias(i));
            if (c.type().kind() == PgType.Kind.ARRAY || asText(c)) {
                given = new Expr.Cast(given, c.type()); // array and composite columns travel as their literals
            }
            fills[i] = fill(c, facts.column(c.name()), given, i);
        }
        if (conflict == null) {
            List<Column<?, ?>> plainResults = new ArrayList<>();
            if (!returned.isEmpty()) {
                plainResults.addAll(matchable ? key : List.of());
                for (Column<R, ?> c : returned) {
                    if (!plainResults.contains(c)) {
                        plainResults.add(c);
                    }
                }
            }
            this.plain = new Stmt(SqlRenderer.render(plainInsert(fills, plainResults, -1), SqlRenderer.Style.JDBC),
                    arrayIndex, null, List.copyOf(plainResults));
            if (ordered) {
                // when no row of a chunk brings its own key, the key column's array (all NULL) is not sent at all
                int k = sent.indexOf(key.get(0));
                Expr[] drawnFills = fills.clone();
                Catalog.ColumnFacts keyColumn = facts.column(key.get(0).name());
                drawnFills[k] = keyColumn.isIdentity() ? null : generate(keyColumn);
                this.plainDrawn = new Stmt(SqlRenderer.render(plainInsert(drawnFills, plainResults, k),
                        SqlRenderer.Style.JDBC), arrayIndex, null, List.copyOf(plainResults));
            } else {
                this.plainDrawn = null;
            }
            this.keys = matchable && !ordered && !generatedKey.isEmpty() ? keysStatement() : null;
        } else {
            this.plain = null;
            this.plainDrawn = null;
            this.keys = null;
        }
        this.unmatchable = conflict == null && key.isEmpty() && !triggers.isEmpty();
        this.joined = joinedStatement(fills);
        this.duplicates = conflict == null || conflict.target().isEmpty() ? null : duplicatesStatement(conflict);
        if (conflict != null && triggers.isEmpty() && matchedUpsert(conflict)) {
            this.matchedReturned = matchedColumns(conflict);
            this.targetAt = new int[conflict.target().size()];
            for (int p = 0; p < targetAt.length; p++) {
                targetAt[p] = matchedReturned.indexOf(conflict.target().get(p));
            }
            this.matchedComponents = componentsOf(table, matchedReturned);
            this.matched = matchedStatement(fills, conflict, false);
            this.matchedDrawn = generatedSent() ? matchedStatement(fills, conflict, true) : null;
        } else {
            this.matchedReturned = List.of();
            this.targetAt = new int[0];
            this.matchedComponents = null;
            this.matched = null;
            this.matchedDrawn = null;
        }
        for (Stmt stmt : java.util.Arrays.asList(plain, plainDrawn, joined)) {
            if (stmt != null) {
                stmt.returnedAt = new int[returned.size()];
                for (int k = 0; k < returned.size(); k++) {
                    stmt.returnedAt[k] = stmt.results.indexOf(returned.get(k));
                }
            }
        }
    }

    /** The record component of each column, or null when the row type is not a record. */
    private static <R> int @Nullable [] componentsOf(Table<R> table, List<Column<R, ?>> columns) {
        if (!table.rowType().isRecord()) {
            return null;
        }
        RowClass rc = RowClass.of(table.rowType());
        int[] index = new int[columns.size()];
        for (int k = 0; k < index.length; k++) {
            index[k] = rc.indexOf(columns.get(k).property());
            if (index[k] < 0) {
                throw new MappingException(table.rowType().getName() + " has no component " + columns.get(k).property()
                        + " for column " + columns.get(k), null, ErrorContext.NONE.column(columns.get(k).name()));
            }
        }
        return index;
    }

    static <R> BulkPlan<R> of(Table<R> table, Catalog.TableFacts facts, @Nullable OnConflict<R> conflict,
                              TypeRegistry types) {
        BulkPlan<R> plan = new BulkPlan<>(table, facts, conflict, types);
        for (int s = 0; s < plan.joined.arrays.length; s++) {
            if (plan.joined.arrays[s] == Integer.MIN_VALUE) {
                throw new IllegalArgumentException("upsert into " + table + ": the conflict clause uses the parameter "
                        + plan.joined.slots.get(s) + "; bulk upserts take values in their conditions, not param(...) "
                        + "slots");
            }
        }
        return plan;
    }

    private static <R> int @Nullable [] componentIndexes(Table<R> table, List<Column<R, ?>> sent) {
        if (!table.rowType().isRecord()) {
            return null;
        }
        RowClass rc = RowClass.of(table.rowType());
        int[] index = new int[sent.size()];
        for (int k = 0; k < index.length; k++) {
            index[k] = rc.indexOf(sent.get(k).property());
            if (index[k] < 0) {
                return null; // let Column.valueOf say which property is missing
            }
        }
        return index;
    }

    private static String alias(int i) {
        return "c" + (i + 1);
    }

    /** The value a sent column gets: the row's own, or for a null in a generated column, its default. */
    private Expr fill(Column<R, ?> c, Catalog.ColumnFacts f, Expr given, int i) {
        if (!c.isGenerated()) {
            return given;
        }
        Expr generate = generate(f);
        refuseExplicit[i] = f.identityAlways();
        return generate == null ? given : Expr.Func.of(Builtin.COALESCE, given, generate);
    }

    /**
     * A column's next default value: its sequence's nextval, or its DEFAULT expression; null when it has none. The
     * sequence travels as its OID: an oid becomes a regclass without a catalog lookup, where a name would be
     * looked up again for every row once PostgreSQL plans the statement generically.
     */
    private static @Nullable Expr generate(Catalog.ColumnFacts f) {
        if (f.sequence() != null) {
            return Expr.Func.of(Builtin.NEXTVAL,
                    new Expr.Cast(new Expr.Cast(new Expr.Bind(f.sequence(), PgType.INT8), OID), REGCLASS));
        }
        return f.defaultSql() != null ? new Expr.ServerSql(f.defaultSql()) : null;
    }

    private FromItem unnest(boolean withOrdinality) {
        return unnest(withOrdinality, -1);
    }

    /** The column arrays, without the one at {@code skip} (-1 for none). */
    private FromItem unnest(boolean withOrdinality, int skip) {
        boolean[] skipped = new boolean[arrayKeys.size()];
        if (skip >= 0) {
            skipped[skip] = true;
        }
        return unnest(withOrdinality, skipped);
    }

    /** The column arrays, without those {@code skip} marks. */
    private FromItem unnest(boolean withOrdinality, boolean[] skip) {
        List<Expr> args = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < arrayKeys.size(); i++) {
            if (skip[i]) {
                continue;
            }
            ParamKey k = arrayKeys.get(i);
            args.add(new Expr.Cast(new Expr.Slot(k), k.type()));
            columns.add(alias(i));
        }
        if (withOrdinality) {
            columns.add(ORD);
        }
        return new FromItem.FunctionItem(Expr.Func.of(Builtin.UNNEST, args),
                withOrdinality, ROWS, List.copyOf(columns));
    }

    private List<String> sentNames() {
        List<String> names = new ArrayList<>();
        for (Column<R, ?> c : sent) {
            names.add(c.name());
        }
        return List.copyOf(names);
    }

    private List<Expr> qualified(List<? extends Column<?, ?>> columns) {
        List<Expr> refs = new ArrayList<>();
        for (Column<?, ?> c : columns) {
            refs.add(new Expr.ColumnRef(table.name(), c.name()));
        }
        return List.copyOf(refs);
    }

    private InsertNode insert(QueryNode source, @Nullable ConflictNode onConflict, List<Expr> returning) {
        return new InsertNode(WithNode.NONE, target(), sentNames(),
                true, new InsertNode.FromQuery(source), onConflict, returning);
    }

    /**
     * The table written and read back, with a scoped table's filter (so an upsert neither updates nor reads back a
     * row outside the scope); its pinned values are filled and checked row by row in BulkWriter instead.
     */
    /**
     * A composite-type column travels as its literal text, cast in the SELECT: unnest would spread an array of
     * composites over several columns (one per attribute), and every column after it would get the wrong values.
     */
    private boolean asText(Column<R, ?> c) {
        return facts.column(c.name()).composite();
    }

    /**
     * Whether RETURNING's row was inserted rather than updated: {@code xmax = 0}. A partitioned table has no system
     * columns to return (PostgreSQL: "cannot retrieve a system column in this context"), so there it is whether no
     * row had the conflict target before the statement, which a subquery in RETURNING sees (it reads the statement's
     * snapshot). That differs from xmax only for a row another session committed during the statement, which the
     * upsert then updated but reports as inserted.
     */
    private Expr inserted(OnConflict<R> onConflict) {
        if (!facts.partitioned() || onConflict.target().isEmpty()) {
            return new Expr.Binary(new Expr.ColumnRef(table.name(), "xmax"), Operator.EQ,
                    new Expr.Constant(0, PgType.INT4));
        }
        List<Expr> same = new ArrayList<>();
        for (Column<R, ?> c : onConflict.target()) {
            same.add(new Expr.Binary(new Expr.ColumnRef(BEFORE, c.name()), Operator.EQ,
                    new Expr.ColumnRef(table.name(), c.name())));
        }
        SelectNode before = SelectNode.of(List.of(new Expr.Constant(1, PgType.INT4)),
                        List.of(new FromItem.TableItem(table.schema(), table.name(), BEFORE)))
                .withWhere(same.size() == 1 ? same.get(0) : new Expr.Logical(Expr.Logical.Op.AND, same));
        return new Expr.Prefix(Expr.Prefix.Op.NOT_EXISTS, new Expr.Subquery(before));
    }

    private FromItem.TableItem target() {
        RowScope scope = table.rowScope();
        return new FromItem.TableItem(table.schema(), table.name(), null, scope == null ? null : scope.filterOnly(),
                false);
    }

    /**
     * The plain insert of the arrays but the one at {@code skip} (-1 for none). A null fill leaves its column out of
     * the insert, to be drawn by its identity as PostgreSQL takes the rows in the SELECT's order: cheaper on the
     * server than {@code nextval(...)} in the SELECT, which checks the sequence's privileges for every row (2 % of a
     * 10,000-row insert), where the identity's own draw does not.
     */
    private QueryNode plainInsert(@Nullable Expr[] fills, List<Column<?, ?>> results, int skip) {
        Filled filled = filled(fills);
        SelectNode source = SelectNode.of(filled.values(), List.of(unnest(ordered, skip)));
        if (ordered) {
            source = source.withOrderBy(List.of(new SortSpec(new Expr.ColumnRef(ROWS, ORD), false, null)));
        }
        // a table has at most one identity column: left out, nothing sent needs OVERRIDING SYSTEM VALUE
        boolean overriding = filled.names().size() == fills.length;
        return new InsertNode(WithNode.NONE, target(), filled.names(), overriding, new InsertNode.FromQuery(source),
                null, qualified(results));
    }

    /** The sent columns an insert names, and the values it gives them. */
    private record Filled(List<String> names, List<Expr> values) {}

    /** The sent columns whose fill is not null, with those fills: a null fill leaves its column to its default. */
    private Filled filled(@Nullable Expr[] fills) {
        List<String> names = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < fills.length; i++) {
            if (fills[i] != null) {
                names.add(sent.get(i).name());
                values.add(fills[i]);
            }
        }
        return new Filled(List.copyOf(names), List.copyOf(values));
    }

    /** {@code SELECT <each generated key part> FROM generate_series(1, ?)}. */
    private Stmt keysStatement() {
        List<Expr> drawn = new ArrayList<>();
        for (Column<R, ?> c : generatedKey) {
            drawn.add(new Expr.Alias(generate(facts.column(c.name())), c.name()));
        }
        ParamKey count = new ParamKey("rows", PgType.INT4);
        FromItem series = new FromItem.FunctionItem(Expr.Func.of(Builtin.GENERATE_SERIES,
                new Expr.Constant(1, PgType.INT4), new Expr.Cast(new Expr.Slot(count), PgType.INT4)), false, "belay_keys",
                List.of("n"));
        return new Stmt(SqlRenderer.render(SelectNode.of(List.copyOf(drawn), List.of(series)), SqlRenderer.Style.JDBC),
                Map.of(), count, List.copyOf(generatedKey));
    }

    private Expr inputColumn(Column<R, ?> c) {
        return new Expr.ColumnRef(INPUT, alias(sent.indexOf(c)));
    }

    /**
     * {@code WITH belay_input AS (SELECT ord, <target> FROM unnest(...)) SELECT min(ord), max(ord) FROM belay_input
     * GROUP BY <target as stored> HAVING count(*) > 1 LIMIT 1}. It reads only the target's arrays' values (no
     * default or sequence is evaluated).
     */
    private Stmt duplicatesStatement(OnConflict<R> onConflict) {
        List<Expr> inputs = new ArrayList<>();
        inputs.add(new Expr.ColumnRef(ROWS, ORD));
        List<Expr> keys = new ArrayList<>();
        for (Column<R, ?> c : onConflict.target()) {
            inputs.add(new Expr.Alias(new Expr.ColumnRef(ROWS, alias(sent.indexOf(c))), alias(sent.indexOf(c))));
            keys.add(asStored(c));
        }
        SelectNode input = SelectNode.of(List.copyOf(inputs), List.of(unnest(true)));
        Expr ord = new Expr.ColumnRef(INPUT, ORD);
        Expr countAll = new Expr.Func(Builtin.COUNT, List.of(), false, true, null, null);
        SelectNode query = SelectNode.of(List.of(Expr.Func.of(Builtin.MIN, ord), Expr.Func.of(Builtin.MAX, ord)),
                        List.of(FromItem.TableItem.query(INPUT)))
                .withGroupBy(List.copyOf(keys))
                .withHaving(new Expr.Binary(countAll, Operator.GT, new Expr.Constant(1, PgType.INT4)))
                .withLimit(new Expr.Constant(1, PgType.INT4))
                .withWith(new WithNode(false, List.of(new WithNode.CteDef(INPUT, List.of(), input))));
        return new Stmt(SqlRenderer.render(query, SqlRenderer.Style.JDBC), arrayIndex, null, List.of());
    }

    /**
     * {@code "q"."a" = "belay_input"."c1" AND ...} over {@code columns}: a stored row against the input row it came
     * from, so each input value is taken as the column stores it ({@link #asStored}).
     */
    private Expr equal(String qualifier, List<Column<R, ?>> columns) {
        List<Expr> parts = new ArrayList<>();
        for (Column<R, ?> c : columns) {
            parts.add(new Expr.Binary(new Expr.ColumnRef(qualifier, c.name()), Operator.EQ, asStored(c)));
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Logical(Expr.Logical.Op.AND, parts);
    }

    /**
     * The input value of {@code c} cast to the column's own type when the two differ: a column with a modifier
     * rounds what it stores ({@code numeric(10,2)} keeps 7.00 of 7.001, {@code timestamp(0)} whole seconds), a
     * {@code real} narrows a {@code float8}, a {@code citext} compares without case; compared as sent, the stored
     * row would not find its input row, which would look skipped. The cast is only compared, never stored: the
     * INSERT has already converted the value by assignment, and refused one the column cannot hold.
     */
    private Expr asStored(Column<R, ?> c) {
        Catalog.ColumnFacts f = facts.column(c.name());
        if (f.typmod() < 0 && f.typeName().equals(c.type().sqlName())) {
            return inputColumn(c);
        }
        return new Expr.ServerSql("CAST(" + Identifiers.quote(INPUT) + "." + Identifiers.quote(alias(sent.indexOf(c)))
                + " AS " + f.sqlType() + ")");
    }

    private Stmt joinedStatement(Expr[] fills) {
        List<Expr> inputs = new ArrayList<>();
        inputs.add(new Expr.ColumnRef(ROWS, ORD));
        for (int i = 0; i < fills.length; i++) {
            inputs.add(new Expr.Alias(fills[i], alias(i)));
        }
        SelectNode input = SelectNode.of(List.copyOf(inputs), List.of(unnest(true)));
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < fills.length; i++) {
            values.add(new Expr.ColumnRef(null, alias(i)));
        }
        SelectNode source = SelectNode.of(List.copyOf(values), List.of(FromItem.TableItem.query(INPUT)));
        QueryNode statement = conflict == null ? joinedInsert(input, source) : joinedUpsert(input, source, conflict);
        List<Column<?, ?>> results = new ArrayList<>(unmatchable ? List.of() : returned);
        if (conflict != null) {
            results.addAll(table.columns());
        }
        return new Stmt(SqlRenderer.render(statement, SqlRenderer.Style.JDBC), arrayIndex, null, List.copyOf(results));
    }

    private QueryNode joinedInsert(SelectNode input, SelectNode source) {
        List<Expr> projection = new ArrayList<>();
        projection.add(new Expr.ColumnRef(INPUT, ORD));
        if (key.isEmpty()) {
            // an unmatchable plan reads nothing back here: BulkWriter never sends it (see unmatchable)
            for (Column<R, ?> c : unmatchable ? List.<Column<R, ?>>of() : returned) {
                if (facts.column(c.name()).stored()) {
                    throw new IllegalArgumentException("insert into " + table + ": column " + c.name() + " is "
                            + "GENERATED ALWAYS AS (...) STORED and the descriptor declares no primary key, so the "
                            + "stored value cannot be matched to its input row; declare the primary key");
                }
                projection.add(inputColumn(c));
            }
            WithNode with = new WithNode(false, List.of(new WithNode.CteDef(INPUT, List.of(), input),
                    new WithNode.CteDef(WRITTEN, List.of(), insert(source, null, List.of()))));
            return SelectNode.of(List.copyOf(projection), List.of(FromItem.TableItem.query(INPUT)))
                    .withWith(with);
        }
        List<Column<R, ?>> back = new ArrayList<>(key);
        for (Column<R, ?> c : returned) {
            if (!back.contains(c)) {
                back.add(c);
            }
        }
        for (Column<R, ?> c : returned) {
            projection.add(new Expr.ColumnRef(WRITTEN, c.name()));
        }
        WithNode with = new WithNode(false, List.of(new WithNode.CteDef(INPUT, List.of(), input),
                new WithNode.CteDef(WRITTEN, List.of(), insert(source, null, qualified(back)))));
        JoinNode join = new JoinNode(JoinKind.INNER, FromItem.TableItem.query(INPUT), equal(WRITTEN, key));
        return SelectNode.of(List.copyOf(projection), List.of(FromItem.TableItem.query(WRITTEN)))
                .withJoins(List.of(join)).withWith(with);
    }

    /**
     * Per input row: its ordinality, whether it was inserted (null: skipped), the row as written, and the row as
     * it was before the statement when skipped.
     */
    private QueryNode joinedUpsert(SelectNode input, SelectNode source, OnConflict<R> onConflict) {
        List<Expr> returning = new ArrayList<>(qualified(table.columns()));
        returning.add(new Expr.Alias(inserted(onConflict), INSERTED));
        List<Column<R, ?>> target = onConflict.target();
        // An input row matches the row it inserted by its drawn key, or the row it updated by the conflict target.
        // Two joins, each on an equality, so PostgreSQL can hash them; one join on a CASE of the two conditions
        // could only be a nested loop, n² for n rows. At most one of them matches: a target cannot be both
        // inserted and updated by one statement, and drawn keys are new.
        boolean drawn = !key.isEmpty();
        Expr written = drawn ? new Expr.Logical(Expr.Logical.Op.AND, List.of(new Expr.Prefix(Expr.Prefix.Op.NOT,
                new Expr.ColumnRef(WRITTEN, INSERTED)), equal(WRITTEN, target))) : equal(WRITTEN, target);
        // the table as it was before the statement, under its own name so that the partial index's predicate
        // (written against the table) applies as it is
        List<Expr> currentIs = new ArrayList<>(List.of(new Expr.Postfix(new Expr.ColumnRef(WRITTEN, INSERTED),
                Expr.Postfix.Op.IS_NULL), equal(table.name(), target)));
        if (drawn) {
            currentIs.add(0, new Expr.Postfix(new Expr.ColumnRef(NEW, INSERTED), Expr.Postfix.Op.IS_NULL));
        }
        if (onConflict.node().targetWhere() != null) {
            currentIs.add(onConflict.node().targetWhere());
        }
        Expr current = new Expr.Logical(Expr.Logical.Op.AND, currentIs);
        List<Expr> projection = new ArrayList<>();
        projection.add(new Expr.ColumnRef(INPUT, ORD));
        projection.add(drawn ? Expr.Func.of(Builtin.COALESCE, new Expr.ColumnRef(NEW, INSERTED),
                new Expr.ColumnRef(WRITTEN, INSERTED)) : new Expr.ColumnRef(WRITTEN, INSERTED));
        for (Column<R, ?> c : table.columns()) {
            projection.add(drawn ? new Expr.Case(List.of(new Expr.ColumnRef(NEW, INSERTED)),
                    List.of(new Expr.ColumnRef(NEW, c.name())), new Expr.ColumnRef(WRITTEN, c.name()))
                    : new Expr.ColumnRef(WRITTEN, c.name()));
        }
        for (Column<R, ?> c : table.columns()) {
            projection.add(new Expr.ColumnRef(table.name(), c.name()));
        }
        if (!triggers.isEmpty()) {
            // a trigger that changes a row's conflict target (or key) leaves a written row that joins no input row,
            // and that input row would look skipped; the count of written rows (computed once) gives it away
            Expr countAll = new Expr.Func(Builtin.COUNT, List.of(), false, true, null, null);
            SelectNode count = SelectNode.of(List.of(countAll), List.of(FromItem.TableItem.query(WRITTEN)));
            projection.add(new Expr.Alias(new Expr.Subquery(count), WRITTEN_COUNT));
        }
        List<JoinNode> joins = new ArrayList<>();
        if (drawn) {
            joins.add(new JoinNode(JoinKind.LEFT, new FromItem.TableItem(null, WRITTEN, NEW, null, true),
                    new Expr.Logical(Expr.Logical.Op.AND, List.of(new Expr.ColumnRef(NEW, INSERTED), equal(NEW, key)))));
        }
        joins.add(new JoinNode(JoinKind.LEFT, FromItem.TableItem.query(WRITTEN), written));
        joins.add(new JoinNode(JoinKind.LEFT, target(), current));
        WithNode with = new WithNode(false, List.of(new WithNode.CteDef(INPUT, List.of(), input),
                new WithNode.CteDef(WRITTEN, List.of(), insert(source, onConflict.node(), List.copyOf(returning)))));
        return SelectNode.of(List.copyOf(projection), List.of(FromItem.TableItem.query(INPUT)))
                .withJoins(joins).withWith(with);
    }

    /** The Java array class pgjdbc encodes in binary for an array of {@code type}, else Object. */
    private static Class<?> binaryArrayType(PgType<?> type) {
        Class<?> java = type.javaType();
        Class<?> binary = switch (type.sqlName()) {
            case "text", "varchar" -> String.class;
            case "int8" -> Long.class;
            case "int4" -> Integer.class;
            case "int2" -> Short.class;
            case "float8" -> Double.class;
            case "float4" -> Float.class;
            case "bool" -> Boolean.class;
            default -> Object.class;
        };
        return binary == java ? binary : Object.class;
    }

    /**
     * Whether an upsert's rows can be matched to the input by their conflict target in Java, without the join back:
     * every conflicting row is then updated (DO UPDATE without WHERE, on a table without a row scope, so none is
     * skipped and every row comes back from RETURNING), no assignment changes a target column to anything but the
     * value it conflicted with, and the stored target value is the value sent, identically: types whose equality
     * is identity (no numeric scale, padded char, converter, or nondeterministic collation that makes different
     * values equal), so the value RETURNING gives back finds its input row with {@code equals}.
     */
    private boolean matchedUpsert(OnConflict<R> onConflict) {
        ConflictNode node = onConflict.node();
        if (node.doNothing() || node.updateWhere() != null || node.constraint() != null || onConflict.target().isEmpty()
                || table.rowScope() != null) {
            return false;
        }
        for (dev.belay.dsl.internal.Assignment a : node.set()) {
            if (node.target().contains(a.column())
                    && !(a.value() instanceof Expr.Excluded e && e.column().equals(a.column()))) {
                return false;
            }
        }
        for (Column<R, ?> c : onConflict.target()) {
            Catalog.ColumnFacts f = facts.column(c.name());
            Class<?> java = c.type().javaType();
            boolean exact = types.converter(java) == null && !f.stored() && switch (f.typeName()) {
                case "text" -> java == String.class && f.deterministic();
                case "varchar" -> java == String.class && f.deterministic() && f.typmod() < 0;
                case "int8" -> java == Long.class;
                case "int4" -> java == Integer.class;
                case "int2" -> java == Short.class;
                case "uuid" -> java == UUID.class;
                default -> false;
            };
            if (!exact) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the matched upsert returns: every column except those an update sets to the value sent ({@code c =
     * EXCLUDED.c}), whose stored value is the input's for an inserted and an updated row alike; the conflict
     * target always, to match on.
     */
    private List<Column<R, ?>> matchedColumns(OnConflict<R> onConflict) {
        Set<String> fromInput = new java.util.HashSet<>();
        for (dev.belay.dsl.internal.Assignment a : onConflict.node().set()) {
            if (a.value() instanceof Expr.Excluded e && e.column().equals(a.column())) {
                fromInput.add(a.column());
            }
        }
        List<Column<R, ?>> back = new ArrayList<>(onConflict.target());
        for (Column<R, ?> c : table.columns()) {
            boolean given = fromInput.contains(c.name()) && sent.contains(c) && !c.isGenerated();
            if (!given && !back.contains(c)) {
                back.add(c);
            }
        }
        return List.copyOf(back);
    }

    /** Some sent column is generated, so a chunk that gives none of them can leave them to their defaults. */
    private boolean generatedSent() {
        for (Column<R, ?> c : sent) {
            if (c.isGenerated()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The matched upsert; {@code drawn}: without the generated sent columns, which then take their defaults as in a
     * hand-written insert that leaves them out (their arrays, all NULL, are not sent).
     */
    private Stmt matchedStatement(Expr[] fills, OnConflict<R> onConflict, boolean drawn) {
        boolean[] skip = new boolean[sent.size()];
        @Nullable Expr[] given = fills.clone();
        for (int i = 0; i < skip.length; i++) {
            skip[i] = drawn && sent.get(i).isGenerated();
            given[i] = skip[i] ? null : fills[i];
        }
        Filled filled = filled(given);
        SelectNode source = SelectNode.of(filled.values(), List.of(unnest(false, skip)));
        List<Expr> returning = new ArrayList<>();
        returning.add(new Expr.Alias(inserted(onConflict), INSERTED));
        returning.addAll(qualified(matchedReturned));
        InsertNode insert = new InsertNode(WithNode.NONE, target(), filled.names(), true,
                new InsertNode.FromQuery(source), onConflict.node(), List.copyOf(returning));
        return new Stmt(SqlRenderer.render(insert, SqlRenderer.Style.JDBC), arrayIndex, null,
                List.copyOf(matchedReturned));
    }

    TypeRegistry types() {
        return types;
    }

    /** Setters of a mutable row class for {@code columns}, found once per list. */
    MethodHandle[] setters(RowClass rc, List<Column<R, ?>> columns) {
        return setters.computeIfAbsent(columns, cols -> {
            MethodHandle[] handles = new MethodHandle[cols.size()];
            for (int k = 0; k < handles.length; k++) {
                Column<R, ?> column = cols.get(k);
                handles[k] = rc.setter(BulkWriter.property(rc, column), new ColumnRef(column.name(),
                        column.type().toString(), rc.simpleName() + "." + column.property()));
            }
            return handles;
        });
    }
}
