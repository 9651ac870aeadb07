package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.belay.executor.BelayException;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.PoolStats;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Opening, sharing and closing pools. */
@FixtureDatabase
final class PoolTest {

    @Test
    void openWithUrlUserPasswordAndClose(TestDatabase t) {
        DBConnection db = DBConnection.open(t.url(), t.user(), t.password());
        assertEquals(1, db.sql("select 1").one(Integer.class));
        PoolStats stats = db.poolStats();
        assertEquals(0, stats.active());
        assertTrue(stats.total() >= 1, stats.toString());
        db.close();
        assertThrows(BelayException.class, () -> db.sql("select 1").one(Integer.class));
    }

    @Test
    void openWithConfig(TestDatabase t) {
        DBConnection db = t.open(b -> b.poolSize(2).lockTimeout(Duration.ofSeconds(3)));
        try {
            assertEquals("3s", db.sql("show lock_timeout").one(String.class));
            assertEquals("0", db.sql("show statement_timeout").one(String.class));
        } finally {
            t.close(db);
        }
    }

    @Test
    void configIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> DBConfig.builder("jdbc:mysql://x/y"));
        assertThrows(IllegalArgumentException.class, () -> DBConfig.settings().poolSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> DBConfig.settings().fetchSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> DBConfig.settings().statementTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> DBConnection.open(DBConfig.settings().build()));
        DBConfig secret = DBConfig.builder("jdbc:postgresql://h/d").user("u").password("s3cr3t-pw").build();
        assertFalse(secret.toString().contains("s3cr3t-pw"), secret.toString());
    }

    @Test
    void ofDataSourceIsNotClosed(TestDatabase t) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(t.url());
        config.setUsername(t.user());
        config.setPassword(t.password());
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DBConnection db = DBConnection.of(pool);
            assertEquals(2L, db.sql("select 2::int8").one(Long.class));
            assertEquals(0, db.poolStats().active());
            db.close();
            assertFalse(pool.isClosed());
            assertEquals(3L, db.sql("select 3::int8").one(Long.class));
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
        }
    }

    @Test
    void ofPlainDataSource(TestDatabase t) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(t.url());
        if (t.user() != null) {
            ds.setUser(t.user());
        }
        if (t.password() != null) {
            ds.setPassword(t.password());
        }
        DBConnection db = DBConnection.of(ds, DBConfig.settings().fetchSize(10).build());
        assertEquals("x", db.sql("select 'x'").one(String.class));
        int three = db.transaction(tx -> tx.sql("select 3").one(Integer.class));
        assertEquals(3, three);
        assertThrows(IllegalStateException.class, db::poolStats);
        db.close();
        assertThrows(IllegalArgumentException.class,
                () -> DBConnection.of(ds, DBConfig.settings().statementTimeout(Duration.ofSeconds(1)).build()));
        Long one = db.fetchValue(select(value(1L)));
        assertEquals(1L, one);
    }
}
