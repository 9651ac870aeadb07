package dev.belay.it;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.EventTable.EVENT;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.NodeTable.NODE_ARCHIVE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.OrderTable.STATUS_TYPE;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.fixtures.WideTable.WIDE;
import static dev.belay.it.DmlReads.*;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Cte;
import dev.belay.dsl.Delete;
import dev.belay.dsl.Field;
import dev.belay.dsl.Insert;
import dev.belay.dsl.InsertDoUpdate;
import dev.belay.dsl.InsertValues3;
import dev.belay.dsl.Param;
import dev.belay.dsl.PgType;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Returning;
import dev.belay.dsl.Row;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.Update;
import dev.belay.dsl.fixtures.Doc;
import dev.belay.dsl.fixtures.Event;
import dev.belay.dsl.fixtures.NodeTable.Node;
import dev.belay.dsl.fixtures.Order;
import dev.belay.dsl.fixtures.Order.Status;
import dev.belay.dsl.fixtures.User;
import dev.belay.dsl.fixtures.WideTable.Wide;
import dev.belay.executor.BelayException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.RawSql;
import dev.belay.executor.TransactionAction;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * INSERT, UPDATE and DELETE built with the dsl (upserts: {@link UpsertExecutionTest}) run through the executor on the seeded fixture
 * ({@code belay/fixture-seed.sql}: users Alice 30 / Bob 17 / Carol NULL with ids 1..3; orders 1 Alice 120.00 PAID,
 * 2 Alice 15.50 NEW, 3 Bob 300.00 SHIPPED; nodes 1 root, 2 child of 1, 3 leaf of 2, 4 stale of 1; event 1 'boot';
 * wide 1 'one'). Each test runs its statements and its read-backs (raw SQL through the same executor) on one
 * transaction rolled back afterwards, and checks the rows themselves as typed values.
 */
@FixtureDatabase
final class DmlExecutionTest {
    private static final Table<Doc> DOCS = Table.of(Doc.class);
    /** Doc's {@code visible} component is the {@code is_public} column; raw SQL maps by label, so it is aliased. */
    private static final String DOC_ROWS = "SELECT id, body, is_public AS visible FROM app.docs ORDER BY id";

    record IdName(Long id, String name) {}

    /** An order as stored, with {@code fresh} telling whether created_at took this transaction's now(). */
    record StoredOrder(Long userId, BigDecimal total, Status status, List<String> tags, Boolean fresh) {}

    private static DBConnection dbc;

    @BeforeAll
    static void seed(TestDatabase db) throws SQLException {
        db.runScript(FixtureDatabase.SEED);
        dbc = db.open();
    }

    // ---- INSERT: sources ---------------------------------------------------------------------

    @Test
    void insertFromARecordLeavesIdentityAndDefaultToTheDatabase() {
        inRolledBackTx(tx -> {
            Returning<Long> insert = insertInto(USER).values(new User(null, "Dave", "dave@example.org", 41, null))
                    .returning(USER.ID);
            List<Long> returned = tx.exec(insert);
            assertEquals(1, returned.size());
            Long id = returned.get(0);
            assertTrue(id > 3, "the identity continues after the seeded ids 1..3, got " + id);
            // created_at is the column default now(), the transaction's start time
            assertEquals(List.of(new User(id, "Dave", "dave@example.org", 41, now(tx))),
                    tx.sql("SELECT id, name, email, age, created_at FROM users WHERE email = 'dave@example.org'")
                            .fetch(User.class));
        });
    }

    @Test
    void valuesListKeepsAnExplicitIdAndDefaultsAMissingOne() {
        inRolledBackTx(tx -> {
            List<Event> events = List.of(new Event(100L, null, "explicit"), new Event(null, null, "defaulted"));
            assertEquals(2, tx.exec(insertInto(EVENT).values(events)));
            List<Event> rows = tx.sql("SELECT note, id, happened_at FROM events WHERE note <> 'boot' ORDER BY note")
                    .fetch(Event.class);
            assertEquals(List.of("defaulted", "explicit"), rows.stream().map(Event::note).toList());
            assertEquals(100L, rows.get(1).id());
            Long defaulted = rows.get(0).id();
            assertTrue(defaulted > 1 && defaulted != 100L, "DEFAULT draws from the identity, got " + defaulted);
            assertEquals(List.of(now(tx), now(tx)), rows.stream().map(Event::happenedAt).toList());
            assertEquals(List.of(new Event(defaulted, now(tx), "defaulted"), new Event(100L, now(tx), "explicit")), rows);
        });
    }

