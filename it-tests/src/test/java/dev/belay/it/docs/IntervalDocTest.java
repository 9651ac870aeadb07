package dev.belay.it.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.PgInterval;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** docs/types.md: intervals with months as PgInterval. */
@FixtureDatabase
final class IntervalDocTest {

    @Test
    void intervals(TestDatabase t) {
        DBConnection db = t.open();
        try {
            // tag::types-interval[]
            PgInterval since = db.sql("SELECT age(timestamp '2024-03-31', timestamp '2023-02-28')")
                    .one(PgInterval.class);                        // 1 year 1 mon 3 days
            String iso = since.toString();                          // "P1Y1M3D", PostgreSQL's iso_8601 text
            Period period = since.toPeriod();                       // exact: it has no time part
            PgInterval later = since.plus(PgInterval.ofHours(36));  // P1Y1M3DT36H: hours stay hours
            Duration day = PgInterval.parse("1 day 02:00:00").toDuration(); // PT26H; with months it throws
            boolean same = PgInterval.ofMonths(1).equals(PgInterval.ofDays(30)); // false, though true in SQL
            // end::types-interval[]
            assertEquals(PgInterval.of(13, 3, 0), since);
            assertEquals("P1Y1M3D", iso);
            assertEquals(Period.of(1, 1, 3), period);
            assertEquals("P1Y1M3DT36H", later.toString());
            assertEquals(Duration.ofHours(26), day);
            assertFalse(same);
            assertThrows(DateTimeException.class, later::toDuration);
            assertEquals(Boolean.TRUE, db.sql("SELECT interval '1 month' = interval '30 days'").one(Boolean.class));
        } finally {
            t.close(db);
        }
    }
}
