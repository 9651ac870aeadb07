package dev.belay.dsl;

import dev.belay.dsl.internal.Assignment;
import dev.belay.dsl.internal.ConflictNode;
import dev.belay.dsl.internal.Expr;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The conflict target of a bulk upsert, made by {@link Sql#onConflict}; its action comes next:
 *
 * <pre>{@code
 * db.upsert(users, onConflict(USER.EMAIL).doUpdateAllExcept(USER.ID));
 * // INSERT INTO "users" (...) SELECT ... ON CONFLICT ("email") DO UPDATE SET "name" = EXCLUDED."name", ...
 * }</pre>
 *
 * Immutable; each method returns a new value.
 *
 * @param <R> the row type of the table the target's columns belong to
 */
public final class OnConflictTarget<R> {
    private final Table<R> table;
    private final List<Column<R, ?>> target;
    private final @Nullable Expr targetWhere;

    OnConflictTarget(Table<R> table, List<Column<R, ?>> target, @Nullable Expr targetWhere) {
        this.table = table;
        this.target = target;
        this.targetWhere = targetWhere;
    }

    /** Builds a target from columns of one table: {@code onConflict(USER.EMAIL)}. */
    @SafeVarargs
    static <R> OnConflictTarget<R> of(Column<R, ?> first, Column<R, ?>... more) {
        Assignments.requireColumn(() -> "onConflict(...)", first);
        Table<R> table = first.table();
        if (table.alias() != null) {
            throw new IllegalArgumentException("onConflict(...): " + first + " belongs to the aliased table " + table
                    + "; an upsert writes the table itself, so use the descriptor's own columns");
        }
        List<Column<R, ?>> columns = new ArrayList<>();
        columns.add(first);
        for (Column<R, ?> c : more) {
            Assignments.requireColumn(() -> "onConflict(...)", c);
            if (c.table() != table) {
                throw new IllegalArgumentException("onConflict(...): " + c + " is not a column of " + table
                        + " like " + first + "; a conflict target names columns of one table");
            }
            if (columns.contains(c)) {
                throw new IllegalArgumentException("onConflict(...): " + c + " is named twice");
            }
            columns.add(c);
        }
        return new OnConflictTarget<>(table, List.copyOf(columns), null);
    }

    /**
     * The partial unique index's predicate: {@code onConflict(USER.NAME).where(USER.AGE.gt(0))} renders
     * {@code ON CONFLICT ("name") WHERE "users"."age" > ?}. Repeated calls AND together.
     */
    public OnConflictTarget<R> where(Condition indexPredicate) {
        return new OnConflictTarget<>(table, target, Select.andWith(targetWhere, indexPredicate));
    }

    /** {@code ON CONFLICT (...) DO NOTHING}: a row that conflicts is skipped. */
    public OnConflict<R> doNothing() {
        return new OnConflict<>(table, target, node(List.of()).withNothing());
    }

    /**
     * {@code .doUpdateSet(USER.NAME, USER.AGE)} renders {@code DO UPDATE SET "name" = EXCLUDED."name",
     * "age" = EXCLUDED."age"}: the existing row takes the listed columns from the row that conflicted.
     */
    @SafeVarargs
    public final OnConflict<R> doUpdateSet(Column<R, ?>... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException(describe() + ": doUpdateSet() needs at least one column; use "
                    + "doNothing() to skip conflicting rows");
        }
        List<Assignment> set = List.of();
        for (Column<R, ?> c : columns) {
            set = Assignments.add(this::describe, table, set, c, new Expr.Excluded(c.name()));
        }
        return new OnConflict<>(table, target, node(set));
    }

    /**
     * Updates every column the upsert writes (the non-generated ones) from the conflicting row, except
     * {@code columns}, the conflict target and the primary key:
     * {@code onConflict(USER.EMAIL).doUpdateAllExcept(USER.AGE)} renders {@code DO UPDATE SET "name" =
     * EXCLUDED."name"}. Generated columns keep their stored value.
     *
     * @throws IllegalArgumentException when that leaves nothing to update
     */
    @SafeVarargs
    public final OnConflict<R> doUpdateAllExcept(Column<R, ?>... columns) {
        List<String> skip = new ArrayList<>();
        for (Column<R, ?> c : target) {
            skip.add(c.name());
        }
        for (Column<R, ?> c : columns) {
            Assignments.requireColumnOf(this::describe, table, c);
            skip.add(c.name());
        }
        List<Assignment> set = new ArrayList<>();
        for (Column<R, ?> c : table.columns()) {
            if (!c.isPrimaryKey() && !c.isGenerated() && !skip.contains(c.name())) {
                set.add(new Assignment(c.name(), new Expr.Excluded(c.name())));
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException(describe() + ": doUpdateAllExcept leaves no column to update (the "
                    + "target, the primary key, generated and listed columns are skipped); use doNothing()");
        }
        return new OnConflict<>(table, target, node(List.copyOf(set)));
    }

    private ConflictNode node(List<Assignment> set) {
        return new ConflictNode(InsertQuery.names(target), null, targetWhere, false, set, null);
    }

    private String describe() {
        return "upsert into " + table + " on conflict " + InsertQuery.names(target);
    }
}
