package dev.belay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What {@code bench/run [regex]} runs: the benchmarks matching the regex (all by default) in one fork each, with the
 * GC profiler for allocation per op, then writes {@code results.json} (JMH's own) and {@code summary.md} (the JDK
 * and jOOQ that ran, medians, allocation, ratios) into the given directory. Warm-up and measurement are each
 * benchmark class's own {@code @Warmup} and {@code @Measurement}: short but complete (3 x 1 s and 5 x 2 s for
 * most; fewer iterations for the growth benchmarks, which run many sizes and keep the suite within its time).
 *
 * <p>Usage: {@code RunSuite <regex> <output directory> [forks]}: one fork per benchmark unless told otherwise; medians
 * and errors then cover the iterations of all its forks.
 */
public final class RunSuite {
    private RunSuite() {}

    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length != 2 && args.length != 3) {
            throw new IllegalArgumentException("usage: RunSuite <regex> <output directory> [forks]");
        }
        int forks = args.length == 3 ? Integer.parseInt(args[2]) : 1;
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Options options = new OptionsBuilder()
                .include(args[0])
                .forks(forks)
                // no warm-up or measurement settings here: JMH lets options set here override a class's @Warmup and
                // @Measurement, so the classes could not choose their own; each states them instead
                .addProfiler(GCProfiler.class)
                .addProfiler(ClientCpuProfiler.class)
                // no jvmArgs here: they would replace a benchmark's own @Fork(jvmArgsAppend = "-Xmx64m"); the forks
                // inherit this JVM's -D settings anyway
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                .result(out.resolve("results.json").toString())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no benchmark matches " + args[0]);
        }
        List<Summary.Line> lines = new ArrayList<>();
        for (RunResult r : results) {
            lines.add(Summary.Line.of(r));
        }
        Path summary = out.resolve("summary.md");
        Files.writeString(summary, Summary.ranWith(results) + "\n" + Summary.markdown(lines));
        System.out.println("\nResults: " + out.resolve("results.json") + "\nSummary: " + summary + "\n");
        System.out.println(Files.readString(summary));
    }
}
