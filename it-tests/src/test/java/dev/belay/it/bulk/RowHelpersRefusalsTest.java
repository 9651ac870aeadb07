package dev.belay.it.bulk;

import static dev.belay.it.bulk.RowFixtures.CREATED;
import static dev.belay.it.bulk.RowFixtures.OrderLineTable.ARCHIVE;
import static dev.belay.it.bulk.RowFixtures.OrderLineTable.LINE;
import static dev.belay.it.bulk.RowFixtures.TagTable.TAG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Table;
import dev.belay.executor.CheckViolationException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.TooManyRowsException;
import dev.belay.executor.UniqueViolationException;
import dev.belay.it.FixtureDatabase;
import dev.belay.it.Rollback;
import dev.belay.it.bulk.RowFixtures.Account;
import dev.belay.it.bulk.RowFixtures.Note;
import dev.belay.it.bulk.RowFixtures.OrderLine;
import dev.belay.it.bulk.RowFixtures.Tag;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What the row helpers refuse, and that a refusal or a failing statement changes nothing: a table without a
 * primary key, a null key, key values of the wrong count or type, key columns or another table's columns in an
 * update, a constraint failure (on the pool and inside a transaction), and a key the database does not enforce.
 */
@FixtureDatabase
final class RowHelpersRefusalsTest {
    private static final Table<Account> ACCOUNT = Table.of(Account.class);

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