    @Test
    void overridingSystemValueWritesAGeneratedAlwaysIdentity() {
        inRolledBackTx(tx -> {
            assertEquals(1, tx.exec(insertInto(USER).overridingSystemValue()
                    .values(new User(500L, "Olga", "olga@example.org", null, null))));
            assertEquals(List.of(new IdNameAge(500L, "Olga", null)),
                    tx.sql("SELECT id, name, age FROM users WHERE email = 'olga@example.org'").fetch(IdNameAge.class));
            // without it PostgreSQL refuses the value: the clause is what makes the row above possible
            BelayException e = assertThrows(BelayException.class,
                    () -> tx.exec(insertInto(USER).values(new User(501L, "Pete", "pete@example.org", null, null))));
            assertEquals("428C9", e.sqlState(), e.getMessage()); // generated_always
        });
    }

    @Test
    void typedColumnsInsertSeveralRowsWithEnumAndArrayValues() {
        inRolledBackTx(tx -> {
            List<String> awkward = Arrays.asList("x,y", null, "\"quoted\"", "{brace}", "", "back\\slash");
            Returning<Long> insert = insertInto(ORDER).columns(ORDER.USER_ID, ORDER.TOTAL, ORDER.STATUS, ORDER.TAGS)
                    .values(3L, new BigDecimal("9.99"), Status.SHIPPED, awkward)
                    .values(2L, new BigDecimal("0.01"), Status.NEW, List.of())
                    .returning(ORDER.ID);
            List<Long> ids = tx.exec(insert);
            assertEquals(2, ids.size());
            assertEquals(List.of(new StoredOrder(3L, new BigDecimal("9.99"), Status.SHIPPED, awkward, true),
                            new StoredOrder(2L, new BigDecimal("0.01"), Status.NEW, List.of(), true)),
                    tx.sql("SELECT user_id, total, status, tags, created_at = now() AS fresh FROM orders WHERE id IN ("
                            + ids.get(0) + ", " + ids.get(1) + ") ORDER BY id").fetch(StoredOrder.class));
        });
    }

    @Test
    void insertSelectCopiesRowsIntoTheArchive() {
        inRolledBackTx(tx -> {
            assertEquals(2, tx.exec(insertInto(NODE_ARCHIVE).select(select(NODE).where(NODE.PARENT_ID.eq(1L)))));
            assertEquals(List.of(new Node(2L, 1L, "child"), new Node(4L, 1L, "stale")),
                    tx.sql("SELECT id, parent_id, label FROM node_archive ORDER BY id").fetch(Node.class));
            // typed columns with computed values and a typed NULL in the SELECT list
            Insert<Node> copy = insertInto(NODE_ARCHIVE)
                    .columns(NODE_ARCHIVE.ID, NODE_ARCHIVE.PARENT_ID, NODE_ARCHIVE.LABEL)
                    .select(select(NODE.ID.plus(100L), value(null, PgType.INT8), NODE.LABEL.concat(" copy"))
                            .from(NODE).where(NODE.ID.eq(1L)));
            assertEquals(1, tx.exec(copy));
            assertEquals(List.of(new Node(101L, null, "root copy")),
                    tx.sql("SELECT id, parent_id, label FROM node_archive WHERE id = 101").fetch(Node.class));
            assertEquals(4, count(tx, "nodes"), "INSERT ... SELECT leaves its source alone");
        });
    }

    @Test
    void untypedColumnListBeyondSixColumns() {
        inRolledBackTx(tx -> {
            assertEquals(2, tx.exec(insertInto(WIDE)
                    .columns(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5, WIDE.C6, WIDE.N7)
                    .values(2L, "a", null, "c", null, null, "f", 7)
                    .values(3L, "b", "x", null, null, null, null, null)));
            assertEquals(List.of(new Wide(2L, "a", null, "c", null, null, "f", 7),
                            new Wide(3L, "b", "x", null, null, null, null, null)),
                    tx.sql("SELECT id, c1, c2, c3, c4, c5, c6, n7 FROM wide WHERE id > 1 ORDER BY id").fetch(Wide.class));
        });
    }

