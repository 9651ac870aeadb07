package dev.belay.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.ResultQuery;
import dev.belay.dsl.Returning;
import dev.belay.dsl.Row;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The row helpers of {@link DBConnection}: get, update, delete and refresh one row by its primary key. Each runs
 * one statement of its table's {@link RowPlan} through {@link Pipeline#single}, so an UPDATE or DELETE is atomic
 * and changes exactly one row: none is a {@link RowNotFoundException} (nothing changed), more than one (a key
 * the database does not enforce) is a {@link TooManyRowsException} after the statement was rolled back (to a
 * savepoint inside a transaction). Everything checked here is checked before any SQL is sent.
 */
final class RowOps {
    private RowOps() {}

    /** The descriptor derived from a row's class, for the helpers that take only a row. */
    @SuppressWarnings("unchecked") // Table.of(c) describes rows of class c, and row is one
    static <R> Table<R> tableOf(R row, String call) {
        Objects.requireNonNull(row, "row");
        if (row instanceof Table<?> || row instanceof Column<?, ?>) {
            throw new IllegalArgumentException(call + ": pass a row object, not a descriptor or column");
        }
        if (row instanceof java.util.Collection<?>) {
            throw new IllegalArgumentException(call + " takes one row; for a list of rows use the form that takes "
                    + "the table, e.g. insert(table, rows)");
        }
        return (Table<R>) Table.of(row.getClass());
    }

