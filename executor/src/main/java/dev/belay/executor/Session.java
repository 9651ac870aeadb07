package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a handle's statements run: the engine, the transaction the handle belongs to (null for the pool
 * itself), its per-statement timeout in whole seconds (0 for none), and where it borrows a connection outside a
 * transaction (the primary, or a read replica).
 */
record Session(Engine engine, Transactions.@Nullable Tx tx, int timeoutSeconds, Route route) {

    Session(Engine engine, Transactions.@Nullable Tx tx, int timeoutSeconds) {
        this(engine, tx, timeoutSeconds, Route.PRIMARY);
    }

    Session withTimeout(int seconds) {
        return new Session(engine, tx, seconds, route);
    }

    /**
     * The session of a transaction's body. Every statement in it uses the transaction's connection, so the route
     * only chose where that was borrowed; an independent transaction started in the body routes by its own options.
     */
    Session in(Transactions.Tx transaction) {
        return new Session(engine, transaction, timeoutSeconds, Route.PRIMARY);
    }

    Session to(Route where) {
        return new Session(engine, tx, timeoutSeconds, where);
    }
}
