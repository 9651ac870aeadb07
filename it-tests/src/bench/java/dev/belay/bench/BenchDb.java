package dev.belay.bench;

import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The database the benchmarks run in: {@code belay_bench} on the server {@code BELAY_BENCH_JDBC_URL} names
 * (user {@code BELAY_BENCH_USER}, password {@code BELAY_BENCH_PASSWORD}), else on localhost:5432 as postgres.
 */
final class BenchDb {
    private static final String SERVER = env("BELAY_BENCH_JDBC_URL", "jdbc:postgresql://localhost:5432/postgres");
    private static final String USER = env("BELAY_BENCH_USER", "postgres");
    private static final String PASSWORD = env("BELAY_BENCH_PASSWORD", System.getenv("PGPASSWORD"));
    private static final String NAME = "belay_bench";

    private BenchDb() {}

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static String url() {
        return SERVER.replaceFirst("/[^/?]*(\\?|$)", "/" + NAME + "$1");
    }

    /** A plain JDBC connection to the bench database, created on first use. */
    static Connection connect() throws SQLException {
        try (Connection admin = open(SERVER); Statement st = admin.createStatement()) {
            if (!st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'").next()) {
                st.execute("CREATE DATABASE " + NAME);
            }
        }
        return open(url());
    }

    private static Connection open(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        if (PASSWORD != null) {
            p.setProperty("password", PASSWORD);
        }
        return DriverManager.getConnection(url, p);
    }

    static DBConnection belay() {
        DBConfig.Builder b = DBConfig.builder(url()).user(USER).poolSize(2);
        if (PASSWORD != null) {
            b.password(PASSWORD);
        }
        return DBConnection.open(b.build());
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
