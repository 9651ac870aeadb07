package dev.belay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.BelayException;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The {@link TestDatabase} a test receives: plain JDBC helpers, pool configuration, and pools to track. */
@BelayTest(scripts = "belay/kit/schema.sql")
final class TestDatabaseTest {

    @Test
    void itIsTheClassesOwnDatabase(TestDatabase db) throws SQLException {
        assertEquals(db.server().urlOf(db.name()), db.url());
        assertSame(PostgresServer.find(), db.server());
        try (Connection c = db.connect()) {
            assertEquals(db.name(), c.getCatalog());
        }
        assertEquals(db.url() + " as " + db.user(), db.toString());
    }

    @Test
    void executeCountAndRunScriptWorkOutsideBelay(TestDatabase db) {
        db.execute("CREATE TABLE notes (id int4); INSERT INTO notes VALUES (1), (2), (3)");
        assertEquals(2, db.count("SELECT count(*) FROM notes WHERE id >= ?", 2));
        assertEquals(0, db.count("SELECT count(*) FROM notes WHERE id = ?", (Object) null));
        db.runScript("belay/kit/seed.sql");
        assertEquals(2, db.count("SELECT count(*) FROM items"));
        db.execute("DROP TABLE notes; TRUNCATE items");
    }

    @Test
    void failuresNameTheSqlOrTheScript(TestDatabase db) {
        IllegalStateException sql = assertThrows(IllegalStateException.class, () -> db.execute("SELEKT 1"));
        assertTrue(sql.getMessage().startsWith("SELEKT 1: ERROR: syntax error"), sql.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> db.count("SELECT 1 WHERE false"));
        assertEquals("no row from SELECT 1 WHERE false", none.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> db.runScript("belay/kit/nope.sql"));
        assertTrue(missing.getMessage().startsWith("the SQL script belay/kit/nope.sql is not on the test classpath"),
                missing.getMessage());
    }

    @Test
    void configIsThisDatabaseWithAPoolOfFour(TestDatabase db) {
        DBConfig config = db.config().statementTimeout(Duration.ofSeconds(3)).build();
        assertEquals(db.url(), config.jdbcUrl());
        assertEquals(db.user(), config.user());
        assertEquals(4, config.poolSize());
    }

    @Test
    void openedAndTrackedPoolsAreClosedCheckedOnce(TestDatabase db) {
        DBConnection opened = db.open(b -> b.poolSize(1));
        assertEquals(1, opened.sql("SELECT 1").one(Integer.class));
        DBConnection tracked = db.track(DBConnection.open(db.config().poolSize(1).build()));
        assertEquals(db.name(), tracked.sql("SELECT current_database()").one(String.class));
        db.close(opened);
        db.close(tracked);
        assertThrows(BelayException.class, () -> tracked.sql("SELECT 1").one(Integer.class));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> db.close(tracked));
        assertTrue(twice.getMessage().contains("or was closed already"), twice.getMessage());
    }

    @Test
    void onlyPoolsWhoseCountsCanBeReadAreTracked(TestDatabase db) {
        DBConnection borrowed = DBConnection.of(new NoDataSource());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.track(borrowed));
        assertTrue(e.getMessage().startsWith("poolStats() reads HikariCP's pool"), e.getMessage());
        assertFalse(db.toString().contains("password"), db.toString());
    }

    /** A DataSource that is never asked for a connection. */
    private static final class NoDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("no connections here", "08001");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // no log
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // no timeout
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
