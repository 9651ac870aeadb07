package dev.belay.it.trust;

import static dev.belay.dsl.Sql.onConflict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.TransactionRolledBackException;
import dev.belay.executor.TxOptions;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * db.insert and db.upsert fill generated keys into the caller's own instances of a mutable class. When the
 * transaction (or savepoint) they ran in rolls back, those instances are put back as they were: no object holds the
 * key of a row that was never committed, and a retried transaction sends them as it did the first time.
 */
@BelayTest
final class RolledBackBackfillTest {
    /** A mutable row class with a generated key. */
    public static final class Item {
        private Long id;
        private String name;

        public Item() {}

        Item(String name) {
            this.name = name;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    static final class Items extends Table<Item> {
        static final Items T = new Items();
        final Column<Item, Long> id = column("id", PgType.INT8).primaryKey().generated();
        final Column<Item, String> name = column("name", PgType.TEXT);

        private Items() {
            super("backfill_items", Item.class);
        }
    }

    private static final String RAISE_40001 = "DO $$BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END$$";
    private static TestDatabase t;

    @BeforeAll
    static void schema(TestDatabase db) {
        t = db;
        t.execute("CREATE TABLE backfill_items (id int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "name text NOT NULL UNIQUE)");
    }

    @BeforeEach
    void clean() {
        t.execute("TRUNCATE backfill_items");
    }

    @Test
    void aRetriedTransactionSendsTheInstancesAsTheFirstAttemptDid(DBConnection db) {
        List<Item> items = List.of(new Item("a"), new Item("b"));
        AtomicInteger attempts = new AtomicInteger();
        db.useTransaction(TxOptions.DEFAULT.retries(2), tx -> {
            int attempt = attempts.incrementAndGet();
            tx.insert(Items.T, items);
            assertNotNull(items.get(0).getId(), "inside the transaction the key is there to use");
            if (attempt == 1) {
                tx.sql(RAISE_40001).execute(); // stands for a serialization failure
            }
        });
        assertEquals(2, attempts.get());
        assertEquals(2, t.count("SELECT count(*) FROM backfill_items"));
        assertEquals(t.count("SELECT id FROM backfill_items WHERE name = 'a'"), items.get(0).getId());
    }

    @Test
    void aRolledBackTransactionOrSavepointLeavesNoKeyInTheInstances(DBConnection db) {
        Item x = new Item("x");
        assertThrows(IllegalStateException.class, () -> db.useTransaction(tx -> {
            tx.insert(Items.T, List.of(x));
            throw new IllegalStateException("abort");
        }));
        assertNull(x.getId());
        // a savepoint that rolls back puts back its own writes; a released one leaves them to the level around it
        Item kept = new Item("kept");
        Item undone = new Item("undone");
        Item outerUndone = new Item("outer undone");
        assertThrows(IllegalStateException.class, () -> db.useTransaction(tx -> {
            tx.transaction(inner -> inner.insert(Items.T, List.of(outerUndone)));
            assertThrows(IllegalStateException.class, () -> tx.useTransaction(inner -> {
                inner.insert(Items.T, List.of(undone));
                throw new IllegalStateException("inner abort");
            }));
            assertNull(undone.getId());
            assertNotNull(outerUndone.getId());
            throw new IllegalStateException("outer abort");
        }));
        assertNull(outerUndone.getId());
        db.useTransaction(tx -> tx.insert(Items.T, List.of(kept)));
        assertNotNull(kept.getId(), "a committed transaction keeps what it wrote");
        assertEquals(1, t.count("SELECT count(*) FROM backfill_items"));
    }

    @Test
    void anUpsertInARolledBackTransactionIsPutBackToo(DBConnection db) {
        Item y = new Item("y");
        assertThrows(TransactionRolledBackException.class, () -> db.useTransaction(tx -> {
            tx.upsert(List.of(y), onConflict(Items.T.name).doUpdateSet(Items.T.name));
            assertNotNull(y.getId());
            try {
                tx.sql(RAISE_40001).execute();
            } catch (RuntimeException caught) {
                // the body goes on; the transaction still rolls back
            }
        }));
        assertNull(y.getId());
        assertEquals(0, db.poolStats().active());
    }
}
