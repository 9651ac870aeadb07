package dev.belay.bench;

import dev.belay.bench.Music.Person;
import dev.belay.dsl.RenderedSql;
import java.sql.Connection;
import java.sql.SQLException;
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
 * Building a query and rendering it to SQL text and parameters, no database involved: what every call of a query
 * built per call costs before JDBC. Hand-written JDBC has no counterpart (its text is a constant). jOOQ renders with
 * a DSLContext that has only a dialect, and extracts the bind values too, since Belay's render gives both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class RenderBench {
    /**
     * What is built: a select by primary key, a 3-table join into a record (and, to see what {@code into(..)} costs,
     * the same join read as tuples; jOOQ builds the same query for both), an upsert RETURNING, a 100-row INSERT
     * RETURNING.
     */
    public enum Work { SELECT_BY_PK, JOIN_3, JOIN_3_TUPLES, UPSERT_RETURNING, INSERT_100_RETURNING }

    @Param
    public Work work;

    private final DSLContext render = DSL.using(SQLDialect.POSTGRES);
    private long id = 42;
    private long albums = Music.JOIN_ALBUMS;
    // email of person 5: the upsert takes the DO UPDATE path
    private Person upsert = new Person(null, "Renamed", "person5@example.org", 33);
    private List<Person> hundred = Queries.newPeople(100);

    @Setup(Level.Trial)
    public void check() throws SQLException {
        try (Connection c = BenchDb.connect()) {
            Music.create(c);
        }
        boolean writes = work == Work.UPSERT_RETURNING || work == Work.INSERT_100_RETURNING;
        Outcome.same("render " + work, belay(), render, jooqQuery(), writes);
    }

    @Benchmark
    public RenderedSql belay() {
        return switch (work) {
            case SELECT_BY_PK -> Queries.belayByPk(id).render();
            case JOIN_3 -> Queries.belayJoin(albums).render();
            case JOIN_3_TUPLES -> Queries.belayJoinTuples(albums).render();
            case UPSERT_RETURNING -> Queries.belayUpsert(upsert).render();
            case INSERT_100_RETURNING -> Queries.belayInsert(hundred).render();
        };
    }

    @Benchmark
    public void jooq(Blackhole bh) {
        Query q = jooqQuery();
        bh.consume(render.render(q));
        bh.consume(render.extractBindValues(q));
    }

    private Query jooqQuery() {
        return switch (work) {
            case SELECT_BY_PK -> Queries.jooqByPk(render, id);
            case JOIN_3, JOIN_3_TUPLES -> Queries.jooqJoin(render, albums);
            case UPSERT_RETURNING -> Queries.jooqUpsert(render, upsert);
            case INSERT_100_RETURNING -> Queries.jooqInsert(render, hundred);
        };
    }
}
