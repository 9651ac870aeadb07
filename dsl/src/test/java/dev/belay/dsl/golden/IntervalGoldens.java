package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.EventTable.EVENT;

import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import java.util.Arrays;
import java.util.List;

/**
 * Intervals as {@link PgInterval} ({@link PgType#INTERVAL_FULL}): bound values with months, days and time, a typed
 * NULL, an array, a cast, and PostgreSQL's own interval equality (a month is 30 days there, not in Java).
 */
final class IntervalGoldens {
    private IntervalGoldens() {}

    private static final PgInterval MIXED = PgInterval.parse("1 year 2 mons -3 days +04:05:06.5");

    static List<Golden> cases() {
        return List.of(
                Golden.of("interval value in select list", select(value(MIXED)), "SELECT ?", MIXED).rows(1),
                Golden.of("interval typed null", select(value(null, PgType.INTERVAL_FULL)), "SELECT ?",
                        (Object) null),
                Golden.of("interval array value",
                        select(value(Arrays.asList(MIXED, null, PgInterval.ofMicros(-1)),
                                PgType.arrayOf(PgType.INTERVAL_FULL))),
                        "SELECT ?", Arrays.asList(MIXED, null, PgInterval.ofMicros(-1))).rows(1),
                Golden.of("interval cast", select(value("1 mon -1 days").cast(PgType.INTERVAL_FULL)),
                        "SELECT CAST(? AS interval)", "1 mon -1 days").rows(1),
                Golden.of("interval equal by postgres length",
                        select(EVENT.ID).from(EVENT).where(value(PgInterval.ofMonths(1)).eq(value(PgInterval.ofDays(30)))),
                        "SELECT \"events\".\"id\" FROM \"events\" WHERE ? = ?", PgInterval.ofMonths(1),
                        PgInterval.ofDays(30)).rows(1));
    }
}
