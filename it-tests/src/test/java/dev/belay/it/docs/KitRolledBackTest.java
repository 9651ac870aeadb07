package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import org.junit.jupiter.api.Test;

/** docs/testing.md: each test in a transaction rolled back afterwards. */
// tag::testing-kit-rollback[]
@BelayTest(scripts = "belay/fixture-schema.sql", rollbackEachTest = true)
final class KitRolledBackTest {

    @Test
    void first(DBConnection tx) {           // the handle of the test's transaction, rolled back after it
        tx.exec(insertInto(USER).values(new User(null, "Bo", "bo@example.org", 40, null)));
        assertEquals(1L, tx.fetchValue(select(count()).from(USER)));
    }

    @Test
    void second(DBConnection tx) {          // sees none of the first test's rows, whatever the order
        tx.exec(insertInto(USER).values(new User(null, "Cy", "cy@example.org", 50, null)));
        assertEquals(1L, tx.fetchValue(select(count()).from(USER)));
    }
}
// end::testing-kit-rollback[]