    @Test
    void defaultValuesInsertsARowOfDefaults() {
        inRolledBackTx(tx -> {
            List<Tuple3<Long, Instant, String>> returned = tx.exec(insertInto(EVENT).defaultValues()
                    .returning(EVENT.ID, EVENT.HAPPENED_AT, EVENT.NOTE));
            assertEquals(1, returned.size());
            Long id = returned.get(0).v1();
            assertNotNull(id);
            assertEquals(new Tuple3<Long, Instant, String>(id, now(tx), null), returned.get(0));
            assertEquals(List.of(new Event(id, now(tx), null)),
                    tx.sql("SELECT id, happened_at, note FROM events WHERE id = " + id).fetch(Event.class));
            assertEquals(2, count(tx, "events"));
        });
    }

    // ---- UPDATE and DELETE -------------------------------------------------------------------

    @Test
    void updateFromChangesExactlyTheJoinedRows() {
        inRolledBackTx(tx -> {
            Update<User> bigSpenders = update(USER).set(USER.AGE, 99).from(ORDER)
                    .where(ORDER.USER_ID.eq(USER.ID)).where(ORDER.TOTAL.gt(new BigDecimal("100")));
            assertEquals(2, tx.exec(bigSpenders));
            assertEquals(List.of(new NameAge("Alice", 99), new NameAge("Bob", 99), new NameAge("Carol", null)),
                    namesAndAges(tx, "SELECT name, age FROM users ORDER BY id"));
        });
    }

    @Test
    void updateAllChangesEveryRow() {
        inRolledBackTx(tx -> {
            assertEquals(3, tx.exec(update(USER).set(USER.NAME, USER.NAME.concat("!")).all()));
            assertEquals(List.of("Alice!", "Bob!", "Carol!"),
                    tx.sql("SELECT name FROM users ORDER BY id").fetch(String.class));
        });
    }

    @Test
    void deleteUsingRemovesOnlyTheJoinedRows() {
        inRolledBackTx(tx -> {
            Delete<Order> alicesOrders = deleteFrom(ORDER).using(USER)
                    .where(ORDER.USER_ID.eq(USER.ID)).where(USER.NAME.eq("Alice"));
            assertEquals(2, tx.exec(alicesOrders));
            assertEquals(List.of(List.of(3L, 2L)), rows(tx, "SELECT id, user_id FROM orders"));
            assertEquals(3, count(tx, "users"));
        });
    }

    @Test
    void deleteAllEmptiesTheTable() {
        inRolledBackTx(tx -> {
            assertEquals(3, tx.exec(deleteFrom(ORDER).all()));
            assertEquals(0, count(tx, "orders"));
            assertEquals(3, count(tx, "users"));
        });
    }

    // ---- RETURNING ---------------------------------------------------------------------------

    @Test
    void returningAllGivesTheRowAsStored() {
        inRolledBackTx(tx -> {
            Returning<User> older = update(USER).set(USER.AGE, 31).where(USER.EMAIL.eq("alice@example.org"))
                    .returningAll();
            assertEquals(User.class, older.resultType());
            List<User> returned = tx.exec(older);
            assertEquals(tx.sql("SELECT id, name, email, age, created_at FROM users WHERE email = 'alice@example.org'")
                    .fetch(User.class), returned);
            assertEquals(1, returned.size());
            User alice = returned.get(0);
            assertNotNull(alice.createdAt());
            assertEquals(new User(1L, "Alice", "alice@example.org", 31, alice.createdAt()), alice);
        });
    }

