package dev.belay.it.ddl;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.EventTable.EVENT;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.fixtures.WideTable.WIDE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Event;
import dev.belay.dsl.fixtures.NodeTable.Node;
import dev.belay.dsl.fixtures.Order;
import dev.belay.dsl.fixtures.OrderTable;
import dev.belay.dsl.fixtures.User;
import dev.belay.dsl.fixtures.WideTable.Wide;
import dev.belay.executor.BelayException;
import dev.belay.executor.ColumnInfo;
import dev.belay.executor.DBConnection;
import dev.belay.executor.ForeignKeyViolationException;
import dev.belay.executor.UniqueViolationException;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tables created from each test descriptor on an empty database: written and read through the DSL, compared with
 * what pg_catalog says, then dropped; and every other schema statement run for real.
 */
@BelayTest
final class SchemaStatementExecutionTest {
    /** format_type's spelling of the descriptors' types. */
    private static final Map<String, String> FORMAT = Map.of("int8", "bigint", "int4", "integer", "text", "text",
            "numeric", "numeric", "timestamptz", "timestamp with time zone", "text[]", "text[]",
            "\"order_status\"", "order_status");
    private static final List<Table<?>> TABLES = List.of(USER, ORDER, NODE, EVENT, WIDE);

    private DBConnection db;

    @BeforeEach
    void create(TestDatabase t) {
        db = t.open();
        assertEquals(0, db.exec(createType(OrderTable.STATUS_TYPE)));
        for (Table<?> table : TABLES) {
            assertEquals(0, db.exec(createTable(table)));
        }
    }

    @AfterEach
    void drop() {
        db.exec(dropTable(ORDER, USER, NODE, EVENT, WIDE).ifExists());
        db.exec(dropType(OrderTable.STATUS_TYPE).ifExists());
        for (Table<?> table : TABLES) {
            assertFalse(db.tableExists(table));
        }
    }

    @Test
    void theCatalogAgreesWithEachDescriptor() {
        for (Table<?> table : TABLES) {
            List<ColumnInfo> actual = db.columns(table);
            assertEquals(table.columns().size(), actual.size(), table.name());
            List<String> key = new ArrayList<>();
            for (int i = 0; i < actual.size(); i++) {
                Column<?, ?> declared = table.columns().get(i);
                ColumnInfo info = actual.get(i);
                assertEquals(declared.name(), info.name());
                assertEquals(FORMAT.get(declared.type().sqlName()), info.type(), declared.toString());
                assertEquals(declared.isNullable(), info.nullable(), declared.toString());
                boolean identity = info.identity() == ColumnInfo.Identity.BY_DEFAULT;
                assertEquals(declared.isGenerated(), identity || info.defaultSql() != null, declared.toString());
                if (declared.isPrimaryKey()) {
                    key.add(declared.name());
                }
            }
            assertEquals(key, db.primaryKey(table), table.name());
        }
        assertEquals(List.of("NEW", "PAID", "SHIPPED"), db.enumLabels(OrderTable.STATUS_TYPE));
    }

    @Test
    void rowsGoInAndComeOutThroughTheDsl() {
        User alice = db.insert(new User(null, "Alice", "alice@example.org", 30, null));
        assertEquals(1L, alice.id());
        assertNotNull(alice.createdAt());
        db.exec(insertInto(ORDER).set(ORDER.USER_ID, alice.id()).set(ORDER.TOTAL, new BigDecimal("9.50")));
        Order order = db.one(select(Order.class));
        assertEquals(Order.Status.NEW, order.status());
        assertEquals(List.of(), order.tags());
        db.exec(insertInto(NODE).values(new Node(1L, null, "root")));
        db.exec(insertInto(NODE).values(new Node(2L, 1L, "leaf")));
        Event e = db.insert(new Event(null, null, "boot"));
        assertEquals(1L, e.id());
        db.exec(insertInto(WIDE).values(new Wide(1L, "one", null, null, null, null, null, 7)));
        assertEquals(List.of("root", "leaf"), db.exec(select(NODE.LABEL).from(NODE).orderBy(NODE.ID.asc())));
        assertEquals(7, db.fetchValue(select(WIDE.N7).from(WIDE)));
    }

