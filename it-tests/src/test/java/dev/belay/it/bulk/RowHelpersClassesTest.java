package dev.belay.it.bulk;

import static dev.belay.it.bulk.RowFixtures.CREATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.RowNotFoundException;
import dev.belay.it.FixtureDatabase;
import dev.belay.it.Rollback;
import dev.belay.it.bulk.RowFixtures.FieldLine;
import dev.belay.it.bulk.RowFixtures.SetterAccount;
import dev.belay.test.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The row helpers on mutable classes: one written through setters ({@link SetterAccount}, single-column key) and
 * one through public fields ({@link FieldLine}, composite key), both described by {@code Table.of}. Refresh
 * overwrites the same instance; on the pool and inside a transaction that is rolled back.
 */
@FixtureDatabase
final class RowHelpersClassesTest {
    private static final Table<SetterAccount> ACCOUNT = Table.of(SetterAccount.class);
    private static final Table<FieldLine> LINE = Table.of(FieldLine.class);
    private static final Column<FieldLine, Integer> QTY = LINE.field("qty", PgType.INT4);

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

    private static long accounts(String where) {
        return testDb.count("SELECT count(*) FROM accounts WHERE " + where);
    }

    private static long lines(String where) {
        return testDb.count("SELECT count(*) FROM order_lines WHERE " + where);
    }

    private static FieldLine line(long orderId, int lineNo) {
        FieldLine l = new FieldLine();
        l.orderId = orderId;
        l.lineNo = lineNo;
        l.product = "?";
        l.qty = 1;
        return l;
    }

    @Test
    void getReadsIntoClasses() {
        SetterAccount ann = db.get(ACCOUNT, 1L).orElseThrow();
        assertEquals("ann", ann.getName());
        assertEquals(100, ann.getBalance());
        FieldLine pear = db.get(LINE, 10L, 2).orElseThrow();
        assertEquals("pear", pear.product);
        assertNull(pear.note);
        assertEquals(java.util.Optional.empty(), db.get(LINE, 10L, 5));
    }

    @Test
    void updateFromASetterClass() {
        SetterAccount bob = db.get(ACCOUNT, 2L).orElseThrow();
        bob.setEmail("bob@x.org");
        bob.setBalance(75);
        bob.setCreatedAt(Instant.EPOCH); // generated: not written
        db.update(bob);
        assertEquals(1, accounts("id = 2 AND name = 'bob' AND email = 'bob@x.org' AND balance = 75 AND created_at = '"
                + CREATED + "'"));
        assertEquals(2, accounts("id <> 2 AND balance IN (100, 0)"));
    }

    @Test
    void updateOfListedColumnsFromAFieldClass() {
        FieldLine apple = db.get(LINE, 10L, 1).orElseThrow();
        apple.qty = 8;
        apple.product = "not written";
        apple.note = null;
        db.update(LINE, apple, QTY);
        assertEquals(1, lines("order_id = 10 AND line_no = 1 AND product = 'apple' AND qty = 8 AND note = 'ripe'"));
        db.update(apple, QTY, LINE.field("note", PgType.TEXT));
        assertEquals(1, lines("order_id = 10 AND line_no = 1 AND product = 'apple' AND qty = 8 AND note IS NULL"));
        db.update(apple);
        assertEquals(1, lines("order_id = 10 AND line_no = 1 AND product = 'not written'"));
    }

    @Test
    void updateOrDeleteOfADeletedRowIsRowNotFound() {
        SetterAccount cy = db.get(ACCOUNT, 3L).orElseThrow();
        FieldLine pear = db.get(LINE, 10L, 2).orElseThrow();
        testDb.execute("DELETE FROM accounts WHERE id = 3; DELETE FROM order_lines WHERE line_no = 2");
        assertThrows(RowNotFoundException.class, () -> db.update(cy));
        assertThrows(RowNotFoundException.class, () -> db.update(LINE, pear, QTY));
        assertThrows(RowNotFoundException.class, () -> db.delete(cy));
        assertThrows(RowNotFoundException.class, () -> db.delete(LINE, pear));
        assertEquals(2, accounts("true"));
        assertEquals(2, lines("true"));
    }

    @Test
    void deleteByRowAndByKey() {
        db.delete(new SetterAccount(1L, "?", null, 0, Instant.EPOCH));
        db.delete(line(10L, 1));
        db.delete(LINE, 11L, 1);
        assertEquals(0, accounts("id = 1"));
        assertEquals(1, lines("true"));
    }

    @Test
    void refreshOverwritesTheSameInstanceThroughItsSetters() {
        SetterAccount stale = new SetterAccount(2L, "stale", "stale@x.org", -5, Instant.EPOCH);
        SetterAccount same = db.refresh(stale);
        assertSame(stale, same);
        assertEquals(2L, same.getId());
        assertEquals("bob", same.getName());
        assertNull(same.getEmail());
        assertEquals(50, same.getBalance());
        assertEquals(CREATED, same.getCreatedAt());
        assertEquals(5, same.setterCalls(), "one setter call per column");
    }

    @Test
    void refreshOverwritesTheSameInstanceThroughItsFields() {
        FieldLine stale = line(10L, 1);
        stale.note = null;
        FieldLine same = db.refresh(LINE, stale);
        assertSame(stale, same);
        assertEquals("apple", same.product);
        assertEquals(3, same.qty);
        assertEquals("ripe", same.note);

        FieldLine pear = line(10L, 2);
        pear.note = "stale";
        db.refresh(pear);
        assertNull(pear.note, "a NULL column overwrites the property too");
    }

    @Test
    void refreshOfADeletedRowLeavesTheInstanceAsItWas() {
        FieldLine gone = line(12L, 1);
        assertThrows(RowNotFoundException.class, () -> db.refresh(gone));
        assertEquals("?", gone.product);
        SetterAccount nobody = new SetterAccount(9L, "nobody", null, 1, Instant.EPOCH);
        assertThrows(RowNotFoundException.class, () -> db.refresh(nobody));
        assertEquals("nobody", nobody.getName());
        assertEquals(0, nobody.setterCalls());
    }

    @Test
    void insideATransactionEverythingIsRolledBackWithIt() {
        SetterAccount ann = db.get(ACCOUNT, 1L).orElseThrow();
        Rollback.undone(db, tx -> {
            ann.setName("anna");
            tx.update(ann);
            ann.setName("not yet read");
            assertEquals("anna", tx.refresh(ann).getName());
            FieldLine apple = tx.get(LINE, 10L, 1).orElseThrow();
            apple.qty = 99;
            tx.update(LINE, apple, QTY);
            tx.delete(line(11L, 1));
            tx.delete(ACCOUNT, 3L);
            assertEquals(99, tx.refresh(line(10L, 1)).qty);
        });
        assertEquals("ann", db.refresh(ann).getName());
        assertEquals(1, accounts("id = 1 AND name = 'ann'"));
        assertEquals(3, accounts("true"));
        assertEquals(1, lines("order_id = 10 AND line_no = 1 AND qty = 3"));
        assertEquals(3, lines("true"));
    }
}
