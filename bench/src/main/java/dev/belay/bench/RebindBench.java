package dev.belay.bench;

import static dev.belay.bench.Music.People.PERSON;
import static dev.belay.dsl.Sql.param;
import static dev.belay.dsl.Sql.select;

import dev.belay.bench.Music.Person;
import dev.belay.dsl.Param;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
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
    private final Param<Long> id = param("id", Long.class);
    private final Select<Person> byId = select(PERSON).where(PERSON.id.eq(id));
    private long value = 42;

    @Setup(Level.Trial)
    public void check() {
        Check.same("re-bind", "a query built afresh", Queries.belayByPk(value).render(), "belay (re-bound)", belay());
    }

    @Benchmark
    public RenderedSql belay() {
        return byId.bind(id, value).render();
    }
}
