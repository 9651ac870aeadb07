package dev.belay.bench;

import dev.belay.bench.Music.TrackRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

/** Fetching the 3,500 rows of a three-table join into records: build, run, map. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class FetchJoinBench {
    private long albums = Music.JOIN_ALBUMS;

    @Setup(Level.Trial)
    public void check(Contenders on) throws SQLException {
        List<TrackRow> expected = jdbc(on);
        Check.that(expected.size() == Music.JOIN_ROWS, "fetch join", "jdbc", "returns " + expected.size() + " rows");
        Check.same("fetch join", "jdbc", expected, "belay", belay(on));
        Check.same("fetch join", "jdbc", expected, "jooq", jooq(on));
    }

    @Benchmark
    public List<TrackRow> jdbc(Contenders on) throws SQLException {
        try (Connection c = on.pool.getConnection(); PreparedStatement ps = c.prepareStatement(Queries.JDBC_JOIN)) {
            ps.setLong(1, albums);
            try (ResultSet rs = ps.executeQuery()) {
                List<TrackRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new TrackRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5)));
                }
                return rows;
            }
        }
    }

    @Benchmark
    public List<TrackRow> belay(Contenders on) {
        return on.belay.exec(Queries.belayJoin(albums));
    }

    @Benchmark
    public List<TrackRow> jooq(Contenders on) {
        return Queries.jooqJoin(on.jooq, albums).fetch(Records.mapping(TrackRow::new));
    }
}
