package dev.belay.dsl;

import dev.belay.dsl.internal.ConflictNode;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.InsertNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT ... ON CONFLICT ... DO UPDATE taking its assignments one by one:
 *
 * <pre>{@code
 * insertInto(USER).values(u).onConflict(USER.EMAIL).doUpdate()
 *     .set(USER.AGE, excluded(USER.AGE)).where(USER.AGE.lt(excluded(USER.AGE)));
 * // ... ON CONFLICT ("email") DO UPDATE SET "age" = EXCLUDED."age" WHERE "users"."age" < EXCLUDED."age"
 * }</pre>
 *
 * It renders only once something is set: a {@code DO UPDATE} with no assignment is refused.
 *
 * @param <R> the row type of the table inserted into
 */
public final class InsertDoUpdate<R> extends DmlQuery<R, InsertDoUpdate<R>> {

    InsertDoUpdate(Statement statement, Table<R> table) {
        super(statement, table);
    }

    private ConflictNode conflict() {
        ConflictNode c = ((InsertNode) node()).conflict();
        assert c != null;
        return c;
    }

    private InsertDoUpdate<R> withConflict(ConflictNode c) {
        return with(statement().withNode(((InsertNode) node()).withConflict(c)));
    }

    private String describe() {
        return "insert into " + table() + " on conflict do update";
    }

    /** {@code .set(USER.NAME, "Bob")} adds {@code "name" = ?}. */
    public <T> InsertDoUpdate<R> set(Column<R, T> column, @Nullable T value) {
        return assign(column, Assignments.value(this::describe, column, value));
    }

    /** {@code .set(USER.AGE, excluded(USER.AGE))} adds {@code "age" = EXCLUDED."age"}. */
    public <T> InsertDoUpdate<R> set(Column<R, T> column, Field<T> value) {
        return assign(column, Assignments.field(this::describe, value));
    }

    /** {@code .setNull(USER.AGE)} adds {@code "age" = NULL} (a typed NULL parameter). */
    public InsertDoUpdate<R> setNull(Column<R, ?> column) {
        return assign(column, Assignments.value(this::describe, column, null));
    }

    private InsertDoUpdate<R> assign(Column<R, ?> column, Expr value) {
        ConflictNode c = conflict();
        return withConflict(c.withUpdate(Assignments.add(this::describe, table(), c.set(), column, value), c.updateWhere()));
    }

    /**
     * Updates only rows that pass: {@code .where(USER.AGE.lt(excluded(USER.AGE)))} renders
     * {@code WHERE "users"."age" < EXCLUDED."age"} after the SET list. Repeated calls AND together.
     */
    public InsertDoUpdate<R> where(Condition condition) {
        ConflictNode c = conflict();
        return withConflict(c.withUpdate(c.set(), Select.andWith(c.updateWhere(), condition)));
    }

    @Override
    void check() {
        if (conflict().set().isEmpty()) {
            throw new IllegalStateException(describe() + " sets nothing: add set(column, value) after doUpdate(), "
                    + "or use doNothing()");
        }
    }

    @Override
    InsertDoUpdate<R> with(Statement next) {
        return new InsertDoUpdate<>(next, table());
    }
}
