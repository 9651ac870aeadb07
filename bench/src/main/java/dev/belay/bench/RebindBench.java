package dev.belay.bench;

import dev.belay.dsl.RenderedSql;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A query built once with a {@code Param}, bound to a new value and rendered per call: Belay's answer to "do not
 * rebuild the query". Neither jOOQ's manual nor hand-written JDBC has a counterpart, so Belay runs alone; the check
 * compares it with the same query built afresh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class RebindBench {
    private long value = 42;

    @Setup(Level.Trial)
    public void check() {
        Check.same("re-bind", "a query built afresh", Queries.belayByPk(value).render(), "belay (re-bound)", belay());
    }

    @Benchmark
    public RenderedSql belay() {
        return Queries.BY_PK.bind(Queries.PK, value).render();
    }
}
