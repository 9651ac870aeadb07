package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.executor.DBConnection;
import dev.belay.executor.TransactionRolledBackException;
import dev.belay.executor.TxOptions;
import dev.belay.executor.UniqueViolationException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/transactions.md: what commits when, checked from a connection of its own. */
@FixtureDatabase
final class TxDocTest {
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        db = t.open();
    }


    @Test
    void commitAndSavepoint() {
        // tag::tx-basic[]
        Long id = db.transaction(tx -> {
            Long newId = tx.one(insertInto(USER).values(new User(null, "Gus", "gus@example.org", 50, null))
                    .returning(USER.ID));
            tx.exec(update(USER).set(USER.AGE, 51).where(USER.ID.eq(newId)));
            return newId;                                   // COMMIT: both statements, or neither
        });
        // end::tx-basic[]
        assertEquals(51L, testDb.count("SELECT age FROM users WHERE id = ?", id));
        // tag::tx-savepoint[]
        db.useTransaction(tx -> {
            tx.exec(insertInto(USER).values(new User(null, "Ida", "ida@example.org", 20, null)));
            try {
                tx.useTransaction(inner -> {                // SAVEPOINT
                    inner.exec(deleteFrom(USER).where(USER.EMAIL.eq("gus@example.org")));
                    throw new IllegalStateException("changed my mind");   // ROLLBACK TO SAVEPOINT
                });
            } catch (IllegalStateException e) {
                // only the savepoint's work is undone: Ida is inserted, Gus stays
            }
        });
        // end::tx-savepoint[]
        assertEquals(1L, testDb.count("SELECT count(*) FROM users WHERE email = 'ida@example.org'"));
        assertEquals(1L, testDb.count("SELECT count(*) FROM users WHERE email = 'gus@example.org'"));
    }

    @Test
    void aCaughtFailureStillRollsBack() {
        // tag::tx-caught[]
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class,
                () -> db.useTransaction(tx -> {
                    tx.exec(insertInto(USER).values(new User(null, "Hal", "hal@example.org", 20, null)));
                    try {
                        tx.exec(insertInto(USER).values(new User(null, "Hal 2", "hal@example.org", 21, null)));
                    } catch (UniqueViolationException duplicate) {
                        // caught, but PostgreSQL has aborted the transaction: it cannot commit
                    }
                }));
        // e.getCause() is the UniqueViolationException; no Hal was stored
        // end::tx-caught[]
        assertEquals(UniqueViolationException.class, e.getCause().getClass());
        assertEquals(0L, testDb.count("SELECT count(*) FROM users WHERE email = 'hal@example.org'"));
    }

    @Test
    void retriesAndIndependentTransactions() {
        // tag::tx-options[]
        int renamed = db.transaction(TxOptions.serializable().retries(3), tx ->   // reruns on 40001 / 40P01
                tx.exec(update(USER).set(USER.NAME, "Gus Senior").where(USER.EMAIL.eq("gus@example.org"))));
        long total = db.transaction(TxOptions.DEFAULT.readOnly(true), tx ->
                tx.fetchValue(select(count()).from(USER)));
        // end::tx-options[]
        assertEquals(testDb.count("SELECT count(*) FROM users"), total);
        assertEquals(testDb.count("SELECT count(*) FROM users WHERE email = 'gus@example.org'"), renamed);
    }
}
