package dev.belay.it;

import dev.belay.executor.DBConnection;
import dev.belay.executor.TransactionAction;
import dev.belay.executor.TransactionBody;

/**
 * Work in a transaction that is rolled back afterwards, whatever it did, for tests that check a statement's
 * effect on the shared fixture without keeping it (a whole class's tests can use {@code @BelayTest(rollbackEachTest
 * = true)} instead).
 */
public final class Rollback {
    private Rollback() {}

    /**
     * Runs {@code body} in a transaction that is rolled back afterwards and returns its result:
     * {@code int changed = Rollback.rolledBack(db, tx -> tx.exec(update));}.
     */
    public static <T> T rolledBack(DBConnection db, TransactionBody<T> body) {
        try {
            db.transaction(tx -> {
                throw new Undo(body.run(tx));
            });
        } catch (Undo undo) {
            @SuppressWarnings("unchecked")
            T result = (T) undo.result;
            return result;
        }
        throw new AssertionError("the transaction body neither returned nor threw");
    }

    /** {@link #rolledBack} for work that returns nothing: {@code Rollback.undone(db, tx -> tx.exec(update));}. */
    public static void undone(DBConnection db, TransactionAction body) {
        rolledBack(db, tx -> {
            body.run(tx);
            return null;
        });
    }

    /** Carries a result out of a transaction while making it roll back. */
    private static final class Undo extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Object result;

        Undo(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
