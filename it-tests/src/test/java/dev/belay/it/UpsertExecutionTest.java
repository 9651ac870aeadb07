package dev.belay.it;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.EventTable.EVENT;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.it.DmlReads.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.Insert;
import dev.belay.dsl.InsertDoUpdate;
import dev.belay.dsl.Returning;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.fixtures.Event;
import dev.belay.dsl.fixtures.User;
import dev.belay.executor.BelayException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.TransactionAction;
import dev.belay.test.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * INSERT ... ON CONFLICT built with the dsl, run through the executor on the seeded fixture
 * ({@code belay/fixture-seed.sql}: users Alice 30 / Bob 17 / Carol NULL with ids 1..3, event 1 'boot'), each
 * test in one transaction rolled back afterwards; the rows left behind are read back typed.
 */
@FixtureDatabase
final class UpsertExecutionTest {
    private static DBConnection dbc;

    @BeforeAll
    static void seed(TestDatabase db) throws SQLException {
        db.runScript(FixtureDatabase.SEED);
        dbc = db.open();
    }

    @Test
    void onConflictDoNothingLeavesTheExistingRowUntouched() {
        inRolledBackTx(tx -> {
            List<User> before = users(tx);
            assertEquals(0, tx.exec(insertInto(USER).columns(USER.NAME, USER.EMAIL, USER.AGE)
                    .values("Impostor", "alice@example.org", 99).onConflict(USER.EMAIL).doNothing()));
            assertEquals(before, users(tx));
            // with no target, any unique violation skips the row; the other row goes in
            assertEquals(1, tx.exec(insertInto(USER).columns(USER.NAME, USER.EMAIL, USER.AGE)
                    .values("Impostor", "bob@example.org", 1).values("Dora", "dora@example.org", 22)
                    .onConflict().doNothing()));
            assertEquals(List.of(new NameAge("Alice", 30), new NameAge("Bob", 17), new NameAge("Carol", null),
                    new NameAge("Dora", 22)), namesAndAges(tx, "SELECT name, age FROM users ORDER BY id"));
        });
    }

    @Test
    void doUpdateSetChangesOnlyTheListedColumns() {
        inRolledBackTx(tx -> {
            List<User> before = users(tx);
            assertEquals(1, tx.exec(insertInto(USER).columns(USER.NAME, USER.EMAIL, USER.AGE)
                    .values("Alicia", "alice@example.org", 31).onConflict(USER.EMAIL).doUpdateSet(USER.NAME)));
            List<User> after = users(tx);
            assertEquals(new User(1L, "Alicia", "alice@example.org", 30, before.get(0).createdAt()), after.get(0));
            assertEquals(before.subList(1, 3), after.subList(1, 3));
        });
    }

    @Test
    void doUpdateAllExceptKeepsTheListedColumnAndTheKey() {
        inRolledBackTx(tx -> {
            List<User> before = users(tx);
            Insert<User> upsert = insertInto(USER).values(new User(null, "Alicia", "alice@example.org", 99, null))
                    .onConflict(USER.EMAIL).doUpdateAllExcept(USER.AGE);
            assertEquals(1, tx.exec(upsert));
            List<User> after = users(tx);
            assertEquals(new User(1L, "Alicia", "alice@example.org", 30, before.get(0).createdAt()), after.get(0));
            assertEquals(before.subList(1, 3), after.subList(1, 3));
        });
    }

    @Test
    void doUpdateWhereUpdatesOnlyTheRowsThatPass() {
        inRolledBackTx(tx -> {
            InsertDoUpdate<User> raise = insertInto(USER)
                    .values(List.of(new User(null, "A", "alice@example.org", 40, null),
                            new User(null, "B", "bob@example.org", 10, null)))
                    .onConflict(USER.EMAIL).doUpdate()
                    .set(USER.AGE, excluded(USER.AGE)).where(USER.AGE.lt(excluded(USER.AGE)));
            assertEquals(1, tx.exec(raise));
            // Alice 30 < 40 passes and takes the new age; Bob 17 < 10 does not and keeps his; names are not set
            assertEquals(List.of(new NameAge("Alice", 40), new NameAge("Bob", 17), new NameAge("Carol", null)),
                    namesAndAges(tx, "SELECT name, age FROM users ORDER BY id"));
        });
    }

