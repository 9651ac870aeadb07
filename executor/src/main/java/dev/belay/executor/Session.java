package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a handle's statements run: the engine, the transaction the handle belongs to (null for the pool
 * itself), and its per-statement timeout in whole seconds (0 for none).
 */
record Session(Engine engine, Transactions.@Nullable Tx tx, int timeoutSeconds) {

    Session withTimeout(int seconds) {
        return new Session(engine, tx, seconds);
    }

    Session in(Transactions.Tx transaction) {
        return new Session(engine, transaction, timeoutSeconds);
    }
}
