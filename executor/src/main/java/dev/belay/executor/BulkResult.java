package dev.belay.executor;

import dev.belay.dsl.Column;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a bulk write's statements returned, kept per column ({@code columns[column][input row]}) rather than as one
 * array per row, and turned into the caller's rows at the end: an insert's generated columns, or per upserted row
 * its outcome and the columns read back for it.
 */
final class BulkResult<R> {
    /** Nothing came back for the row yet. */
    static final byte NONE = 0;
    /** An insert's row: {@link BulkPlan#returned}, in that order. */
    static final byte WRITTEN = 1;
    /** An upsert's row, every column of the table as stored. */
    static final byte INSERTED_ALL = 2;
    static final byte UPDATED_ALL = 3;
    static final byte SKIPPED_ALL = 4;
    /** Skipped, and the row it conflicted with is not visible: the input itself. */
    static final byte SKIPPED_INPUT = 5;
    /** An upsert's row matched by its conflict target: {@link BulkPlan#matchedReturned}, the rest as given. */
    static final byte INSERTED_MATCHED = 6;
    static final byte UPDATED_MATCHED = 7;

    final BulkPlan<R> plan;
    /** Per column of {@link BulkPlan#returned} (insert) or of the table (upsert), per input row. */
    final @Nullable Object[][] columns;
    /** Per input row: one of the constants above. */
    final byte[] state;
    /**
     * For a record row type, per component, each input record's value: the values sent are taken from these, and the
     * records returned are made from these and what came back, so each input record is read once. Null for other
     * classes, whose instances are read through their descriptor's columns and filled in place.
     */
    final @Nullable Object @Nullable [][] inputs;
    /** Whether {@link #inputs} hold every input record's values already, or {@link BulkBatch#collect} reads them. */
    final boolean inputsRead;

    /**
     * The result of writing {@code rows} rows, with the input records' values read already ({@code inputs}), or read
     * chunk by chunk as they are sent (null, for a record row type).
     */
    BulkResult(BulkPlan<R> plan, int rows, @Nullable Object @Nullable [][] inputs) {
        this.plan = plan;
        List<Column<R, ?>> set = plan.conflict == null ? plan.returned : plan.table.columns();
        RowClass rc = RowClass.of(plan.table.rowType());
        this.columns = new Object[set.size()][];
        for (int k = 0; k < set.size(); k++) {
            // of the property's class for a record, see RowClass.construct
            int p = rc.isRecord() ? rc.indexOf(set.get(k).property()) : -1;
            columns[k] = p < 0 ? new Object[rows] : RowClass.arrayOf(rc.properties.get(p).type(), rows);
        }
        this.state = new byte[rows];
        this.inputsRead = inputs != null;
        this.inputs = inputs != null || !rc.isRecord() ? inputs : rc.componentArrays(rows);
    }

