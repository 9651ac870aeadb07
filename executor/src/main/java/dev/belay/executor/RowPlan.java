package dev.belay.executor;

import static dev.belay.dsl.Sql.and;
import static dev.belay.dsl.Sql.deleteFrom;
import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.Sql.update;

import dev.belay.dsl.Column;
import dev.belay.dsl.Condition;
import dev.belay.dsl.Field;
import dev.belay.dsl.Param;
import dev.belay.dsl.Returning;
import dev.belay.dsl.Row;
import dev.belay.dsl.Select;
import dev.belay.dsl.Sql;
import dev.belay.dsl.Table;
import dev.belay.dsl.UpdateStep;
import dev.belay.dsl.internal.RowScope;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The statements the row helpers run on one table, built with the DSL once per descriptor and kept: every key
 * column (and every updated column) is a {@link Param} slot, so a call only binds values and the SQL text of
 * each statement is rendered once. Plans are cached per row type and descriptor instance, like {@link RowClass};
 * the cache is bounded, so descriptors made per call ({@code USER.as("u")}) cannot make it grow without end.
 *
 * @param <R> the row type
 */
final class RowPlan<R> {
    /** Descriptors kept per row type, and column lists kept per descriptor, before the cache starts over. */
    private static final int MAX_CACHED = 64;