    @Test
    void theDeclaredConstraintsHold() {
        db.insert(new User(null, "Alice", "alice@example.org", 30, null));
        assertThrows(UniqueViolationException.class,
                () -> db.insert(new User(null, "Other", "alice@example.org", 1, null)));
        assertThrows(ForeignKeyViolationException.class, () -> db.exec(insertInto(ORDER).set(ORDER.USER_ID, 99L)
                .set(ORDER.TOTAL, BigDecimal.ONE)));
        assertThrows(ForeignKeyViolationException.class, () -> db.exec(insertInto(NODE).values(new Node(5L, 4L, "x"))));
    }

    @Test
    void truncateRestartsIdentities() {
        db.insert(new User(null, "Alice", "alice@example.org", 30, null));
        db.insert(new Event(null, null, "one"));
        db.exec(truncate(ORDER, USER).restartIdentity());
        db.exec(truncate(EVENT));
        assertEquals(0L, db.fetchValue(select(count()).from(USER)));
        assertEquals(1L, db.insert(new User(null, "Bob", "bob@example.org", 17, null)).id());
        assertEquals(2L, db.insert(new Event(null, null, "two")).id());
    }

    @Test
    void indexesWithLiteralPredicatesMeanWhatTheJavaValuesSay() {
        String odd = "it's \\ odd";
        db.exec(createIndex(USER, USER.NAME).named("users_odd").unique().where(USER.NAME.ne(odd)).where(USER.AGE.ge(18)));
        db.exec(createIndex(USER, USER.NAME).named("users_odd").ifNotExists());
        db.exec(createIndex(EVENT, EVENT.HAPPENED_AT).concurrently());
        String predicate = db.sql("SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i "
                + "WHERE i.indexrelid = 'users_odd'::regclass").one(String.class);
        assertEquals("((name <> 'it''s \\ odd'::text) AND (age >= 18))", predicate);
        db.insert(new User(null, odd, "a@example.org", 30, null));
        db.insert(new User(null, odd, "b@example.org", 30, null));   // excluded by the predicate: no conflict
        db.insert(new User(null, "Eve", "c@example.org", 30, null));
        assertThrows(UniqueViolationException.class, () -> db.insert(new User(null, "Eve", "d@example.org", 40, null)));
        db.insert(new User(null, "Eve", "e@example.org", 10, null));  // under 18: outside the index
        assertEquals(4L, db.fetchValue(select(count()).from(USER)));
    }

    @Test
    void literalsReadTheSameWithoutStandardConformingStrings(TestDatabase t) {
        try (DBConnection legacy = t.open(c -> c.poolSize(1))) {
            legacy.useTransaction(tx -> {
                tx.sql("SET LOCAL standard_conforming_strings = off").execute();
                tx.exec(createIndex(USER, USER.EMAIL).named("users_legacy").where(USER.NAME.ne("a\\'b")));
            });
            // read back on a standard session: the stored predicate holds exactly the Java string a\'b
            assertEquals("(name <> 'a\\''b'::text)", db.sql("SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i "
                    + "WHERE i.indexrelid = 'users_legacy'::regclass").one(String.class));
        }
    }

    @Test
    void concurrentIndexesAreRefusedInsideATransactionByPostgresql() {
        BelayException e = assertThrows(BelayException.class, () -> db.useTransaction(tx ->
                tx.exec(createIndex(EVENT, EVENT.NOTE).concurrently())));
        assertEquals("25001", e.getCause() instanceof BelayException b ? b.sqlState() : e.sqlState(), e.toString());
    }

    @Test
    void schemasAndIdempotentForms() {
        db.exec(createSchema("tenant_a"));
        db.exec(createSchema("tenant_a").ifNotExists());
        assertEquals(List.of(), db.tables("tenant_a"));
        db.exec(createTable(USER).ifNotExists());
        db.exec(dropSchema("tenant_a").cascade());
        db.exec(dropSchema("tenant_a").ifExists());
        assertTrue(db.tableExists(USER));
    }
}
