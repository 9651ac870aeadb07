package dev.belay.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.jooq.Constants;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The Markdown table of a run: one block of lines per benchmark (class and parameters), one line per contender,
 * with the median and mean time, allocation per op, the ratio to hand-written JDBC (its fastest variant: the
 * limit) and to jOOQ, and the client's CPU time per op ({@link ClientCpuProfiler}) with its ratio to that JDBC
 * variant's. A contender is named by its method: {@code jdbc...}, {@code belay...}, {@code jooq...}.
 * Above it, a line that names the JDK and the jOOQ that ran; below it, for the benchmarks run at several sizes, how
 * their cost grows ({@link Growth}).
 */
final class Summary {
    private Summary() {}

    /** One contender's result: {@code benchmark} is the class, {@code params} its JMH parameters in JMH's order. */
    record Line(String benchmark, Map<String, String> params, String contender, double median, double mean,
                double error, String unit, double bytesPerOp, double cpuMicrosPerOp) {
        static Line of(RunResult r) {
            BenchmarkParams p = r.getParams();
            String name = p.getBenchmark();
            int dot = name.lastIndexOf('.');
            Map<String, String> params = new LinkedHashMap<>();
            for (String key : p.getParamsKeys()) {
                params.put(key, p.getParam(key));
            }
            Result<?> primary = r.getPrimaryResult();
            return new Line(name.substring(name.lastIndexOf('.', dot - 1) + 1, dot), params, name.substring(dot + 1),
                    primary.getStatistics().getPercentile(50), primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit(), secondary(r, "gc.alloc.rate.norm"), secondary(r, ClientCpuProfiler.NAME));
        }

        /** A profiler's score, or NaN; older JMH versions put a dot before the names. */
        private static double secondary(RunResult r, String name) {
            Result<?> result = r.getSecondaryResults().get(name);
            if (result == null) {
                result = r.getSecondaryResults().get("\u00b7" + name);
            }
            return result == null ? Double.NaN : result.getStatistics().getPercentile(50);
        }

        /** What the contenders of one block share, e.g. {@code CopyBench rows=10000}. */
        String work() {
            return Summary.work(benchmark, params);
        }
    }

    /** A benchmark class and parameters as the tables name them: {@code WriteGrowthBench rows=1000, write=INSERT}. */
    static String work(String benchmark, Map<String, String> params) {
        StringBuilder b = new StringBuilder(benchmark);
        String separator = " ";
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append(separator).append(e.getKey()).append('=').append(e.getValue());
            separator = ", ";
        }
        return b.toString();
    }

    static String markdown(List<Line> lines) {
        Map<String, List<Line>> byWork = new LinkedHashMap<>();
        for (Line l : lines) {
            byWork.computeIfAbsent(l.work(), k -> new ArrayList<>()).add(l);
        }
        StringBuilder b = new StringBuilder();
        b.append("| benchmark | contender | median | mean ± error | unit | alloc B/op | ÷ JDBC | ÷ jOOQ "
                + "| client CPU µs/op | CPU ÷ JDBC |\n");
        b.append("|---|---|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<Line>> e : byWork.entrySet()) {
            Line jdbc = fastest(e.getValue(), "jdbc");
            Line jooq = fastest(e.getValue(), "jooq");
            for (Line l : e.getValue()) {
                b.append("| ").append(e.getKey()).append(" | ").append(l.contender())
                        .append(" | ").append(number(l.median()))
                        .append(" | ").append(number(l.mean())).append(" ± ").append(number(l.error()))
                        .append(" | ").append(l.unit())
                        .append(" | ").append(Double.isNaN(l.bytesPerOp()) ? "" : String.format(Locale.ROOT, "%,.0f",
                                l.bytesPerOp()))
                        .append(" | ").append(ratio(l, jdbc))
                        .append(" | ").append(ratio(l, jooq))
                        .append(" | ").append(Double.isNaN(l.cpuMicrosPerOp()) ? "" : number(l.cpuMicrosPerOp()))
                        .append(" | ").append(jdbc == null || Double.isNaN(l.cpuMicrosPerOp()) ? ""
                                : times(l.cpuMicrosPerOp() / jdbc.cpuMicrosPerOp()))
                        .append(" |\n");
            }
        }
        String growth = Growth.markdown(lines);
        if (!growth.isEmpty()) {
            b.append('\n').append(growth);
        }
        return b.toString();
    }

    /**
     * The JDK of the benchmark forks (as JMH recorded it) and the jOOQ on the classpath, both read at run time, in
     * one line: bench/run measures on more than one JDK, and each JDK gets its own jOOQ (bench/pom.xml), so a table
     * that does not say which ran cannot be compared with another.
     */
    static String ranWith(Collection<RunResult> results) {
        Set<String> jdks = new LinkedHashSet<>();
        String jmh = "";
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            jdks.add("Java " + p.getJdkVersion() + " (" + p.getVmName() + " " + p.getVmVersion() + ")");
            jmh = p.getJmhVersion();
        }
        return "Ran on " + String.join(" and ", jdks) + " with jOOQ " + jooqVersion() + " and JMH " + jmh + pinned()
                + ".\n";
    }

    /** How bench/run --pin placed the JVM and the server (BENCH_PINNED), or nothing when it did not. */
    static String pinned() {
        String pinned = System.getenv("BENCH_PINNED");
        return pinned == null || pinned.isBlank() ? "" : ", " + pinned;
    }

    // Reflectively: javac copies a constant's value into the code that reads it, which would be the compile-time jOOQ.
    private static String jooqVersion() {
        try {
            return (String) Constants.class.getField("FULL_VERSION").get(null);
        } catch (ReflectiveOperationException e) {
            return "(version unknown: " + e + ")";
        }
    }

    private static @Nullable Line fastest(List<Line> lines, String prefix) {
        Line best = null;
        for (Line l : lines) {
            if (l.contender().startsWith(prefix) && (best == null || l.median() < best.median())) {
                best = l;
            }
        }
        return best;
    }

    private static String ratio(Line l, @Nullable Line reference) {
        return reference == null ? "" : times(l.median() / reference.median());
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String number(double d) {
        return String.format(Locale.ROOT, d >= 100 ? "%,.1f" : d >= 1 ? "%.3f" : "%.4f", d);
    }
}
