package dev.belay.executor;

/**
 * The work of a transaction, given a {@link DBConnection} bound to the transaction's connection:
 * {@code db.transaction(tx -> tx.exec(insert))}. A thrown exception rolls the transaction back.
 *
 * @param <T> what the transaction returns
 */
@FunctionalInterface
public interface TransactionBody<T> {
    /** The work, on {@code tx}, the handle bound to the transaction; its result is what the transaction returns. */
    T run(DBConnection tx);
}
