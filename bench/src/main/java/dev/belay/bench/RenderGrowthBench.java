package dev.belay.bench;

import dev.belay.bench.Music.Person;
import dev.belay.dsl.RenderedSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How the cost of building and rendering grows with the query: a select whose filter has 1, 10 or 100 predicates
 * ({@link Queries#belayFilter}), and an INSERT ... RETURNING of 1, 100 or 1,000 rows. Both must stay linear: the
 * time per predicate or per row should not grow with the query. Belay against jOOQ, as in {@link RenderBench}, and
 * checked the same way before timing: both renders run on PostgreSQL, rolled back, and must give the same rows.
 *
 * <p>Each size is a state of its own, so that JMH runs the select methods only at the predicate counts and the insert
 * methods only at the row counts.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// shorter than RenderBench: 12 trials; renders settle within a second
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RenderGrowthBench {

    /** The select with {@link #predicates} predicates. */
    @State(Scope.Thread)
    public static class Predicates {
        @Param({"1", "10", "100"})
        public int predicates;

        final DSLContext render = DSL.using(SQLDialect.POSTGRES);
        Queries.Filter filter;

        @Setup(Level.Trial)
        public void check() throws SQLException {
            createTables();
            filter = new Queries.Filter(predicates, 0);
            String work = "render a select of " + predicates + " predicates";
            RenderedSql belay = Queries.belayFilter(filter).render();
            Outcome.same(work, belay, render, Queries.jooqFilter(render, filter), false);
            Check.same(work, "the SQL text for these values", belay.sql(), "the SQL text for other values",
                    Queries.belayFilter(new Queries.Filter(predicates, 1)).render().sql());
        }
    }

    /** The insert of {@link #rows} rows. */
    @State(Scope.Thread)
    public static class Rows {
        @Param({"1", "100", "1000"})
        public int rows;

        final DSLContext render = DSL.using(SQLDialect.POSTGRES);
        List<Person> people;

        @Setup(Level.Trial)
        public void check() throws SQLException {
            createTables();
            people = Queries.newPeople(rows);
            String work = "render an insert of " + rows + " rows";
            RenderedSql belay = Queries.belayInsert(people).render();
            Outcome.same(work, belay, render, Queries.jooqInsert(render, people), true);
            List<Person> others = new ArrayList<>(rows);
            for (Person p : people) {
                others.add(new Person(null, p.name() + " again", p.email(), null));
            }
            Check.same(work, "the SQL text for these values", belay.sql(), "the SQL text for other values",
                    Queries.belayInsert(others).render().sql());
        }
    }

    @Benchmark
    public RenderedSql belaySelect(Predicates p) {
        return Queries.belayFilter(p.filter).render();
    }

    @Benchmark
    public void jooqSelect(Predicates p, Blackhole bh) {
        render(p.render, Queries.jooqFilter(p.render, p.filter), bh);
    }

    @Benchmark
    public RenderedSql belayInsert(Rows r) {
        return Queries.belayInsert(r.people).render();
    }

    @Benchmark
    public void jooqInsert(Rows r, Blackhole bh) {
        render(r.render, Queries.jooqInsert(r.render, r.people), bh);
    }

    /** The tables the checks run the renders against. */
    private static void createTables() throws SQLException {
        try (Connection c = BenchDb.connect()) {
            Music.create(c);
        }
    }

    /** What jOOQ's render gives to compare with Belay's: the SQL text and the bind values. */
    private static void render(DSLContext render, Query q, Blackhole bh) {
        bh.consume(render.render(q));
        bh.consume(render.extractBindValues(q));
    }
}
