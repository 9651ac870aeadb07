package dev.belay.bench;

import dev.belay.bench.Music.Person;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.jooq.Records;
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
 * One person by primary key into a record, a different one each call: build, run, map. {@link #belay} builds the
 * select per call, as a user writes a query inline, and is the one the target is judged by; {@link #belayPrebuilt}
 * binds a query kept in a constant, as the performance notes advise for a query run often.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class PointLookupBench {
    private long next;

    private long nextId() {
        next = next % Music.PEOPLE + 1;
        return next;
    }

    @Setup(Level.Trial)
    public void check(Contenders on) throws SQLException {
        for (int i = 0; i < Music.PEOPLE; i++) {
            long id = next + 1;
            Person expected = jdbc(on);
            Check.that(expected.id() == id, "point lookup", "jdbc", "returns " + expected + " for id " + id);
            next = id - 1;
            Check.same("point lookup", "jdbc", expected, "belay", belay(on));
            next = id - 1;
            Check.same("point lookup", "jdbc", expected, "belayPrebuilt", belayPrebuilt(on));
            next = id - 1;
            Check.same("point lookup", "jdbc", expected, "jooq", jooq(on));
        }
    }

    @Benchmark
    public Person jdbc(Contenders on) throws SQLException {
        try (Connection c = on.pool.getConnection(); PreparedStatement ps = c.prepareStatement(Queries.JDBC_BY_PK)) {
            ps.setLong(1, nextId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no person " + next);
                }
                int age = rs.getInt(4);
                Integer nullableAge = rs.wasNull() ? null : age;
                return new Person(rs.getLong(1), rs.getString(2), rs.getString(3), nullableAge);
            }
        }
    }

    @Benchmark
    public Person belay(Contenders on) {
        return on.belay.one(Queries.belayByPk(nextId()));
    }

    @Benchmark
    public Person belayPrebuilt(Contenders on) {
        return on.belay.one(Queries.BY_PK.bind(Queries.PK, nextId()));
    }

    @Benchmark
    public Person jooq(Contenders on) {
        return Queries.jooqByPk(on.jooq, nextId()).fetchSingle(Records.mapping(Person::new));
    }
}
