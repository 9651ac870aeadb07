package dev.belay.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The client's CPU time per operation: the benchmark JVM's process CPU time over an iteration (every thread: the
 * benchmark's, the driver's, the pool's, the garbage collector's and the compiler's) divided by its operations.
 * PostgreSQL runs in processes of its own, so this is the part of an operation's cost that the contender's own code
 * decides. On two cores that the database shares, wall time moves by ±15 % from run to run with the scheduler;
 * CPU time per operation moves far less, so it tells a small difference in what a contender does apart from noise.
 */
public final class ClientCpuProfiler implements InternalProfiler {
    static final String NAME = "client.cpu";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startedAt;

    @Override
    public String getDescription() {
        return "process CPU time per operation (all threads of the benchmark JVM)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        startedAt = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
                                                       IterationResult result) {
        long nanos = os.getProcessCpuTime() - startedAt;
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0 || nanos < 0) {
            return List.of();
        }
        return List.of(new ScalarResult(NAME, nanos / 1_000.0 / ops, "us/op", AggregationPolicy.AVG));
    }
}
