package dev.belay.test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Without the pgbouncer binary, the tests that need it fail saying how to install it; they never skip. */
final class PgBouncerTest {

    @Test
    void aMissingBinaryFailsSayingHowToInstallIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PgBouncer.binary("/nonexistent/bin", List.of("/nonexistent/sbin")));
        assertTrue(e.getMessage().contains("apt-get install -y pgbouncer"), e.getMessage());
        assertTrue(e.getMessage().contains("pgbouncer is not installed"), e.getMessage());
    }

    @Test
    void anEmptyPathEntryIsNotTheWorkingDirectory() {
        assertThrows(IllegalStateException.class, () -> PgBouncer.binary("", List.of()));
    }
}
