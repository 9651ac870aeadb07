package dev.belay.executor;

/**
 * What {@link DBConnection#upsert} did with one input row, and the row as it now is:
 *
 * <pre>{@code
 * List<Upserted<User>> result = db.upsert(users, onConflict(USER.EMAIL).doUpdateSet(USER.NAME));
 * result.get(0).outcome();   // INSERTED, UPDATED or SKIPPED
 * result.get(0).row().id();  // the key, generated or existing
 * }</pre>
 *
 * @param outcome what happened
 * @param row     an inserted row with its generated columns; an updated row as stored after the update; a skipped
 *                row as stored (unchanged), or the input itself when the conflicting row is not visible to this
 *                transaction (inserted concurrently). For a mutable class it is the input instance, updated in place.
 * @param <R>     the row type
 */
public record Upserted<R>(Outcome outcome, R row) {

    /** What an upsert did with one row. */
    public enum Outcome {
        /** No row conflicted: it was inserted. */
        INSERTED,
        /** A row conflicted and was updated. */
        UPDATED,
        /** A row conflicted and was left as it was (DO NOTHING, or the DO UPDATE's WHERE was false). */
        SKIPPED
    }
}
