package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.Test;

/** docs/testing.md: a user's test class on the belay-test kit. */
// tag::testing-kit[]
@BelayTest(scripts = "belay/fixture-schema.sql")     // a fresh database for this class, dropped afterwards
final class KitUserRepositoryTest {

    @Test
    void insertsAndCounts(DBConnection db, TestDatabase database) {
        User ann = db.insert(new User(null, "Ann", "ann@example.org", 31, null));
        assertEquals(1L, db.fetchValue(select(count()).from(USER).where(USER.ID.eq(ann.id()))));
        assertEquals(1L, database.count("SELECT count(*) FROM users"));   // plain JDBC, outside Belay
    }   // after each test the kit checks that no connection is left lent out
}
// end::testing-kit[]
