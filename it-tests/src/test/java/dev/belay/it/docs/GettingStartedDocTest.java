package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README quickstart, docs/getting-started.md and docs/descriptors.md, run on an empty fixture schema. */
@FixtureDatabase
final class GettingStartedDocTest {

    @Test
    void quickstart(TestDatabase t) {
        String url = t.url();
        String user = t.user();
        String password = t.password();
        // tag::quickstart[]
        try (DBConnection db = DBConnection.open(url, user, password)) {     // a HikariCP pool
            db.exec(insertInto(USER).values(new User(null, "Alice", "alice@example.org", 30, null)));
            User bob = db.insert(new User(null, "Bob", "bob@example.org", 17, null));  // id, createdAt filled in

            Select<User> adults = select(User.class).where(USER.AGE.ge(18)).orderBy(USER.NAME.asc());
            List<User> found = db.exec(adults);                               // [User[id=1, name=Alice, ...]]
            Long minors = db.fetchValue(select(count()).from(USER).where(USER.AGE.lt(18)));   // 1

            db.exec(update(USER).set(USER.AGE, 18).where(USER.ID.eq(bob.id())));
            // end::quickstart[]
            assertEquals(List.of("Alice"), found.stream().map(User::name).toList());
            assertEquals(1L, minors);
            assertNotNull(bob.createdAt());
            assertEquals(2, db.exec(adults).size());
            // tag::quickstart[]
        }
        // end::quickstart[]
    }

    @Test
    void configuredPool(TestDatabase t) {
        String url = t.url();
        String user = t.user();
        String password = t.password();
        // tag::open-config[]
        DBConfig config = DBConfig.builder(url)          // jdbc:postgresql://localhost:5432/app
                .user(user).password(password)
                .poolSize(20)
                .statementTimeout(Duration.ofSeconds(30))
                .slowQueryThreshold(Duration.ofMillis(200))
                .connectRetry(10, Duration.ofSeconds(2))   // wait for a server that is still starting
                .build();
        try (DBConnection db = DBConnection.open(config)) {
            long users = db.fetchValue(select(count()).from(USER));
            // end::open-config[]
            assertEquals(0L, users);
            // tag::open-config[]
        }
        // end::open-config[]
    }

    @Test
    void derivedDescriptor() {
        // tag::table-of[]
        Table<User> users = Table.of(User.class);     // the same table, derived from the record
        users.columns();                              // "id", "name", "email", "age", "created_at"
        users.primaryKey();                           // "id": @Id
        // end::table-of[]
        assertEquals(List.of("id", "name", "email", "age", "created_at"),
                users.columns().stream().map(c -> c.name()).toList());
        assertEquals(List.of("id"), users.primaryKey().stream().map(c -> c.name()).toList());
        assertEquals(USER.columns(), users.columns());
    }
}
