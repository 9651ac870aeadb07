package dev.belay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An integration test with Belay's test kit: {@code @BelayTest} gives the class a fresh database and a ready
 * {@link DBConnection}, and checks that no connection is left lent out. Here it takes the whole tour, so the
 * README's first command cannot rot.
 */
@BelayTest
final class TourTest {

    @Test
    void theTourRunsEveryStepAndDropsWhatItCreated(DBConnection db, TestDatabase database) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new Tour(db, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        String out = printed.toString(StandardCharsets.UTF_8);
        for (String step : new String[] {"Batched insert with backfilled keys", "A typed select", "A join", "A monthly report and CASE buckets",
                "Aggregates", "Window functions", "Keyset pagination", "Upsert", "COPY", "savepoint", "Streaming",
                "Row helpers", "Typed errors"}) {
            assertTrue(out.contains(step), "the tour shows: " + step + "\n" + out);
        }
        assertTrue(out.contains("{INSERTED=1, UPDATED=1, SKIPPED=1}"), out);
        assertTrue(out.contains("loaded 200,000 rows"), out);
        assertTrue(out.contains("UniqueViolationException: row 3, column customer.email"), out);
        assertTrue(out.contains("purchases before 10000, after 10001"), out);
        assertEquals(0L, database.count("SELECT count(*) FROM pg_namespace WHERE nspname = ?", MusicStore.NAME),
                "the tour drops its schema");
    }
}
