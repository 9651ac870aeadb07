package dev.belay.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The executor benchmarks measured in alternation: the bulk writes of {@link BulkInsertBench} and
 * {@link BulkUpsertBench}, the fetch of {@link FetchJoinBench}, the point lookups of {@link PointLookupBench} and,
 * when named, the stream of {@link StreamBench}.
 * Round after round, each contender runs once (a write after its untimed per-call setup, an emptied or reset table;
 * a fetch or a lookup a fixed number of times). JMH runs one benchmark after another, and this host's speed drifts
 * over minutes: in one three-fork run the hand-written ordered insert, which sends the same statement as the unnest
 * one plus a sort, came out at 1.26× of it. Here a drift falls on every contender of a round alike, and the ratio of
 * each round's times to that round's hand-written JDBC contender, whose median is reported, cancels it.
 *
 * <p>Per contender: the median wall time and the median CPU time of the calling thread (the client's own work, without
 * the JVM's GC and compiler threads) per operation, the paired ratios of both, and the paired differences (the median of
 * each round's extra time per operation over the reference's, which a faster or slower round trip does not move as it
 * moves a ratio). Before the rounds, the contenders run
 * untimed in alternation for at least 3 s each (JMH's warmup of these benchmarks); the first third of the rounds is not
 * counted either. Every contender's result is checked before timing, as in the JMH benchmarks. Run with
 * {@code bench/run --paired [REGEX]} (REGEX picks among {@code insert}, {@code upsert}, {@code fetch},
 * {@code lookup}; {@code stream} only by name); writes {@code paired.md}.
 */
public final class PairedRuns {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Point lookups per round and contender: one takes about 70 µs, too short to time alone against the others. */
    private static final int LOOKUPS = 50;
    /** Fetches of 3,500 rows per round and contender. */
    private static final int FETCHES = 3;
    /**
     * Untimed alternation before the rounds, at least this long per contender: as long as JMH's warmup of these
     * benchmarks (3 × 1 s). Without it a lookup was warmed by the first third's 3,300 calls alone, and the library's
     * own code was still partly in the JIT's profiling tier when the counted rounds began (1.067× of JDBC then, against
     * 1.025× with 15,000 or 40,000 calls first, on the same host).
     */
    private static final long WARMUP_NANOS = 3_000_000_000L;

    private PairedRuns() {}

    private interface Call {
        void run() throws SQLException;
    }

    /**
     * One contender: its untimed setup, its timed call made {@code calls} times a round, and per round its wall and
     * thread CPU nanoseconds.
     */
    private record Contender(String name, Call setup, Call call, int calls, long[] wall, long[] cpu) {
        Contender(String name, Call setup, Call call, int calls, int rounds) {
            this(name, setup, call, calls, new long[rounds], new long[rounds]);
        }

        /** Runs one round untimed (a warm-up round); returns its wall nanoseconds. */
        long warm() throws SQLException {
            return run(-1);
        }

        void time(int round) throws SQLException {
            run(round);
        }

        /** Runs one round; returns its wall nanoseconds, and records them and its CPU time unless round is -1. */
        private long run(int round) throws SQLException {
            setup.run();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            long wallNanos = System.nanoTime() - wall0;
            if (round >= 0) {
                wall[round] = wallNanos;
                cpu[round] = THREADS.getCurrentThreadCpuTime() - cpu0;
            }
            return wallNanos;
        }
    }

    private static final Call NONE = () -> { };

    public static void main(String[] args) throws SQLException, IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: PairedRuns REGEX OUT_DIR (rounds: -Dbench.rounds, 200)");
        }
        String regex = args[0];
        Path out = Path.of(args[1]);
        int rounds = Integer.getInteger("bench.rounds", 200);
        if (rounds < 3) {
            throw new IllegalArgumentException("bench.rounds must be at least 3, not " + rounds);
        }
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Ran on Java %s (%s)%s, %d rounds, the first "
                + "%d not counted; times per operation, ratios to the first contender of each work, hand-written JDBC.%n%n"
                + "| work | contender | median wall µs | median thread CPU µs | wall ÷ JDBC | CPU ÷ JDBC | wall − JDBC µs "
                + "| CPU − JDBC µs |%n"
                + "|---|---|---:|---:|---:|---:|---:|---:|%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Summary.pinned(), rounds, rounds / 3));
        boolean any = false;
        Pattern pick = Pattern.compile(regex);
        if (pick.matcher("insert").find()) {
            BulkInsertBench b = new BulkInsertBench();
            b.open();
            try {
                List<Contender> all = List.of(
                        new Contender("jdbcUnnest", b::empty, b::jdbcUnnest, 1, rounds),
                        new Contender("jdbcOrdered", b::empty, b::jdbcOrdered, 1, rounds),
                        new Contender("belayInsert", b::empty, b::belayInsert, 1, rounds));
                measure("insert 10,000", all, rounds, md);
            } finally {
                b.close();
            }
            any = true;
        }
        if (pick.matcher("upsert").find()) {
            BulkUpsertBench b = new BulkUpsertBench();
            b.open();
            try {
                List<Contender> all = List.of(
                        new Contender("jdbcUnnest", b::existing, b::jdbcUnnest, 1, rounds),
                        new Contender("belay", b::existing, b::belay, 1, rounds));
                measure("upsert 10,000", all, rounds, md);
            } finally {
                b.close();
            }
            any = true;
        }
        if (pick.matcher("fetch").find() || pick.matcher("lookup").find()) {
            Contenders on = new Contenders();
            try {
                if (pick.matcher("fetch").find()) {
                    FetchJoinBench f = new FetchJoinBench();
                    f.check(on);
                    measure("fetch 3,500 joined rows", List.of(
                            new Contender("jdbc", NONE, () -> f.jdbc(on), FETCHES, rounds),
                            new Contender("belay", NONE, () -> f.belay(on), FETCHES, rounds)), rounds, md);
                }
                if (pick.matcher("lookup").find()) {
                    PointLookupBench p = new PointLookupBench();
                    p.check(on);
                    measure("point lookup", List.of(
                            new Contender("jdbc", NONE, () -> p.jdbc(on), LOOKUPS, rounds),
                            new Contender("belay", NONE, () -> p.belay(on), LOOKUPS, rounds),
                            new Contender("belayPrebuilt", NONE, () -> p.belayPrebuilt(on), LOOKUPS, rounds)),
                            rounds, md);
                }
            } finally {
                on.close();
            }
            any = true;
        }
        if (regex.contains("stream")) {
            stream(rounds, md);
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("nothing to run matches " + regex
                    + " (insert, upsert, fetch, lookup; stream only by name)");
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("paired.md"), md);
        System.out.print(md);
    }

    /**
     * {@link StreamBench}'s cursor loop and {@code db.stream} in alternation, each a round. Only when the regex names
     * it: it needs the JVM's heap at 64 MB, as in StreamBench's fork, where the 1,000,000 rows do not fit. {@code
     * bench/run --paired stream} passes {@code -Xmx64m}; with a regex that picks other works too, they run in that
     * heap as well, so name the stream alone.
     */
    private static void stream(int rounds, StringBuilder md) throws SQLException {
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        if (heapMb > 64) {
            throw new IllegalStateException("the paired stream runs in a 64 MB heap, as StreamBench's fork does, and "
                    + "this JVM has " + heapMb + " MB: run it with bench/run --paired stream, which passes -Xmx64m");
        }
        Contenders on = new Contenders();
        try {
            StreamBench s = new StreamBench();
            s.check(on);
            measure("stream 1,000,000 rows", List.of(
                    new Contender("jdbc", NONE, () -> s.jdbc(on), 1, rounds),
                    new Contender("jdbcRecords", NONE, () -> s.jdbcRecords(on), 1, rounds),
                    new Contender("belay", NONE, () -> s.belay(on), 1, rounds)), rounds, md);
        } finally {
            on.close();
        }
    }

    /** Runs every contender once per round, then adds one line per contender; the first is the reference. */
    private static void measure(String work, List<Contender> all, int rounds, StringBuilder md) throws SQLException {
        long[] warmed = new long[all.size()];
        while (Arrays.stream(warmed).min().orElseThrow() < WARMUP_NANOS) {
            for (int i = 0; i < all.size(); i++) {
                warmed[i] += all.get(i).warm();
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (Contender c : all) {
                c.time(r);
            }
        }
        Contender reference = all.get(0);
        int from = rounds / 3;
        for (Contender c : all) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,.1f | %,.1f | %.3f× | %.2f× | %,.2f | %,.2f |%n", work,
                    c.name(), median(c.wall(), from) / 1e3 / c.calls(), median(c.cpu(), from) / 1e3 / c.calls(),
                    pairedRatio(c.wall(), reference.wall(), from), pairedRatio(c.cpu(), reference.cpu(), from),
                    pairedDifference(c.wall(), reference.wall(), from) / 1e3 / c.calls(),
                    pairedDifference(c.cpu(), reference.cpu(), from) / 1e3 / c.calls()));
        }
    }

    private static double median(long[] values, int from) {
        long[] counted = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(counted);
        return counted[counted.length / 2];
    }

    /**
     * The median over the counted rounds of each round's value minus the reference's in the same round: what a
     * contender adds to each operation, which stays put when the round trip changes while the ratio does not.
     */
    static double pairedDifference(long[] values, long[] reference, int from) {
        long[] differences = new long[values.length - from];
        for (int r = from; r < values.length; r++) {
            differences[r - from] = values[r] - reference[r];
        }
        Arrays.sort(differences);
        return differences[differences.length / 2];
    }

    /** The median over the counted rounds of each round's value over the reference's value in the same round. */
    static double pairedRatio(long[] values, long[] reference, int from) {
        List<Double> ratios = new ArrayList<>();
        for (int r = from; r < values.length; r++) {
            ratios.add((double) values[r] / reference[r]);
        }
        ratios.sort(null);
        return ratios.get(ratios.size() / 2);
    }
}
