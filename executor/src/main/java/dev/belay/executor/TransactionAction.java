package dev.belay.executor;

/** A transaction that returns nothing: {@code db.useTransaction(tx -> tx.exec(update))}. */
@FunctionalInterface
public interface TransactionAction {
    /** The work, on {@code tx}, the handle bound to the transaction; throw to roll back. */
    void run(DBConnection tx);
}
