package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How a pool that cannot start fails: the pool's own failure is stood in for by a settings supplier that throws it. */
class PoolStartTest {
    private static final String URL = "jdbc:postgresql://db.example:5432/app?password=s3cret";

    private static Supplier<HikariConfig> failingWith(String state, AtomicInteger attempts) {
        return () -> {
            attempts.incrementAndGet();
            throw new HikariPool.PoolInitializationException(new SQLException("the server said no", state));
        };
    }

    private static DBConfig attempts(int n) {
        return DBConfig.builder(URL).connectRetry(n, Duration.ofMillis(100)).build();
    }

    @Test
    void aStartCanceledByTheStatementTimeoutIsATimeoutNotALostConnection() {
        AtomicInteger tries = new AtomicInteger();
        DBConfig config = attempts(5);
        QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
                () -> PoolStart.open(failingWith("57014", tries), config, URL));
        assertEquals("57014", e.sqlState());
        assertEquals(1, tries.get(), "a timeout is not the server coming up: it is not retried");
        assertTrue(e.getMessage().contains("statementTimeout, or one set on the role or database, is too short"), e.getMessage());
        assertTrue(e.getMessage().contains("db.example:5432/app"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void aServerNotUpYetIsRetriedThenReportedAsALostConnection() {
        AtomicInteger tries = new AtomicInteger();
        DBConfig config = attempts(3);
        ConnectionLostException e = assertThrows(ConnectionLostException.class,
                () -> PoolStart.open(failingWith("08001", tries), config, URL));
        assertEquals(3, tries.get());
        assertEquals("08001", e.sqlState());
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    }

    @Test
    void aRefusedLoginFailsAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        DBConfig config = attempts(5);
        ConnectionLostException e = assertThrows(ConnectionLostException.class,
                () -> PoolStart.open(failingWith("28P01", tries), config, URL));
        assertEquals(1, tries.get());
        assertEquals("28P01", e.sqlState());
    }
}
