package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Where a new outermost transaction goes, by the handle's route and the transaction's options. */
final class RouteTest {

    @Test
    void readOnlyTransactionsGoToAReplicaExceptSerializableOnes() {
        assertSame(Route.PRIMARY, Route.PRIMARY.forTransaction(TxOptions.DEFAULT));
        assertSame(Route.PRIMARY, Route.PRIMARY.forTransaction(TxOptions.repeatableRead()));
        assertSame(Route.REPLICA, Route.PRIMARY.forTransaction(TxOptions.DEFAULT.readOnly(true)));
        assertSame(Route.REPLICA, Route.PRIMARY.forTransaction(TxOptions.repeatableRead().readOnly(true)));
        assertSame(Route.PRIMARY, Route.PRIMARY.forTransaction(TxOptions.serializable().readOnly(true)));
    }

    @Test
    void aReplicaHandleKeepsItsRouteExceptForSerializable() {
        Route after = new Route(true, WalPosition.parse("0/10"), 5);
        assertSame(Route.REPLICA, Route.REPLICA.forTransaction(TxOptions.DEFAULT));
        assertEquals(after, after.forTransaction(TxOptions.DEFAULT), "read-your-writes holds for its transactions");
        assertSame(Route.PRIMARY, after.forTransaction(TxOptions.serializable()));
    }
}