    /** The IllegalArgumentException {@code call} throws, whose message holds every one of {@code parts}. */
    private static void refused(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "missing '" + part + "' in: " + e.getMessage());
        }
    }

    /** Nothing changed: the rows {@link RowFixtures#reset} inserted, as they were. */
    private static void unchanged() {
        assertEquals(3, testDb.count("SELECT count(*) FROM accounts WHERE (id, name, coalesce(email, '-'), balance) "
                + "IN ((1, 'ann', 'ann@x.org', 100), (2, 'bob', '-', 50), (3, 'cy', 'cy@x.org', 0))"));
        assertEquals(3, testDb.count("SELECT count(*) FROM order_lines WHERE (order_id, line_no, product, qty, "
                + "coalesce(note, '-')) IN ((10, 1, 'apple', 3, 'ripe'), (10, 2, 'pear', 1, '-'), (11, 1, 'apple', 7, '-'))"));
        assertEquals(1, testDb.count("SELECT count(*) FROM order_lines_archive WHERE product = 'old apple' AND qty = 1"));
        assertEquals(1, testDb.count("SELECT count(*) FROM notes WHERE body = 'hello'"));
        assertEquals(3, testDb.count("SELECT count(*) FROM tags"));
        assertEquals(2, testDb.count("SELECT count(*) FROM tags WHERE id = 1 AND label IN ('a', 'b')"));
    }

    @Test
    void aTableWithoutAPrimaryKeyIsRefused() {
        Table<Note> notes = Table.of(Note.class);
        Note note = new Note(1L, "changed");
        String[] parts = {"table \"notes\" has no primary key", "primaryKey()", "@Id"};
        refused(() -> db.get(notes, 1L), parts);
        refused(() -> db.update(note), parts);
        refused(() -> db.update(notes, note), parts);
        refused(() -> db.delete(note), parts);
        refused(() -> db.delete(notes, 1L), parts);
        refused(() -> db.refresh(note), parts);
        // OrderLine has a hand-written descriptor with a key; the one Table.of derives has none
        refused(() -> db.update(new OrderLine(10L, 1, "x", 1, null)), "table \"order_line\" has no primary key",
                "derived from OrderLine by Table.of", "update(TABLE, row)");
        unchanged();
    }

    @Test
    void aNullKeyIsRefused() {
        Account unsaved = new Account(null, "new", null, 1, CREATED);
        refused(() -> db.update(unsaved), "update(row)", "\"accounts\"", "\"id\"", "is null");
        refused(() -> db.delete(unsaved), "delete(row)", "\"accounts\"", "\"id\"", "is null");
        refused(() -> db.refresh(unsaved), "refresh(row)", "\"accounts\"", "\"id\"", "is null");
        OrderLine noLine = new OrderLine(10L, null, "x", 1, null);
        refused(() -> db.update(LINE, noLine), "\"order_lines\"", "\"line_no\"", "is null");
        refused(() -> db.delete(LINE, noLine), "\"order_lines\"", "\"line_no\"", "is null");
        refused(() -> db.get(ACCOUNT, (Object) null), "key value 1", "is null", "(\"id\" Long)");
        refused(() -> db.delete(LINE, 10L, null), "key value 2", "is null");
        unchanged();
    }

    @Test
    void keyValuesOfTheWrongTypeAreRefused() {
        refused(() -> db.get(ACCOUNT, 1), "\"accounts\"", "java.lang.Integer", "\"id\"", "Long",
                "(\"id\" Long)");
        refused(() -> db.get(ACCOUNT, "1"), "java.lang.String", "(\"id\" Long)");
        refused(() -> db.get(LINE, 10L, 1L), "key value 2 is a java.lang.Long", "\"line_no\"",
                "(\"order_id\" Long, \"line_no\" Integer)");
        refused(() -> db.delete(LINE, 10, 1), "key value 1 is a java.lang.Integer",
                "(\"order_id\" Long, \"line_no\" Integer)");
        refused(() -> db.get(ACCOUNT, new Account(1L, "ann", null, 1, CREATED)), "key value 1", "a row");
        unchanged();
    }

    @Test
    void aWrongNumberOfKeyValuesIsRefused() {
        refused(() -> db.get(ACCOUNT), "\"accounts\"", "(\"id\" Long)", "pass 1 value, not 0");
        refused(() -> db.get(ACCOUNT, 1L, 2L), "(\"id\" Long)", "not 2");
        refused(() -> db.get(LINE, 10L), "\"order_lines\"", "(\"order_id\" Long, \"line_no\" Integer)",
                "pass 2 values in that order, not 1");
        refused(() -> db.delete(LINE, 10L, 1, 1), "not 3");
        unchanged();
    }

    @Test
    void updateRefusesKeyColumnsAndColumnsOfAnotherTable() {
        OrderLine changed = new OrderLine(10L, 1, "changed", 5, null);
        refused(() -> db.update(LINE, changed, LINE.ORDER_ID), "\"order_lines\".\"order_id\"", "primary key");
        refused(() -> db.update(changed, LINE.QTY, LINE.LINE_NO), "\"order_lines\".\"line_no\"", "primary key");
        refused(() -> db.update(LINE, changed, ARCHIVE.QTY), "\"order_lines_archive\".\"qty\"",
                "is not a column of \"order_lines\"");
        refused(() -> db.update(changed, LINE.QTY, ARCHIVE.QTY), "two tables");
        refused(() -> db.update(changed, LINE.QTY, LINE.QTY), "listed twice");
        refused(() -> db.update(LINE), "not a descriptor");
        unchanged();
    }

    @Test
    void updateRefusesNullForANotNullColumn() {
        refused(() -> db.update(LINE, new OrderLine(10L, 1, null, 3, null)), "\"order_lines\".\"product\"",
                "not nullable");
        refused(() -> db.update(LINE, new OrderLine(10L, 1, null, 3, null), LINE.PRODUCT), "not nullable");
        unchanged();
    }

    @Test
    void aConstraintFailureIsTypedAndChangesNothing() {
        UniqueViolationException unique = assertThrows(UniqueViolationException.class,
                () -> db.update(new Account(2L, "ann", "bob@x.org", 51, CREATED)));
        assertEquals("accounts_name_key", unique.constraint());
        assertThrows(CheckViolationException.class, () -> db.update(new Account(3L, "cy", null, -1, CREATED)));
        assertThrows(CheckViolationException.class,
                () -> db.update(LINE, new OrderLine(10L, 1, "apple", 0, "ripe"), LINE.QTY));
        unchanged();
    }

    @Test
    void aConstraintFailureInsideATransactionUndoesTheStatementAndTheTransactionRollsBack() {
        Rollback.undone(db, tx -> {
            tx.update(new Account(1L, "anna", null, 1, CREATED));
            assertThrows(CheckViolationException.class, () -> tx.update(new Account(2L, "bob", null, -1, CREATED)));
            assertThrows(UniqueViolationException.class, () -> tx.update(new Account(3L, "anna", null, 0, CREATED)));
            // the failed statements left nothing; the work before them is still there
            assertEquals(50, tx.get(ACCOUNT, 2L).orElseThrow().balance());
            assertEquals("cy", tx.get(ACCOUNT, 3L).orElseThrow().name());
            assertEquals("anna", tx.get(ACCOUNT, 1L).orElseThrow().name());
        });
        unchanged();

        // a failure that propagates out of the body: nothing of the transaction is committed
        assertThrows(CheckViolationException.class, () -> db.useTransaction(tx -> {
            tx.update(new Account(1L, "anna", null, 1, CREATED));
            tx.update(LINE, new OrderLine(10L, 2, "pear", -3, null));
        }));
        unchanged();
    }

    @Test
    void aKeyTheDatabaseDoesNotEnforceNeverChangesSeveralRows() {
        // tags has two rows with id 1: the descriptor's key matches both
        TooManyRowsException update = assertThrows(TooManyRowsException.class, () -> db.update(TAG, new Tag(1L, "z")));
        assertTrue(update.getMessage().contains("more than one row of \"tags\"")
                && update.getMessage().contains("nothing was changed"), update.getMessage());
        assertThrows(TooManyRowsException.class, () -> db.delete(TAG, 1L));
        assertThrows(TooManyRowsException.class, () -> db.get(TAG, 1L));
        assertThrows(TooManyRowsException.class, () -> db.refresh(TAG, new Tag(1L, "?")));
        Rollback.undone(db, tx -> {
            assertThrows(TooManyRowsException.class, () -> tx.delete(TAG, new Tag(1L, "a")));
            assertEquals(3, tx.sql("select count(*) from tags").one(Long.class));
        });
        unchanged();
        db.update(TAG, new Tag(2L, "d"));
        assertEquals(1, testDb.count("SELECT count(*) FROM tags WHERE id = 2 AND label = 'd'"));
    }
}
