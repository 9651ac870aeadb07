package dev.belay.dsl;

import dev.belay.dsl.internal.ConflictNode;
import java.util.List;

/**
 * What a bulk upsert does with a row that conflicts: made by {@code onConflict(columns)} and an action.
 *
 * <pre>{@code
 * OnConflict<User> byEmail = onConflict(USER.EMAIL).doUpdateSet(USER.NAME).where(USER.NAME.ne(excluded(USER.NAME)));
 * db.upsert(users, byEmail);
 * // ... ON CONFLICT ("email") DO UPDATE SET "name" = EXCLUDED."name" WHERE "users"."name" <> EXCLUDED."name"
 * }</pre>
 *
 * Immutable and reusable across calls and threads.
 *
 * @param <R> the row type of the table
 */
public final class OnConflict<R> {
    private final Table<R> table;
    private final List<Column<R, ?>> target;
    private final ConflictNode node;

    OnConflict(Table<R> table, List<Column<R, ?>> target, ConflictNode node) {
        this.table = table;
        this.target = target;
        this.node = node;
    }

    /**
     * Updates only conflicting rows that pass: {@code .where(USER.AGE.lt(excluded(USER.AGE)))} renders
     * {@code DO UPDATE SET ... WHERE "users"."age" < EXCLUDED."age"}; the others are skipped. Repeated calls AND
     * together.
     */
    public OnConflict<R> where(Condition condition) {
        if (node.doNothing()) {
            throw new IllegalStateException("where(...) narrows DO UPDATE; a DO NOTHING upsert updates nothing");
        }
        return new OnConflict<>(table, target, node.withUpdate(node.set(), Select.andWith(node.updateWhere(), condition)));
    }

    /** The table upserted into. */
    public Table<R> table() {
        return table;
    }

    /** The conflict target's columns, in the order given. */
    public List<Column<R, ?>> target() {
        return target;
    }

    /** True for {@code doNothing()}. */
    public boolean doesNothing() {
        return node.doNothing();
    }

    /** The ON CONFLICT clause as the executor renders it into its bulk statement. */
    @SuppressWarnings("exports") // ConflictNode's package is exported to the executor only
    public ConflictNode node() {
        return node;
    }

    @Override
    public String toString() {
        return "on conflict " + InsertQuery.names(target) + (node.doNothing() ? " do nothing" : " do update");
    }
}