    @Test
    void returningTuplesRowsAndRecords() {
        inRolledBackTx(tx -> {
            Returning<Tuple3<Long, Long, String>> gone = deleteFrom(NODE).where(NODE.ID.eq(4L))
                    .returning(NODE.ID, NODE.PARENT_ID, NODE.LABEL);
            assertEquals(Tuple3.class, gone.resultType());
            assertEquals(List.of(new Tuple3<>(4L, 1L, "stale")), tx.exec(gone));
            assertEquals(List.of(1L, 2L, 3L), tx.sql("SELECT id FROM nodes ORDER BY id").fetch(Long.class));

            Returning<Row> wide = update(WIDE).set(WIDE.C2, "two").setNull(WIDE.N7).where(WIDE.ID.eq(1L))
                    .returning(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5, WIDE.C6, WIDE.N7);
            assertEquals(Row.class, wide.resultType());
            List<Object> expected = Arrays.asList(1L, "one", "two", null, null, null, null, null);
            List<Row> returned = tx.exec(wide);
            assertEquals(List.of(expected), returned.stream().map(DmlReads::values).toList());
            assertEquals("two", returned.get(0).get(WIDE.C2));
            assertEquals(1L, returned.get(0).get(WIDE.ID));
            assertEquals(List.of(expected), rows(tx, "SELECT id, c1, c2, c3, c4, c5, c6, n7 FROM wide"));

            Returning<IdName> renamed = update(USER).set(USER.NAME, "Bobby").where(USER.ID.eq(2L))
                    .returning(USER.ID, USER.NAME).into(IdName.class);
            assertEquals(IdName.class, renamed.resultType());
            assertEquals(List.of(new IdName(2L, "Bobby")), tx.exec(renamed));
            assertEquals(List.of("Bobby"), tx.sql("SELECT name FROM users WHERE id = 2").fetch(String.class));
        });
    }

    @Test
    void aliasedAndSchemaQualifiedTargets() {
        inRolledBackTx(tx -> {
            Table<User> u = USER.as("u");
            Returning<Tuple2<String, Boolean>> upsert = insertInto(u)
                    .values(List.of(new User(null, "A", "alice@example.org", 45, null),
                            new User(null, "Bob", "bob@example.org", 5, null)))
                    .onConflict(u.field(USER.EMAIL)).doUpdate().set(u.field(USER.AGE), excluded(USER.AGE))
                    .where(u.field(USER.AGE).lt(excluded(USER.AGE)))
                    .returning(u.field(USER.NAME), inserted(u));
            assertEquals(List.of(new Tuple2<>("Alice", false)), tx.exec(upsert));
            assertEquals(List.of(45, 17), tx.sql("SELECT age FROM users WHERE id < 3 ORDER BY id").fetch(Integer.class));

            Table<Node> parent = NODE.as("parent");
            assertEquals(2, tx.exec(update(NODE).set(NODE.LABEL, NODE.LABEL.concat(" of root")).from(parent)
                    .where(NODE.PARENT_ID.eq(parent.field(NODE.ID))).where(parent.field(NODE.LABEL).eq("root"))));
            assertEquals(List.of("root", "child of root", "leaf", "stale of root"),
                    tx.sql("SELECT label FROM nodes ORDER BY id").fetch(String.class));
            Table<Node> n = NODE.as("n");
            assertEquals(List.of(3L), tx.exec(deleteFrom(n).using(parent).where(n.field(NODE.PARENT_ID)
                    .eq(parent.field(NODE.ID))).where(parent.field(NODE.LABEL).eq("child of root"))
                    .returning(n.field(NODE.ID))));

            UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000b");
            Field<Boolean> visible = DOCS.field("is_public", PgType.BOOL);
            Insert<Doc> doc = insertInto(DOCS).values(new Doc(id, "{}", false));
            assertEquals(List.of(true), tx.exec(doc.returning(inserted(DOCS))));
            Returning<Boolean> again = insertInto(DOCS).values(new Doc(id, "{\"v\": 2}", true))
                    .onConflict(DOCS.field("id", PgType.UUID)).doUpdateSet(DOCS.field("body", PgType.JSONB))
                    .returning(inserted(DOCS));
            assertEquals(List.of(false), tx.exec(again));
            assertEquals(List.of(new Doc(id, "{\"v\": 2}", false)), tx.sql(DOC_ROWS).fetch(Doc.class));
            assertEquals(List.of(true), tx.exec(update(DOCS).set(DOCS.field("is_public", PgType.BOOL), true)
                    .where(DOCS.field("id", PgType.UUID).eq(id)).returning(visible)));
        });
    }