    /** The rows the write changed, for the statement listener: all of an insert's, an upsert's inserted and updated. */
    long changed() {
        if (plan.conflict == null) {
            return state.length; // a row a trigger skipped fails the whole insert (RowsSkippedException)
        }
        long changed = 0;
        for (byte s : state) {
            if (s == INSERTED_ALL || s == INSERTED_MATCHED || s == UPDATED_ALL || s == UPDATED_MATCHED) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * The input rows with their generated columns filled in: new records, or the same instances. Inside a
     * transaction ({@code tx}), what is written into an instance is put back if the transaction rolls back.
     */
    List<R> backfill(List<? extends R> rows, Transactions.@Nullable Tx tx) {
        List<R> out = new ArrayList<>(rows.size());
        if (plan.returned.isEmpty()) {
            out.addAll(rows);
            return out;
        }
        Filler filler = new Filler(plan.returned, identity(plan.returned.size()), plan.returnedComponents, tx);
        for (int i = 0; i < rows.size(); i++) {
            out.add(filler.fill(rows.get(i), i));
        }
        return out;
    }

    /** Per input row, its outcome and the row as stored; {@code tx} as for {@link #backfill}. */
    List<Upserted<R>> upserted(List<? extends R> rows, Transactions.@Nullable Tx tx) {
        List<Column<R, ?>> all = plan.table.columns();
        Filler everything = new Filler(all, identity(all.size()), plan.allComponents, tx);
        Filler matched = null;
        List<Upserted<R>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            R row = rows.get(i);
            byte s = state[i];
            Upserted.Outcome outcome = switch (s) {
                case INSERTED_ALL, INSERTED_MATCHED -> Upserted.Outcome.INSERTED;
                case UPDATED_ALL, UPDATED_MATCHED -> Upserted.Outcome.UPDATED;
                case SKIPPED_ALL, SKIPPED_INPUT -> Upserted.Outcome.SKIPPED;
                default -> throw new IllegalStateException("upsert: no result for input row " + i);
            };
            if (s == INSERTED_MATCHED || s == UPDATED_MATCHED) {
                if (matched == null) {
                    matched = new Filler(plan.matchedReturned, inTable(plan.matchedReturned), plan.matchedComponents,
                            tx);
                }
                row = matched.fill(row, i);
            } else if (s != SKIPPED_INPUT) {
                row = everything.fill(row, i);
            }
            out.add(new Upserted<>(outcome, row));
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] at = new int[n];
        for (int k = 0; k < n; k++) {
            at[k] = k;
        }
        return at;
    }

    /** Where each of {@code columns} stands among the table's columns. */
    int[] inTable(List<Column<R, ?>> columns) {
        int[] at = new int[columns.size()];
        for (int k = 0; k < at.length; k++) {
            at[k] = plan.table.columns().indexOf(columns.get(k));
        }
        return at;
    }

    /** Marks a value that could not be read before it was overwritten, so cannot be put back. */
    private static final Object UNREADABLE = new Object();

    /** Sets some columns of a row from {@link #columns}: into a new record, or the same mutable instance. */
    private final class Filler {
        private final List<Column<R, ?>> set;
        private final int[] from;
        private final RowClass rc;
        /**
         * For a record, per component, the array its value is taken from at the row's index: the column that came
         * back, or the input's own values ({@link #inputs}); null for other classes.
         */
        private final @Nullable Object @Nullable [][] sources;
        private @Nullable MethodHandle @Nullable [] setters;
        /** The transaction to tell how to put an instance back, or null outside one. */
        private final Transactions.@Nullable Tx tx;

        Filler(List<Column<R, ?>> set, int[] from, int @Nullable [] components, Transactions.@Nullable Tx tx) {
            this.set = set;
            this.from = from;
            this.tx = tx;
            this.rc = RowClass.of(plan.table.rowType());
            this.sources = rc.isRecord() && components != null && inputs != null ? inputs.clone() : null;
            for (int k = 0; sources != null && k < components.length; k++) {
                sources[components[k]] = columns[from[k]];
            }
        }

        @SuppressWarnings("unchecked")
        R fill(R row, int i) {
            if (sources != null) {
                return (R) rc.construct(sources, i);
            }
            if (setters == null) {
                setters = plan.setters(rc, set);
            }
            if (tx != null) {
                remember(row);
            }
            for (int k = 0; k < setters.length; k++) {
                try {
                    setters[k].invoke(row, columns[from[k]][i]);
                } catch (Throwable e) {
                    throw new MappingException("writing " + rc.simpleName() + "." + set.get(k).property() + " threw "
                            + e, e, ErrorContext.NONE.column(set.get(k).name()));
                }
            }
            return row;
        }

        /** What the instance holds now, put back through the same setters if the transaction rolls back. */
        private void remember(R row) {
            MethodHandle[] writers = java.util.Objects.requireNonNull(setters);
            Object[] before = new Object[writers.length];
            for (int k = 0; k < before.length; k++) {
                try {
                    before[k] = set.get(k).valueOf(row);
                } catch (IllegalArgumentException unreadable) {
                    before[k] = UNREADABLE; // a property with a setter but no getter or field: left as written
                }
            }
            java.util.Objects.requireNonNull(tx).onRollback(() -> {
                for (int k = 0; k < writers.length; k++) {
                    if (before[k] == UNREADABLE) {
                        continue;
                    }
                    try {
                        writers[k].invoke(row, before[k]);
                    } catch (Throwable e) {
                        throw new MappingException("putting back " + rc.simpleName() + "." + set.get(k).property()
                                + " after the rollback threw " + e, e, ErrorContext.NONE.column(set.get(k).name()));
                    }
                }
            });
        }
    }
}
