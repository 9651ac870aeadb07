package dev.belay.executor;

import java.util.List;

/**
 * What a bulk write says when BEFORE row triggers ({@link BulkPlan#triggers}) changed or skipped rows so that they
 * cannot be returned as stored. Each error means nothing was written: it is thrown inside the call's transaction
 * (or savepoint), which then rolls back.
 */
final class BulkTriggers {
    private BulkTriggers() {}

    /**
     * Rows that were sent but neither stored nor refused: a BEFORE INSERT row trigger that returns NULL skips its row
     * without an error, and a row that was not stored is never returned.
     */
    static RowsSkippedException skipped(BulkPlan<?> plan, String what, int missing, int count, String sql) {
        String cause = plan.triggers.isEmpty()
                ? "a BEFORE INSERT row trigger that returns NULL skips its row like that (or one changed the primary "
                        + "key?); if the table has one, it was added after this DBConnection first wrote to it"
                : "a BEFORE row trigger that returns NULL skips its row like that, and the table has the "
                        + named(plan.triggers);
        return new RowsSkippedException(what + ": " + missing + " of " + count + " rows sent were not stored, and the "
                + "database raised no error: " + cause + ". Nothing was written: the whole call was rolled back"
                + (plan.conflict == null ? ". Leave out the rows the trigger skips, or insert without reading the rows "
                        + "back: db.exec(insertInto(table).values(rows))" : ""),
                missing, ErrorContext.of(sql).table(tableName(plan)));
    }

    /** Several rows of an {@link BulkPlan#unmatchable} insert: refused before anything is sent. */
    static IllegalArgumentException unmatchable(BulkPlan<?> plan, String what) {
        return new IllegalArgumentException(what + ": the table has the BEFORE INSERT row " + named(plan.triggers)
                + ", which may change the rows as they are stored, and the descriptor declares no primary key to tell "
                + "the stored rows apart, so they cannot be returned as stored; nothing was written. Declare the "
                + "primary key (primaryKey() on its columns), insert one row at a time (db.insert(row)), or insert "
                + "without reading the rows back: db.exec(insertInto(table).values(rows))");
    }

    /**
     * An upsert joined back wrote more rows than joined its input rows: a trigger moved a written row's conflict
     * target (or key), so its input row would look skipped although it was written.
     */
    static BelayException unowned(BulkPlan<?> plan, String what, long written, int joinedBack, String sql) {
        return new BelayException(what + ": the database wrote " + written + " rows, but only " + joinedBack + " of "
                + "them have the key or conflict target of an input row: the table's BEFORE row " + named(plan.triggers)
                + " must have changed the conflict target " + (plan.conflict == null ? "" : plan.conflict.target() + " ")
                + "(or the key) of a row, so which input row a written row belongs to is unknown. Nothing was written: "
                + "the whole call was rolled back", null, ErrorContext.of(sql).table(tableName(plan)));
    }

    /** The table as the server names it in errors: {@code users}, {@code app.docs}. */
    private static String tableName(BulkPlan<?> plan) {
        return plan.table.schema() == null ? plan.table.name() : plan.table.schema() + "." + plan.table.name();
    }

    /** {@code trigger "a"}, {@code triggers "a", "b"}. */
    private static String named(List<String> names) {
        StringBuilder b = new StringBuilder(names.size() == 1 ? "trigger " : "triggers ");
        for (String n : names) {
            b.append(b.charAt(b.length() - 1) == ' ' ? "" : ", ").append('"').append(n).append('"');
        }
        return b.toString();
    }
}
