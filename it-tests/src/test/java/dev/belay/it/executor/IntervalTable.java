package dev.belay.it.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.annotations.Id;
import java.time.Duration;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A table of intervals for the PgInterval execution tests: one as PgInterval, an array of them, one as Duration. */
final class IntervalTable {
    private IntervalTable() {}

    static final String DDL = "CREATE TABLE spans (id int8 PRIMARY KEY, iv interval, ivs interval[], exact interval)";

    @dev.belay.dsl.annotations.Table("spans")
    record Span(@Id Long id, @Nullable PgInterval iv, @Nullable List<@Nullable PgInterval> ivs,
                @Nullable Duration exact) {}

    static final Table<Span> SPANS = Table.of(Span.class);
    static final Column<Span, Long> ID = SPANS.field("id", PgType.INT8);
    static final Column<Span, PgInterval> IV = SPANS.field("iv", PgType.INTERVAL_FULL);
    static final Column<Span, List<PgInterval>> IVS = SPANS.field("ivs", PgType.arrayOf(PgType.INTERVAL_FULL));
    static final Column<Span, Duration> EXACT = SPANS.field("exact", PgType.INTERVAL);

    /** The IntervalStyle settings PostgreSQL has; each writes intervals its own way. */
    static final List<String> STYLES = List.of("postgres", "postgres_verbose", "sql_standard", "iso_8601");

    private static final long HOUR = 3_600_000_000L;

    /** Values at the edges: extremes of every field, mixed signs, single microseconds, zero. */
    static final List<PgInterval> EDGES = List.of(PgInterval.ZERO, PgInterval.ofMicros(1), PgInterval.ofMicros(-1),
            PgInterval.parse("178000000 years"), PgInterval.parse("-178000000 years"),
            PgInterval.of(14, 3, 4 * HOUR + 306_500_000L), PgInterval.of(-14, 3, -(4 * HOUR + 306_000_000L)),
            PgInterval.of(0, -1, 2 * HOUR + 184_000_000L), PgInterval.of(-1, 1, -1), PgInterval.of(-12, 2, 0),
            PgInterval.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE),
            PgInterval.of(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE),
            PgInterval.of(Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE),
            PgInterval.ofMicros(Long.MIN_VALUE), PgInterval.ofMicros(999_999), PgInterval.ofHours(-25),
            PgInterval.ofDays(1), PgInterval.ofHours(24), PgInterval.ofMonths(1), PgInterval.ofDays(30));
}
