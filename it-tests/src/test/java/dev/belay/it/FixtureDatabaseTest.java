package dev.belay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConnection;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** What every integration test class starts from: a database of its own with the fixture schema and no rows. */
@FixtureDatabase
final class FixtureDatabaseTest {

    @Test
    void eachClassGetsItsOwnFreshDatabaseWithTheSchema(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database(), "
                     + "(SELECT count(*) FROM information_schema.tables WHERE table_name IN ('users', 'orders', "
                     + "'nodes', 'node_archive', 'events', 'wide', 'docs')), (SELECT count(*) FROM users)")) {
            rs.next();
            assertEquals(db.name(), rs.getString(1));
            assertTrue(rs.getString(1).matches("belay_test_[0-9a-f]{16}"), rs.getString(1));
            assertEquals(FixtureDatabase.TABLES.size(), rs.getInt(2));
            assertEquals(0, rs.getInt(3));
        }
    }

    @Test
    void rolledBackReturnsTheResultAndLeavesNoTrace(DBConnection pool) {
        int inserted = Rollback.rolledBack(pool, tx -> tx.sql("insert into nodes (id, label) values (1, 'x')").execute());
        assertEquals(1, inserted);
        assertEquals(0L, pool.sql("select count(*) from nodes").one(Long.class));
    }
}
