package dev.belay.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The fresh database a test class runs against, injected by {@link TestDatabase}:
 * {@code @Test void t(TestDb db) { try (Connection c = db.connect()) { ... } }}.
 *
 * @param jdbcUrl  the URL of this class's own database
 * @param user     the user, or null when the URL carries it
 * @param password the password, or null when none is needed
 */
public record TestDb(String jdbcUrl, String user, String password) {

    /** A new connection in autocommit mode; the caller closes it. */
    /** Every table the fixture schema creates (belay/fixture-schema.sql and belay/it-extra-schema.sql). */
    public static final List<String> FIXTURE_TABLES =
            List.of("users", "orders", "nodes", "node_archive", "events", "wide", "app.docs");

    public Connection connect() throws SQLException {
        return open(jdbcUrl, user, password);
    }

    /**
     * Loads {@code belay/fixture-seed.sql} (the dsl test-jar's seeded rows: 3 users, 3 orders, 4 nodes, ...)
     * into this database and commits it; call it once, from {@code @BeforeAll}.
     */
    public void seed() throws SQLException {
        String sql;
        try {
            sql = TestDatabase.resource("belay/fixture-seed.sql");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * A number the database answers on a connection of its own, outside Belay, so it shows only what was
     * committed: {@code testDb.count("SELECT count(*) FROM items WHERE name = ?", name)}.
     */
    public long count(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row from " + sql);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static Connection open(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        // a server that is down must fail fast, not stall the run
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url, props);
    }

    @Override
    public String toString() {
        return jdbcUrl + " as " + user; // the password stays out of test reports
    }
}