    @Test
    void onConstraintNamesTheArbiter() {
        inRolledBackTx(tx -> {
            assertEquals(1, tx.exec(insertInto(USER).columns(USER.NAME, USER.EMAIL).values("Robert", "bob@example.org")
                    .onConstraint("users_email_key").doUpdateSet(USER.NAME)));
            assertEquals(List.of(new IdNameAge(2L, "Robert", 17)),
                    tx.sql("SELECT id, name, age FROM users WHERE email = 'bob@example.org'").fetch(IdNameAge.class));
            assertEquals(0, tx.exec(insertInto(USER).columns(USER.NAME, USER.EMAIL).values("Bobby", "bob@example.org")
                    .onConstraint("users_email_key").doNothing()));
            assertEquals(3, count(tx, "users"));
            BelayException e = assertThrows(BelayException.class, () -> tx.exec(insertInto(USER)
                    .columns(USER.NAME, USER.EMAIL).values("X", "x@example.org").onConstraint("no_such_constraint")
                    .doNothing()));
            assertEquals("42704", e.sqlState(), e.getMessage()); // undefined_object: the name really reaches the server
        });
    }

    @Test
    void conflictOnAPartialUniqueIndexNeedsItsPredicate() {
        inRolledBackTx(tx -> {
            Instant fixed = Instant.parse("2020-01-02T03:04:05Z");
            Insert<Event> upsert = insertInto(EVENT).set(EVENT.NOTE, "boot").set(EVENT.HAPPENED_AT, fixed)
                    .onConflict(EVENT.NOTE).where(EVENT.NOTE.isNotNull()).doUpdateSet(EVENT.HAPPENED_AT);
            assertEquals(1, tx.exec(upsert));
            assertEquals(List.of(new Event(1L, fixed, "boot")),
                    tx.sql("SELECT id, happened_at, note FROM events").fetch(Event.class));
            // NULL notes are outside the index, so they never conflict
            Insert<Event> noNote = insertInto(EVENT).setNull(EVENT.NOTE).onConflict(EVENT.NOTE)
                    .where(EVENT.NOTE.isNotNull()).doNothing();
            assertEquals(1, tx.exec(noNote));
            assertEquals(1, tx.exec(noNote));
            assertEquals(3, count(tx, "events"));
            // without the predicate the partial index cannot serve as arbiter
            BelayException e = assertThrows(BelayException.class, () -> tx.exec(insertInto(EVENT).set(EVENT.NOTE, "boot")
                    .onConflict(EVENT.NOTE).doNothing()));
            assertEquals("42P10", e.sqlState(), e.getMessage()); // invalid_column_reference: no matching index
        });
    }

    @Test
    void returningInsertedTellsNewRowsFromUpdatedOnes() {
        inRolledBackTx(tx -> {
            Returning<Tuple2<String, Boolean>> upsert = insertInto(USER)
                    .values(List.of(new User(null, "Alice", "alice@example.org", 31, null),
                            new User(null, "Erin", "erin@example.org", 25, null)))
                    .onConflict(USER.EMAIL).doUpdateSet(USER.AGE)
                    .returning(USER.EMAIL, inserted(USER));
            assertEquals(Tuple2.class, upsert.resultType());
            List<Tuple2<String, Boolean>> returned = tx.exec(upsert);
            assertEquals(2, returned.size());
            Map<String, Boolean> insertedByEmail = new HashMap<>();
            for (Tuple2<String, Boolean> row : returned) {
                insertedByEmail.put(row.v1(), row.v2());
            }
            assertEquals(Map.of("alice@example.org", false, "erin@example.org", true), insertedByEmail);
            assertEquals(List.of(new NameAge("Alice", 31), new NameAge("Erin", 25)), namesAndAges(tx,
                    "SELECT name, age FROM users WHERE email IN ('alice@example.org', 'erin@example.org') ORDER BY id"));
        });
    }

    private static void inRolledBackTx(TransactionAction body) {
        Rollback.undone(dbc, body);
    }
}
