package dev.belay.dsl.interval;

import static dev.belay.dsl.Sql.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value itself: factories, arithmetic, conversions, equality, and its place among the PgTypes. */
final class PgIntervalTest {
    private static final long HOUR = 3_600_000_000L;

    @Test
    void factoriesFillTheFieldPostgresStoresThemIn() {
        assertEquals(PgInterval.of(24, 0, 0), PgInterval.ofYears(2));
        assertEquals(PgInterval.of(-14, 0, 0), PgInterval.ofMonths(-14));
        assertEquals(PgInterval.of(0, 3, 0), PgInterval.ofDays(3));
        assertEquals(PgInterval.of(0, 0, 30 * HOUR), PgInterval.ofHours(30));
        assertEquals(PgInterval.of(0, 0, 90 * 60_000_000L), PgInterval.ofMinutes(90));
        assertEquals(PgInterval.of(0, 0, -5_000_000L), PgInterval.ofSeconds(-5));
        assertEquals(PgInterval.of(0, 0, 1), PgInterval.ofMicros(1));
        assertEquals(PgInterval.of(14, 3, 4 * HOUR + 1), PgInterval.of(Period.of(1, 2, 3),
                Duration.ofHours(4).plusNanos(1_000)));
        assertEquals(PgInterval.of(0, 0, 24 * HOUR), PgInterval.of(Duration.ofDays(1)), "a Duration is time, never days");
        assertEquals(PgInterval.of(0, 0, Long.MIN_VALUE), PgInterval.of(Duration.of(Long.MIN_VALUE, ChronoUnit.MICROS)));
        assertSame(PgInterval.ZERO, PgInterval.of(0, 0, 0));
        assertEquals(14, PgInterval.ofYears(1).plus(PgInterval.ofMonths(2)).months());
        assertEquals(3, PgInterval.ofDays(3).days());
        assertEquals(7, PgInterval.ofMicros(7).micros());
    }

    @Test
    void factoriesRefuseWhatAnIntervalCannotHold() {
        List<Runnable> bad = List.of(() -> PgInterval.ofYears(178_956_971), () -> PgInterval.ofHours(2_562_047_789L),
                () -> PgInterval.ofMinutes(Long.MAX_VALUE), () -> PgInterval.ofSeconds(Long.MIN_VALUE / 100),
                () -> PgInterval.of(Period.ofYears(178_956_971), Duration.ZERO),
                () -> PgInterval.of(Duration.ofSeconds(Long.MAX_VALUE)));
        for (Runnable r : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
            assertTrue(e.getMessage().contains("range"), e.getMessage());
        }
        IllegalArgumentException nanos = assertThrows(IllegalArgumentException.class,
                () -> PgInterval.of(Duration.ofNanos(1_500)));
        assertTrue(nanos.getMessage().contains("PT0.0000015S") && nanos.getMessage().contains("microsecond"),
                nanos.getMessage());
    }

    @Test
    void plusAndNegatedAreFieldWise() {
        assertEquals(PgInterval.of(1, 2, 3), PgInterval.ofMonths(1).plus(PgInterval.ofDays(2))
                .plus(PgInterval.ofMicros(3)));
        assertEquals(PgInterval.of(0, -1, 0), PgInterval.ofDays(1).plus(PgInterval.ofDays(-2)));
        assertEquals(PgInterval.of(-1, 2, -3), PgInterval.of(1, -2, 3).negated());
        ArithmeticException sum = assertThrows(ArithmeticException.class,
                () -> PgInterval.ofMonths(Integer.MAX_VALUE).plus(PgInterval.ofMonths(1)));
        assertTrue(sum.getMessage().contains("P178956970Y7M"), sum.getMessage());
        assertThrows(ArithmeticException.class, () -> PgInterval.ofMicros(Long.MIN_VALUE).negated());
    }

    @Test
    void periodAndDurationOnlyWhereExact() {
        assertEquals(Period.of(1, 2, 3), PgInterval.of(14, 3, 0).toPeriod());
        assertEquals(Period.of(-1, -2, 3), PgInterval.of(-14, 3, 0).toPeriod());
        assertEquals(Duration.ofHours(26), PgInterval.parse("1 day 02:00:00").toDuration());
        assertEquals(Duration.ofSeconds(-1, 999_999_000), PgInterval.ofMicros(-1).toDuration());
        assertEquals(Duration.of(Long.MIN_VALUE, ChronoUnit.MICROS), PgInterval.ofMicros(Long.MIN_VALUE).toDuration());
        DateTimeException period = assertThrows(DateTimeException.class, () -> PgInterval.of(1, 0, 1).toPeriod());
        assertTrue(period.getMessage().contains("P1MT0.000001S") && period.getMessage().contains("time part"),
                period.getMessage());
        DateTimeException duration = assertThrows(DateTimeException.class, () -> PgInterval.ofMonths(1).toDuration());
        assertTrue(duration.getMessage().contains("P1M") && duration.getMessage().contains("months"),
                duration.getMessage());
    }

    @Test
    void equalityIsStructuralNotPostgresLength() {
        assertEquals(PgInterval.parse("1 mon"), PgInterval.ofMonths(1));
        assertEquals(PgInterval.ofMonths(1).hashCode(), PgInterval.parse("P1M").hashCode());
        assertNotEquals(PgInterval.ofMonths(1), PgInterval.ofDays(30), "'1 month' = '30 days' holds in SQL only");
        assertNotEquals(PgInterval.ofDays(1), PgInterval.ofHours(24));
        assertNotEquals(PgInterval.ofYears(1), PgInterval.ofMonths(1));
        assertNotEquals(PgInterval.ofDays(1), PgInterval.ofMicros(1));
        assertNotEquals(PgInterval.ZERO, null);
        assertNotEquals(PgInterval.ZERO, Duration.ZERO);
    }

    record Plan(Long id, PgInterval period, List<PgInterval> steps) {}

    @Test
    void isTheDefaultTypeOfIntervalsWithMonthsAndDurationStaysInterval() {
        assertSame(PgType.INTERVAL_FULL, PgType.forClass(PgInterval.class));
        assertSame(PgType.INTERVAL, PgType.forClass(Duration.class));
        assertEquals("interval", PgType.INTERVAL_FULL.sqlName());
        assertEquals(PgType.Kind.TEMPORAL, PgType.INTERVAL_FULL.kind());
        assertEquals("interval[]", PgType.arrayOf(PgType.INTERVAL_FULL).sqlName());
        Table<Plan> plans = Table.of(Plan.class);
        assertEquals(PgType.INTERVAL_FULL, plans.columns().get(1).type());
        assertEquals(PgType.arrayOf(PgType.INTERVAL_FULL), plans.columns().get(2).type());
    }

    record Declared(Long id, @dev.belay.dsl.annotations.Column(type = "interval") PgInterval period) {}

    @Test
    void aDeclaredIntervalColumnCarriesPgInterval() {
        Column<?, ?> period = Table.of(Declared.class).columns().get(1);
        assertEquals(PgType.INTERVAL_FULL, period.type());
    }

    @Test
    void inlinesAsAnIsoLiteralPostgresReadsInAnyStyle() {
        assertEquals("'P1Y2M-3DT4H5M6.5S'::interval", value(PgInterval.parse("1 year 2 mons -3 days 04:05:06.5"))
                .toString());
        assertEquals("CAST('P1M' AS interval)", value("P1M").cast(PgType.INTERVAL_FULL).toString());
    }
}
