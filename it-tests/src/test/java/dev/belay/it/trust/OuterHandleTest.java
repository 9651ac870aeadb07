package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.LockNotAvailableException;
import dev.belay.executor.TxOptions;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 16, case 5: inside {@code db.transaction(tx -> ...)} the body must use {@code tx}. Calling {@code db}
 * itself on that thread would run outside the transaction (committing what the transaction rolls back, or
 * waiting forever on a row it locked), so it is refused with a message naming the fix; other threads and
 * {@link TxOptions#requiresNew()} may still use it.
 */
@FixtureDatabase
final class OuterHandleTest {
    record Item(String name) {}

    static final class Items extends Table<Item> {
        static final Items I = new Items();
        final Column<Item, String> name = column("name", PgType.TEXT).primaryKey();

        private Items() {
            super("items", Item.class);
        }
    }

    private static final Items I = Items.I;
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        t.execute("CREATE TABLE items (name text PRIMARY KEY); "
                + "CREATE TABLE locked (id int4 PRIMARY KEY, v int4 NOT NULL); INSERT INTO locked VALUES (1, 0)");
        db = t.open();
    }

    private static void insert(DBConnection c, String name) {
        c.exec(insertInto(I).values(new Item(name)));
    }

    private static boolean committed(String name) {
        return testDb.count("SELECT count(*) FROM items WHERE name = ?", name) == 1;
    }

    private static void assertNamesTheFix(IllegalStateException e) {
        assertTrue(e.getMessage().contains("db.transaction(tx -> tx.exec(...))")
                && e.getMessage().contains("TxOptions.requiresNew()"), e.getMessage());
    }

    @Test
    void theOuterHandleInsideATransactionIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.useTransaction(tx -> {
            insert(tx, "a");
            insert(db, "b"); // the mistake: db instead of tx
            insert(tx, "c");
        }));
        assertNamesTheFix(e);
        assertFalse(committed("a"), "the transaction's work is rolled back when the refusal propagates");
        assertFalse(committed("b"), "the refused statement never ran");
        assertFalse(committed("c"));
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void everyKindOfCallOnTheOuterHandleIsRefusedFromInside() {
        Select<String> names = select(I.name).from(I);
        Map<String, Executable> calls = new LinkedHashMap<>();
        calls.put("exec(select)", () -> db.exec(names));
        calls.put("exec(insert)", () -> db.exec(insertInto(I).values(new Item("refused exec"))));
        calls.put("exec(insert returning)", () -> db.exec(insertInto(I).values(new Item("refused returning"))
                .returning(I.name)));
        calls.put("first", () -> db.first(names));
        calls.put("one", () -> db.one(names.where(I.name.eq("kept"))));
        calls.put("fetchValue", () -> db.fetchValue(names.limit(1)));
        calls.put("stream", () -> db.stream(names).close());
        calls.put("sql().execute", () -> db.sql("insert into items values ('refused sql')").execute());
        calls.put("sql().one", () -> db.sql("select 1").one(Integer.class));
        calls.put("sql().fetch", () -> db.sql("select 1").fetch(Integer.class));
        calls.put("sql().first", () -> db.sql("select 1").first(Integer.class));
        calls.put("withTimeout().exec", () -> db.withTimeout(Duration.ofSeconds(5)).exec(names));
        calls.put("transaction", () -> db.transaction(inner -> {
            insert(inner, "refused transaction");
            return null;
        }));
        calls.put("useTransaction", () -> db.useTransaction(inner -> insert(inner, "refused useTransaction")));
        calls.put("useTransaction(serializable)", () -> db.useTransaction(TxOptions.serializable(),
                inner -> insert(inner, "refused serializable")));

        db.useTransaction(tx -> {
            insert(tx, "kept");
            calls.forEach((what, call) -> assertNamesTheFix(assertThrows(IllegalStateException.class, call, what)));
            // inside a savepoint too
            tx.useTransaction(inner -> {
                insert(inner, "kept in savepoint");
                calls.forEach((what, call) -> assertThrows(IllegalStateException.class, call, what + " in a savepoint"));
            });
            // a refusal is not a failed statement: the transaction goes on and commits
            insert(tx, "kept after");
        });
        assertTrue(committed("kept"));
        assertTrue(committed("kept in savepoint"));
        assertTrue(committed("kept after"));
        for (String refused : new String[] {"refused exec", "refused returning", "refused sql", "refused transaction",
                "refused useTransaction", "refused serializable"}) {
            assertFalse(committed(refused), refused);
        }
        // once the transaction has ended, the thread may use db again
        assertTrue(db.exec(names).contains("kept"));
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void otherThreadsMayUseTheOuterHandleWhileATransactionRuns() {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            db.useTransaction(tx -> {
                insert(tx, "from the transaction");
                assertThrows(IllegalStateException.class, () -> db.sql("select 1").one(Integer.class));
                Future<Long> seen = other.submit(() -> {
                    insert(db, "from another thread");
                    return db.sql("select count(*) from items where name = 'from the transaction'").one(Long.class);
                });
                assertEquals(0L, await(seen), "another thread runs outside the uncommitted transaction");
                assertTrue(committed("from another thread"), "and commits on its own");
            });
        } finally {
            other.shutdownNow();
        }
        assertTrue(committed("from the transaction"));
        assertEquals(0, db.poolStats().active());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void requiresNewCommitsIndependentlyOfTheOuterTransaction() {
        IllegalStateException boom = new IllegalStateException("the outer transaction fails");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> db.useTransaction(tx -> {
            insert(tx, "outer, rolled back");
            db.useTransaction(TxOptions.requiresNew(), audit -> insert(audit, "independent via db"));
            String fromTx = tx.transaction(TxOptions.requiresNew(), audit -> {
                insert(audit, "independent via tx");
                return "done";
            });
            assertEquals("done", fromTx);
            assertTrue(committed("independent via db"), "committed when its own body returned");
            // inside the independent transaction, the outer handle is refused as well
            tx.useTransaction(TxOptions.requiresNew(), audit -> assertThrows(IllegalStateException.class,
                    () -> insert(db, "refused inside requiresNew")));
            throw boom;
        })));
        assertFalse(committed("outer, rolled back"));
        assertTrue(committed("independent via db"));
        assertTrue(committed("independent via tx"));
        assertFalse(committed("refused inside requiresNew"));

        // an independent transaction that fails leaves the outer one untouched
        db.useTransaction(tx -> {
            insert(tx, "outer, kept");
            assertThrows(IllegalStateException.class, () -> tx.useTransaction(TxOptions.requiresNew(), inner -> {
                insert(inner, "independent, rolled back");
                throw new IllegalStateException("the independent transaction fails");
            }));
            insert(tx, "outer, kept after");
        });
        assertTrue(committed("outer, kept"));
        assertTrue(committed("outer, kept after"));
        assertFalse(committed("independent, rolled back"));
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void aRowTheTransactionLockedIsRefusedOrTimesOutInsteadOfHanging() throws SQLException {
        DBConnection lockDb = testDb.open(b -> b.lockTimeout(Duration.ofMillis(300)));
        try {
            lockDb.useTransaction(tx -> {
                tx.sql("update locked set v = 1 where id = 1").execute();
                // the pool's own handle would wait on tx's lock: refused at once instead
                assertThrows(IllegalStateException.class,
                        () -> lockDb.sql("update locked set v = 2 where id = 1").execute());
                // an explicitly independent transaction may try; it waits lock_timeout, then fails with a typed error
                LockNotAvailableException e = assertThrows(LockNotAvailableException.class,
                        () -> lockDb.useTransaction(TxOptions.requiresNew(),
                                other -> other.sql("update locked set v = 3 where id = 1").execute()));
                assertEquals("55P03", e.sqlState());
                // that failure was the independent transaction's, not this one's
                tx.sql("update locked set v = v + 10 where id = 1").execute();
            });
        } finally {
            testDb.close(lockDb);
        }
        try (Connection c = testDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM locked WHERE id = 1")) {
            rs.next();
            assertEquals(11, rs.getInt(1));
        }
    }
}
