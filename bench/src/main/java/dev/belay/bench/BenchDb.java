package dev.belay.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.belay.executor.DBConnection;
import dev.belay.test.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The database the benchmarks run in: {@code belay_bench} on the server the tests use ({@link PostgresServer#find()}:
 * {@code BELAY_TEST_JDBC_URL}, ..., else localhost:5432 as postgres), created on first use and kept.
 *
 * <p>All contenders of a benchmark run on one HikariCP pool of {@link #POOL_SIZE} connections with HikariCP's
 * defaults: hand-written JDBC and jOOQ borrow from it, Belay runs on it through {@code DBConnection.of(pool)}. On one
 * thread the pool lends the same connection each time, so every contender talks to the same server process. Two
 * server processes differ: here the same 10,000-row insert took 19.5 ms in one and 21.0 ms in the other, run in
 * alternation, which separate pools would have put into every ratio.
 */
final class BenchDb {
    static final int POOL_SIZE = 2;
    private static final String NAME = "belay_bench";

    private BenchDb() {}

    private static PostgresServer server() {
        PostgresServer server = PostgresServer.find();
        try (Connection admin = server.connect(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + NAME);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + NAME + " on " + server, e);
        }
        return server;
    }

    /** A plain JDBC connection to the bench database, in autocommit mode; the caller closes it. */
    static Connection connect() throws SQLException {
        PostgresServer server = server();
        Properties p = new Properties();
        if (server.user() != null) {
            p.setProperty("user", server.user());
        }
        if (server.password() != null) {
            p.setProperty("password", server.password());
        }
        return DriverManager.getConnection(server.urlOf(NAME), p);
    }

    /** Belay on the contenders' pool, as on an application's own (Spring's, say); closing it leaves the pool open. */
    static DBConnection belay(HikariDataSource pool) {
        return DBConnection.of(pool);
    }

    /** The pool every contender of a benchmark uses. */
    static HikariDataSource pool() {
        PostgresServer server = server();
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(server.urlOf(NAME));
        c.setUsername(server.user());
        c.setPassword(server.password());
        c.setMaximumPoolSize(POOL_SIZE);
        c.setPoolName("bench");
        return new HikariDataSource(c);
    }

    /** jOOQ as its manual sets it up: a DSLContext over a DataSource, in the PostgreSQL dialect. */
    static DSLContext jooq(HikariDataSource pool) {
        return DSL.using(pool, SQLDialect.POSTGRES);
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
