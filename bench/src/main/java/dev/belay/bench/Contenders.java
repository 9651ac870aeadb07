package dev.belay.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.belay.executor.DBConnection;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The three contenders of a benchmark that reads the database, on one HikariCP pool ({@link BenchDb}). */
@State(Scope.Benchmark)
public class Contenders {
    final DBConnection belay;
    final HikariDataSource pool;
    final DSLContext jooq;

    public Contenders() {
        try (Connection c = BenchDb.connect()) {
            Music.create(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the benchmark schema", e);
        }
        pool = BenchDb.pool();
        belay = BenchDb.belay(pool);
        jooq = BenchDb.jooq(pool);
    }

    @TearDown(Level.Trial)
    public void close() {
        belay.close();
        pool.close();
    }
}
