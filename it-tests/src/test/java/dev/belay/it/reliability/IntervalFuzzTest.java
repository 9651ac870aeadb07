package dev.belay.it.reliability;

import static dev.belay.dsl.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.annotations.Id;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded random intervals (small, calendar-sized, full-range and extreme fields, mixed signs) written
 * by bulk insert, COPY and array parameters, then compared with PostgreSQL's own text of them in every IntervalStyle:
 * Belay reads each style's text back to the value written, and its toString() is, character for character, what
 * PostgreSQL prints with {@code intervalstyle = iso_8601}. Replay with {@code -Dbelay.fuzz.seed=N}.
 */
@FixtureDatabase
final class IntervalFuzzTest {
    private static final long SEED = Fuzz.seed(0x1D7E_4A1L);
    private static final int COUNT = 4_000;
    private static final List<String> STYLES = List.of("postgres", "postgres_verbose", "sql_standard", "iso_8601");

    @dev.belay.dsl.annotations.Table("fuzz_intervals")
    record Fuzzed(@Id Long id, PgInterval iv, List<@Nullable PgInterval> ivs) {}

    /** One stored value, as read and as PostgreSQL prints it in the session's style. */
    record Printed(Long id, PgInterval iv, String text) {}

    private static final Table<Fuzzed> FUZZED = Table.of(Fuzzed.class);
    private static final Column<Fuzzed, Long> ID = FUZZED.field("id", PgType.INT8);

    private static DBConnection db;
    private static List<PgInterval> values;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE fuzz_intervals (id int8 PRIMARY KEY, iv interval NOT NULL, ivs interval[] NOT NULL)");
        db = t.open();
        SplittableRandom random = new SplittableRandom(SEED);
        values = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            values.add(PgInterval.of(months(random), days(random), micros(random)));
        }
    }

    private static int months(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0, 1 -> 0;
            case 2 -> r.nextInt(-30, 31);
            case 3 -> r.nextInt(-2_136_000_001, 2_136_000_001);   // up to ±178,000,000 years
            case 4 -> r.nextInt();
            default -> r.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        };
    }

    private static int days(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0, 1 -> 0;
            case 2 -> r.nextInt(-400, 401);
            case 3, 4 -> r.nextInt();
            default -> r.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        };
    }

    private static long micros(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> 0;
            case 1 -> r.nextLong(-86_400_000_000L, 86_400_000_001L);          // within a day, to the microsecond
            case 2 -> r.nextLong(-100_000, 100_001) * 1_000_000L;            // whole seconds
            case 3 -> r.nextLong(-1_000_000, 1_000_001);                     // below a second
            case 4 -> r.nextLong(-10_000, 10_001) * 60_000_000L;              // whole minutes
            case 5, 6 -> r.nextLong();
            default -> List.of(Long.MAX_VALUE, Long.MIN_VALUE, 1L, -1L, Long.MAX_VALUE - 1).get(r.nextInt(5));
        };
    }

    private static String seeded(String what) {
        return "seed " + SEED + " (replay with -Dbelay.fuzz.seed=" + SEED + "): " + what;
    }

    @Test
    void everyStyleReadsBackWhatWasWrittenAndIsoIsPostgresText() {
        List<Fuzzed> rows = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            PgInterval next = values.get((i + 1) % COUNT);
            rows.add(new Fuzzed((long) i, values.get(i), Arrays.asList(values.get(i), null, next)));
        }
        db.insert(FUZZED, rows.subList(0, COUNT / 2));
        assertEquals(COUNT - COUNT / 2, db.copy(FUZZED, rows.subList(COUNT / 2, COUNT)));
        for (String style : STYLES) {
            List<Printed> printed = db.transaction(tx -> {
                tx.sql("SET LOCAL intervalstyle = " + style).execute();
                assertEquals(rows, tx.exec(select(Fuzzed.class).orderBy(ID.asc())), seeded(style + ": rows"));
                return tx.sql("SELECT id, iv, iv::text AS text FROM fuzz_intervals ORDER BY id").fetch(Printed.class);
            });
            for (Printed p : printed) {
                PgInterval written = values.get(p.id().intValue());
                assertEquals(written, p.iv(), seeded(style + " row " + p.id() + " printed " + p.text()));
                assertEquals(written, PgInterval.parse(p.text()), seeded(style + " text " + p.text()));
                if (style.equals("iso_8601")) {
                    assertEquals(p.text(), written.toString(), seeded("iso_8601 text of row " + p.id()));
                }
            }
        }
    }

    @Test
    void arrayParametersRoundTripInEveryStyle() {
        for (String style : STYLES) {
            List<PgInterval> read = db.transaction(tx -> {
                tx.sql("SET LOCAL intervalstyle = " + style).execute();
                return tx.sql("SELECT v FROM unnest(:vs) WITH ORDINALITY AS t(v, n) ORDER BY n")
                        .bind("vs", values, PgType.arrayOf(PgType.INTERVAL_FULL)).fetch(PgInterval.class);
            });
            assertEquals(values, read, seeded(style));
        }
    }
}
