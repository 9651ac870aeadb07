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
 * The bulk writes of {@link BulkInsertBench} and {@link BulkUpsertBench} measured in alternation: round after round,
 * each contender runs once after its untimed per-call setup (an emptied or reset table). JMH runs one benchmark after
 * another, and this host's speed drifts over minutes: in one three-fork run the hand-written ordered insert, which
 * sends the same statement as the unnest one plus a sort, came out at 1.26× of it. Here a drift falls on every
 * contender of a round alike, and the ratio of each round's times to that round's hand-written unnest statement,
 * whose median is reported, cancels it.
 *
 * <p>Per contender: the median wall time and the median CPU time of the calling thread (the client's own work, without
 * the JVM's GC and compiler threads), and the paired ratios of both. The first third of the rounds warms up and is
 * not counted. Every contender's result is checked before timing, as in the JMH benchmarks. Run with
 * {@code bench/run --paired [REGEX]} (REGEX picks {@code insert} or {@code upsert}); writes {@code paired.md}.
 */
public final class PairedWrites {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PairedWrites() {}

    private interface Call {
        void run() throws SQLException;
    }

    /** One contender: its untimed setup, its timed call, and per round its wall and thread CPU nanoseconds. */
    private record Contender(String name, Call setup, Call call, long[] wall, long[] cpu) {
        Contender(String name, Call setup, Call call, int rounds) {
            this(name, setup, call, new long[rounds], new long[rounds]);
        }

        void time(int round) throws SQLException {
            setup.run();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            call.run();
            wall[round] = System.nanoTime() - wall0;
            cpu[round] = THREADS.getCurrentThreadCpuTime() - cpu0;
        }
    }

    public static void main(String[] args) throws SQLException, IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: PairedWrites REGEX OUT_DIR (rounds: -Dbench.rounds, 200)");
        }
        String regex = args[0];
        Path out = Path.of(args[1]);
        int rounds = Integer.getInteger("bench.rounds", 200);
        if (rounds < 3) {
            throw new IllegalArgumentException("bench.rounds must be at least 3, not " + rounds);
        }
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Ran on Java %s (%s), %d rounds, the first %d "
                + "not counted.%n%n| write | contender | median wall ms | median thread CPU ms | wall ÷ unnest | CPU ÷ "
                + "unnest |%n|---|---|---:|---:|---:|---:|%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), rounds, rounds / 3));
        boolean any = false;
        Pattern pick = Pattern.compile(regex);
        if (pick.matcher("insert").find()) {
            BulkInsertBench b = new BulkInsertBench();
            b.open();
            try {
                List<Contender> all = List.of(
                        new Contender("jdbcUnnest", b::empty, b::jdbcUnnest, rounds),
                        new Contender("jdbcOrdered", b::empty, b::jdbcOrdered, rounds),
                        new Contender("belayInsert", b::empty, b::belayInsert, rounds));
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
                        new Contender("jdbcUnnest", b::existing, b::jdbcUnnest, rounds),
                        new Contender("belay", b::existing, b::belay, rounds));
                measure("upsert 10,000", all, rounds, md);
            } finally {
                b.close();
            }
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("no paired write matches " + regex + " (insert, upsert)");
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("paired.md"), md);
        System.out.print(md);
    }

    /** Runs every contender once per round, then adds one line per contender; the first is the reference. */
    private static void measure(String work, List<Contender> all, int rounds, StringBuilder md) throws SQLException {
        for (int r = 0; r < rounds; r++) {
            for (Contender c : all) {
                c.time(r);
            }
        }
        Contender reference = all.get(0);
        int from = rounds / 3;
        for (Contender c : all) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.3f× | %.2f× |%n", work, c.name(),
                    median(c.wall(), from) / 1e6, median(c.cpu(), from) / 1e6,
                    pairedRatio(c.wall(), reference.wall(), from), pairedRatio(c.cpu(), reference.cpu(), from)));
        }
    }

    private static double median(long[] values, int from) {
        long[] counted = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(counted);
        return counted[counted.length / 2];
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
