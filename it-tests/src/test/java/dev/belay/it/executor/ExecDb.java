package dev.belay.it.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.PoolStats;
import dev.belay.it.TestDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;

/** Opens Belay pools on a class's {@link TestDb} and checks they end with no connection lent out. */
final class ExecDb {
    private ExecDb() {}

    static DBConfig.Builder config(TestDb db) {
        DBConfig.Builder b = DBConfig.builder(db.jdbcUrl()).poolSize(4);
        if (db.user() != null) {
            b.user(db.user());
        }
        if (db.password() != null) {
            b.password(db.password());
        }
        return b;
    }

    static DBConnection open(TestDb db) {
        return DBConnection.open(config(db).build());
    }

    static DBConnection open(TestDb db, UnaryOperator<DBConfig.Builder> tweak) {
        return DBConnection.open(tweak.apply(config(db)).build());
    }

    /** Asserts that no connection is still lent out, then closes the pool. */
    static void closeIdle(DBConnection db) {
        try {
            PoolStats stats = db.poolStats();
            assertEquals(0, stats.active(), "connections still lent out: " + stats);
        } finally {
            db.close();
        }
    }

    /** Runs DDL or DML on a plain JDBC connection, outside Belay. */
    static void jdbc(TestDb db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
