package dev.belay.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.belay.it.StubDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The worst pool a {@code DBConnection.of(dataSource)} may run on: it lends one physical pgjdbc connection
 * again and again, as a proxy whose {@code close()} only counts the return. Nothing is rolled back or reset
 * (autocommit, isolation, read-only, an open transaction), so whatever Belay leaves on the connection is what
 * the next borrower gets.
 */
final class OneConnectionPool extends StubDataSource {
    final Connection physical;
    final AtomicInteger lent = new AtomicInteger();
    final AtomicInteger returned = new AtomicInteger();

    OneConnectionPool(Connection physical) {
        this.physical = physical;
    }

    /** The connection is as the pool lent it and nothing is still borrowed; checked without running SQL on it. */
    void assertAsLent(boolean autoCommit, String after) throws SQLException {
        assertEquals(lent.get(), returned.get(), after + ": every lent connection was returned");
        assertEquals(autoCommit, physical.getAutoCommit(), after + ": autocommit");
        assertEquals(TransactionState.IDLE, physical.unwrap(BaseConnection.class).getTransactionState(),
                after + ": no transaction left open");
        assertFalse(physical.isReadOnly(), after + ": read-only");
    }

    @Override
    public Connection getConnection() {
        lent.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(OneConnectionPool.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (closed.compareAndSet(false, true)) {
                                returned.incrementAndGet();
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed.get();
                        }
                        default -> {
                            if (closed.get()) {
                                throw new SQLException("this connection was returned to the pool");
                            }
                            try {
                                return method.invoke(physical, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

}
