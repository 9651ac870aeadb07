package dev.belay.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.OnConflict;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.ScopedWrites;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link DBConnection#insert} and {@link DBConnection#upsert}: rows sent as one array per column through the
 * statement of a {@link BulkPlan}, in chunks bounded by memory (the same SQL text for every chunk), all in one
 * transaction of their own or one savepoint of the caller's, so the call is all or nothing. A row the server
 * refuses is found again afterwards by bisection, so the error names its index in the input.
 */
final class BulkWriter {
    private BulkWriter() {}

    static <R> List<R> insert(Session s, Table<R> table, List<? extends R> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        requireRows(rows, "insert into " + table);
        BulkResult<R> result = write(s, s.engine().mapped(table), null, rows, null, null);
        return result.backfill(rows, s.tx());
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
        Object[][] inputs = inputs(table, rows);
        Targets targets = refuseDuplicateKeys(table, rows, inputs, conflict);
        BulkResult<R> result = write(s, table, conflict, rows, inputs, targets);
        return result.upserted(rows, s.tx());
    }

    /** A record row type's input read into one array per component ({@link BulkResult#inputs}); else null. */
    private static @Nullable Object @Nullable [][] inputs(Table<?> table, List<?> rows) {
        return table.rowType().isRecord() ? RowClass.of(table.rowType()).components(rows) : null;
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
    private static <R> Targets refuseDuplicateKeys(Table<R> table, List<? extends R> rows,
                                                   @Nullable Object @Nullable [][] inputs, OnConflict<R> conflict) {
        List<Column<R, ?>> target = conflict.target();
        KeyIndex seen = new KeyIndex(rows.size());
        java.util.BitSet nulls = new java.util.BitSet();
        // a record's target components come from the inputs read already, not from Column.valueOf per value
        Object[][] parts = new Object[target.size()][];
        for (int p = 0; p < parts.length && inputs != null; p++) {
            int component = RowClass.of(table.rowType()).indexOf(target.get(p).property());
            parts[p] = component < 0 ? null : inputs[component];
        }
        for (int i = 0; i < rows.size(); i++) {
            R row = rows.get(i);
            Object key;
            boolean nullPart;
            if (target.size() == 1) {
                key = keyPart(parts[0] != null ? parts[0][i] : target.get(0).valueOf(row));
                nullPart = key == null;
            } else {
                Object[] values = new Object[target.size()];
                nullPart = false;
                for (int p = 0; p < values.length; p++) {
                    values[p] = keyPart(parts[p] != null ? parts[p][i] : target.get(p).valueOf(row));
                    nullPart |= values[p] == null;
                }
                key = Arrays.asList(values);
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
                                           List<? extends R> rows, @Nullable Object @Nullable [][] inputs,
                                           @Nullable Targets targets) {
        Engine engine = s.engine();
        String what = (conflict == null ? "insert into " : "upsert into ") + table;
        BoundStatement label = new BoundStatement(what, List.of(), List.of(), i -> what, true);
        BulkResult<R> written;
        try {
            written = Pipeline.run(s, label, true, c -> {
                BulkPlan<R> p = engine.bulkPlan(c, table, conflict);
                if (p.unmatchable && rows.size() > 1) {
                    throw BulkTriggers.unmatchable(p, what);
                }
                BulkResult<R> result = new BulkResult<>(p, rows.size(), inputs);
                for (int start = 0; start < rows.size(); ) {
                    start = run(s, c, p, rows, start, result, targets, what);
                }
                return result;
            }, true);
        } catch (BelayException e) {
            if (e.sqlState() == null || e instanceof BindException || Errors.lost(e.sqlState())
                    || e.sqlState().startsWith("40") || e.sqlState().equals("57014")) {
                throw e;
            }
            throw BulkPinpoint.pinpoint(s, table, conflict, rows, e, label, what);
        }
        return written;
    }

    /**
     * Sends the rows from {@code start} for as long as the chunk's memory allows; fills {@code values} with each
     * row's returned columns and returns the end of the chunk.
     */
    static <R> int run(Session s, Connection c, BulkPlan<R> plan, List<? extends R> rows, int start,
                       BulkResult<R> result, @Nullable Targets targets, String what) throws SQLException {
        BulkBatch b = BulkBatch.collect(c, plan, rows, start, result, what);
        boolean match = plan.conflict == null && (plan.returned.isEmpty() || b.count == 1 || plan.matchable);
        if (match) {
            BulkPlain.insert(s, c, plan, b, start, result, what);
        } else if (plan.matched != null && targets != null && targets.complete(start, start + b.count)) {
            BulkMatch.upsert(s, c, plan, b, start, result, targets, what);
        } else {
            joined(s, c, plan, b, start, result, what);
        }
        return start + b.count;
    }

    /** The statement that joins the written rows back to the input by ordinality. */
    private static <R> void joined(Session s, Connection c, BulkPlan<R> plan, BulkBatch b, int start,
                                   BulkResult<R> result, String what) throws SQLException {
        BulkPlan.Stmt stmt = plan.joined;
        int n = plan.table.columns().size();
        int firstTarget = plan.conflict == null ? -1 : plan.table.columns().indexOf(plan.conflict.target().get(0));
        // an upsert under BEFORE row triggers also returns how many rows it wrote (BulkPlan.WRITTEN_COUNT), last
        boolean counted = plan.conflict != null && !plan.triggers.isEmpty();
        try (PreparedStatement ps = prepare(s, c, stmt, b, what)) {
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
    static PreparedStatement prepare(Session s, Connection c, BulkPlan.Stmt stmt, BulkBatch b, String what)
            throws SQLException {
        Object[][] columns = b.columns;
        int count = b.count;
        PreparedStatement ps = c.prepareStatement(stmt.sql);
        try {
            int timeout = Pipeline.timeoutSeconds(s);
            if (timeout > 0) {
                ps.setQueryTimeout(timeout);
            }
            for (int i = 0; i < stmt.slots.size(); i++) {
                int k = stmt.arrays[i];
                if (k >= 0 && b.encoded[k] != null && b.encoded[k].count() == count) {
                    ps.setObject(i + 1, b.encoded[k]);
                } else if (k >= 0) {
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

    static void bindConstant(Session s, Connection c, PreparedStatement ps, int i, Expr.Bind b, String what,
                             String sql) throws SQLException {
        try {
            Binders.of(b.type(), s.engine().config.types()).bind(c, ps, i + 1, b.value());
        } catch (Refused e) {
            throw new BindException(what + ": a value of the conflict clause: " + e.getMessage(), e.getCause(),
                    ErrorContext.of(sql));
        }
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

}
