package dev.belay.it.bulk;

import static dev.belay.it.bulk.RowFixtures.CREATED;
import static dev.belay.it.bulk.RowFixtures.OrderLineTable.LINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.RowNotFoundException;
import dev.belay.it.FixtureDatabase;
import dev.belay.it.Rollback;
import dev.belay.it.bulk.RowFixtures.Account;
import dev.belay.it.bulk.RowFixtures.OrderLine;
import dev.belay.test.TestDatabase;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The row helpers on records: {@code get}, {@code update} (every column and listed ones), {@code delete} (by row
 * and by key) and {@code refresh}, with a single-column key ({@code accounts}, {@code Table.of(Account.class)})
 * and a composite one ({@code order_lines}, a hand-written descriptor), on the pool and inside a transaction
 * that is rolled back. What was committed is checked over plain JDBC.
 */
@FixtureDatabase
final class RowHelpersTest {
    private static final Table<Account> ACCOUNT = Table.of(Account.class);
    private static final Column<Account, String> EMAIL = ACCOUNT.field("email", PgType.TEXT);

    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute(RowFixtures.SCHEMA);
        testDb = t;
        db = t.open();
    }

    @BeforeEach
    void reset() {
        RowFixtures.reset(testDb);
    }

    private static long accounts(String where, Object... args) {
        return testDb.count("SELECT count(*) FROM accounts WHERE " + where, args);
    }

    private static long lines(String where, Object... args) {
        return testDb.count("SELECT count(*) FROM order_lines WHERE " + where, args);
    }

    // ---- get ---------------------------------------------------------------------------------

    @Test
    void getFindsARowBySingleKey() {
        assertEquals(Optional.of(new Account(1L, "ann", "ann@x.org", 100, CREATED)), db.get(ACCOUNT, 1L));
        assertEquals(Optional.empty(), db.get(ACCOUNT, 99L));
    }

    @Test
    void getFindsARowByCompositeKey() {
        assertEquals(Optional.of(new OrderLine(10L, 2, "pear", 1, null)), db.get(LINE, 10L, 2));
        assertEquals(Optional.empty(), db.get(LINE, 10L, 3));
        assertEquals(Optional.empty(), db.get(LINE, 12L, 1));
        assertEquals("pear", db.get(LINE.as("l"), 10L, 2).orElseThrow().product(), "an aliased descriptor");
    }

    @Test
    void getInsideATransactionSeesItsOwnWork() {
        Rollback.undone(db, tx -> {
            tx.delete(ACCOUNT, 2L);
            assertEquals(Optional.empty(), tx.get(ACCOUNT, 2L));
            assertEquals("ann", tx.get(ACCOUNT, 1L).orElseThrow().name());
        });
        assertTrue(db.get(ACCOUNT, 2L).isPresent());
    }

    // ---- update ------------------------------------------------------------------------------

    @Test
    void updateWritesEveryNonKeyNonGeneratedColumn() {
        Account ann = db.get(ACCOUNT, 1L).orElseThrow();
        // created_at is generated: the row's value is not written
        db.update(new Account(1L, "anna", null, 70, Instant.parse("1999-01-01T00:00:00Z")));
        assertEquals(1, accounts("id = 1 AND name = 'anna' AND email IS NULL AND balance = 70 AND created_at = '"
                + CREATED + "'"));
        assertEquals(2, accounts("id <> 1 AND name IN ('bob', 'cy')"));
        assertEquals(new Account(1L, "anna", null, 70, CREATED), db.refresh(ann));
    }

    @Test
    void updateThroughADescriptorWithACompositeKey() {
        db.update(LINE, new OrderLine(10L, 2, "plum", 4, "soft"));
        assertEquals(1, lines("order_id = 10 AND line_no = 2 AND product = 'plum' AND qty = 4 AND note = 'soft'"));
        assertEquals(1, lines("order_id = 10 AND line_no = 1 AND product = 'apple' AND qty = 3 AND note = 'ripe'"));
        assertEquals(1, lines("order_id = 11 AND line_no = 1 AND product = 'apple' AND qty = 7 AND note IS NULL"));
    }

    @Test
    void updateOfListedColumnsLeavesTheOthers() {
        // every other property of the row differs from the database: none of them may be written
        db.update(LINE, new OrderLine(10L, 1, "changed", 9, "changed"), LINE.QTY);
        assertEquals(1, lines("order_id = 10 AND line_no = 1 AND product = 'apple' AND qty = 9 AND note = 'ripe'"));

        db.update(new OrderLine(10L, 1, "banana", 1, "changed"), LINE.PRODUCT, LINE.NOTE);
        assertEquals(1, lines("order_id = 10 AND line_no = 1 AND product = 'banana' AND qty = 9 "
                + "AND note = 'changed'"));
        assertEquals(3, lines("true"));
    }

    @Test
    void updateOfListedColumnsWithASingleKey() {
        db.update(ACCOUNT, new Account(2L, "changed", "bob@x.org", 0, CREATED), EMAIL);
        assertEquals(1, accounts("id = 2 AND name = 'bob' AND email = 'bob@x.org' AND balance = 50"));
    }

    @Test
    void updateOfADeletedRowIsRowNotFound() {
        Account bob = db.get(ACCOUNT, 2L).orElseThrow();
        testDb.execute("DELETE FROM accounts WHERE id = 2");
        RowNotFoundException e = assertThrows(RowNotFoundException.class, () -> db.update(bob));
        assertEquals("accounts", e.table());
        assertTrue(e.getMessage().contains("\"accounts\"") && e.getMessage().contains("(\"id\")"), e.getMessage());
        assertFalse(e.getMessage().contains("= (2)"), "key values are hidden by default: " + e.getMessage());
        assertTrue(e.getMessage().contains("logParameters"), e.getMessage());

        OrderLine gone = new OrderLine(10L, 9, "x", 1, null);
        RowNotFoundException composite = assertThrows(RowNotFoundException.class,
                () -> db.update(LINE, gone, LINE.QTY));
        assertTrue(composite.getMessage().contains("(\"order_id\", \"line_no\")"), composite.getMessage());
        assertEquals(3, lines("true"));
    }

    @Test
    void rowNotFoundShowsTheKeyValuesWhenParametersMayBeLogged() {
        DBConnection logging = testDb.open(b -> b.logParameters(true));
        try {
            RowNotFoundException e = assertThrows(RowNotFoundException.class,
                    () -> logging.delete(LINE, 10L, 9));
            assertTrue(e.getMessage().contains("(\"order_id\", \"line_no\") = (10, 9)"), e.getMessage());
            assertEquals("order_lines", e.table());
        } finally {
            testDb.close(logging);
        }
    }

    @Test
    void updateInsideATransactionIsRolledBackWithIt() {
        Rollback.undone(db, tx -> {
            tx.update(new Account(1L, "anna", null, 1, CREATED));
            tx.update(LINE, new OrderLine(10L, 1, "kiwi", 2, null));
            assertEquals("anna", tx.get(ACCOUNT, 1L).orElseThrow().name());
            assertEquals("kiwi", tx.get(LINE, 10L, 1).orElseThrow().product());
            tx.delete(ACCOUNT, 3L);
            assertThrows(RowNotFoundException.class, () -> tx.update(new Account(3L, "cy", null, 0, CREATED)));
        });
        assertEquals(1, accounts("id = 1 AND name = 'ann' AND balance = 100"));
        assertEquals(1, accounts("id = 3"));
        assertEquals(1, lines("order_id = 10 AND line_no = 1 AND product = 'apple'"));
    }

    @Test
    void rowNotFoundDoesNotSpoilTheTransaction() {
        // nothing changed, so the transaction may go on and commit the rest
        db.useTransaction(tx -> {
            tx.update(new Account(1L, "anna", "ann@x.org", 100, CREATED));
            assertThrows(RowNotFoundException.class, () -> tx.update(new Account(99L, "z", null, 0, CREATED)));
            assertThrows(RowNotFoundException.class, () -> tx.delete(LINE, 99L, 1));
        });
        assertEquals(1, accounts("id = 1 AND name = 'anna'"));
    }

    // ---- delete ------------------------------------------------------------------------------

    @Test
    void deleteByRowAndByKey() {
        db.delete(new Account(2L, "whatever", null, 0, CREATED));
        assertEquals(0, accounts("id = 2"));
        db.delete(ACCOUNT, 3L);
        assertEquals(0, accounts("id = 3"));
        db.delete(LINE, new OrderLine(10L, 2, "x", 1, null));
        assertEquals(0, lines("order_id = 10 AND line_no = 2"));
        db.delete(LINE, 11L, 1);
        assertEquals(0, lines("order_id = 11"));
        assertEquals(1, accounts("true"));
        assertEquals(1, lines("true"));
    }

    @Test
    void deleteOfAMissingRowIsRowNotFound() {
        assertThrows(RowNotFoundException.class, () -> db.delete(ACCOUNT, 99L));
        assertThrows(RowNotFoundException.class, () -> db.delete(new Account(99L, "z", null, 0, CREATED)));
        assertThrows(RowNotFoundException.class, () -> db.delete(LINE, 10L, 3));
        RowNotFoundException e = assertThrows(RowNotFoundException.class,
                () -> db.delete(LINE, new OrderLine(12L, 1, "x", 1, null)));
        assertEquals("order_lines", e.table());
        assertTrue(e.getMessage().startsWith("delete(table, row): no row of \"order_lines\""), e.getMessage());
        db.delete(ACCOUNT, 1L);
        assertThrows(RowNotFoundException.class, () -> db.delete(ACCOUNT, 1L));
        assertEquals(2, accounts("true"));
        assertEquals(3, lines("true"));
    }

    @Test
    void deleteInsideATransactionIsRolledBackWithIt() {
        Rollback.undone(db, tx -> {
            tx.delete(ACCOUNT, 1L);
            tx.delete(new Account(2L, "bob", null, 50, CREATED));
            tx.delete(LINE, 10L, 1);
            tx.delete(LINE, new OrderLine(10L, 2, "pear", 1, null));
            assertThrows(RowNotFoundException.class, () -> tx.delete(ACCOUNT, 1L));
            assertFalse(tx.get(LINE, 10L, 2).isPresent());
        });
        assertEquals(3, accounts("true"));
        assertEquals(3, lines("true"));
    }

    // ---- refresh -----------------------------------------------------------------------------

    @Test
    void refreshOfARecordIsANewInstance() {
        Account stale = new Account(1L, "stale", null, 0, Instant.EPOCH);
        Account fresh = db.refresh(stale);
        assertNotSame(stale, fresh);
        assertEquals(new Account(1L, "ann", "ann@x.org", 100, CREATED), fresh);
        assertEquals("stale", stale.name());

        OrderLine line = db.refresh(LINE, new OrderLine(10L, 1, "?", 1, null));
        assertEquals(new OrderLine(10L, 1, "apple", 3, "ripe"), line);
    }

    @Test
    void refreshOfADeletedRowIsRowNotFound() {
        testDb.execute("DELETE FROM order_lines WHERE order_id = 11");
        RowNotFoundException e = assertThrows(RowNotFoundException.class,
                () -> db.refresh(LINE, new OrderLine(11L, 1, "apple", 7, null)));
        assertEquals("order_lines", e.table());
        assertThrows(RowNotFoundException.class, () -> db.refresh(new Account(42L, "x", null, 0, CREATED)));
    }

    @Test
    void refreshInsideATransactionSeesItsOwnWork() {
        Rollback.undone(db, tx -> {
            tx.update(new Account(3L, "cyrus", null, 5, CREATED));
            assertEquals(new Account(3L, "cyrus", null, 5, CREATED), tx.refresh(new Account(3L, "?", null, 0, CREATED)));
        });
        assertEquals(new Account(3L, "cy", "cy@x.org", 0, CREATED), db.refresh(new Account(3L, "?", null, 0, CREATED)));
    }
}
