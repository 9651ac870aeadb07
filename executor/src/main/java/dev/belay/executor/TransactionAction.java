package dev.belay.executor;

/** A transaction that returns nothing: {@code db.useTransaction(tx -> tx.exec(update))}. */
@FunctionalInterface
public interface TransactionAction {
    void run(DBConnection tx);
}
