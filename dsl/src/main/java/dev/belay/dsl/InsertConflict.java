package dev.belay.dsl;

import dev.belay.dsl.internal.Assignment;
import dev.belay.dsl.internal.ConflictNode;
import dev.belay.dsl.internal.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * The action of an {@code ON CONFLICT} clause, chosen next:
 *
 * <pre>{@code
 * insertInto(USER).values(users).onConflict(USER.EMAIL).doUpdateSet(USER.NAME, USER.AGE);
 * // INSERT INTO "users" (...) VALUES (...), (...)
 * //   ON CONFLICT ("email") DO UPDATE SET "name" = EXCLUDED."name", "age" = EXCLUDED."age"
 * }</pre>
 *
 * @param <R> the row type of the table inserted into
 */
public final class InsertConflict<R> {
    private final InsertQuery<R, ?> insert;
    private final ConflictNode conflict;

    InsertConflict(InsertQuery<R, ?> insert, ConflictNode conflict) {
        this.insert = insert;
        this.conflict = conflict;
    }

    /**
     * The partial unique index's predicate: {@code .onConflict(USER.NAME).where(USER.AGE.gt(0))} renders
     * {@code ON CONFLICT ("name") WHERE "users"."age" > ?}. Repeated calls AND together.
     */
    public InsertConflict<R> where(Condition indexPredicate) {
        if (conflict.target().isEmpty()) {
            throw new IllegalStateException(insert.describe() + ": where(...) narrows a conflict target's index; "
                    + "name the target columns with onConflict(columns) first");
        }
        return new InsertConflict<>(insert, conflict.withTargetWhere(Select.andWith(conflict.targetWhere(), indexPredicate)));
    }

    /** {@code ON CONFLICT ... DO NOTHING}: a conflicting row is skipped. */
    public Insert<R> doNothing() {
        return insert.withConflict(conflict);
    }

    /**
     * {@code .doUpdateSet(USER.NAME, USER.AGE)} renders {@code DO UPDATE SET "name" = EXCLUDED."name",
     * "age" = EXCLUDED."age"}: the existing row takes the listed columns from the row that conflicted.
     */
    @SafeVarargs
    public final Insert<R> doUpdateSet(Column<R, ?>... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException(insert.describe() + ": doUpdateSet() needs at least one column; "
                    + "use doNothing() to skip conflicting rows");
        }
        List<Assignment> set = List.of();
        for (Column<R, ?> c : columns) {
            set = Assignments.add(() -> insert.describe() + " on conflict", insert.table(), set, c,
                    new Expr.Excluded(c.name()));
        }
        return insert.withConflict(requireTarget("doUpdateSet").withUpdate(set, null));
    }

    /**
     * Updates every column this insert writes from the conflicting row, except {@code columns}, the conflict
     * target and the primary key (name those in {@link #doUpdateSet} to update them anyway):
     * {@code insertInto(USER).values(u).onConflict(USER.EMAIL).doUpdateAllExcept(USER.AGE)} renders
     * {@code ... DO UPDATE SET "name" = EXCLUDED."name"}.
     *
     * @throws IllegalArgumentException when that leaves nothing to update
     */
    @SafeVarargs
    public final Insert<R> doUpdateAllExcept(Column<R, ?>... columns) {
        ConflictNode target = requireTarget("doUpdateAllExcept");
        List<String> skip = new ArrayList<>(conflict.target());
        for (Column<R, ?> c : columns) {
            Assignments.requireColumnOf(() -> insert.describe() + " on conflict", insert.table(), c);
            skip.add(c.name());
        }
        for (Column<R, ?> c : insert.table().primaryKey()) {
            skip.add(c.name());
        }
        List<Assignment> set = new ArrayList<>();
        for (Column<R, ?> c : insert.columns()) {
            if (!skip.contains(c.name())) {
                set.add(new Assignment(c.name(), new Expr.Excluded(c.name())));
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException(insert.describe() + ": doUpdateAllExcept leaves no column to update "
                    + "(inserted " + InsertQuery.names(insert.columns()) + ", skipped the target, the primary key and "
                    + "the listed columns); use doNothing()");
        }
        return insert.withConflict(target.withUpdate(set, null));
    }

    /**
     * {@code DO UPDATE SET ...} with explicit assignments, which may use the conflicting row through
     * {@code excluded(column)}: {@code .doUpdate().set(USER.AGE, excluded(USER.AGE))} renders
     * {@code DO UPDATE SET "age" = EXCLUDED."age"}.
     */
    public InsertDoUpdate<R> doUpdate() {
        ConflictNode update = requireTarget("doUpdate").withUpdate(List.of(), null);
        insert.check();
        return new InsertDoUpdate<>(insert.statement().withNode(insert.insertNode().withConflict(update)),
                insert.table());
    }

    private ConflictNode requireTarget(String action) {
        if (conflict.target().isEmpty() && conflict.constraint() == null) {
            throw new IllegalStateException(insert.describe() + ": " + action + "() needs a conflict target "
                    + "(PostgreSQL allows ON CONFLICT without one only for DO NOTHING); use onConflict(columns) "
                    + "or onConstraint(name)");
        }
        return conflict;
    }
}
