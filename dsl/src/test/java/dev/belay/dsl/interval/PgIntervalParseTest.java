package dev.belay.dsl.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.PgInterval;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PgInterval#parse} on PostgreSQL 15's own output: each row is one value as psql printed it under the four
 * IntervalStyle settings (postgres, postgres_verbose, sql_standard, iso_8601), with the fields it stands for.
 * it-tests checks the same against a live server for thousands of random values.
 */
final class PgIntervalParseTest {
    private static final long HOUR = 3_600_000_000L;

    /** One value: its fields and PostgreSQL's text of it in each style. */
    record Printed(int months, int days, long micros, String postgres, String verbose, String sqlStandard,
                   String iso) {
        PgInterval value() {
            return PgInterval.of(months, days, micros);
        }

        @Override
        public String toString() {
            return iso;
        }
    }

    static List<Printed> printed() {
        return List.of(
                new Printed(14, 3, 4 * HOUR + 306_500_000L, "1 year 2 mons 3 days 04:05:06.5",
                        "@ 1 year 2 mons 3 days 4 hours 5 mins 6.5 secs", "+1-2 +3 +4:05:06.5", "P1Y2M3DT4H5M6.5S"),
                new Printed(-14, 3, -(4 * HOUR + 306_000_000L), "-1 years -2 mons +3 days -04:05:06",
                        "@ 1 year 2 mons -3 days 4 hours 5 mins 6 secs ago", "-1-2 +3 -4:05:06", "P-1Y-2M3DT-4H-5M-6S"),
                new Printed(0, -1, 2 * HOUR + 184_000_000L, "-1 days +02:03:04",
                        "@ 1 day -2 hours -3 mins -4 secs ago", "+0-0 -1 +2:03:04", "P-1DT2H3M4S"),
                new Printed(1, -1, 0, "1 mon -1 days", "@ 1 mon -1 days", "+0-1 -1 +0:00:00", "P1M-1D"),
                new Printed(-10, 0, 0, "-10 mons", "@ 10 mons ago", "-0-10", "P-10M"),
                new Printed(0, 0, 0, "00:00:00", "@ 0", "0", "PT0S"),
                new Printed(0, 0, -500_000L, "-00:00:00.5", "@ 0.5 secs ago", "-0:00:00.5", "PT-0.5S"),
                new Printed(-12, 0, 0, "-1 years", "@ 1 year ago", "-1-0", "P-1Y"),
                new Printed(0, 1, 2 * HOUR, "1 day 02:00:00", "@ 1 day 2 hours", "1 2:00:00", "P1DT2H"),
                new Printed(0, -1, -2 * HOUR, "-1 days -02:00:00", "@ 1 day 2 hours ago", "-1 2:00:00", "P-1DT-2H"),
                new Printed(-3, 0, 0, "-3 mons", "@ 3 mons ago", "-0-3", "P-3M"),
                new Printed(2_136_000_000, 0, 0, "178000000 years", "@ 178000000 years", "178000000-0",
                        "P178000000Y"),
                new Printed(-2_136_000_000, 0, 0, "-178000000 years", "@ 178000000 years ago", "-178000000-0",
                        "P-178000000Y"),
                new Printed(10, 3, 0, "10 mons 3 days", "@ 10 mons 3 days", "+0-10 +3 +0:00:00", "P10M3D"),
                new Printed(-10, 3, 0, "-10 mons +3 days", "@ 10 mons -3 days ago", "-0-10 +3 +0:00:00", "P-10M3D"),
                new Printed(0, 0, 1, "00:00:00.000001", "@ 0.000001 secs", "0:00:00.000001", "PT0.000001S"),
                new Printed(-1, 1, -1, "-1 mons +1 day -00:00:00.000001", "@ 1 mon -1 days 0.000001 secs ago",
                        "-0-1 +1 -0:00:00.000001", "P-1M1DT-0.000001S"),
                new Printed(0, 0, 1_000_000L, "00:00:01", "@ 1 sec", "0:00:01", "PT1S"),
                new Printed(0, 0, Integer.MIN_VALUE * HOUR, "-2147483648:00:00", "@ 2147483648 hours ago",
                        "-2147483648:00:00", "PT-2147483648H"),
                new Printed(0, 0, 2_555_505_539L * HOUR + 3_348_099_744L, "2555505539:55:48.099744",
                        "@ 2555505539 hours 55 mins 48.099744 secs", "2555505539:55:48.099744",
                        "PT2555505539H55M48.099744S"),
                // the extremes: PostgreSQL cannot read the first three texts of Long.MIN_VALUE back itself
                new Printed(0, 0, Long.MIN_VALUE, "-2562047788:00:54.775808", "@ 2562047788 hours 54.775808 secs ago",
                        "-2562047788:00:54.775808", "PT-2562047788H-54.775808S"),
                new Printed(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
                        "-178956970 years -8 mons -2147483648 days +2562047788:00:54.775807",
                        "@ 178956970 years 8 mons 2147483648 days -2562047788 hours -54.775807 secs ago",
                        "-178956970-8 -2147483648 +2562047788:00:54.775807",
                        "P-178956970Y-8M-2147483648DT2562047788H54.775807S"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printed")
    void readsEveryStyle(Printed p) {
        assertEquals(p.value(), PgInterval.parse(p.postgres()), "postgres: " + p.postgres());
        assertEquals(p.value(), PgInterval.parse(p.verbose()), "postgres_verbose: " + p.verbose());
        assertEquals(p.value(), PgInterval.parse(p.sqlStandard()), "sql_standard: " + p.sqlStandard());
        assertEquals(p.value(), PgInterval.parse(p.iso()), "iso_8601: " + p.iso());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printed")
    void writesIsoAsPostgresDoes(Printed p) {
        assertEquals(p.iso(), p.value().toString());
        assertEquals(p.value(), PgInterval.parse(p.value().toString()));
    }

    @Test
    void readsHandWrittenInput() {
        assertEquals(PgInterval.ofMinutes(90), PgInterval.parse("90 min"));
        assertEquals(PgInterval.ofMinutes(90), PgInterval.parse("1.5 hours"));
        assertEquals(PgInterval.ofMinutes(90), PgInterval.parse("1:30"));
        assertEquals(PgInterval.ofSeconds(90).plus(PgInterval.ofMicros(500_000)), PgInterval.parse("1:30.5"));
        assertEquals(PgInterval.ofDays(-7), PgInterval.parse("1 week ago"));
        assertEquals(PgInterval.ofDays(1), PgInterval.parse("@1 day"));
        assertEquals(PgInterval.ofDays(1), PgInterval.parse("1day"));
        assertEquals(PgInterval.ofDays(1).plus(PgInterval.ofHours(2)), PgInterval.parse("  1 DAY 2 Hours  "));
        assertEquals(PgInterval.ofSeconds(5), PgInterval.parse("5"));
        assertEquals(PgInterval.ofMicros(1_500), PgInterval.parse("1.5 ms"));
        assertEquals(PgInterval.ofMonths(1_200 + 120), PgInterval.parse("1 century 1 decade"));
        assertEquals(PgInterval.ofDays(1), PgInterval.parse("1.000 days"), "a fraction of zero is whole");
        assertEquals(PgInterval.of(2, 3, 4 * HOUR), PgInterval.parse("P2M3DT4H"));
        assertEquals(PgInterval.ofDays(14), PgInterval.parse("P2W"));
        assertEquals(PgInterval.ofMinutes(-90), PgInterval.parse("PT-1.5H"));
        // mixed signs written by hand, as the postgres style reads them: each field its own sign
        assertEquals(PgInterval.of(-10, 0, 0), PgInterval.parse("-1 year 2 mons"));
        assertEquals(PgInterval.of(0, -1, 2 * HOUR), PgInterval.parse("-1 days +2 hours"));
    }

    @Test
    void leadingMinusOfUnitFreeTextAppliesToEveryFieldUnlessAnotherHasASign() {
        assertEquals(PgInterval.of(0, -1, -2 * HOUR), PgInterval.parse("-1 2:00:00"));
        assertEquals(PgInterval.of(0, -1, 2 * HOUR), PgInterval.parse("-1 +2:00:00"));
        assertEquals(PgInterval.of(-14, 3, 0), PgInterval.parse("-1-2 +3 +0:00:00"));
    }

    @Test
    void garbageNamesTheText() {
        for (String text : List.of("", "   ", "banana", "1 banana", "days", "1 2 3", "P", "PT", "P1", "P1X", "PT1D",
                "P1H", "P0001-02-03T04:05:06", "1:60:00", "1:2:3:4", "1-12", "@", "ago", "1 day ago ago", "-",
                "1:-2:00", "1.5-2", "++1 day", "1..5 s", "infinity", "12:", "1 year 02:00:00:")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PgInterval.parse(text),
                    "'" + text + "'");
            assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        }
    }

    @Test
    void overflowNamesTheText() {
        for (String text : List.of("178956971 years", "-178956971 years", "178956970 years 8 mons",
                "2147483648 days", "P-2147483649D", "2562047789 hours", "2562047788:00:54.775808",
                "-2562047788:00:54.775809", "@ 178956970 years 9 mons ago", "99999999999999999999 s",
                "9223372036854775807 hours")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PgInterval.parse(text),
                    text);
            assertTrue(e.getMessage().contains("'" + text + "'") && e.getMessage().contains("range"), e.getMessage());
        }
    }

    @Test
    void refusesWhatPostgresWouldRoundOrSpread() {
        for (String text : List.of("0.0000005 s", "PT0.0000001S", "00:00:00.0000001", "0.0000000001 hours",
                "1.5 days", "1.5 years", "P0.5M", "0.1 week")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PgInterval.parse(text),
                    text);
            assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PgInterval.parse("0.0000005 s")).getMessage()
                .contains("microsecond"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PgInterval.parse("1.5 days")).getMessage()
                .contains("fraction of a day"));
    }

    @Test
    void nullIsRefused() {
        assertThrows(NullPointerException.class, () -> PgInterval.parse(null));
    }
}
