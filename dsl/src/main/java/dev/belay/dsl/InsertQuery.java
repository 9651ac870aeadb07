package dev.belay.dsl;

import dev.belay.dsl.internal.AppendList;
import dev.belay.dsl.internal.ConflictNode;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Identifiers;
import dev.belay.dsl.internal.InsertNode;
import dev.belay.dsl.internal.Lists;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT that may still get an ON CONFLICT clause: {@link Insert}, or the typed multi-row forms
 * {@code insertInto(USER).columns(USER.NAME, USER.EMAIL).values(a, b).values(c, d)}.
 *
 * @param <R> the row type of the table inserted into
 * @param <Q> the concrete insert type
 */
public abstract sealed class InsertQuery<R, Q extends InsertQuery<R, Q>> extends DmlQuery<R, Q>
        permits Insert, InsertValues1, InsertValues2, InsertValues3, InsertValues4, InsertValues5, InsertValues6,
        InsertValuesN {
    private final List<Column<R, ?>> columns;

    InsertQuery(Statement statement, Table<R> table, List<Column<R, ?>> columns) {
        super(statement, table);
        this.columns = columns;
    }

    /** The columns this insert writes, in column-list order. */
    public final List<Column<R, ?>> columns() {
        return columns;
    }

    final InsertNode insertNode() {
        return (InsertNode) node();
    }

    final String describe() {
        return "insert into " + table();
    }

    // ---- ON CONFLICT -------------------------------------------------------------------------

    /**
     * {@code .onConflict(USER.EMAIL)} renders {@code ON CONFLICT ("email")}, to be followed by
     * {@code doNothing()}, {@code doUpdateSet(...)}, {@code doUpdateAllExcept(...)} or {@code doUpdate()}.
     * With no columns it is a conflict on any unique index, {@code ON CONFLICT}, which allows only
     * {@code doNothing()}.
     */
    @SafeVarargs
    public final InsertConflict<R> onConflict(Column<R, ?>... target) {
        List<String> names = new ArrayList<>(target.length);
        for (Column<R, ?> c : target) {
            Assignments.requireColumnOf(() -> describe() + " on conflict", table(), c);
            if (names.contains(c.name())) {
                throw new IllegalArgumentException(describe() + ": onConflict names column " + c.name() + " twice");
            }
            names.add(c.name());
        }
        return new InsertConflict<>(this, new ConflictNode(names, null, null, true, List.of(), null));
    }

    /** {@code .onConstraint("users_email_key")} renders {@code ON CONFLICT ON CONSTRAINT "users_email_key"}. */
    public final InsertConflict<R> onConstraint(String constraintName) {
        String name = Identifiers.check(constraintName, "constraint name");
        return new InsertConflict<>(this, new ConflictNode(List.of(), name, null, true, List.of(), null));
    }

    /** This insert with the conflict clause; no more rows or columns can follow it. */
    final Insert<R> withConflict(ConflictNode conflict) {
        check();
        return new Insert<>(statement().withNode(insertNode().withConflict(conflict)), table(), columns, false);
    }

    // ---- rows --------------------------------------------------------------------------------

    /** The statement with one more VALUES row, each value checked against its column. */
    final Statement withRow(@Nullable Object... values) {
        InsertNode node = insertNode();
        if (!(node.source() instanceof InsertNode.Values v)) {
            throw new IllegalStateException(describe() + ": values(...) cannot follow select(...)");
        }
        List<Expr> row = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            row.add(Assignments.insertValue(this::describe, table(), columns.get(i), values[i]));
        }
        // an AppendList extends the rows in place of copying them: values(..).values(..)... stays linear
        AppendList<List<Expr>> rows = AppendList.<List<Expr>>of(v.rows()).append(List.copyOf(row));
        return statement().withNode(node.withSource(node.columns(), new InsertNode.Values(rows)));
    }

    /** {@code INSERT INTO t (columns) SELECT ...}, checking the query's fields against the columns. */
    final Insert<R> fromSelect(Select<?> query) {
        InsertNode node = insertNode();
        if (!(node.source() instanceof InsertNode.Values v) || !v.rows().isEmpty()) {
            throw new IllegalStateException(describe() + ": select(...) replaces VALUES; it cannot follow values(...)");
        }
        List<Field<?>> fields = query.fields();
        if (fields.size() != columns.size()) {
            throw new IllegalArgumentException(describe() + ": the query selects " + fields.size() + " fields but "
                    + columns.size() + " columns are inserted " + names(columns));
        }
        for (int i = 0; i < fields.size(); i++) {
            Column<R, ?> column = columns.get(i);
            if (!fields.get(i).type().equals(column.type())) {
                throw new IllegalArgumentException(describe() + ": column " + column.name() + " is " + column.type()
                        + " but the query's field " + (i + 1) + " (" + fields.get(i) + ") is " + fields.get(i).type());
            }
        }
        InsertNode next = node.withSource(node.columns(), new InsertNode.FromQuery(query.nestedNode("insert ... select")));
        return new Insert<>(statement().withNode(next), table(), columns, false);
    }

    @Override
    void check() {
        if (insertNode().source() instanceof InsertNode.Values v && v.rows().isEmpty()) {
            throw new IllegalStateException(describe() + " " + names(columns) + " has no rows yet: add them with "
                    + "values(...), or give a query with select(...)");
        }
    }

    static List<String> names(List<? extends Column<?, ?>> columns) {
        String[] names = new String[columns.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = columns.get(i).name();
        }
        return Lists.of(names);
    }
}