    // ---- WITH --------------------------------------------------------------------------------

    @Test
    void dataModifyingCteMovesARow() {
        inRolledBackTx(tx -> {
            Cte<Tuple3<Long, Long, String>> moved = cte("moved").as(deleteFrom(NODE).where(NODE.ID.eq(3L))
                    .returning(NODE.ID, NODE.PARENT_ID, NODE.LABEL));
            Insert<Node> archive = with(moved).insertInto(NODE_ARCHIVE)
                    .columns(NODE_ARCHIVE.ID, NODE_ARCHIVE.PARENT_ID, NODE_ARCHIVE.LABEL)
                    .select(select(moved.field(NODE.ID), moved.field(NODE.PARENT_ID), moved.field(NODE.LABEL))
                            .from(moved));
            assertEquals(1, tx.exec(archive));
            assertEquals(List.of(1L, 2L, 4L), tx.sql("SELECT id FROM nodes ORDER BY id").fetch(Long.class));
            assertEquals(List.of(new Node(3L, 2L, "leaf")),
                    tx.sql("SELECT id, parent_id, label FROM node_archive").fetch(Node.class));
        });
    }

    @Test
    void withBeforeUpdateDeleteAndSelect() {
        inRolledBackTx(tx -> {
            Cte<Long> minors = cte("minors").as(select(USER.ID).from(USER).where(USER.AGE.lt(18)));
            assertEquals(1, tx.exec(with(minors).update(USER).set(USER.AGE, 18)
                    .where(USER.ID.in(select(minors.field(USER.ID)).from(minors)))));
            assertEquals(List.of(30, 18),
                    tx.sql("SELECT age FROM users WHERE age IS NOT NULL ORDER BY id").fetch(Integer.class));

            Cte<Long> cheap = cte("cheap").as(select(ORDER.ID).from(ORDER)
                    .where(ORDER.TOTAL.lt(new BigDecimal("100"))));
            assertEquals(1, tx.exec(with(cheap).deleteFrom(ORDER)
                    .where(ORDER.ID.in(select(cheap.field(ORDER.ID)).from(cheap)))));
            assertEquals(List.of(1L, 3L), tx.sql("SELECT id FROM orders ORDER BY id").fetch(Long.class));

            // a SELECT reading the rows a data-modifying CTE changed
            Cte<Long> raised = cte("raised").as(update(USER).set(USER.AGE, 50).where(USER.NAME.eq("Carol"))
                    .returning(USER.ID));
            assertEquals(List.of(3L), tx.exec(with(raised).select(raised.field(USER.ID)).from(raised)));
            assertEquals(List.of(50), tx.sql("SELECT age FROM users WHERE name = 'Carol'").fetch(Integer.class));
        });
    }

    // ---- parameters --------------------------------------------------------------------------

