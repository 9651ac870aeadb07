package dev.belay.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.OnConflict;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.ScopedWrites;
import java.lang.invoke.MethodHandle;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.util.PSQLException;

/**
 * {@link DBConnection#insert} and {@link DBConnection#upsert}: rows sent as one array per column through the
 * statement of a {@link BulkPlan}, in chunks bounded by memory (the same SQL text for every chunk), all in one
 * transaction of their own or one savepoint of the caller's, so the call is all or nothing. A row the server
 * refuses is found again afterwards by bisection, so the error names its index in the input.
 */
final class BulkWriter {
    private BulkWriter() {}

    /** A chunk ends once its values take about this much memory, or at {@link #CHUNK_ROWS} rows. */
    private static final long CHUNK_BYTES = 16L << 20;
    private static final int CHUNK_ROWS = 50_000;

    static <R> List<R> insert(Session s, Table<R> table, List<? extends R> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        requireRows(rows, "insert into " + table);
        BulkResult<R> result = write(s, s.engine().mapped(table), null, rows, null);
        return result.backfill(rows);
    }

    static <R> List<Upserted<R>> upsert(Session s, List<? extends R> rows, OnConflict<R> conflict) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Table<R> table = s.engine().mapped(conflict.table());
        requireRows(rows, "upsert into " + table);
        if (table.isScoped()) {
            ScopedWrites.conflict(new FromItem.TableItem(null, table.name(), null, table.rowScope(), false),
                    conflict.node());
        }
        Targets targets = refuseDuplicateKeys(table, rows, conflict);
        BulkResult<R> result = write(s, table, conflict, rows, targets);
        return result.upserted(rows);
    }

    private static void requireRows(List<?> rows, String what) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                throw new IllegalArgumentException(what + ": input row " + i + " is null");
            }
        }
    }

    /**
     * The input rows by conflict key (the value of a one-column target, else the list of its parts), which a matched
     * upsert finds its returned rows by, and the rows with a NULL in the target, which never conflict.
     */
    record Targets(KeyIndex byKey, java.util.BitSet nulls) {
        /** No row from {@code start} to {@code end} has a NULL in the target. */
        boolean complete(int start, int end) {
            int next = nulls.nextSetBit(start);
            return next < 0 || next >= end;
        }
    }

    /**
     * A conflict key as Java compares it: equal values of the column's type compare equal. A {@code byte[]} is
     * wrapped in a buffer, which compares by content as bytea does; an array itself compares by identity.
     */
    private static @Nullable Object keyPart(@Nullable Object v) {
        return v instanceof BigDecimal d ? d.stripTrailingZeros() : v instanceof byte[] b ? ByteBuffer.wrap(b) : v;
    }

    /**
     * PostgreSQL fails a statement that would update one row twice ("cannot affect row a second time"), without
     * saying which input rows collide; refused here, naming both.
     */
    private static <R> Targets refuseDuplicateKeys(Table<R> table, List<? extends R> rows, OnConflict<R> conflict) {
        List<Column<R, ?>> target = conflict.target();
        KeyIndex seen = new KeyIndex(rows.size());
        java.util.BitSet nulls = new java.util.BitSet();
        // a record's target components are read through its accessors, not through Column.valueOf per value
        int[] component = new int[target.size()];
        RowClass rc = table.rowType().isRecord() ? RowClass.of(table.rowType()) : null;
        for (int p = 0; p < component.length && rc != null; p++) {
            component[p] = rc.indexOf(target.get(p).property());
            rc = component[p] < 0 ? null : rc;
        }
        for (int i = 0; i < rows.size(); i++) {
            R row = rows.get(i);
            Object key;
            boolean nullPart;
            if (target.size() == 1) {
                key = keyPart(rc != null ? rc.component(row, component[0]) : target.get(0).valueOf(row));
                nullPart = key == null;
            } else {
                Object[] parts = new Object[target.size()];
                nullPart = false;
                for (int p = 0; p < parts.length; p++) {
                    parts[p] = keyPart(rc != null ? rc.component(row, component[p]) : target.get(p).valueOf(row));
                    nullPart |= parts[p] == null;
                }
                key = Arrays.asList(parts);
            }
            if (nullPart) {
                nulls.set(i);
                if (table.primaryKey().isEmpty()) {
                    throw new BindException("upsert into " + table + ": input row " + i + " has NULL in the conflict "
                            + "target " + conflict.target() + ", so it is always inserted, and without a primary key in "
                            + "the descriptor the inserted row cannot be told apart from others; declare the primary "
                            + "key, or insert such rows with db.insert", null,
                            ErrorContext.NONE.table(table.name()).row(i));
                }
                continue; // NULL never conflicts
            }
            int first = seen.putIfAbsent(key, i);
            if (first >= 0) {
                throw new BindException("upsert into " + table + ": input rows " + first + " and " + i + " have the "
                        + "same conflict key " + conflict.target() + "; PostgreSQL cannot change one row twice in a "
                        + "statement. Merge them before the upsert", null, ErrorContext.NONE.table(table.name()).row(i));
            }
        }
        return new Targets(seen, nulls);
    }

    private static <R> BulkResult<R> write(Session s, Table<R> table, @Nullable OnConflict<R> conflict,
                                           List<? extends R> rows, @Nullable Targets targets) {
        Engine engine = s.engine();
        String what = (conflict == null ? "insert into " : "upsert into ") + table;
        BoundStatement label = new BoundStatement(what, List.of(), List.of(), i -> what, true);
        Chunk last = new Chunk();
        BulkResult<R> written;
        try {
            written = Pipeline.run(s, label, true, c -> {
                BulkPlan<R> p = engine.bulkPlan(c, table, conflict);
                if (p.unmatchable && rows.size() > 1) {
                    throw BulkTriggers.unmatchable(p, what);
                }
                BulkResult<R> result = new BulkResult<>(p, rows.size());
                for (int start = 0; start < rows.size(); start = last.start) {
                    last.start = start;
                    last.start = run(s, c, p, rows, start, result, targets, what);
                }
                return result;
            }, true);
        } catch (BelayException e) {
            if (e.sqlState() == null || e instanceof BindException || Errors.lost(e.sqlState())
                    || e.sqlState().startsWith("40") || e.sqlState().equals("57014")) {
                throw e;
            }
            throw pinpoint(s, table, conflict, rows, last, e, label, what);
        }
        return written;
    }

    /** Where the writing was: the start of the chunk being sent. */
    private static final class Chunk {
        int start;
    }

    /**
     * One chunk's values: converted per column for the arrays, each in an array of the class pgjdbc encodes in
     * binary where there is one ({@link BulkPlan#arrayTypes}), and each row's key as Java sees it.
     */
    private static final class Batch {
        final Object[][] columns;
        final Object[] keys;
        int count;

        Batch(Class<?>[] types, int capacity) {
            columns = new Object[types.length][];
            for (int k = 0; k < types.length; k++) {
                columns[k] = (Object[]) java.lang.reflect.Array.newInstance(types[k], capacity);
            }
            keys = new Object[capacity];
        }

        void put(int column, int row, @Nullable Object value) {
            try {
                columns[column][row] = value;
            } catch (ArrayStoreException e) {
                // a value of another class than the column's type says (raw types, a custom type): sent as text
                columns[column] = Arrays.copyOf(columns[column], columns[column].length, Object[].class);
                columns[column][row] = value;
            }
        }
    }

    /**
     * Sends the rows from {@code start} for as long as the chunk's memory allows; fills {@code values} with each
     * row's returned columns and returns the end of the chunk.
     */
    private static <R> int run(Session s, Connection c, BulkPlan<R> plan, List<? extends R> rows, int start,
                               BulkResult<R> result, @Nullable Targets targets, String what) throws SQLException {
        Batch b = collect(c, plan, rows, start, what);
        boolean match = plan.conflict == null && (plan.returned.isEmpty() || b.count == 1 || plan.matchable);
        if (match) {
            plain(s, c, plan, b, start, result, what);
        } else if (plan.matched != null && targets != null && targets.complete(start, start + b.count)) {
            BulkMatch.upsert(s, c, plan, b.columns, b.count, start, result, targets, what);
        } else {
            joined(s, c, plan, b, start, result, what);
        }
        return start + b.count;
    }

    private static <R> Batch collect(Connection c, BulkPlan<R> plan, List<? extends R> rows, int start, String what)
            throws SQLException {
        int n = plan.sent.size();
        Batch b = new Batch(plan.arrayTypes, Math.min(CHUNK_ROWS, rows.size() - start));
        long bytes = 0;
        int end = start;
        RowClass rc = plan.components == null ? null : RowClass.of(plan.table.rowType());
        Object[] components = rc == null ? null : new Object[rc.properties.size()];
        boolean multiKey = plan.matchable && plan.key.size() > 1;
        while (end < rows.size() && end - start < b.keys.length && bytes < CHUNK_BYTES) {
            R row = rows.get(end);
            int i = end - start;
            if (rc != null) {
                rc.components(row, components);
            }
            Object[] parts = multiKey ? new Object[plan.key.size()] : null;
            for (int k = 0; k < n; k++) {
                Column<R, ?> column = plan.sent.get(k);
                Object v = components == null ? column.valueOf(row) : components[plan.components[k]];
                if (plan.pins != null && plan.pins[k] != null) {
                    v = ScopedRows.value(plan.table, column, plan.pins[k], v, end, what);
                }
                if (plan.matchable && plan.keyPart[k] >= 0) {
                    if (parts == null) {
                        b.keys[i] = v;
                    } else {
                        parts[plan.keyPart[k]] = v;
                    }
                }
                if (v != null) {
                    if (plan.refuseExplicit[k]) {
                        throw refused(what, end, column, "the column is GENERATED ALWAYS AS IDENTITY, so its value "
                                + "comes from the database; leave it null");
                    }
                    v = convert(c, plan, k, v, end, what);
                    bytes += size(v);
                }
                b.put(k, i, v);
            }
            if (parts != null) {
                b.keys[i] = Arrays.asList(parts);
            }
            end++;
        }
        b.count = end - start;
        return b;
    }

    private static <R> Object convert(Connection c, BulkPlan<R> plan, int k, Object v, int row, String what)
            throws SQLException {
        Column<R, ?> column = plan.sent.get(k);
        try {
            return column.type().kind() == PgType.Kind.ARRAY ? literal(c, column, (List<?>) v, plan.converters.get(k))
                    : plan.converters.get(k).apply(v);
        } catch (Refused e) {
            throw refused(what, row, column, e.getMessage());
        } catch (ClassCastException e) {
            throw refused(what, row, column, "a " + v.getClass().getName() + " cannot be sent as " + column.type()
                    + ": " + e.getMessage());
        }
    }

    /** The insert without ordinality; its RETURNING rows are matched to the input by key (or are the one row). */
    private static <R> void plain(Session s, Connection c, BulkPlan<R> plan, Batch b, int start,
                                  BulkResult<R> result, String what) throws SQLException {
        BulkPlan.Stmt stmt = plan.plainDrawn != null && noKeys(b) ? plan.plainDrawn : plan.plain;
        if (plan.keys != null && b.count > 1) {
            drawKeys(s, c, plan, b, what);
        }
        try (PreparedStatement ps = prepare(s, c, stmt, b.columns, b.count, what)) {
            long started = System.nanoTime();
            if (stmt.results.isEmpty()) {
                int written = ps.executeUpdate();
                if (written != b.count) {
                    throw BulkTriggers.skipped(plan, what, b.count - written, b.count, stmt.sql);
                }
            } else {
                try (ResultSet rs = ps.executeQuery()) {
                    Reader[] readers = stmt.readers(rs, c, names -> readers(plan, stmt.results, names, 0));
                    boolean drawing = plan.ordered && b.count > 1;
                    KeyIndex byKey = b.count == 1 || stmt == plan.plainDrawn ? null : KeyIndex.of(b.keys, b.count);
                    Drawn drawn = drawing ? new Drawn(stmt.returnedAt.length, b.count) : null;
                    Object[] row = new Object[readers.length];
                    int seen = 0;
                    while (rs.next()) {
                        for (int k = 0; k < readers.length; k++) {
                            row[k] = readers[k].read(rs, k + 1);
                        }
                        if (drawing && (byKey == null || byKey.get(row[0]) < 0)) {
                            drawn.add(stmt, row, what); // a key the sequence drew: matched by order below
                            continue;
                        }
                        int at = start + (b.count == 1 ? 0 : at(byKey, plan, row, seen, what, stmt.sql));
                        if (result.state[at] != BulkResult.NONE) {
                            throw new BelayException(what + ": two stored rows have the key of input row " + at
                                    + "; nothing was written", null, ErrorContext.of(stmt.sql));
                        }
                        for (int k = 0; k < stmt.returnedAt.length; k++) {
                            result.columns[k][at] = row[stmt.returnedAt[k]];
                        }
                        result.state[at] = BulkResult.WRITTEN;
                        seen++;
                    }
                    if (drawn != null) {
                        seen += drawn.match(b, start, result, what, stmt.sql);
                    }
                    if (seen != b.count) {
                        throw BulkTriggers.skipped(plan, what, b.count - seen, b.count, stmt.sql);
                    }
                }
            }
            s.engine().log.finished(stmt.sql, List.of(b.count + " rows"), started, b.count);
        }
    }

    /**
     * The rows of an ordered insert whose keys the sequence drew, kept per returned column until the result is read.
     * Those keys ascend with the input order, so sorted they belong, in turn, to the rows that left their key null.
     */
    private static final class Drawn {
        private final @Nullable Object[][] columns;
        private final long[] keys;
        private int size;

        Drawn(int width, int capacity) {
            columns = new Object[width][capacity];
            keys = new long[capacity];
        }

        void add(BulkPlan.Stmt stmt, @Nullable Object[] row, String what) {
            if (size == keys.length) {
                throw new BelayException(what + ": the database returned more rows than were sent; nothing was "
                        + "written", null, ErrorContext.of(stmt.sql));
            }
            keys[size] = ((Number) row[0]).longValue();
            for (int k = 0; k < columns.length; k++) {
                columns[k][size] = row[stmt.returnedAt[k]];
            }
            size++;
        }

        <R> int match(Batch b, int start, BulkResult<R> result, String what, String sql) {
            if (size == 0) {
                return 0;
            }
            int[] order = order();
            int next = 0;
            for (int i = 0; i < b.count && next < size; i++) {
                if (b.keys[i] == null) {
                    int j = order[next++];
                    for (int k = 0; k < columns.length; k++) {
                        result.columns[k][start + i] = columns[k][j];
                    }
                    result.state[start + i] = BulkResult.WRITTEN;
                }
            }
            if (next != size) {
                throw new BelayException(what + ": the database returned " + size + " keys it drew, for " + next
                        + " rows without a key; nothing was written", null, ErrorContext.of(sql));
            }
            return next;
        }

        /** The drawn rows by ascending key; RETURNING usually gives them in that order already. */
        private int[] order() {
            boolean ascending = true;
            for (int j = 1; j < size && ascending; j++) {
                ascending = keys[j - 1] < keys[j];
            }
            Integer[] sorted = new Integer[ascending ? 0 : size];
            for (int j = 0; j < sorted.length; j++) {
                sorted[j] = j;
            }
            Arrays.sort(sorted, (x, y) -> Long.compare(keys[x], keys[y]));
            int[] order = new int[size];
            for (int j = 0; j < size; j++) {
                order[j] = ascending ? j : sorted[j];
            }
            return order;
        }
    }

    /** Draws a key for every row that left a generated key part null, in one round trip. */
    private static <R> void drawKeys(Session s, Connection c, BulkPlan<R> plan, Batch b, String what)
            throws SQLException {
        int parts = plan.generatedKey.size();
        int[] column = new int[parts];
        int needed = 0;
        for (int p = 0; p < parts; p++) {
            column[p] = plan.sent.indexOf(plan.generatedKey.get(p));
            int nulls = 0;
            for (int i = 0; i < b.count; i++) {
                nulls += b.columns[column[p]][i] == null ? 1 : 0;
            }
            needed = Math.max(needed, nulls);
        }
        if (needed == 0) {
            return;
        }
        BulkPlan.Stmt stmt = plan.keys;
        try (PreparedStatement ps = c.prepareStatement(stmt.sql)) {
            for (int i = 0; i < stmt.slots.size(); i++) {
                if (stmt.arrays[i] == BulkPlan.Stmt.COUNT) {
                    ps.setInt(i + 1, needed);
                } else {
                    bindConstant(s, c, ps, i, (Expr.Bind) stmt.slots.get(i), what, stmt.sql);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                Reader[] readers = stmt.readers(rs, c, names -> readers(plan, stmt.results, names, 0));
                int[] next = new int[parts];
                while (rs.next()) {
                    for (int p = 0; p < parts; p++) {
                        Object drawn = readers[p].read(rs, p + 1);
                        int k = column[p];
                        while (next[p] < b.count && b.columns[k][next[p]] != null) {
                            next[p]++;
                        }
                        if (next[p] < b.count && drawn != null) {
                            b.put(k, next[p], plan.converters.get(k).apply(drawn));
                            setKeyPart(plan, b, next[p], plan.key.indexOf(plan.generatedKey.get(p)), drawn);
                        }
                    }
                }
            }
        }
    }

    private static <R> void setKeyPart(BulkPlan<R> plan, Batch b, int row, int part, Object value) {
        if (plan.key.size() == 1) {
            b.keys[row] = value;
        } else {
            @SuppressWarnings("unchecked")
            List<Object> parts = (List<Object>) b.keys[row];
            parts.set(part, value);
        }
    }

    private static boolean noKeys(Batch b) {
        for (int i = 0; i < b.count; i++) {
            if (b.keys[i] != null) {
                return false;
            }
        }
        return true;
    }

    /** The input row of a returned row by its key; a key given twice is left to the unique index to refuse. */
    private static <R> int at(@Nullable KeyIndex byKey, BulkPlan<R> plan, Object[] row, int seen, String what,
                              String sql) {
        Object key = plan.key.size() == 1 ? row[0] : Arrays.asList(Arrays.copyOf(row, plan.key.size()));
        int at = byKey == null ? -1 : byKey.find(key, seen);
        if (at < 0) {
            throw new BelayException(what + ": the database returned a row whose key no input row has (a trigger "
                    + "that changes the primary key?); nothing was written", null, ErrorContext.of(sql));
        }
        return at;
    }

    /** The statement that joins the written rows back to the input by ordinality. */
    private static <R> void joined(Session s, Connection c, BulkPlan<R> plan, Batch b, int start,
                                   BulkResult<R> result, String what) throws SQLException {
        BulkPlan.Stmt stmt = plan.joined;
        int n = plan.table.columns().size();
        int firstTarget = plan.conflict == null ? -1 : plan.table.columns().indexOf(plan.conflict.target().get(0));
        // an upsert under BEFORE row triggers also returns how many rows it wrote (BulkPlan.WRITTEN_COUNT), last
        boolean counted = plan.conflict != null && !plan.triggers.isEmpty();
        try (PreparedStatement ps = prepare(s, c, stmt, b.columns, b.count, what)) {
            long started = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
                int flags = plan.conflict == null ? 0 : 1;
                Reader[] readers = stmt.readers(rs, c, names -> readers(plan, stmt.results,
                        counted ? Arrays.copyOf(names, names.length - 1) : names, flags));
                int seen = 0;
                int joinedBack = 0;
                long written = 0;
                while (rs.next()) {
                    long ord = rs.getLong(1);
                    int index = start + (int) ord - 1;
                    if (ord < 1 || ord > b.count || result.state[index] != BulkResult.NONE) {
                        throw new BelayException(what + ": the database returned row " + ord + " of the chunk twice "
                                + "or out of range; nothing was written", null, ErrorContext.of(stmt.sql));
                    }
                    if (plan.conflict == null) {
                        for (int k = 0; k < readers.length; k++) {
                            result.columns[k][index] = readers[k].read(rs, k + 2);
                        }
                        result.state[index] = BulkResult.WRITTEN;
                    } else {
                        // per row: the flag, the row as written (n columns), the row as it was (n columns)
                        Boolean inserted = (Boolean) readers[0].read(rs, 2);
                        int from = inserted != null ? 1 : 1 + n;
                        if (inserted == null && readers[from + firstTarget].read(rs, from + firstTarget + 2) == null) {
                            result.state[index] = BulkResult.SKIPPED_INPUT;
                        } else {
                            for (int k = 0; k < n; k++) {
                                result.columns[k][index] = readers[from + k].read(rs, from + k + 2);
                            }
                            result.state[index] = inserted == null ? BulkResult.SKIPPED_ALL
                                    : inserted ? BulkResult.INSERTED_ALL : BulkResult.UPDATED_ALL;
                        }
                        joinedBack += inserted == null ? 0 : 1;
                        written = counted ? rs.getLong(3 + 2 * n) : written;
                    }
                    seen++;
                }
                if (seen != b.count) {
                    throw BulkTriggers.skipped(plan, what, b.count - seen, b.count, stmt.sql);
                }
                if (written != joinedBack && counted) {
                    throw BulkTriggers.unowned(plan, what, written, joinedBack, stmt.sql);
                }
            }
            s.engine().log.finished(stmt.sql, List.of(b.count + " rows"), started, b.count);
        }
    }

    /** The statement with each column's values (the first {@code count} of each array) and its constants bound. */
    static PreparedStatement prepare(Session s, Connection c, BulkPlan.Stmt stmt, Object[][] columns, int count,
                                     String what) throws SQLException {
        PreparedStatement ps = c.prepareStatement(stmt.sql);
        try {
            if (s.timeoutSeconds() > 0) {
                ps.setQueryTimeout(s.timeoutSeconds());
            }
            for (int i = 0; i < stmt.slots.size(); i++) {
                int k = stmt.arrays[i];
                if (k >= 0) {
                    Object[] items = columns[k].length == count ? columns[k] : Arrays.copyOf(columns[k], count);
                    ps.setArray(i + 1, c.createArrayOf(elementName(stmt, i), items));
                } else {
                    bindConstant(s, c, ps, i, (Expr.Bind) stmt.slots.get(i), what, stmt.sql);
                }
            }
            return ps;
        } catch (Throwable e) {
            ps.close();
            throw e;
        }
    }

    /** The element type name of an array placeholder: its ParamKey's type is the array of it. */
    private static String elementName(BulkPlan.Stmt stmt, int slot) {
        PgType<?> array = ((Expr.Slot) stmt.slots.get(slot)).key().type();
        PgType<?> element = array.elementType();
        return element == null ? "text" : element.sqlName();
    }

    private static void bindConstant(Session s, Connection c, PreparedStatement ps, int i, Expr.Bind b, String what,
                                     String sql) throws SQLException {
        try {
            Binders.of(b.type(), s.engine().config.types()).bind(c, ps, i + 1, b.value());
        } catch (Refused e) {
            throw new BindException(what + ": a value of the conflict clause: " + e.getMessage(), e.getCause(),
                    ErrorContext.of(sql));
        }
    }

    /** An array column's value as its PostgreSQL literal, each element checked as a single value would be. */
    private static String literal(Connection c, Column<?, ?> column, List<?> list, Function<Object, Object> convert)
            throws SQLException {
        PgType<?> element = column.type().elementType();
        Object[] items = new Object[list.size()];
        for (int i = 0; i < items.length; i++) {
            Object item = list.get(i);
            try {
                items[i] = item == null ? null : convert.apply(item);
            } catch (Refused e) {
                throw new Refused("element " + i + ": " + e.getMessage(), e.getCause());
            }
        }
        return c.createArrayOf(element == null ? "text" : element.sqlName(), items).toString();
    }

    private static long size(Object v) {
        if (v instanceof String t) {
            return 40L + 2L * t.length();
        }
        return v instanceof byte[] b ? 40L + b.length : 24L;
    }

    private static BindException refused(String what, int row, Column<?, ?> column, String reason) {
        String name = column.table().name() + "." + column.name();
        return new BindException(what + ": input row " + row + ", column " + name + ": " + reason, null,
                ErrorContext.NONE.table(column.table().name()).column(name).row(row));
    }

    /**
     * Readers for {@code columns}, each reading the Java type of its property, after {@code flags} leading boolean
     * columns (an upsert's "inserted"); {@code typeNames} are the result's column types, ordinality included when
     * the result has one.
     */
    static <R> Reader[] readers(BulkPlan<R> plan, List<Column<?, ?>> columns, String[] typeNames, int flags) {
        RowClass rc = RowClass.of(plan.table.rowType());
        int offset = typeNames.length - columns.size() - flags;
        Reader[] readers = new Reader[flags + columns.size()];
        for (int k = 0; k < flags; k++) {
            readers[k] = Readers.forType(Boolean.class, null, new ColumnRef(BulkPlan.INSERTED, typeNames[offset + k],
                    null), false, plan.types());
        }
        for (int k = 0; k < columns.size(); k++) {
            Column<?, ?> column = columns.get(k);
            RowClass.Property p = property(rc, column);
            readers[flags + k] = Readers.forType(p.type(), p.generic(), new ColumnRef(column.name(),
                    typeNames[offset + flags + k], rc.simpleName() + "." + p.name()), false, plan.types());
        }
        return readers;
    }

    static RowClass.Property property(RowClass rc, Column<?, ?> column) {
        int i = rc.indexOf(column.property());
        if (i < 0) {
            throw new MappingException(rc.type.getName() + " has no property " + column.property() + " for column "
                    + column, null, ErrorContext.NONE.column(column.name()));
        }
        return rc.properties.get(i);
    }

    /**
     * Finds the input row the server refused by bisection, in a transaction (or savepoint) that is rolled back:
     * about 2 log2(n) statements, run only after a failure.
     */
    private static <R> BelayException pinpoint(Session s, Table<R> table, @Nullable OnConflict<R> conflict,
                                               List<? extends R> rows, Chunk chunk, BelayException failure,
                                               BoundStatement label, String what) {
        try {
            Pipeline.run(s, label, true, c -> {
                BulkPlan<R> plan = s.engine().bulkPlan(c, table, conflict);
                bisect(s, c, plan, rows, 0, rows.size(), what);
                throw new NotFound();
            }, true);
        } catch (Found found) {
            return found.error(s, table, rows, what);
        } catch (NotFound | BelayException again) {
            // the failure did not come back alone (a concurrent change, rows that need each other): report it as is
        }
        return failure;
    }

    private static <R> void bisect(Session s, Connection c, BulkPlan<R> plan, List<? extends R> rows, int lo, int hi,
                                   String what) throws SQLException {
        if (hi <= lo) {
            return;
        }
        if (hi - lo == 1) {
            attempt(s, c, plan, rows, lo, hi, what, e -> new Found(lo, e, plan, constrained(c, plan, e)));
            return;
        }
        int mid = (lo + hi) >>> 1;
        boolean firstHalfFails = attempt(s, c, plan, rows, lo, mid, what, null);
        if (firstHalfFails) {
            bisect(s, c, plan, rows, lo, mid, what);
        } else {
            bisect(s, c, plan, rows, mid, hi, what);
        }
    }

    /**
     * Sends rows {@code lo..hi} in a savepoint: kept when they succeed (later rows may need them), rolled back
     * when they fail, which returns true or, for a single row, throws what {@code found} makes of the failure.
     */
    private static <R> boolean attempt(Session s, Connection c, BulkPlan<R> plan, List<? extends R> rows, int lo,
                                       int hi, String what, @Nullable Function<SQLException, Found> found)
            throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            List<? extends R> part = rows.subList(lo, hi);
            BulkResult<R> scratch = new BulkResult<>(plan, part.size());
            for (int start = 0; start < part.size(); ) {
                start = run(s, c, plan, part, start, scratch, null, what);
            }
            c.releaseSavepoint(savepoint);
            return false;
        } catch (SQLException e) {
            c.rollback(savepoint);
            if (found != null) {
                throw found.apply(e);
            }
            return true;
        }
    }

    /** The one column of the constraint a failure names (CHECK, FOREIGN KEY, UNIQUE), from the catalog; else null. */
    private static @Nullable String constrained(Connection c, BulkPlan<?> plan, SQLException e) {
        String constraint = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getConstraint() : null;
        if (constraint == null) {
            return null;
        }
        try {
            return Catalog.constraintColumn(c, plan.table, constraint);
        } catch (SQLException lookup) {
            e.addSuppressed(lookup);
            return null;
        }
    }

    /** Carries the refused row out of the bisection, which is then rolled back. */
    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int row;
        private final transient SQLException cause;
        private final transient BulkPlan<?> plan;
        private final @Nullable String constrained;

        Found(int row, SQLException cause, BulkPlan<?> plan, @Nullable String constrained) {
            super(null, null, false, false);
            this.row = row;
            this.cause = cause;
            this.plan = plan;
            this.constrained = constrained;
        }

        <R> BelayException error(Session s, Table<R> table, List<? extends R> rows, String what) {
            String column = cause instanceof PSQLException p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getColumn() : null;
            if (column == null) {
                column = constrained != null ? constrained : tooLong(table, rows.get(row));
            }
            String named = column == null ? null : table.name() + "." + column;
            String sql = plan.conflict == null && plan.plain != null ? plan.plain.sql : plan.joined.sql;
            BelayException e = Errors.translate(cause, sql, null, s.engine().config.logParameters(),
                    what + ": input row " + row + (named == null ? "" : ", column " + named) + ": ",
                    ctx -> ctx.table(ctx.table() == null ? table.name() : ctx.table()).row(row)
                            .column(named != null ? named : ctx.column()));
            s.engine().log.failed(e, sql, List.of());
            return e;
        }

        /** The first column whose value the column's declared length or precision cannot hold. */
        private <R> @Nullable String tooLong(Table<R> table, R input) {
            for (Column<R, ?> c : table.columns()) {
                Catalog.ColumnFacts f = plan.facts.columns().get(c.name());
                Object v = c.valueOf(input);
                if (f == null || v == null) {
                    continue;
                }
                if (v instanceof String t && f.maxLength() >= 0 && t.codePointCount(0, t.length()) > f.maxLength()) {
                    return c.name();
                }
                if (v instanceof BigDecimal d && f.maxIntegerDigits() >= 0 && d.signum() != 0
                        && d.precision() - d.scale() > f.maxIntegerDigits()) {
                    return c.name();
                }
            }
            return null;
        }
    }

    /** The bisection ended without a single row failing on its own. */
    private static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound() {
            super(null, null, false, false);
        }
    }
}
