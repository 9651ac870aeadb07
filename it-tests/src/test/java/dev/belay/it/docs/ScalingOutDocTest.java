package dev.belay.it.docs;

import static dev.belay.dsl.Sql.count;
import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.select;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * docs/scaling-out.md: a pool through PgBouncer in transaction mode. Runs in it-tests' pgbouncer execution, where
 * the kit has a PgBouncer in front of the test server.
 */
@FixtureDatabase
final class ScalingOutDocTest {

    @Test
    void throughPgBouncer(TestDatabase t) {
        assertNotNull(t.pgBouncer(), "this class belongs to it-tests' pgbouncer execution");
        String url = t.pgBouncer().urlOf(t.name());
        String user = t.user();
        // tag::pgbouncer-config[]
        DBConfig config = DBConfig.builder(url)            // PgBouncer's port, e.g. jdbc:postgresql://bouncer:6432/app
                .user(user)
                .pgbouncerTransactionMode()                  // unnamed statements; timeouts per transaction
                .statementTimeout(Duration.ofSeconds(5))
                .build();
        try (DBConnection db = DBConnection.open(config)) {
            db.transaction(tx -> tx.exec(insertInto(USER).values(new User(null, "Ann", "ann@example.org", 30, null))));
            long users = db.fetchValue(select(count()).from(USER));
        }
        // end::pgbouncer-config[]
        assertEquals(1L, t.count("SELECT count(*) FROM users WHERE email = 'ann@example.org'"));
    }
}