    private static final ClassValue<Map<Table<?>, RowPlan<?>>> PLANS = new ClassValue<>() {
        @Override
        protected Map<Table<?>, RowPlan<?>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** A column and the parameter slot its value is bound to (named after the column, for bind errors). */
    record Slot<R, T>(Column<R, T> column, Param<T> param) {
        static <R, T> Slot<R, T> of(Column<R, T> column) {
            return new Slot<>(column, Sql.param(column.name(), column.type()));
        }

        Condition matches() {
            return column.eq(param);
        }

        UpdateStep<R> assign(UpdateStep<R> step) {
            return step.set(column, param);
        }

        @SuppressWarnings("unchecked") // the value was read from this column or checked against its Java type
        <X> Select<X> bind(Select<X> query, @Nullable Object value) {
            return query.bind(param, (T) value);
        }

        @SuppressWarnings("unchecked") // the value was read from this column or checked against its Java type
        <X> Returning<X> bind(Returning<X> query, @Nullable Object value) {
            return query.bind(param, (T) value);
        }
    }

    /** An UPDATE by key of some columns: the SET slots, then the statement, RETURNING the first key column. */
    record Change<R>(List<Slot<R, ?>> set, Returning<?> query) {}

    /**
     * What refresh writes into a mutable row: the row's columns as a {@link Row} (one per column, in declaration
     * order), and per column the setter (a RowClass setter: a setter method or the field), the column as errors
     * name it, and whether NULL is refused (a NOT NULL column, or a primitive property).
     */
    record Overwrite(Select<Row> query, MethodHandle[] setters, ColumnRef[] refs, boolean[] refuseNull) {}

    final Table<R> table;
    /** The primary key, in declaration order. */
    final List<Slot<R, ?>> key;
    /** {@code SELECT <all columns> FROM t WHERE <key>}. */
    final Select<R> select;
    /** {@code DELETE FROM t WHERE <key> RETURNING <first key column>}. */
    final Returning<?> delete;
    /** Every non-key, non-generated column; null when there is none. */
    private final @Nullable Change<R> updateAll;
    private final Map<List<Column<R, ?>>, Change<R>> updateListed = new ConcurrentHashMap<>();
    private volatile @Nullable Overwrite overwrite;

    private RowPlan(Table<R> table, String call) {
        this.table = table;
        List<Slot<R, ?>> slots = new ArrayList<>();
        for (Column<R, ?> c : table.primaryKey()) {
            slots.add(Slot.of(c));
        }
        if (slots.isEmpty()) {
            throw new IllegalArgumentException(call + ": table " + table + " has no primary key, so its rows cannot be "
                    + "found by key. Declare one in its descriptor with column(\"id\", ...).primaryKey() (on each "
                    + "column of a composite key), or annotate the key component with @Id" + derivedHint(table));
        }
        this.key = List.copyOf(slots);
        this.select = select(table).where(keyCondition());
        this.delete = deleteFrom(table).where(keyCondition()).returning(key.get(0).column());
        List<Column<R, ?>> all = new ArrayList<>();
        for (Column<R, ?> c : table.columns()) {
            if (!c.isPrimaryKey() && !c.isGenerated()) {
                all.add(c);
            }
        }
        this.updateAll = all.isEmpty() ? null : change(all);
    }

    /** For a descriptor Table.of derived: a hand-written one with a key may be what was meant. */
    private static String derivedHint(Table<?> table) {
        boolean derived;
        try {
            derived = Table.of(table.rowType()) == table;
        } catch (IllegalArgumentException e) {
            derived = false;
        }
        return !derived ? "" : " (this descriptor was derived from " + table.rowType().getSimpleName() + " by "
                + "Table.of; to use a descriptor of your own, pass it: update(TABLE, row), delete(TABLE, row), "
                + "refresh(TABLE, row))";
    }

    /**
     * The plan of {@code table}, built on first use.
     *
     * @throws IllegalArgumentException when the table has no primary key
     */
    @SuppressWarnings("unchecked") // plans are stored under the descriptor they were built for
    static <R> RowPlan<R> of(Table<R> table, String call) {
        Objects.requireNonNull(table, "table");
        Map<Table<?>, RowPlan<?>> plans = PLANS.get(table.rowType());
        RowPlan<?> plan = plans.get(table);
        if (plan == null) {
            RowPlan<R> built = new RowPlan<>(table, call);
            if (plans.size() >= MAX_CACHED) {
                plans.clear();
            }
            plan = plans.putIfAbsent(table, built);
            if (plan == null) {
                plan = built;
            }
        }
        return (RowPlan<R>) plan;
    }

    private Condition keyCondition() {
        if (key.size() == 1) {
            return key.get(0).matches();
        }
        Condition[] each = new Condition[key.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = key.get(i).matches();
        }
        return and(each);
    }

    private Change<R> change(List<Column<R, ?>> columns) {
        List<Slot<R, ?>> set = new ArrayList<>();
        UpdateStep<R> step = update(table);
        RowScope scope = table.rowScope();
        for (Column<R, ?> c : columns) {
            if (scope != null && scope.pinnedValue(c.name()) != null) {
                continue; // the row's value is checked against the pinned one, and the column stays as it is
            }
            Slot<R, ?> slot = Slot.of(c);
            set.add(slot);
            step = slot.assign(step);
        }
        return new Change<>(List.copyOf(set), step.where(keyCondition()).returning(key.get(0).column()));
    }

    /** The UPDATE of every non-key, non-generated column. */
    Change<R> updateAll(String call) {
        Change<R> all = updateAll;
        if (all == null) {
            throw new IllegalArgumentException(call + ": every column of " + table + " is part of its primary key or "
                    + "generated, so there is nothing to update");
        }
        return all;
    }

    /**
     * The UPDATE of the listed columns, in the order given.
     *
     * @throws IllegalArgumentException for no column, a key column, a column of another table or one listed twice
     */
    Change<R> updateOf(List<Column<R, ?>> columns, String call) {
        List<Column<R, ?>> list = new ArrayList<>(columns.size());
        List<Column<R, ?>> own = table.columns();
        for (Column<R, ?> c : columns) {
            Objects.requireNonNull(c, () -> call + ": a column is null");
            if (!own.contains(c)) {
                throw new IllegalArgumentException(call + ": " + c + " is not a column of " + table + "; list "
                        + "columns of the descriptor the row is updated through");
            }
            if (c.isPrimaryKey()) {
                throw new IllegalArgumentException(call + ": column " + c + " is part of the primary key of " + table
                        + ", which finds the row, so it cannot be updated through it; change a key with "
                        + "update(table).set(...).where(...)");
            }
            if (list.contains(c)) {
                throw new IllegalArgumentException(call + ": column " + c + " is listed twice");
            }
            list.add(c);
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException(call + ": list at least one column to update, or call update(table, "
                    + "row) for every non-key, non-generated column");
        }
        List<Column<R, ?>> cacheKey = List.copyOf(list);
        Change<R> change = updateListed.get(cacheKey);
        if (change == null) {
            change = change(cacheKey);
            if (updateListed.size() >= MAX_CACHED) {
                updateListed.clear();
            }
            updateListed.put(cacheKey, change);
        }
        return change;
    }

    /** How refresh overwrites a row of this (non-record) row type; built once, on first use. */
    Overwrite overwrite(String call) {
        Overwrite o = overwrite;
        if (o == null) {
            o = buildOverwrite(call);
            overwrite = o;
        }
        return o;
    }

    private Overwrite buildOverwrite(String call) {
        RowClass rc = RowClass.of(table.rowType());
        List<Column<R, ?>> columns = table.columns();
        int n = columns.size();
        MethodHandle[] setters = new MethodHandle[n];
        ColumnRef[] refs = new ColumnRef[n];
        boolean[] refuseNull = new boolean[n];
        for (int i = 0; i < n; i++) {
            Column<R, ?> c = columns.get(i);
            RowClass.Property p = property(rc, c.property());
            if (p == null) {
                throw new IllegalArgumentException(call + ": " + rc.type.getName() + " has no writable property \""
                        + c.property() + "\" for column " + c + ", so it cannot be refreshed in place; add a setter "
                        + "or make the field non-final");
            }
            Class<?> holds = MethodType.methodType(p.type()).wrap().returnType();
            if (!holds.isAssignableFrom(c.type().javaType())) {
                throw new IllegalArgumentException(call + ": column " + c + " holds " + c.type().javaType().getName()
                        + " values, but " + rc.simpleName() + "." + p.name() + " is a " + p.type().getName());
            }
            refs[i] = new ColumnRef(c.name(), c.type().sqlName(), rc.simpleName() + "." + p.name());
            setters[i] = rc.setter(p, refs[i]);
            refuseNull[i] = !c.isNullable() || p.type().isPrimitive();
        }
        Select<Row> query = select(columns.toArray(new Field<?>[0])).from(table).where(keyCondition());
        return new Overwrite(query, setters, refs, refuseNull);
    }

    private static RowClass.@Nullable Property property(RowClass rc, String name) {
        for (RowClass.Property p : rc.properties) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
