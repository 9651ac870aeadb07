package dev.belay.executor;

import java.sql.Connection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a handle's work goes when it borrows a connection: the primary, or a read replica, possibly one that
 * has replayed the primary's WAL up to {@code after} (waiting at most {@code waitNanos} for it, else the
 * primary). Inside a transaction the route does not matter any more: every statement uses its connection.
 */
record Route(boolean replica, @Nullable WalPosition after, long waitNanos) {
    static final Route PRIMARY = new Route(false, null, 0);
    static final Route REPLICA = new Route(true, null, 0);

    /**
     * Where a new outermost transaction goes: a read-only one (or any on a replica handle) to a replica, except
     * SERIALIZABLE, which a standby refuses ("cannot use serializable mode in a hot standby"); the rest to the
     * primary.
     */
    Route forTransaction(TxOptions options) {
        if (options.isolation() != null && options.isolation() == Connection.TRANSACTION_SERIALIZABLE) {
            return PRIMARY;
        }
        return replica ? this : options.readOnly() ? REPLICA : PRIMARY;
    }

    /**
     * Refuses, before anything is sent, a statement Belay knows to write, on a handle routed to replicas (outside a
     * transaction; inside one, a read-only transaction's server answers 25006 itself).
     */
    void refuseWrite(BoundStatement st, boolean modifies) {
        if (replica && (modifies || st.modifiesData())) {
            throw new IllegalStateException("this handle reads from read replicas (db.replica()), which refuse writes; "
                    + "run data-modifying statements on the DBConnection itself (the primary)\n  in: " + st.sql());
        }
    }
}
