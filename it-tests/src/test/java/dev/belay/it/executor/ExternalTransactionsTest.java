package dev.belay.it.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Table;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.ExternalTransactions;
import dev.belay.executor.TooManyRowsException;
import dev.belay.executor.TransactionRolledBackException;
import dev.belay.executor.TxOptions;
import dev.belay.executor.UniqueViolationException;
import dev.belay.it.StubDataSource;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ExternalTransactions}: with a transaction lent by another manager (here a hand stub over one plain JDBC
 * connection, as Spring's would be), Belay runs in it and commits nothing; without one it runs as always.
 */
@BelayTest
final class ExternalTransactionsTest {
    private static TestDatabase testDb;
    private static DBConnection db;
    private static final Lender LENDER = new Lender();

    @dev.belay.dsl.annotations.Table("items")
    record Item(String name) {}

    private static final Table<Item> ITEMS = Table.of(Item.class);

    /** The stub manager: lends {@link #connection} while it is set, and counts what Belay does with it. */
    static final class Lender implements ExternalTransactions {
        @Nullable Connection connection;
        int joins;
        int releases;
        boolean rollbackOnly;

        @Override
        public @Nullable Lease join(DataSource dataSource) {
            Connection c = connection;
            if (c == null) {
                return null;
            }
            joins++;
            return new Lease() {
                @Override
                public Connection connection() {
                    return c;
                }

                @Override
                public void setRollbackOnly() {
                    rollbackOnly = true;
                }

                @Override
                public void release() {
                    releases++;
                }
            };
        }
    }

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        t.execute("CREATE TABLE items (name text PRIMARY KEY)");
        DataSource dataSource = new StubDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return t.connect();
            }
        };
        db = DBConnection.of(dataSource, DBConfig.settings().build(), LENDER);
    }

    @BeforeEach
    void begin() throws SQLException {
        testDb.execute("TRUNCATE items");
        Connection c = testDb.connect();
        c.setAutoCommit(false);
        LENDER.connection = c;
        LENDER.joins = 0;
        LENDER.releases = 0;
        LENDER.rollbackOnly = false;
    }

    @AfterEach
    void end() throws SQLException {
        Connection c = LENDER.connection;
        LENDER.connection = null;
        if (c != null) {
            c.rollback();
            c.close();
        }
    }

    private static void insert(DBConnection on, String name) {
        on.sql("insert into items (name) values (:name)").bind("name", name).execute();
    }

    private static long committed(String name) {
        return testDb.count("SELECT count(*) FROM items WHERE name = ?", name);
    }

    /** Ends the lent transaction as its manager would: commit, then no transaction on the thread. */
    private static void commitLent() throws SQLException {
        Connection c = LENDER.connection;
        LENDER.connection = null;
        c.commit();
        c.close();
    }

    @Test
    void statementsRunInTheLentTransactionAndCommitNothing() throws SQLException {
        insert(db, "a");
        assertEquals(List.of("a"), db.sql("select name from items").fetch(String.class)); // sees its own write
        assertEquals(0, committed("a"));
        assertFalse(LENDER.connection.getAutoCommit());
        assertEquals(LENDER.joins, LENDER.releases);
        assertEquals(2, LENDER.joins);
        commitLent();
        assertEquals(1, committed("a"));
    }

    @Test
    void theManagersRollbackUndoesBelaysWrites() throws SQLException {
        insert(db, "gone");
        LENDER.connection.rollback();
        assertEquals(0, committed("gone"));
        assertFalse(LENDER.rollbackOnly);
    }

    @Test
    void aCaughtFailureMarksTheTransactionRollbackOnly() {
        insert(db, "dup");
        assertThrows(UniqueViolationException.class, () -> insert(db, "dup"));
        assertTrue(LENDER.rollbackOnly);
        assertEquals(LENDER.joins, LENDER.releases);
    }

    @Test
    void dbTransactionIsASavepointThatRollsBackAlone() throws SQLException {
        insert(db, "outer");
        IllegalStateException boom = new IllegalStateException("boom");
        assertThrows(IllegalStateException.class, () -> db.useTransaction(tx -> {
            insert(tx, "inner");
            throw boom;
        }));
        db.useTransaction(tx -> insert(tx, "kept"));
        assertFalse(LENDER.rollbackOnly);
        assertEquals(List.of("kept", "outer"), db.sql("select name from items order by name").fetch(String.class));
        commitLent();
        assertEquals(1, committed("outer"));
        assertEquals(0, committed("inner"));
        assertEquals(1, committed("kept"));
    }

    @Test
    void aFailureCaughtInsideDbTransactionRollsBackItsSavepointOnly() {
        insert(db, "dup");
        assertThrows(TransactionRolledBackException.class, () -> db.useTransaction(tx -> {
            insert(tx, "inner");
            assertThrows(UniqueViolationException.class, () -> insert(tx, "dup"));
        }));
        assertFalse(LENDER.rollbackOnly); // the savepoint took the failure with it: the lent transaction goes on
        assertEquals(List.of("dup"), db.sql("select name from items").fetch(String.class));
        assertEquals(LENDER.joins, LENDER.releases);
    }

    @Test
    void theOuterHandleIsRefusedInsideDbTransaction() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> db.useTransaction(tx -> insert(db, "outer handle")));
        assertTrue(refused.getMessage().contains("Use the handle"), refused.getMessage());
    }

    @Test
    void optionsOfAnOutermostTransactionAreRefusedInsideTheLentOne() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> db.useTransaction(TxOptions.DEFAULT.retries(2), tx -> insert(tx, "x")));
        assertTrue(refused.getMessage().contains("another manager"), refused.getMessage());
        assertEquals(LENDER.joins, LENDER.releases);
    }

    @Test
    void requiresNewCommitsOnItsOwnConnection() {
        insert(db, "lent");
        db.useTransaction(TxOptions.requiresNew(), tx -> insert(tx, "independent"));
        assertEquals(1, committed("independent"));
        assertEquals(0, committed("lent"));
    }

    @Test
    void aBulkWriteFailureRollsBackToItsSavepointAndTheTransactionGoesOn() throws SQLException {
        insert(db, "b");
        assertThrows(UniqueViolationException.class, () -> db.copy(ITEMS, List.of(new Item("a"), new Item("b"))));
        assertFalse(LENDER.rollbackOnly);
        insert(db, "c");
        commitLent();
        assertEquals(0, committed("a"));
        assertEquals(1, committed("c"));
    }

    @Test
    void oneOnAWriteIsAtomicInsideTheLentTransaction() throws SQLException {
        insert(db, "x");
        insert(db, "y");
        assertThrows(TooManyRowsException.class,
                () -> db.sql("update items set name = name || '!' returning name").one(String.class));
        assertFalse(LENDER.rollbackOnly); // its savepoint was rolled back: the lent transaction goes on
        assertEquals(List.of("x", "y"), db.sql("select name from items order by name").fetch(String.class));
        assertEquals("z", db.sql("insert into items (name) values ('z') returning name").one(String.class));
        commitLent();
        assertEquals(1, committed("z"));
    }

    @Test
    void aWriteWithReturningThatFailsMarksTheTransactionRollbackOnly() {
        insert(db, "taken");
        assertThrows(UniqueViolationException.class,
                () -> db.sql("insert into items (name) values ('taken') returning name").fetch(String.class));
        assertTrue(LENDER.rollbackOnly);
    }

    @Test
    void aStreamRunsInTheLentTransactionAndIsReleasedOnClose() throws SQLException {
        insert(db, "s1");
        insert(db, "s2");
        try (Stream<String> names = db.sql("select name from items order by name").stream(String.class)) {
            assertEquals(List.of("s1", "s2"), names.toList());
        }
        assertEquals(LENDER.joins, LENDER.releases);
        assertFalse(LENDER.connection.getAutoCommit());
        commitLent();
        assertEquals(1, committed("s2"));
    }

    @Test
    void withoutALentTransactionEachCallCommitsOnItsOwn() throws SQLException {
        end();
        insert(db, "alone");
        assertEquals(1, committed("alone"));
        db.useTransaction(tx -> insert(tx, "own"));
        assertEquals(1, committed("own"));
        assertEquals(0, LENDER.joins);
    }
}
