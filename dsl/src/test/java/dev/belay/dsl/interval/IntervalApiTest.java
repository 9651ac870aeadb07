package dev.belay.dsl.interval;

import static dev.belay.dsl.FrameBound.currentRow;
import static dev.belay.dsl.FrameBound.preceding;
import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Field;
import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import dev.belay.dsl.RenderedSql;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PgInterval where the DSL takes an interval: shifting a timestamp, age(), RANGE frame offsets. */
final class IntervalApiTest {
    private static final String CREATED = "\"orders\".\"created_at\"";

    @Test
    void aTimestampShiftsByCalendarMonths() {
        RenderedSql r = select(ORDER.CREATED_AT.plusInterval(PgInterval.ofMonths(1))).from(ORDER).render();
        assertEquals("SELECT " + CREATED + " + CAST(? AS interval) FROM \"orders\"", r.sql());
        assertEquals(List.of(PgInterval.ofMonths(1)), r.params());
        assertEquals(List.of(PgType.INTERVAL_FULL), r.paramTypes());
        Field<Instant> back = ORDER.CREATED_AT.minusInterval(value(PgInterval.ofYears(1)));
        assertEquals("SELECT " + CREATED + " - ? FROM \"orders\"", select(back).from(ORDER).render().sql());
        assertThrows(IllegalArgumentException.class, () -> ORDER.CREATED_AT.plusInterval((PgInterval) null));
    }

    @Test
    void ageIsAnIntervalWithMonths() {
        assertEquals(PgType.INTERVAL_FULL, age(ORDER.CREATED_AT).type());
    }

    @Test
    void frameOffsetsTakeMonthsAndRefuseNegativeIntervals() {
        RenderedSql r = select(count().over(window().orderBy(ORDER.CREATED_AT)
                .rangeBetween(preceding(PgInterval.ofMonths(1)), currentRow()))).from(ORDER).render();
        assertTrue(r.sql().contains("RANGE BETWEEN CAST(? AS interval) PRECEDING AND CURRENT ROW")
                || r.sql().contains("RANGE BETWEEN ? PRECEDING AND CURRENT ROW"), r.sql());
        assertEquals(List.of(PgInterval.ofMonths(1)), r.params());
        // a month less a day is positive, as PostgreSQL compares intervals; minus one day is not
        preceding(PgInterval.ofMonths(1).plus(PgInterval.ofDays(-1)));
        assertThrows(IllegalArgumentException.class, () -> preceding(PgInterval.ofDays(-1)));
        assertThrows(IllegalArgumentException.class, () -> preceding(PgInterval.ofMonths(1).plus(PgInterval.ofDays(-31))));
    }

    @Test
    void itIsATemporalAmountThatAddsLikePostgresql() {
        assertEquals(java.time.LocalDate.of(2024, 2, 29), java.time.LocalDate.of(2024, 1, 31).plus(PgInterval.ofMonths(1)));
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2024, 1, 31, 10, 0);
        PgInterval mixed = PgInterval.of(1, 1, 3_600_000_000L);
        assertEquals(java.time.LocalDateTime.of(2024, 3, 1, 11, 0), t.plus(mixed));
        assertEquals(t, java.time.LocalDateTime.of(2024, 3, 1, 11, 0).minus(PgInterval.of(0, 30, 3_600_000_000L))
                .minus(PgInterval.ofDays(0)));
        assertEquals(List.of(java.time.temporal.ChronoUnit.MONTHS, java.time.temporal.ChronoUnit.DAYS,
                java.time.temporal.ChronoUnit.MICROS), mixed.getUnits());
        assertEquals(3_600_000_000L, mixed.get(java.time.temporal.ChronoUnit.MICROS));
        assertThrows(java.time.temporal.UnsupportedTemporalTypeException.class,
                () -> mixed.get(java.time.temporal.ChronoUnit.HOURS));
    }
}
