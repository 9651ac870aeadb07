package dev.belay.it.bulk;

import static dev.belay.dsl.Sql.onConflict;
import static dev.belay.it.bulk.BulkJdbc.assertColumn;
import static dev.belay.it.bulk.BulkJdbc.assertStored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.OnConflict;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import dev.belay.executor.BelayException;
import dev.belay.executor.BindException;
import dev.belay.executor.CheckViolationException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.ForeignKeyViolationException;
import dev.belay.executor.NotNullViolationException;
import dev.belay.executor.UniqueViolationException;
import dev.belay.executor.Upserted;
import dev.belay.it.FixtureDatabase;
import dev.belay.it.StubDataSource;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bulk write is all or nothing, and its error says which input row and column: a row the server refuses in
 * the middle of 1,000 leaves nothing of the call behind (outside a transaction: nothing committed; inside one:
 * the caller's earlier and later work commits, none of the call's), for insert and upsert, with the typed
 * exception naming the input row index and the column; values PostgreSQL would refuse or alter are refused
 * before anything is sent; empty input makes no round trip; and the single-row {@code insert(row)}.
 */
@FixtureDatabase
final class BulkAtomicityTest {
    private static final int ROWS = 1_000;
    private static final int BAD = 500;
    private static final AtomicInteger CALLS = new AtomicInteger();

    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE parents (id int4 PRIMARY KEY); INSERT INTO parents SELECT generate_series(1, 10);"
                + "CREATE TABLE items (id bigserial PRIMARY KEY, code varchar(5) NOT NULL, name text NOT NULL, "
                + "qty int4 NOT NULL CONSTRAINT items_qty_check CHECK (qty >= 0), "
                + "parent int4 NOT NULL REFERENCES parents, email text NOT NULL UNIQUE, tag text UNIQUE, born date, "
                + "created_at timestamptz NOT NULL DEFAULT now());"
                + "INSERT INTO items (code, name, qty, parent, email, tag) VALUES ('taken', 'taken', 0, 1, 'taken@x', "
                + "'taken');"
                + "INSERT INTO items (code, name, qty, parent, email) SELECT 'base', 'base' || g, g, 1, "
                + "'base' || g || '@x' FROM generate_series(0, 99) g");
        testDb = t;
        db = t.open();
    }

    @dev.belay.dsl.annotations.Table("items")
    record Item(@Id @Generated Long id, String code, String name, Integer qty, Integer parent, String email,
                @Nullable String tag, @Nullable LocalDate born, @Generated Instant createdAt) {}

    /** Mutable, with the same derived descriptor. */
    @dev.belay.dsl.annotations.Table("items")
    static final class ItemBean {
        @Id @Generated Long id;
        String code;
        String name;
        Integer qty;
        Integer parent;
        String email;
        @Nullable String tag;
        @Nullable LocalDate born;
        @Generated Instant createdAt;
    }

    static final Table<Item> ITEMS = Table.of(Item.class);
    static final OnConflict<Item> BY_EMAIL = onConflict(ITEMS.field("email", PgType.TEXT))
            .doUpdateSet(ITEMS.field("name", PgType.TEXT), ITEMS.field("qty", PgType.INT4));

    private static Item item(String name, String email, int i) {
        return new Item(null, "c" + i % 1_000, name, i, 1 + i % 10, email, null, LocalDate.of(2000, 1, 1).plusDays(i),
                null);
    }

    /**
     * {@code n} good rows named {@code prefix/row<i>}; with {@code conflicts}, every tenth row's email is one of
     * the 100 stored "base" rows (an upsert updates those).
     */
    private static List<Item> batch(String prefix, int n, boolean conflicts) {
        List<Item> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean conflict = conflicts && i % 10 == 3 && i / 10 < 100;
            rows.add(item(prefix + "/row" + i, conflict ? "base" + i / 10 + "@x" : prefix + "/" + i + "@x", i));
        }
        return rows;
    }

    private static String prefix() {
        return "call" + CALLS.incrementAndGet();
    }

    private static long rows() {
        return testDb.count("SELECT count(*) FROM items");
    }

    private static long named(String prefix) {
        return testDb.count("SELECT count(*) FROM items WHERE name LIKE ?", prefix + "/%");
    }

    /** The id sequence's position: it moves whenever a statement of a bulk write reaches the server. */
    private static long sequence() {
        return testDb.count("SELECT last_value FROM pg_sequences WHERE sequencename = 'items_id_seq'");
    }

    // ---- a row the server refuses ----------------------------------------------------------------

    enum Failure {
        NOT_NULL(NotNullViolationException.class, "23502", "name", r -> with(r, "name", null)),
        CHECK(CheckViolationException.class, "23514", "qty", r -> with(r, "qty", -1)),
        FOREIGN_KEY(ForeignKeyViolationException.class, "23503", "parent", r -> with(r, "parent", 99)),
        UNIQUE(UniqueViolationException.class, "23505", "tag", r -> with(r, "tag", "taken")),
        TOO_LONG(BelayException.class, "22001", "code", r -> with(r, "code", "sixsix"));

        final Class<? extends BelayException> type;
        final String sqlState;
        final String column;
        final UnaryOperator<Item> spoil;

        Failure(Class<? extends BelayException> type, String sqlState, String column, UnaryOperator<Item> spoil) {
            this.type = type;
            this.sqlState = sqlState;
            this.column = column;
            this.spoil = spoil;
        }
    }

    /** {@code r} with one component replaced. */
    private static Item with(Item r, String component, Object value) {
        return new Item(r.id(), component.equals("code") ? (String) value : r.code(),
                component.equals("name") ? (String) value : r.name(),
                component.equals("qty") ? (Integer) value : r.qty(),
                component.equals("parent") ? (Integer) value : r.parent(), r.email(),
                component.equals("tag") ? (String) value : r.tag(),
                component.equals("born") ? (LocalDate) value : r.born(), r.createdAt());
    }

    enum Op {
        INSERT, UPSERT;

        void run(DBConnection c, List<Item> rows) {
            if (this == INSERT) {
                c.insert(ITEMS, rows);
            } else {
                c.upsert(rows, BY_EMAIL);
            }
        }
    }

    static Stream<Arguments> failures() {
        List<Arguments> all = new ArrayList<>();
        for (Failure f : Failure.values()) {
            for (Op op : Op.values()) {
                all.add(Arguments.of(f, op));
            }
        }
        return all.stream();
    }

    /** Asserts what the error of a call that failed on input row {@code index} must say. */
    private static void assertNamesRowAndColumn(BelayException e, Class<? extends BelayException> type, String sqlState,
                                                int index, String column) {
        assertTrue(type.isInstance(e), "expected a " + type.getSimpleName() + ", got " + e);
        assertEquals(sqlState, e.sqlState(), e.getMessage());
        assertEquals(index, e.row(), "row() of: " + e.getMessage());
        assertTrue(e.getMessage().contains("input row " + index), e.getMessage());
        assertColumn(e, "items", column);
    }

    @ParameterizedTest(name = "{1} with a {0} row, outside a transaction")
    @MethodSource("failures")
    void aFailingRowOutsideATransactionCommitsNothing(Failure failure, Op op) {
        String prefix = prefix();
        List<Item> rows = batch(prefix, ROWS, op == Op.UPSERT);
        rows.set(BAD, failure.spoil.apply(rows.get(BAD)));
        long before = rows();

        BelayException e = assertThrows(BelayException.class, () -> op.run(db, rows));

        assertEquals(before, rows(), "rows stored");
        assertEquals(0, named(prefix), "rows of the call inserted or updated");
        assertNamesRowAndColumn(e, failure.type, failure.sqlState, BAD, failure.column);
    }

    @ParameterizedTest(name = "{1} with a {0} row, inside a transaction")
    @MethodSource("failures")
    void aFailingRowInsideATransactionLeavesTheCallersWorkAndTheTransactionGoesOn(Failure failure, Op op) {
        String prefix = prefix();
        List<Item> rows = batch(prefix, ROWS, op == Op.UPSERT);
        rows.set(BAD, failure.spoil.apply(rows.get(BAD)));
        long before = rows();

        BelayException e = db.transaction(tx -> {
            tx.insert(item(prefix + "/earlier", prefix + "/earlier@x", 1));
            BelayException thrown = assertThrows(BelayException.class, () -> op.run(tx, rows));
            tx.insert(item(prefix + "/later", prefix + "/later@x", 2));
            return thrown;
        });

        assertEquals(before + 2, rows(), "rows stored");
        assertEquals(1, testDb.count("SELECT count(*) FROM items WHERE name = ?", prefix + "/earlier"));
        assertEquals(1, testDb.count("SELECT count(*) FROM items WHERE name = ?", prefix + "/later"));
        assertEquals(0, testDb.count("SELECT count(*) FROM items WHERE name LIKE ?", prefix + "/row%"),
                "rows of the call inserted or updated");
        assertNamesRowAndColumn(e, failure.type, failure.sqlState, BAD, failure.column);
    }

    @ParameterizedTest(name = "row {0}")
    @ValueSource(ints = {0, ROWS - 1})
    void theFirstAndTheLastRowAreNamedToo(int index) {
        String prefix = prefix();
        List<Item> rows = batch(prefix, ROWS, false);
        rows.set(index, with(rows.get(index), "name", null));
        BelayException e = assertThrows(BelayException.class, () -> db.insert(ITEMS, rows));
        assertEquals(0, named(prefix));
        assertNamesRowAndColumn(e, NotNullViolationException.class, "23502", index, "name");
    }

    @Test
    void aFailingRowPastTheFirstChunkIsNamed() {
        String prefix = prefix();
        int index = 55_555; // a call is sent in chunks of at most 50,000 rows
        List<Item> rows = batch(prefix, 60_000, false);
        rows.set(index, with(rows.get(index), "name", null));
        BelayException e = assertThrows(BelayException.class, () -> db.insert(ITEMS, rows));
        assertEquals(0, named(prefix), "rows of the call, the earlier chunks' included");
        assertNamesRowAndColumn(e, NotNullViolationException.class, "23502", index, "name");
    }

    // ---- a value refused before sending ----------------------------------------------------------

    enum Refusal {
        NUL("name", r -> with(r, "name", "a\u0000b")),
        UNPAIRED_SURROGATE("name", r -> with(r, "name", "ab\uD800")),
        DATE_BEFORE_4713_BC("born", r -> with(r, "born", LocalDate.of(-4713, 11, 23)));

        final String column;
        final UnaryOperator<Item> spoil;

        Refusal(String column, UnaryOperator<Item> spoil) {
            this.column = column;
            this.spoil = spoil;
        }
    }

    static Stream<Arguments> refusals() {
        List<Arguments> all = new ArrayList<>();
        for (Refusal r : Refusal.values()) {
            for (Op op : Op.values()) {
                for (boolean inTransaction : new boolean[] {false, true}) {
                    all.add(Arguments.of(r, op, inTransaction));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} with {0}, in a transaction: {2}")
    @MethodSource("refusals")
    void aValuePostgresqlWouldAlterIsRefusedBeforeSending(Refusal refusal, Op op, boolean inTransaction) {
        String prefix = prefix();
        List<Item> rows = batch(prefix, ROWS, op == Op.UPSERT);
        rows.set(BAD, refusal.spoil.apply(rows.get(BAD)));
        long before = rows();
        long sequence = sequence();

        BelayException e;
        if (inTransaction) {
            e = db.transaction(tx -> {
                BelayException thrown = assertThrows(BelayException.class, () -> op.run(tx, rows));
                tx.insert(item(prefix + "/later", prefix + "/later@x", 2));
                return thrown;
            });
            assertEquals(before + 1, rows(), "the transaction went on and committed its own row");
            assertEquals(sequence + 1, sequence(), "only the transaction's own row drew an id");
        } else {
            e = assertThrows(BelayException.class, () -> op.run(db, rows));
            assertEquals(before, rows());
            assertEquals(sequence, sequence(), "no statement of the call reached the server");
        }
        assertEquals(0, testDb.count("SELECT count(*) FROM items WHERE name LIKE ?", prefix + "/row%"));
        assertTrue(e instanceof BindException, "expected a BindException, got " + e);
        assertNull(e.sqlState(), "refused by Belay, not by the server: " + e.getMessage());
        assertEquals(BAD, e.row(), e.getMessage());
        assertTrue(e.getMessage().contains("input row " + BAD), e.getMessage());
        assertColumn(e, "items", refusal.column);
    }

    // ---- empty input -----------------------------------------------------------------------------

    /** A DataSource that counts the connections asked of it and gives none. */
    static final class NoDatabase extends StubDataSource {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            throw new SQLException("this DataSource has no database", "08001");
        }

    }

    @Test
    void emptyInputReturnsAnEmptyListWithoutTouchingTheDatabase() {
        NoDatabase none = new NoDatabase();
        try (DBConnection offline = DBConnection.of(none)) {
            assertEquals(List.of(), offline.insert(ITEMS, List.of()));
            assertEquals(List.<Upserted<Item>>of(), offline.upsert(List.<Item>of(), BY_EMAIL));
            assertEquals(0, none.asked.get(), "connections asked for");
            // the stub is what a non-empty call reaches
            assertThrows(BelayException.class, () -> offline.insert(ITEMS, List.of(item("x", "x@x", 1))));
            assertTrue(none.asked.get() > 0);
        }
    }

    // ---- insert(row) -----------------------------------------------------------------------------

    @Test
    void insertOfOneRecordReturnsItWithItsGeneratedColumns() {
        Item row = item("single", "single@x", 7);
        Item saved = db.insert(row);
        assertNotSame(row, saved);
        assertNotNull(saved.id());
        assertNotNull(saved.createdAt());
        assertEquals(row, new Item(null, saved.code(), saved.name(), saved.qty(), saved.parent(),
                saved.email(), saved.tag(), saved.born(), null));
        Map<String, Object> stored = BulkJdbc.one(testDb, "SELECT * FROM items WHERE id = ?", saved.id());
        assertStored(ITEMS, saved, stored, "the single row");
    }

    @Test
    void insertOfOneMutableRowUpdatesIt() {
        ItemBean bean = new ItemBean();
        bean.code = "bean";
        bean.name = "bean";
        bean.qty = 3;
        bean.parent = 2;
        bean.email = "bean@x";
        assertSame(bean, db.insert(bean));
        assertNotNull(bean.id);
        assertNotNull(bean.createdAt);
        assertEquals(1, testDb.count("SELECT count(*) FROM items WHERE id = ? AND email = 'bean@x' AND created_at = ?",
                bean.id, bean.createdAt.atOffset(java.time.ZoneOffset.UTC)));
    }

    @Test
    void insertOfOneFailingRowNamesRowZero() {
        long before = rows();
        Item row = with(item("one", "one@x", 1), "name", null);
        BelayException e = assertThrows(BelayException.class, () -> db.insert(row));
        assertEquals(before, rows());
        assertNamesRowAndColumn(e, NotNullViolationException.class, "23502", 0, "name");
    }

    @Test
    void aListPassedToInsertOfOneRowIsAClearError() {
        long before = rows();
        List<Item> list = List.of(item("list0", "list0@x", 1), item("list1", "list1@x", 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.insert(list));
        assertTrue(e.getMessage().contains("insert(table, rows)"), e.getMessage());
        assertEquals(before, rows());
    }
}
