package dev.belay.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.BelayException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.SerializationFailureException;
import dev.belay.executor.TransactionBody;
import dev.belay.executor.TransactionRolledBackException;
import dev.belay.executor.TxOptions;
import dev.belay.executor.UniqueViolationException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, case 2: a transaction or savepoint in which a statement failed never reports success, even when
 * the body caught the failure and returned. What was committed is checked on a plain JDBC connection.
 */
@FixtureDatabase
final class FailedTransactionTest {
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        t.execute("CREATE TABLE items (name text PRIMARY KEY); INSERT INTO items VALUES ('taken'); "
                + "CREATE TABLE counters (id int4 PRIMARY KEY, v int4 NOT NULL); INSERT INTO counters VALUES (1, 1), (2, 1)");
        db = t.open();
    }

    private static void insert(DBConnection c, String name) {
        c.sql("insert into items (name) values (:name)").bind("name", name).execute();
    }

    /** Whether {@code name} was committed, asked on a connection of its own. */
    private static boolean committed(String name) {
        return testDb.count("SELECT count(*) FROM items WHERE name = ?", name) == 1;
    }

    private static int counter(int id) {
        try (Connection c = testDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM counters WHERE id = " + id)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Commits, on another connection, an update of a counter a serializable transaction has read. */
    private static void concurrentUpdate(int id) {
        try (Connection other = testDb.connect(); Statement st = other.createStatement()) {
            st.execute("UPDATE counters SET v = v + 1 WHERE id = " + id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBodyThatCatchesAFailureAndReturnsGetsARollback() {
        AtomicReference<UniqueViolationException> caught = new AtomicReference<>();
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class, () -> db.transaction(tx -> {
            insert(tx, "before the failure");
            try {
                insert(tx, "taken");
            } catch (UniqueViolationException unique) {
                caught.set(unique);
            }
            return "reported as done";
        }));
        assertNotNull(caught.get(), "the duplicate insert failed inside the body");
        assertSame(caught.get(), e.getCause());
        assertEquals("23505", e.sqlState());
        assertFalse(committed("before the failure"), "nothing of the transaction may be committed");

        // useTransaction, the same rule
        TransactionRolledBackException again = assertThrows(TransactionRolledBackException.class,
                () -> db.useTransaction(tx -> {
                    try {
                        insert(tx, "taken");
                    } catch (UniqueViolationException ignored) {
                        // swallowed
                    }
                }));
        assertInstanceOf(UniqueViolationException.class, again.getCause());
        assertEquals(0, db.poolStats().active());
        // the pool's connection is healthy afterwards
        insert(db, "after the rollback");
        assertTrue(committed("after the rollback"));
    }

    @Test
    void aSavepointThatCaughtAFailureIsRolledBackAndTheOuterTransactionCommits() {
        List<TransactionRolledBackException> nested = new ArrayList<>();
        String result = db.transaction(tx -> {
            insert(tx, "outer before");
            try {
                tx.transaction(inner -> {
                    insert(inner, "inner kept?");
                    try {
                        insert(inner, "taken");
                    } catch (UniqueViolationException swallowed) {
                        // the body carries on as if nothing happened
                    }
                    return "inner done";
                });
            } catch (TransactionRolledBackException e) {
                nested.add(e);
            }
            insert(tx, "outer after");
            return "outer done";
        });
        assertEquals("outer done", result);
        assertEquals(1, nested.size(), "the savepoint must report its rollback");
        assertInstanceOf(UniqueViolationException.class, nested.get(0).getCause());
        assertTrue(committed("outer before"));
        assertTrue(committed("outer after"));
        assertFalse(committed("inner kept?"), "the savepoint's work is gone");
    }

    @Test
    void aSavepointFailureTheOuterBodyDoesNotCatchRollsBackEverything() {
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class, () -> db.transaction(tx -> {
            insert(tx, "outer of a failed savepoint");
            return tx.transaction(inner -> {
                try {
                    insert(inner, "taken");
                } catch (UniqueViolationException swallowed) {
                    // swallowed
                }
                return "inner done";
            });
        }));
        assertInstanceOf(UniqueViolationException.class, e.getCause());
        assertFalse(committed("outer of a failed savepoint"));
    }

    @Test
    void statementsAfterACaughtFailureDoNotHideIt() {
        List<BelayException> later = new ArrayList<>();
        AtomicReference<UniqueViolationException> first = new AtomicReference<>();
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class, () -> db.transaction(tx -> {
            insert(tx, "before 25P02");
            try {
                insert(tx, "taken");
            } catch (UniqueViolationException unique) {
                first.set(unique);
            }
            for (String name : List.of("after 25P02 a", "after 25P02 b")) {
                try {
                    insert(tx, name);
                } catch (BelayException aborted) {
                    later.add(aborted);
                }
            }
            try {
                tx.sql("select 1").one(Integer.class);
            } catch (BelayException aborted) {
                later.add(aborted);
            }
            return null;
        }));
        assertEquals(3, later.size(), "PostgreSQL refuses every statement after a failure in a transaction");
        for (BelayException aborted : later) {
            assertEquals("25P02", aborted.sqlState());
        }
        assertSame(first.get(), e.getCause(), "the cause is the first failure, not a later 25P02");
        assertFalse(committed("before 25P02"));
        assertFalse(committed("after 25P02 a"));
    }

    @Test
    void aSwallowedSerializationFailureIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        List<SerializationFailureException> swallowed = new ArrayList<>();
        int result = db.transaction(TxOptions.serializable().retries(3), tx -> {
            int attempt = attempts.incrementAndGet();
            int v = tx.sql("select v from counters where id = 1").one(Integer.class);
            if (attempt == 1) {
                concurrentUpdate(1); // v was read; a concurrent committed change makes our update fail with 40001
            }
            try {
                tx.sql("update counters set v = :v where id = 1").bind("v", v + 100).execute();
            } catch (SerializationFailureException e) {
                swallowed.add(e);
            }
            return attempt;
        });
        assertEquals(1, swallowed.size(), "the first attempt met the serialization failure");
        assertEquals("40001", swallowed.get(0).sqlState());
        assertEquals(2, attempts.get(), "the swallowed failure still reruns the body");
        assertEquals(2, result, "the value of the attempt that committed");
        assertEquals(102, counter(1), "1 + the concurrent update + 100 of the second attempt");

        // without retries: the swallowed failure is reported as the cause of the rollback
        SerializationFailureException[] seen = new SerializationFailureException[1];
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class,
                () -> db.transaction(TxOptions.serializable(), tx -> {
                    int v = tx.sql("select v from counters where id = 2").one(Integer.class);
                    concurrentUpdate(2);
                    try {
                        tx.sql("update counters set v = :v where id = 2").bind("v", v + 100).execute();
                    } catch (SerializationFailureException failure) {
                        seen[0] = failure;
                    }
                    return v;
                }));
        assertSame(seen[0], e.getCause());
        assertEquals(2, counter(2), "only the concurrent update committed");
        assertEquals(0, db.poolStats().active());
    }

    /**
     * The body catches the serialization failure and goes on; the next statement is refused (25P02) and that refusal
     * propagates. The first failure is what the caller gets (its cause), and what decides the retry; in a savepoint
     * too.
     */
    @Test
    void aCaughtSerializationFailureWhoseNextStatementIsRefusedIsRetried() {
        String raise = "DO $$BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END$$";
        for (boolean inSavepoint : new boolean[] {false, true}) {
            AtomicInteger attempts = new AtomicInteger();
            int result = db.transaction(TxOptions.serializable().retries(3), outer -> {
                int attempt = attempts.incrementAndGet();
                TransactionBody<Integer> body = tx -> {
                    if (attempt == 1) {
                        try {
                            tx.sql(raise).execute();
                        } catch (SerializationFailureException caught) {
                            // a helper that logs and goes on
                        }
                    }
                    insert(tx, "retried " + inSavepoint + " " + attempt); // 25P02 on the first attempt
                    return attempt;
                };
                return inSavepoint ? outer.transaction(body) : body.run(outer);
            });
            assertEquals(2, result, "in a savepoint: " + inSavepoint);
            assertFalse(committed("retried " + inSavepoint + " 1"));
            assertTrue(committed("retried " + inSavepoint + " 2"));
        }
        // without retries, the caller gets the first failure as the cause, the refusal suppressed
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class, () -> db.transaction(tx -> {
            try {
                tx.sql(raise).execute();
            } catch (SerializationFailureException caught) {
                // goes on
            }
            insert(tx, "never");
            return null;
        }));
        assertInstanceOf(SerializationFailureException.class, e.getCause());
        assertEquals("25P02", ((BelayException) e.getSuppressed()[0]).sqlState());
        assertFalse(committed("never"));
        assertEquals(0, db.poolStats().active());
    }
}
