package dev.belay.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loading rows with COPY: {@code db.copy} against what a careful hand-written loader does with pgjdbc's
 * CopyManager (text format, strings escaped, 64 KB chunks). Each invocation starts from an empty table. Before
 * timing, each loads the rows once, and the table's contents must be the same after either.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class CopyBench {
    public record Visit(Long id, String name, String email, Integer age, Instant at) {}

    static final class Visits extends Table<Visit> {
        static final Visits V = new Visits();
        final Column<Visit, Long> id = column("id", PgType.INT8);
        final Column<Visit, String> name = column("name", PgType.TEXT);
        final Column<Visit, String> email = column("email", PgType.TEXT);
        final Column<Visit, Integer> age = column("age", PgType.INT4).nullable();
        final Column<Visit, Instant> at = column("at", PgType.TIMESTAMPTZ);

        private Visits() {
            super("bench_visits", Visit.class);
        }
    }

    @Param({"10000", "100000"})
    int rows;

    private List<Visit> visits;
    /** Empties and checks the table; no contender's (see {@link BulkInsertBench}). */
    private Connection admin;
    /** Every contender's: see {@link BenchDb}. */
    private HikariDataSource pool;
    private DBConnection db;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        admin = BenchDb.connect();
        BenchDb.exec(admin, "DROP TABLE IF EXISTS bench_visits; CREATE TABLE bench_visits (id int8, name text, "
                + "email text, age int4, at timestamptz)");
        pool = BenchDb.pool();
        db = BenchDb.belay(pool);
        visits = new ArrayList<>(rows);
        Instant base = Instant.parse("2024-01-01T00:00:00.123456Z");
        for (int i = 0; i < rows; i++) {
            visits.add(new Visit((long) i, "User Name " + i, "user" + i + "@example.org", i % 3 == 0 ? null : 20 + i % 50,
                    base.plusSeconds(i)));
        }
        String belay = loaded("belayCopy", CopyBench::belayCopy);
        Check.same("COPY " + rows, "belayCopy", belay, "jdbcCopyManager", loaded("jdbcCopyManager",
                CopyBench::jdbcCopyManager));
    }

    private interface Contender {
        long copy(CopyBench bench) throws SQLException;
    }

    /** What the table holds after the contender loaded the rows, as one digest. */
    private String loaded(String name, Contender contender) throws SQLException {
        empty();
        long count = contender.copy(this);
        Check.that(count == rows, "COPY " + rows, name, "reports " + count + " rows");
        try (java.sql.Statement st = admin.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT count(*) || ' rows, md5 ' || md5(string_agg(concat_ws("
                     + "'|', id, name, email, coalesce(age::text, 'null'), at), ',' ORDER BY id)) FROM bench_visits")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        BenchDb.exec(admin, "TRUNCATE bench_visits");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        db.close();
        pool.close();
        admin.close();
    }

    @Benchmark
    public long belayCopy() {
        return db.copy(Visits.V, visits);
    }

    @Benchmark
    public long jdbcCopyManager() throws SQLException {
        try (Connection jdbc = pool.getConnection()) {
            return copy(jdbc.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY bench_visits (id, name, email, age, at) FROM STDIN"));
        }
    }

    private long copy(CopyIn in) throws SQLException {
        StringBuilder b = new StringBuilder(70_000);
        for (Visit v : visits) {
            b.append(v.id()).append('\t');
            escape(b, v.name());
            b.append('\t');
            escape(b, v.email());
            b.append('\t');
            if (v.age() == null) {
                b.append("\\N");
            } else {
                b.append(v.age());
            }
            b.append('\t').append(v.at()).append('\n');
            if (b.length() >= 65_536) {
                byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                b.setLength(0);
            }
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        return in.endCopy();
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }
}
