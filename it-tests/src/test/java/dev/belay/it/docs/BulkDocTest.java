package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConnection;
import dev.belay.executor.RowNotFoundException;
import dev.belay.executor.Upserted;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/bulk.md: bulk insert with keys, bulk upsert, COPY and the row helpers, run on an empty fixture schema. */
@FixtureDatabase
final class BulkDocTest {
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        db = t.open();
    }


    @Test
    void insertUpsertCopy() {
        // tag::bulk-insert[]
        List<User> users = IntStream.range(0, 10_000)
                .mapToObj(i -> new User(null, "user " + i, "user" + i + "@example.org", i % 90, null))
                .toList();
        List<User> saved = db.insert(USER, users);      // one statement; saved.get(i) is users.get(i) with its id
        // end::bulk-insert[]
        assertEquals(10_000, saved.size());
        for (int i = 0; i < saved.size(); i++) {
            assertEquals(users.get(i).email(), saved.get(i).email());
            assertEquals(saved.get(i).email(), testDb.count("SELECT id FROM users WHERE email = ?",
                    saved.get(i).email()) == saved.get(i).id() ? saved.get(i).email() : "wrong key");
            if (i == 100) {
                break;                                  // the it-tests bulk suites check every row; a sample here
            }
        }
        // tag::bulk-upsert[]
        List<User> batch = List.of(
                new User(null, "User Zero", "user0@example.org", 40, null),    // exists: updated
                new User(null, "Newcomer", "new@example.org", 22, null));      // new: inserted
        List<Upserted<User>> result = db.upsert(batch, onConflict(USER.EMAIL).doUpdateAllExcept(USER.ID));
        result.get(0).outcome();                        // UPDATED
        result.get(1).outcome();                        // INSERTED
        result.get(1).row().id();                       // the new key
        // end::bulk-upsert[]
        assertEquals(Upserted.Outcome.UPDATED, result.get(0).outcome());
        assertEquals(Upserted.Outcome.INSERTED, result.get(1).outcome());
        assertEquals(saved.get(0).id(), result.get(0).row().id());
        // tag::bulk-copy[]
        Stream<User> imported = IntStream.range(0, 100_000)
                .mapToObj(i -> new User(null, "import " + i, "import" + i + "@example.org", null, null));
        long copied = db.copy(USER, imported);          // COPY ... FROM STDIN: streamed, atomic, no keys back
        // end::bulk-copy[]
        assertEquals(100_000L, copied);
        assertEquals(110_001L, testDb.count("SELECT count(*) FROM users"));
    }

    @Test
    void rowHelpers() {
        User zoe = db.insert(new User(null, "Zoe", "zoe@example.org", 33, null));
        long id = zoe.id();
        // tag::bulk-row-helpers[]
        Optional<User> found = db.get(USER, id);                  // by primary key
        User older = new User(zoe.id(), zoe.name(), zoe.email(), 34, zoe.createdAt());
        db.update(older);                                         // every non-key, non-generated column
        db.update(USER, older, USER.AGE);                         // only the columns named
        User fresh = db.refresh(older);                           // read back as stored
        db.delete(fresh);
        // db.update(fresh) now throws RowNotFoundException: never a silent 0
        // end::bulk-row-helpers[]
        assertTrue(found.isPresent());
        assertEquals(34, fresh.age());
        assertThrows(RowNotFoundException.class, () -> db.update(fresh));
    }
}
