package dev.belay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A primary and its hot standby from the kit: replication works, and the standby stops, starts and is promoted. */
final class PostgresClusterTest {

    @Test
    void aStandbyReplaysThePrimaryAndCanBePromoted() throws Exception {
        try (PostgresCluster primary = PostgresCluster.primary();
             PostgresCluster standby = PostgresCluster.standbyOf(primary)) {
            execute(primary, "CREATE TABLE t (x int); INSERT INTO t VALUES (1)");
            assertTrue(standby.isStandby());
            assertEquals("true", query(standby, "SELECT pg_is_in_recovery()"));
            waitFor(standby, "SELECT count(*) FROM t", "1");
            standby.stop();
            assertThrows(SQLException.class, () -> query(standby, "SELECT 1"));
            standby.start();
            execute(primary, "INSERT INTO t VALUES (2)");
            waitFor(standby, "SELECT count(*) FROM t", "2");
            standby.promote();
            assertEquals("false", query(standby, "SELECT pg_is_in_recovery()"));
            execute(standby, "INSERT INTO t VALUES (3)");
        }
    }

    private static void waitFor(PostgresCluster c, String sql, String want) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!want.equals(queryOrNull(c, sql))) {
            assertTrue(System.currentTimeMillis() < deadline, c + " did not reach " + sql + " = " + want);
            Thread.sleep(20);
        }
    }

    /** Null while the standby has not replayed the table's creation yet. */
    private static String queryOrNull(PostgresCluster c, String sql) {
        try {
            return query(c, sql);
        } catch (SQLException e) {
            return null;
        }
    }

    private static void execute(PostgresCluster c, String sql) throws SQLException {
        try (Connection conn = DriverManager.getConnection(c.url(), c.user(), "");
             Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private static String query(PostgresCluster c, String sql) throws SQLException {
        try (Connection conn = DriverManager.getConnection(c.url(), c.user(), "");
             Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1).replace("t", "true").replace("f", "false");
        }
    }
}