    @Test
    void paramSlotsInInsertUpdateDeleteAndConflictWhere() {
        inRolledBackTx(tx -> {
            Param<String> name = param("name", String.class);
            Param<String> email = param("email", String.class);
            Param<Integer> age = param("age", Integer.class);
            Insert<User> add = insertInto(USER).set(USER.NAME, name).set(USER.EMAIL, email).set(USER.AGE, age);
            Insert<User> pia = add.bind(name, "Pia").bind(email, "pia@example.org").bind(age, 28);
            Insert<User> quin = add.bind(name, "Quin").bind(email, "quin@example.org").bind(age, null);
            assertSame(pia.render().sql(), quin.render().sql());
            assertEquals(1, tx.exec(pia));
            assertEquals(1, tx.exec(quin));
            assertEquals(List.of(new NameAge("Pia", 28), new NameAge("Quin", null)),
                    namesAndAges(tx, "SELECT name, age FROM users WHERE id > 3 ORDER BY id"));
            IllegalStateException unbound = assertThrows(IllegalStateException.class, () -> tx.exec(add.bind(name, "X")));
            assertTrue(unbound.getMessage().contains(":email"), unbound.getMessage());

            Param<Integer> newAge = param("newAge", Integer.class);
            Param<String> who = param("who", String.class);
            Update<User> setAge = update(USER).set(USER.AGE, newAge).where(USER.EMAIL.eq(who));
            assertEquals(1, tx.exec(setAge.bind(newAge, 60).bind(who, "carol@example.org")));
            assertEquals(0, tx.exec(setAge.bind(newAge, 61).bind(who, "nobody@example.org")));
            assertEquals(List.of(60), tx.sql("SELECT age FROM users WHERE name = 'Carol'").fetch(Integer.class));

            Param<Integer> below = param("below", Integer.class);
            InsertDoUpdate<User> raise = insertInto(USER).columns(USER.NAME, USER.EMAIL, USER.AGE)
                    .values("x", "alice@example.org", 70).values("y", "bob@example.org", 70)
                    .onConflict(USER.EMAIL).doUpdate().set(USER.AGE, excluded(USER.AGE)).where(USER.AGE.lt(below));
            assertEquals(1, tx.exec(raise.bind(below, 20)));
            assertEquals(List.of(new NameAge("Alice", 30), new NameAge("Bob", 70)),
                    namesAndAges(tx, "SELECT name, age FROM users WHERE id < 3 ORDER BY id"));

            Param<BigDecimal> over = param("over", BigDecimal.class);
            assertEquals(2, tx.exec(deleteFrom(ORDER).where(ORDER.TOTAL.gt(over)).bind(over, new BigDecimal("100"))));
            assertEquals(List.of(2L), tx.sql("SELECT id FROM orders").fetch(Long.class));
        });
    }

    @Test
    void paramInsideADataModifyingCteIsBoundOnTheOuterStatement() {
        inRolledBackTx(tx -> {
            Param<Long> which = param("which", Long.class);
            Cte<Tuple3<Long, Long, String>> moved = cte("moved").as(deleteFrom(NODE).where(NODE.ID.eq(which))
                    .returning(NODE.ID, NODE.PARENT_ID, NODE.LABEL));
            Insert<Node> archive = with(moved).insertInto(NODE_ARCHIVE)
                    .columns(NODE_ARCHIVE.ID, NODE_ARCHIVE.PARENT_ID, NODE_ARCHIVE.LABEL)
                    .select(select(moved.field(NODE.ID), moved.field(NODE.PARENT_ID), moved.field(NODE.LABEL))
                            .from(moved));
            assertEquals(1, tx.exec(archive.bind(which, 4L)));
            assertEquals(List.of(new Node(4L, 1L, "stale")),
                    tx.sql("SELECT id, parent_id, label FROM node_archive").fetch(Node.class));
            assertEquals(3, count(tx, "nodes"));
        });
    }

    // ---- limits and binding ------------------------------------------------------------------