    /** The table of the listed columns, which must all belong to one descriptor. */
    static <R> Table<R> tableOf(List<Column<R, ?>> columns, String call) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(call + ": list at least one column to update, or call update(row) "
                    + "for every non-key, non-generated column");
        }
        Table<R> table = Objects.requireNonNull(columns.get(0), () -> call + ": a column is null").table();
        for (Column<R, ?> c : columns) {
            if (c != null && c.table() != table) {
                throw new IllegalArgumentException(call + ": the columns belong to two tables, " + table + " and "
                        + c.table() + "; list columns of one descriptor");
            }
        }
        return table;
    }

    static <R> Optional<R> get(Session s, Table<R> table, @Nullable Object @Nullable [] key) {
        String call = "get(table, key)";
        RowPlan<R> plan = RowPlan.of(table, call);
        Select<R> query = bindKey(plan, plan.select, checkKey(plan, key, call));
        List<R> rows = single(s, plan, BoundStatement.of(query, s), query, call, "");
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** UPDATE of every non-key, non-generated column ({@code columns} null) or of the listed ones. */
    static <R> void update(Session s, Table<R> table, R row, @Nullable List<Column<R, ?>> columns, String call) {
        Objects.requireNonNull(row, "row");
        RowPlan<R> plan = RowPlan.of(table, call);
        @Nullable Object[] key = keyOf(plan, row, call);
        RowPlan.Change<R> change = columns == null ? plan.updateAll(call) : plan.updateOf(columns, call);
        List<Column<R, ?>> all = table.columns();
        @Nullable Object[] pins = ScopedRows.pins(table, all);
        for (int k = 0; pins != null && k < pins.length; k++) {
            if (pins[k] != null) {
                ScopedRows.value(table, all.get(k), pins[k], all.get(k).valueOf(row), 0, call);
            }
        }
        Returning<?> query = change.query();
        for (RowPlan.Slot<R, ?> slot : change.set()) {
            Object value = slot.column().valueOf(row);
            if (value == null && !slot.column().isNullable()) {
                throw new IllegalArgumentException(call + ": column " + slot.column() + " is not nullable, but the "
                        + "row's " + slot.column().property() + " is null (mark the column nullable() in the "
                        + "descriptor if the database allows NULL)");
            }
            query = slot.bind(query, value);
        }
        query = bindKey(plan, query, key);
        BoundStatement st = BoundStatement.of(query, s);
        if (single(s, plan, st, query, call, "; nothing was changed").isEmpty()) {
            throw notFound(s, plan, st, key, call, "nothing was changed (a BEFORE UPDATE trigger that returns NULL "
                    + "skips an update the same way)");
        }
    }

    static <R> void delete(Session s, Table<R> table, R row, String call) {
        Objects.requireNonNull(row, "row");
        RowPlan<R> plan = RowPlan.of(table, call);
        deleteByKey(s, plan, keyOf(plan, row, call), call);
    }

    static <R> void delete(Session s, Table<R> table, @Nullable Object @Nullable [] key) {
        String call = "delete(table, key)";
        RowPlan<R> plan = RowPlan.of(table, call);
        deleteByKey(s, plan, checkKey(plan, key, call), call);
    }

    private static void deleteByKey(Session s, RowPlan<?> plan, @Nullable Object[] key, String call) {
        Returning<?> query = bindKey(plan, plan.delete, key);
        BoundStatement st = BoundStatement.of(query, s);
        if (single(s, plan, st, query, call, "; nothing was deleted").isEmpty()) {
            throw notFound(s, plan, st, key, call, "nothing was deleted (a BEFORE DELETE trigger that returns NULL "
                    + "skips a delete the same way)");
        }
    }

    /** Re-reads the row: a record as a new instance, any other class into the same instance through its setters. */
    static <R> R refresh(Session s, Table<R> table, R row, String call) {
        Objects.requireNonNull(row, "row");
        RowPlan<R> plan = RowPlan.of(table, call);
        @Nullable Object[] key = keyOf(plan, row, call);
        if (table.rowType().isRecord()) {
            Select<R> query = bindKey(plan, plan.select, key);
            BoundStatement st = BoundStatement.of(query, s);
            List<R> rows = single(s, plan, st, query, call, "");
            if (rows.isEmpty()) {
                throw notFound(s, plan, st, key, call, "the row cannot be refreshed");
            }
            return rows.get(0);
        }
        RowPlan.Overwrite o = plan.overwrite(call);
        Select<Row> query = bindKey(plan, o.query(), key);
        BoundStatement st = BoundStatement.of(query, s);
        List<Row> rows = single(s, plan, st, query, call, "");
        if (rows.isEmpty()) {
            throw notFound(s, plan, st, key, call, "the row was left as it was");
        }
        overwrite(o, row, rows.get(0));
        return row;
    }

    /** Writes every column of {@code values} into {@code row}; NULLs are checked before anything is written. */
    private static void overwrite(RowPlan.Overwrite o, Object row, Row values) {
        for (int i = 0; i < o.setters().length; i++) {
            if (values.get(i) == null && o.refuseNull()[i]) {
                throw o.refs()[i].error("the value is NULL, but the column is not nullable or the property is a "
                        + "primitive; the row was left as it was", null);
            }
        }
        for (int i = 0; i < o.setters().length; i++) {
            try {
                o.setters()[i].invoke(row, values.get(i));
            } catch (Throwable e) {
                throw o.refs()[i].error("writing it into " + row.getClass().getSimpleName() + " threw " + e, e);
            }
        }
    }

    // ---- keys --------------------------------------------------------------------------------

    /** The key values a caller passed, checked against the key columns' count and exact Java types. */
    private static @Nullable Object[] checkKey(RowPlan<?> plan, @Nullable Object @Nullable [] key, String call) {
        // get(T, null) passes a null array: one null key value
        @Nullable Object[] values = key == null ? new Object[] {null} : key;
        if (values.length != plan.key.size()) {
            throw new IllegalArgumentException(call + ": the primary key of " + plan.table + " is " + describeKey(plan)
                    + ": pass " + plan.key.size() + (plan.key.size() == 1 ? " value" : " values in that order")
                    + ", not " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            Column<?, ?> c = plan.key.get(i).column();
            Object v = values[i];
            if (v == null) {
                throw new IllegalArgumentException(call + ": key value " + (i + 1) + " (for " + c + ") is null; the "
                        + "primary key of " + plan.table + " is " + describeKey(plan));
            }
            Class<?> holds = javaType(c);
            if (!holds.isInstance(v)) {
                String row = plan.table.rowType().isInstance(v) ? " (a row: pass it as the table's row type to use "
                        + "its key, or pass the key values)" : "";
                throw new IllegalArgumentException(call + ": key value " + (i + 1) + " is a " + v.getClass().getName()
                        + row + ", but " + c + " holds " + holds.getSimpleName() + "; the primary key of "
                        + plan.table + " is " + describeKey(plan) + " and values are not converted");
            }
        }
        return values;
    }

    /** The row's key values, each read from its property; none may be null. */
    private static <R> @Nullable Object[] keyOf(RowPlan<R> plan, R row, String call) {
        Object[] values = new Object[plan.key.size()];
        for (int i = 0; i < values.length; i++) {
            Column<R, ?> c = plan.key.get(i).column();
            Object v = c.valueOf(row);
            if (v == null) {
                throw new IllegalArgumentException(call + ": the row's key " + c + " (property " + c.property()
                        + ") is null, so the row cannot be found in " + plan.table + "; insert it first, or read "
                        + "it with its key");
            }
            values[i] = v;
        }
        return values;
    }

    private static <X> Select<X> bindKey(RowPlan<?> plan, Select<X> query, @Nullable Object[] key) {
        Select<X> bound = query;
        for (int i = 0; i < key.length; i++) {
            bound = plan.key.get(i).bind(bound, key[i]);
        }
        return bound;
    }

    private static Returning<?> bindKey(RowPlan<?> plan, Returning<?> query, @Nullable Object[] key) {
        Returning<?> bound = query;
        for (int i = 0; i < key.length; i++) {
            bound = plan.key.get(i).bind(bound, key[i]);
        }
        return bound;
    }

    /** {@code ("order_id" Long, "line_no" Integer)}. */
    private static String describeKey(RowPlan<?> plan) {
        StringBuilder b = new StringBuilder("(");
        for (RowPlan.Slot<?, ?> slot : plan.key) {
            b.append(b.length() > 1 ? ", " : "").append('"').append(slot.column().name()).append("\" ")
                    .append(javaType(slot.column()).getSimpleName());
        }
        return b.append(')').toString();
    }

    private static Class<?> javaType(Column<?, ?> c) {
        Class<?> t = c.type().javaType();
        return t.isPrimitive() ? MethodType.methodType(t).wrap().returnType() : t;
    }

    // ---- running -----------------------------------------------------------------------------

    /**
     * At most one row: a second one means the descriptor's key is not unique in the database; the statement is then
     * rolled back by {@link Pipeline#single} and the error says so.
     */
    private static <T> List<T> single(Session s, RowPlan<?> plan, BoundStatement st, ResultQuery<T> query,
                                      String call, String undone) {
        try {
            return Pipeline.single(s, st, Plans.Target.ofQuery(query), call, true);
        } catch (TooManyRowsException e) {
            throw new TooManyRowsException(call + ": more than one row of " + plan.table + " matches the key "
                    + describeKey(plan) + undone + ". The descriptor's "
                    + "primary key is not unique in the database: declare the PRIMARY KEY (or a UNIQUE constraint) "
                    + "on those columns, or mark the right columns primaryKey() in the descriptor\n  in: " + st.sql(),
                    e, e.context().table(tableName(plan.table)));
        }
    }

    private static RowNotFoundException notFound(Session s, RowPlan<?> plan, BoundStatement st,
                                                 @Nullable Object[] key, String call, String outcome) {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < key.length; i++) {
            String sep = i == 0 ? "" : ", ";
            columns.append(sep).append('"').append(plan.key.get(i).column().name()).append('"');
            values.append(sep).append(key[i]);
        }
        String shown = s.engine().config.logParameters() ? " = (" + values + ")"
                : key.length == 1 ? " (its value is hidden: DBConfig.logParameters(true) shows it)"
                : " (their values are hidden: DBConfig.logParameters(true) shows them)";
        return new RowNotFoundException(call + ": no row of " + plan.table + " has the key (" + columns + ")" + shown
                + "; it may have been deleted, or its key changed. " + capitalized(outcome)
                + "\n  in: " + st.sql(), null, ErrorContext.of(st.sql()).table(tableName(plan.table)));
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The table as the server names it in errors: {@code users}, {@code app.docs}. */
    private static String tableName(Table<?> table) {
        return table.schema() == null ? table.name() : table.schema() + "." + table.name();
    }
}
