package dev.belay.it.replicas;

import dev.belay.executor.DBConfig;
import dev.belay.test.PostgresCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A primary of the test kit's {@link PostgresCluster} with hot standbys streaming from it, and the fixture's
 * {@code users} table; for the tests of read replicas, which stop and restart servers the shared test server
 * must never lose.
 */
public final class Replication implements AutoCloseable {
    public final PostgresCluster primary;
    public final List<PostgresCluster> standbys = new ArrayList<>();

    private Replication(PostgresCluster primary) {
        this.primary = primary;
    }

    /** A primary with {@code count} standbys, the users table created and replayed on each. */
    public static Replication start(int count) {
        Replication r = new Replication(PostgresCluster.primary());
        try {
            execute(r.primary, "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "name text NOT NULL, email text NOT NULL UNIQUE, age integer, "
                    + "created_at timestamptz NOT NULL DEFAULT now())");
            for (int i = 0; i < count; i++) {
                r.standbys.add(PostgresCluster.standbyOf(r.primary));
            }
            r.awaitReplay();
            return r;
        } catch (RuntimeException | SQLException e) {
            r.close();
            throw new IllegalStateException("could not set up replication: " + e, e);
        }
    }

    /** The primary's URL, user and every standby as a replica. */
    public DBConfig.Builder config() {
        DBConfig.Builder b = DBConfig.builder(primary.url()).user(primary.user());
        standbys.forEach(s -> b.replica(s.url()));
        return b;
    }

    public PostgresCluster standby() {
        return standbys.get(0);
    }

    /** Waits until every standby has replayed all the primary has written so far. */
    public void awaitReplay() throws SQLException {
        // the flush position, which a replica reaches without waiting for more WAL (see WalEnd in the executor)
        String written = query(primary, "SELECT pg_current_wal_flush_lsn()::text");
        for (PostgresCluster s : standbys) {
            long deadline = System.currentTimeMillis() + 20_000;
            while (!"true".equals(query(s, "SELECT (pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn)::text"))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(s + " did not replay up to " + written + " within 20 s; its log:\n"
                            + s.log());
                }
                pause(10);
            }
        }
    }

    static void execute(PostgresCluster c, String sql) throws SQLException {
        try (Connection conn = DriverManager.getConnection(c.url(), c.user(), "");
             Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    static String query(PostgresCluster c, String sql) throws SQLException {
        try (Connection conn = DriverManager.getConnection(c.url(), c.user(), "");
             Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        standbys.forEach(PostgresCluster::close);
        primary.close();
    }
}
