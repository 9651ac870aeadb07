package dev.belay.it.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.BelayException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.SerializationFailureException;
import dev.belay.executor.TxOptions;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code transaction(...)}: commit, rollback, savepoints, options and retries. */
@FixtureDatabase
final class TransactionTest {
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE items (name text PRIMARY KEY); "
                + "CREATE TABLE counters (id int4 PRIMARY KEY, v int4 NOT NULL); INSERT INTO counters VALUES (1, 0), (2, 0)");
        testDb = t;
        db = t.open();
    }

    private static void insert(DBConnection c, String name) {
        c.sql("insert into items (name) values (:name)").bind("name", name).execute();
    }

    private static boolean exists(String name) {
        return db.sql("select count(*) from items where name = :name").bind("name", name).one(Long.class) == 1L;
    }

    /** Commits, on another connection, an update of the counter the transaction has read. */
    private static void concurrentUpdate(int id) {
        try (Connection other = testDb.connect(); Statement st = other.createStatement()) {
            st.execute("UPDATE counters SET v = v + 1 WHERE id = " + id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void commitsWhenTheBodyReturns() {
        String result = db.transaction(tx -> {
            insert(tx, "committed");
            return "done";
        });
        assertEquals("done", result);
        assertTrue(exists("committed"));
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void rollsBackWhenTheBodyThrows() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.useTransaction(tx -> {
            insert(tx, "rolled back");
            assertTrue(tx.sql("select count(*) from items where name = 'rolled back'").one(Long.class) == 1L);
            throw boom;
        }));
        assertSame(boom, thrown);
        assertFalse(exists("rolled back"));
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void nestedTransactionIsASavepoint() {
        db.useTransaction(tx -> {
            insert(tx, "outer before");
            assertThrows(IllegalStateException.class, () -> tx.useTransaction(inner -> {
                insert(inner, "inner");
                throw new IllegalStateException("inner fails");
            }));
            // a failing statement inside a savepoint leaves the outer transaction usable
            assertThrows(BelayException.class, () -> tx.useTransaction(inner -> insert(inner, "outer before")));
            String kept = tx.transaction(inner -> {
                insert(inner, "inner kept");
                return "kept";
            });
            assertEquals("kept", kept);
            insert(tx, "outer after");
        });
        assertTrue(exists("outer before"));
        assertFalse(exists("inner"));
        assertTrue(exists("inner kept"));
        assertTrue(exists("outer after"));
    }

    @Test
    void inTransaction() {
        assertFalse(db.inTransaction());
        AtomicReference<DBConnection> handle = new AtomicReference<>();
        db.useTransaction(tx -> {
            assertTrue(tx.inTransaction());
            tx.useTransaction(inner -> assertTrue(inner.inTransaction()));
            handle.set(tx);
        });
        assertFalse(handle.get().inTransaction());
        assertFalse(db.inTransaction());
    }

    @Test
    void isolationAndReadOnly() {
        assertEquals("serializable", db.transaction(TxOptions.serializable(),
                tx -> tx.sql("show transaction_isolation").one(String.class)));
        assertEquals("repeatable read", db.transaction(TxOptions.repeatableRead(),
                tx -> tx.sql("show transaction_isolation").one(String.class)));
        assertEquals("read committed", db.transaction(tx -> tx.sql("show transaction_isolation").one(String.class)));

        BelayException e = assertThrows(BelayException.class, () -> db.useTransaction(TxOptions.DEFAULT.readOnly(true),
                tx -> {
                    assertEquals("on", tx.sql("show transaction_read_only").one(String.class));
                    insert(tx, "read only");
                }));
        assertEquals("25006", e.sqlState());
        assertFalse(exists("read only"));
    }

    @Test
    void optionsDoNotLeakToTheNextBorrower() {
        DBConnection one = testDb.open(b -> b.poolSize(1));
        try {
            one.useTransaction(TxOptions.serializable().readOnly(true), tx -> tx.sql("select 1").one(Integer.class));
            assertEquals("read committed", one.sql("show transaction_isolation").one(String.class));
            assertEquals("off", one.sql("show transaction_read_only").one(String.class));
            assertEquals("read committed", one.transaction(tx -> tx.sql("show transaction_isolation").one(String.class)));
            insert(one, "after read only");
            assertTrue(exists("after read only"));
        } finally {
            testDb.close(one);
        }
    }

    @Test
    void retrySucceedsAfterASerializationFailure() {
        AtomicInteger attempts = new AtomicInteger();
        int value = db.transaction(TxOptions.serializable().retries(3), tx -> {
            int attempt = attempts.incrementAndGet();
            int v = tx.sql("select v from counters where id = 1").one(Integer.class);
            if (attempt == 1) {
                concurrentUpdate(1);
            }
            tx.sql("update counters set v = :v where id = 1").bind("v", v + 100).execute();
            return v + 100;
        });
        assertEquals(2, attempts.get());
        assertEquals(101, value);
        assertEquals(101, db.sql("select v from counters where id = 1").one(Integer.class));
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void retriesExhaustedRethrow() {
        AtomicInteger attempts = new AtomicInteger();
        SerializationFailureException e = assertThrows(SerializationFailureException.class,
                () -> db.useTransaction(TxOptions.repeatableRead().retries(2), tx -> {
                    attempts.incrementAndGet();
                    tx.sql("select v from counters where id = 2").one(Integer.class);
                    concurrentUpdate(2);
                    tx.sql("update counters set v = v + 100 where id = 2").execute();
                }));
        assertEquals("40001", e.sqlState());
        assertEquals(3, attempts.get());
        assertEquals(3, db.sql("select v from counters where id = 2").one(Integer.class));
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void nestedOptionsAreRefused() {
        db.useTransaction(tx -> {
            assertThrows(IllegalStateException.class,
                    () -> tx.useTransaction(TxOptions.DEFAULT.retries(1), inner -> insert(inner, "nested retry")));
            assertThrows(IllegalStateException.class,
                    () -> tx.useTransaction(TxOptions.serializable(), inner -> insert(inner, "nested serializable")));
            assertThrows(IllegalStateException.class,
                    () -> tx.useTransaction(TxOptions.DEFAULT.readOnly(true), inner -> insert(inner, "nested ro")));
        });
        assertFalse(exists("nested retry"));
        assertThrows(IllegalArgumentException.class, () -> TxOptions.DEFAULT.retries(-1));
    }

    @Test
    void handleIsRefusedAfterTheTransactionEnds() {
        AtomicReference<DBConnection> handle = new AtomicReference<>();
        db.useTransaction(handle::set);
        DBConnection ended = handle.get();
        assertThrows(IllegalStateException.class, () -> ended.sql("select 1").one(Integer.class));
        assertThrows(IllegalStateException.class, () -> insert(ended, "too late"));
        assertThrows(IllegalStateException.class, () -> ended.useTransaction(tx -> insert(tx, "too late")));
        assertThrows(IllegalStateException.class,
                () -> ended.exec(dev.belay.dsl.Sql.deleteFrom(dev.belay.dsl.fixtures.UserTable.USER).all()));
        assertFalse(exists("too late"));
        assertEquals(List.of(), db.sql("select name from items where name = 'too late'").fetch(String.class));
    }

    /** Regression: Streams.open does not check that the transaction is still open (DBConnection.call does). */
    @Test
    void streamOnAnEndedHandleIsRefused() {
        AtomicReference<DBConnection> handle = new AtomicReference<>();
        db.useTransaction(handle::set);
        assertThrows(IllegalStateException.class, () -> handle.get().stream(
                dev.belay.dsl.Sql.select(dev.belay.dsl.fixtures.UserTable.USER.NAME).from(dev.belay.dsl.fixtures.UserTable.USER)));
    }
}
