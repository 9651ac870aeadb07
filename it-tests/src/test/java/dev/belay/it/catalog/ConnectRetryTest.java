package dev.belay.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.ConnectionLostException;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Opening a pool waits, with a doubling delay, for a server that does not accept connections yet; gives up after the
 * configured attempts with a message that counts them; and never retries what waiting cannot fix.
 */
@BelayTest
final class ConnectRetryTest {

    private static DBConfig.Builder through(TestDatabase db, DelayedForwarder forwarder) {
        DBConfig.Builder b = DBConfig.builder(forwarder.url(db.url())).connectionTimeout(Duration.ofSeconds(2));
        if (db.user() != null) {
            b.user(db.user());
        }
        if (db.password() != null) {
            b.password(db.password());
        }
        return b;
    }

    @Test
    void aServerThatComesUpLateIsWaitedFor(TestDatabase db) throws Exception {
        try (DelayedForwarder late = new DelayedForwarder(db.url(), Duration.ofMillis(1_200))) {
            long start = System.nanoTime();
            try (DBConnection pool = DBConnection.open(through(db, late).connectRetry(10, Duration.ofMillis(400)).build())) {
                assertEquals(1, pool.sql("select 1").one(Integer.class));
            }
            assertTrue(late.refused() >= 1, "refused " + late.refused());   // how many depends on HikariCP's own pause
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1_200);
        }
    }

    @Test
    void theLastFailureSaysHowManyAttemptsWereMade(TestDatabase db) throws Exception {
        try (DelayedForwarder never = new DelayedForwarder(db.url(), Duration.ofHours(1))) {
            ConnectionLostException e = assertThrows(ConnectionLostException.class,
                    () -> DBConnection.open(through(db, never).connectRetry(3, Duration.ofMillis(150)).build()).close());
            assertTrue(e.getMessage().contains("after 3 attempts over "), e.getMessage());
            assertTrue(e.getMessage().contains("the last failure: "), e.getMessage());
            assertEquals(3, never.refused());
        }
    }

    @Test
    void aMissingDatabaseIsNotRetried(TestDatabase db) throws Exception {
        try (DelayedForwarder ready = new DelayedForwarder(db.url(), Duration.ZERO)) {
            String url = ready.url(db.url()).replaceFirst("/[^/?]+(\\?|$)", "/belay_no_such_database$1");
            DBConfig.Builder b = DBConfig.builder(url).connectRetry(5, Duration.ofSeconds(2));
            if (db.user() != null) {
                b.user(db.user());
            }
            if (db.password() != null) {
                b.password(db.password());
            }
            ConnectionLostException e = assertThrows(ConnectionLostException.class, () -> DBConnection.open(b.build()).close());
            assertEquals("3D000", e.sqlState(), e.getMessage());
            assertFalse(e.getMessage().contains("attempts"), e.getMessage());
        }
    }

    @Test
    void retrySettingsAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> DBConfig.builder("jdbc:postgresql://localhost/x").connectRetry(0, Duration.ofSeconds(1)).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DBConfig.builder("jdbc:postgresql://localhost/x").connectRetry(3, Duration.ofMillis(10)).build());
        assertTrue(e.getMessage().contains("ceiling"), e.getMessage());
    }
}