    @Test
    void insertOfExactly65535ParametersRunsAndOneMoreRowIsRefusedBeforeSending() {
        inRolledBackTx(tx -> {
            int rows = 65_535 / 3;
            InsertValues3<User, String, String, Integer> bulk = insertInto(USER)
                    .columns(USER.NAME, USER.EMAIL, USER.AGE);
            for (int i = 0; i < rows; i++) {
                bulk = bulk.values("bulk " + i, "bulk" + i + "@example.org", i % 2 == 0 ? null : i);
            }
            RenderedSql rendered = bulk.render();
            assertEquals(65_535, rendered.params().size());
            assertEquals(rows, tx.exec(bulk));
            assertEquals(3 + rows, count(tx, "users"));
            assertEquals(rows / 2 + 1L,
                    tx.sql("SELECT count(*) FROM users WHERE name LIKE 'bulk %' AND age IS NULL").one(Long.class));
            assertEquals(List.of(List.of("bulk21843@example.org", 21_843)),
                    rows(tx, "SELECT email, age FROM users WHERE name = 'bulk 21843'"));

            InsertValues3<User, String, String, Integer> tooMany = bulk.values("one more", "one.more@example.org", 1);
            IllegalStateException e = assertThrows(IllegalStateException.class, tooMany::render);
            assertTrue(e.getMessage().contains("65535") && e.getMessage().contains("users"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> tx.exec(tooMany));
            // nothing reached the server: a failed statement would have aborted this transaction (25P02) instead
            assertEquals(3 + rows, count(tx, "users"));
        });
    }

    @Test
    void bindsEveryValueTypeAndTypedNulls() {
        inRolledBackTx(tx -> {
            UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000a");
            assertEquals(1, tx.exec(insertInto(DOCS).values(new Doc(id, "{\"a\": [1, 2]}", true))));
            assertEquals(List.of(new Doc(id, "{\"a\": [1, 2]}", true)), tx.sql(DOC_ROWS).fetch(Doc.class));

            Instant at = Instant.parse("2021-06-07T08:09:10.123456Z");
            List<Field<?>> values = List.of(value("t"), value(4), value(8L), value(new BigDecimal("1.50")),
                    value(Status.PAID, STATUS_TYPE), value(List.of("a", "b"), PgType.arrayOf(PgType.TEXT)), value(at),
                    value(id), value("{\"k\": 1}", PgType.JSONB), value(true));
            List<Field<?>> nulls = new ArrayList<>();
            for (Field<?> v : values) {
                nulls.add(nullOf(v));
            }
            // each value comes back as its field's Java type: the enum as Status, the array as a List, ...
            List<Row> valueRows = tx.exec(select(values.toArray(Field<?>[]::new)));
            assertEquals(List.of(List.of("t", 4, 8L, new BigDecimal("1.50"), Status.PAID, List.of("a", "b"), at, id,
                    "{\"k\": 1}", true)), valueRows.stream().map(DmlReads::values).toList());
            List<Row> nullRows = tx.exec(select(nulls.toArray(Field<?>[]::new)));
            assertEquals(List.of(Arrays.asList(new Object[10])), nullRows.stream().map(DmlReads::values).toList());

            // each value and each NULL reaches the server with its own type, not as untyped text; pgjdbc sends a
            // String (and a text NULL) as varchar, which PostgreSQL converts to text wherever text is expected
            List<String> types = List.of("varchar", "int4", "int8", "numeric", "order_status", "_text", "timestamptz",
                    "uuid", "jsonb", "bool");
            assertAll(
                    () -> assertEquals(types, boundTypes(tx, select(nulls.toArray(Field<?>[]::new))), "typed NULLs"),
                    () -> assertEquals(types, boundTypes(tx, select(values.toArray(Field<?>[]::new))), "values"));
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    /**
     * Runs one test's statements and read-backs on one transaction, rolled back afterwards whatever happens, so
     * each test starts from the seeded rows and sees its own changes.
     */
    private static void inRolledBackTx(TransactionAction body) {
        Rollback.undone(dbc, body);
    }

    private static <T> Field<T> nullOf(Field<T> field) {
        return value(null, field.type());
    }

    /**
     * The PostgreSQL type of each column of {@code query} with its parameters bound as the executor binds them.
     * No executor API shows a result column's type, so the rendered SQL runs as a derived table through raw SQL,
     * each parameter bound at its position with its PgType (the same binding {@code exec} does), and the outer
     * query names each column's type.
     */
    private static List<String> boundTypes(DBConnection tx, Select<Row> query) {
        RenderedSql rendered = query.render();
        List<String> columns = new ArrayList<>();
        List<String> typeNames = new ArrayList<>();
        for (int i = 0; i < query.fields().size(); i++) {
            columns.add("c" + i);
            typeNames.add("(SELECT typname::text FROM pg_type WHERE oid = pg_typeof(t.c" + i + "))");
        }
        RawSql raw = tx.sql("SELECT " + String.join(", ", typeNames) + " FROM (" + rendered.sql() + ") AS t("
                + String.join(", ", columns) + ")");
        for (int i = 0; i < rendered.params().size(); i++) {
            raw = bindAt(raw, i + 1, rendered.params().get(i), rendered.paramTypes().get(i));
        }
        Row row = raw.one(Row.class);
        List<String> types = new ArrayList<>();
        for (Object type : values(row)) {
            types.add((String) type);
        }
        return types;
    }

    private static <T> RawSql bindAt(RawSql raw, int position, Object value, PgType<T> type) {
        return raw.bind(position, type.javaType().cast(value), type);
    }
}
