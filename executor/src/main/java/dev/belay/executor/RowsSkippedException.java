package dev.belay.executor;

/**
 * A bulk insert ({@code db.insert(table, rows)}, {@code db.insert(row)}) sent rows that the database did not store
 * and did not refuse either: a BEFORE INSERT row trigger that returns NULL skips its row silently. Belay never
 * returns a row that was not stored, so the whole call was rolled back (to a savepoint inside a transaction) and
 * nothing was written. {@link #table()} names the table; the message says how many rows were skipped and which
 * BEFORE INSERT triggers the table has.
 *
 * <pre>{@code
 * try {
 *     db.insert(USER, users);
 * } catch (RowsSkippedException e) {
 *     // e.skipped() rows were dropped by a trigger; filter them out before inserting, or insert without
 *     // reading rows back: db.exec(insertInto(USER).values(users))
 * }
 * }</pre>
 *
 * An upsert does not throw it: a row a trigger skipped comes back as {@link Upserted.Outcome#SKIPPED}.
 */
public final class RowsSkippedException extends BelayException {
    private static final long serialVersionUID = 1L;

    private final int skipped;

    /**
     * Made by Belay's bulk insert; public so that a test or a wrapper can raise the same type:
     * {@code new RowsSkippedException(message, 2, ErrorContext.of(sql).table("users"))}.
     */
    public RowsSkippedException(String message, int skipped, ErrorContext context) {
        super(message, null, context);
        this.skipped = skipped;
    }

    /** How many rows of the statement that found them missing did not come back. */
    public int skipped() {
        return skipped;
    }
}
