package dev.belay.it;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.EventTable.EVENT;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.NodeTable.NODE_ARCHIVE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.OrderTable.STATUS_TYPE;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.fixtures.WideTable.WIDE;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.belay.dsl.Query;
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
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * INSERT, UPDATE and DELETE built with the dsl run on the seeded fixture ({@code belay/fixture-seed.sql}:
 * users Alice 30 / Bob 17 / Carol NULL with ids 1..3; orders 1 Alice 120.00 PAID, 2 Alice 15.50 NEW,
 * 3 Bob 300.00 SHIPPED; nodes 1 root, 2 child of 1, 3 leaf of 2, 4 stale of 1; event 1 'boot'; wide 1 'one').
 * Each test runs in a transaction rolled back afterwards and checks the rows themselves, read back with plain SQL.
 */
@ExtendWith(TestDatabase.class)
final class DmlExecutionTest {
    private static final Table<Doc> DOCS = Table.of(Doc.class);
    private static final String USER_ROWS = "SELECT id, name, email, age, created_at FROM users ORDER BY id";

    record IdName(Long id, String name) {}

    private static Connection connection;

    @BeforeAll
    static void seed(TestDb db) throws SQLException {
        db.seed();
        connection = db.connect();
        connection.setAutoCommit(false);
    }

    @AfterEach
    void rollback() throws SQLException {
        connection.rollback();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    // ---- INSERT: sources ---------------------------------------------------------------------

    @Test
    void insertFromARecordLeavesIdentityAndDefaultToTheDatabase() throws SQLException {
        Returning<Long> insert = insertInto(USER).values(new User(null, "Dave", "dave@example.org", 41, null))
                .returning(USER.ID);
        List<List<Object>> returned = run(insert);
        assertEquals(1, returned.size());
        Long id = (Long) returned.get(0).get(0);
        assertTrue(id > 3, "the identity continues after the seeded ids 1..3, got " + id);
        // created_at is the column default now(), the transaction's start time
        assertEquals(List.of(List.of(id, "Dave", "dave@example.org", 41, now())),
                sql("SELECT id, name, email, age, created_at FROM users WHERE email = 'dave@example.org'"));
    }

    @Test
    void valuesListKeepsAnExplicitIdAndDefaultsAMissingOne() throws SQLException {
        List<Event> events = List.of(new Event(100L, null, "explicit"), new Event(null, null, "defaulted"));
        assertEquals(2, exec(insertInto(EVENT).values(events)));
        List<List<Object>> rows = sql("SELECT note, id, happened_at FROM events WHERE note <> 'boot' ORDER BY note");
        assertEquals(List.of("defaulted", "explicit"), column(rows, 0));
        assertEquals(100L, rows.get(1).get(1));
        Long defaulted = (Long) rows.get(0).get(1);
        assertTrue(defaulted > 1 && defaulted != 100L, "DEFAULT draws from the identity, got " + defaulted);
        assertEquals(List.of(now(), now()), column(rows, 2));
    }

    @Test
    void overridingSystemValueWritesAGeneratedAlwaysIdentity() throws SQLException {
        assertEquals(1, exec(insertInto(USER).overridingSystemValue()
                .values(new User(500L, "Olga", "olga@example.org", null, null))));
        assertEquals(List.of(Arrays.asList(500L, "Olga", null)),
                sql("SELECT id, name, age FROM users WHERE email = 'olga@example.org'"));
        // without it PostgreSQL refuses the value: the clause is what makes the row above possible
        SQLException e = assertThrows(SQLException.class,
                () -> exec(insertInto(USER).values(new User(501L, "Pete", "pete@example.org", null, null))));
        assertEquals("428C9", e.getSQLState(), e.getMessage()); // generated_always
    }

    @Test
    void typedColumnsInsertSeveralRowsWithEnumAndArrayValues() throws SQLException {
        List<String> awkward = Arrays.asList("x,y", null, "\"quoted\"", "{brace}", "", "back\\slash");
        Returning<Long> insert = insertInto(ORDER).columns(ORDER.USER_ID, ORDER.TOTAL, ORDER.STATUS, ORDER.TAGS)
                .values(3L, new BigDecimal("9.99"), Status.SHIPPED, awkward)
                .values(2L, new BigDecimal("0.01"), Status.NEW, List.of())
                .returning(ORDER.ID);
        List<Object> ids = column(run(insert), 0);
        assertEquals(2, ids.size());
        assertEquals(List.of(List.of(3L, new BigDecimal("9.99"), "SHIPPED", awkward, true),
                        List.of(2L, new BigDecimal("0.01"), "NEW", List.of(), true)),
                sql("SELECT user_id, total, status, tags, created_at = now() FROM orders WHERE id IN ("
                        + ids.get(0) + ", " + ids.get(1) + ") ORDER BY id"));
    }

    @Test
    void insertSelectCopiesRowsIntoTheArchive() throws SQLException {
        assertEquals(2, exec(insertInto(NODE_ARCHIVE).select(select(NODE).where(NODE.PARENT_ID.eq(1L)))));
        assertEquals(List.of(List.of(2L, 1L, "child"), List.of(4L, 1L, "stale")),
                sql("SELECT id, parent_id, label FROM node_archive ORDER BY id"));
        // typed columns with computed values and a typed NULL in the SELECT list
        Insert<Node> copy = insertInto(NODE_ARCHIVE).columns(NODE_ARCHIVE.ID, NODE_ARCHIVE.PARENT_ID, NODE_ARCHIVE.LABEL)
                .select(select(NODE.ID.plus(100L), value(null, PgType.INT8), NODE.LABEL.concat(" copy"))
                        .from(NODE).where(NODE.ID.eq(1L)));
        assertEquals(1, exec(copy));
        assertEquals(List.of(Arrays.asList(101L, null, "root copy")),
                sql("SELECT id, parent_id, label FROM node_archive WHERE id = 101"));
        assertEquals(4, count("nodes"), "INSERT ... SELECT leaves its source alone");
    }

    @Test
    void untypedColumnListBeyondSixColumns() throws SQLException {
        assertEquals(2, exec(insertInto(WIDE)
                .columns(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5, WIDE.C6, WIDE.N7)
                .values(2L, "a", null, "c", null, null, "f", 7)
                .values(3L, "b", "x", null, null, null, null, null)));
        assertEquals(List.of(Arrays.asList(2L, "a", null, "c", null, null, "f", 7),
                        Arrays.asList(3L, "b", "x", null, null, null, null, null)),
                sql("SELECT id, c1, c2, c3, c4, c5, c6, n7 FROM wide WHERE id > 1 ORDER BY id"));
    }

    @Test
    void defaultValuesInsertsARowOfDefaults() throws SQLException {
        List<List<Object>> returned = run(insertInto(EVENT).defaultValues()
                .returning(EVENT.ID, EVENT.HAPPENED_AT, EVENT.NOTE));
        assertEquals(1, returned.size());
        Object id = returned.get(0).get(0);
        assertEquals(Arrays.asList(id, now(), null), returned.get(0));
        assertEquals(List.of(Arrays.asList(id, now(), null)), sql("SELECT id, happened_at, note FROM events WHERE id = " + id));
        assertEquals(2, count("events"));
    }

    // ---- INSERT ... ON CONFLICT --------------------------------------------------------------

    @Test
    void onConflictDoNothingLeavesTheExistingRowUntouched() throws SQLException {
        List<List<Object>> before = sql(USER_ROWS);
        assertEquals(0, exec(insertInto(USER).columns(USER.NAME, USER.EMAIL, USER.AGE)
                .values("Impostor", "alice@example.org", 99).onConflict(USER.EMAIL).doNothing()));
        assertEquals(before, sql(USER_ROWS));
        // with no target, any unique violation skips the row; the other row goes in
        assertEquals(1, exec(insertInto(USER).columns(USER.NAME, USER.EMAIL, USER.AGE)
                .values("Impostor", "bob@example.org", 1).values("Dora", "dora@example.org", 22)
                .onConflict().doNothing()));
        assertEquals(List.of(List.of("Alice", 30), List.of("Bob", 17), Arrays.asList("Carol", null),
                List.of("Dora", 22)), sql("SELECT name, age FROM users ORDER BY id"));
    }

    @Test
    void doUpdateSetChangesOnlyTheListedColumns() throws SQLException {
        List<List<Object>> before = sql(USER_ROWS);
        assertEquals(1, exec(insertInto(USER).columns(USER.NAME, USER.EMAIL, USER.AGE)
                .values("Alicia", "alice@example.org", 31).onConflict(USER.EMAIL).doUpdateSet(USER.NAME)));
        List<List<Object>> after = sql(USER_ROWS);
        assertEquals(List.of(1L, "Alicia", "alice@example.org", 30, before.get(0).get(4)), after.get(0));
        assertEquals(before.subList(1, 3), after.subList(1, 3));
    }

    @Test
    void doUpdateAllExceptKeepsTheListedColumnAndTheKey() throws SQLException {
        List<List<Object>> before = sql(USER_ROWS);
        Insert<User> upsert = insertInto(USER).values(new User(null, "Alicia", "alice@example.org", 99, null))
                .onConflict(USER.EMAIL).doUpdateAllExcept(USER.AGE);
        assertEquals(1, exec(upsert));
        List<List<Object>> after = sql(USER_ROWS);
        assertEquals(List.of(1L, "Alicia", "alice@example.org", 30, before.get(0).get(4)), after.get(0));
        assertEquals(before.subList(1, 3), after.subList(1, 3));
    }

    @Test
    void doUpdateWhereUpdatesOnlyTheRowsThatPass() throws SQLException {
        InsertDoUpdate<User> raise = insertInto(USER)
                .values(List.of(new User(null, "A", "alice@example.org", 40, null),
                        new User(null, "B", "bob@example.org", 10, null)))
                .onConflict(USER.EMAIL).doUpdate()
                .set(USER.AGE, excluded(USER.AGE)).where(USER.AGE.lt(excluded(USER.AGE)));
        assertEquals(1, exec(raise));
        // Alice 30 < 40 passes and takes the new age; Bob 17 < 10 does not and keeps his; names are not set
        assertEquals(List.of(List.of("Alice", 40), List.of("Bob", 17), Arrays.asList("Carol", null)),
                sql("SELECT name, age FROM users ORDER BY id"));
    }

    @Test
    void onConstraintNamesTheArbiter() throws SQLException {
        assertEquals(1, exec(insertInto(USER).columns(USER.NAME, USER.EMAIL).values("Robert", "bob@example.org")
                .onConstraint("users_email_key").doUpdateSet(USER.NAME)));
        assertEquals(List.of(List.of(2L, "Robert", 17)), sql("SELECT id, name, age FROM users WHERE email = 'bob@example.org'"));
        assertEquals(0, exec(insertInto(USER).columns(USER.NAME, USER.EMAIL).values("Bobby", "bob@example.org")
                .onConstraint("users_email_key").doNothing()));
        assertEquals(3, count("users"));
        SQLException e = assertThrows(SQLException.class, () -> exec(insertInto(USER).columns(USER.NAME, USER.EMAIL)
                .values("X", "x@example.org").onConstraint("no_such_constraint").doNothing()));
        assertEquals("42704", e.getSQLState(), e.getMessage()); // undefined_object: the name really reaches the server
    }

    @Test
    void conflictOnAPartialUniqueIndexNeedsItsPredicate() throws SQLException {
        Instant fixed = Instant.parse("2020-01-02T03:04:05Z");
        Insert<Event> upsert = insertInto(EVENT).set(EVENT.NOTE, "boot").set(EVENT.HAPPENED_AT, fixed)
                .onConflict(EVENT.NOTE).where(EVENT.NOTE.isNotNull()).doUpdateSet(EVENT.HAPPENED_AT);
        assertEquals(1, exec(upsert));
        assertEquals(List.of(List.of(1L, fixed, "boot")), sql("SELECT id, happened_at, note FROM events"));
        // NULL notes are outside the index, so they never conflict
        Insert<Event> noNote = insertInto(EVENT).setNull(EVENT.NOTE).onConflict(EVENT.NOTE)
                .where(EVENT.NOTE.isNotNull()).doNothing();
        assertEquals(1, exec(noNote));
        assertEquals(1, exec(noNote));
        assertEquals(3, count("events"));
        // without the predicate the partial index cannot serve as arbiter
        SQLException e = assertThrows(SQLException.class, () -> exec(insertInto(EVENT).set(EVENT.NOTE, "boot")
                .onConflict(EVENT.NOTE).doNothing()));
        assertEquals("42P10", e.getSQLState(), e.getMessage()); // invalid_column_reference: no matching index
    }

    @Test
    void returningInsertedTellsNewRowsFromUpdatedOnes() throws SQLException {
        Returning<Tuple2<String, Boolean>> upsert = insertInto(USER)
                .values(List.of(new User(null, "Alice", "alice@example.org", 31, null),
                        new User(null, "Erin", "erin@example.org", 25, null)))
                .onConflict(USER.EMAIL).doUpdateSet(USER.AGE)
                .returning(USER.EMAIL, inserted(USER));
        assertEquals(Tuple2.class, upsert.resultType());
        Map<Object, Object> insertedByEmail = new HashMap<>();
        for (List<Object> row : run(upsert)) {
            insertedByEmail.put(row.get(0), row.get(1));
        }
        assertEquals(Map.of("alice@example.org", false, "erin@example.org", true), insertedByEmail);
        assertEquals(List.of(List.of("Alice", 31), List.of("Erin", 25)),
                sql("SELECT name, age FROM users WHERE email IN ('alice@example.org', 'erin@example.org') ORDER BY id"));
    }

    // ---- UPDATE and DELETE -------------------------------------------------------------------

    @Test
    void updateFromChangesExactlyTheJoinedRows() throws SQLException {
        Update<User> bigSpenders = update(USER).set(USER.AGE, 99).from(ORDER)
                .where(ORDER.USER_ID.eq(USER.ID)).where(ORDER.TOTAL.gt(new BigDecimal("100")));
        assertEquals(2, exec(bigSpenders));
        assertEquals(List.of(List.of("Alice", 99), List.of("Bob", 99), Arrays.asList("Carol", null)),
                sql("SELECT name, age FROM users ORDER BY id"));
    }

    @Test
    void updateAllChangesEveryRow() throws SQLException {
        assertEquals(3, exec(update(USER).set(USER.NAME, USER.NAME.concat("!")).all()));
        assertEquals(List.of(List.of("Alice!"), List.of("Bob!"), List.of("Carol!")), sql("SELECT name FROM users ORDER BY id"));
    }

    @Test
    void deleteUsingRemovesOnlyTheJoinedRows() throws SQLException {
        Delete<Order> alicesOrders = deleteFrom(ORDER).using(USER)
                .where(ORDER.USER_ID.eq(USER.ID)).where(USER.NAME.eq("Alice"));
        assertEquals(2, exec(alicesOrders));
        assertEquals(List.of(List.of(3L, 2L)), sql("SELECT id, user_id FROM orders"));
        assertEquals(3, count("users"));
    }

    @Test
    void deleteAllEmptiesTheTable() throws SQLException {
        assertEquals(3, exec(deleteFrom(ORDER).all()));
        assertEquals(0, count("orders"));
        assertEquals(3, count("users"));
    }

    // ---- RETURNING ---------------------------------------------------------------------------

    @Test
    void returningAllGivesTheRowAsStored() throws SQLException {
        Returning<User> older = update(USER).set(USER.AGE, 31).where(USER.EMAIL.eq("alice@example.org")).returningAll();
        assertEquals(User.class, older.resultType());
        List<List<Object>> returned = run(older);
        assertEquals(sql("SELECT id, name, email, age, created_at FROM users WHERE email = 'alice@example.org'"), returned);
        assertEquals(List.of(1L, "Alice", "alice@example.org", 31), returned.get(0).subList(0, 4));
    }

    @Test
    void returningTuplesRowsAndRecords() throws SQLException {
        Returning<Tuple3<Long, Long, String>> gone = deleteFrom(NODE).where(NODE.ID.eq(4L))
                .returning(NODE.ID, NODE.PARENT_ID, NODE.LABEL);
        assertEquals(Tuple3.class, gone.resultType());
        assertEquals(List.of(List.of(4L, 1L, "stale")), run(gone));
        assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L)), sql("SELECT id FROM nodes ORDER BY id"));

        Returning<Row> wide = update(WIDE).set(WIDE.C2, "two").setNull(WIDE.N7).where(WIDE.ID.eq(1L))
                .returning(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5, WIDE.C6, WIDE.N7);
        assertEquals(Row.class, wide.resultType());
        List<Object> expected = Arrays.asList(1L, "one", "two", null, null, null, null, null);
        assertEquals(List.of(expected), run(wide));
        assertEquals(List.of(expected), sql("SELECT id, c1, c2, c3, c4, c5, c6, n7 FROM wide"));

        Returning<IdName> renamed = update(USER).set(USER.NAME, "Bobby").where(USER.ID.eq(2L))
                .returning(USER.ID, USER.NAME).into(IdName.class);
        assertEquals(IdName.class, renamed.resultType());
        assertEquals(List.of(List.of(2L, "Bobby")), run(renamed));
        assertEquals(List.of(List.of("Bobby")), sql("SELECT name FROM users WHERE id = 2"));
    }

    @Test
    void aliasedAndSchemaQualifiedTargets() throws SQLException {
        Table<User> u = USER.as("u");
        Returning<Tuple2<String, Boolean>> upsert = insertInto(u)
                .values(List.of(new User(null, "A", "alice@example.org", 45, null),
                        new User(null, "Bob", "bob@example.org", 5, null)))
                .onConflict(u.field(USER.EMAIL)).doUpdate().set(u.field(USER.AGE), excluded(USER.AGE))
                .where(u.field(USER.AGE).lt(excluded(USER.AGE)))
                .returning(u.field(USER.NAME), inserted(u));
        assertEquals(List.of(List.of("Alice", false)), run(upsert));
        assertEquals(List.of(List.of(45), List.of(17)), sql("SELECT age FROM users WHERE id < 3 ORDER BY id"));

        Table<Node> parent = NODE.as("parent");
        assertEquals(2, exec(update(NODE).set(NODE.LABEL, NODE.LABEL.concat(" of root")).from(parent)
                .where(NODE.PARENT_ID.eq(parent.field(NODE.ID))).where(parent.field(NODE.LABEL).eq("root"))));
        assertEquals(List.of(List.of("root"), List.of("child of root"), List.of("leaf"), List.of("stale of root")),
                sql("SELECT label FROM nodes ORDER BY id"));
        Table<Node> n = NODE.as("n");
        assertEquals(List.of(List.of(3L)), run(deleteFrom(n).using(parent).where(n.field(NODE.PARENT_ID)
                .eq(parent.field(NODE.ID))).where(parent.field(NODE.LABEL).eq("child of root")).returning(n.field(NODE.ID))));

        UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        Field<Boolean> visible = DOCS.field("is_public", PgType.BOOL);
        Insert<Doc> doc = insertInto(DOCS).values(new Doc(id, "{}", false));
        assertEquals(List.of(List.of(true)), run(doc.returning(inserted(DOCS))));
        Returning<Boolean> again = insertInto(DOCS).values(new Doc(id, "{\"v\": 2}", true))
                .onConflict(DOCS.field("id", PgType.UUID)).doUpdateSet(DOCS.field("body", PgType.JSONB))
                .returning(inserted(DOCS));
        assertEquals(List.of(List.of(false)), run(again));
        assertEquals(List.of(List.of("{\"v\": 2}", false)), sql("SELECT body, is_public FROM app.docs"));
        assertEquals(List.of(List.of(true)), run(update(DOCS).set(DOCS.field("is_public", PgType.BOOL), true)
                .where(DOCS.field("id", PgType.UUID).eq(id)).returning(visible)));
    }

    // ---- WITH --------------------------------------------------------------------------------

    @Test
    void dataModifyingCteMovesARow() throws SQLException {
        Cte<Tuple3<Long, Long, String>> moved = cte("moved").as(deleteFrom(NODE).where(NODE.ID.eq(3L))
                .returning(NODE.ID, NODE.PARENT_ID, NODE.LABEL));
        Insert<Node> archive = with(moved).insertInto(NODE_ARCHIVE)
                .columns(NODE_ARCHIVE.ID, NODE_ARCHIVE.PARENT_ID, NODE_ARCHIVE.LABEL)
                .select(select(moved.field(NODE.ID), moved.field(NODE.PARENT_ID), moved.field(NODE.LABEL)).from(moved));
        assertEquals(1, exec(archive));
        assertEquals(List.of(List.of(1L), List.of(2L), List.of(4L)), sql("SELECT id FROM nodes ORDER BY id"));
        assertEquals(List.of(List.of(3L, 2L, "leaf")), sql("SELECT id, parent_id, label FROM node_archive"));
    }

    @Test
    void withBeforeUpdateDeleteAndSelect() throws SQLException {
        Cte<Long> minors = cte("minors").as(select(USER.ID).from(USER).where(USER.AGE.lt(18)));
        assertEquals(1, exec(with(minors).update(USER).set(USER.AGE, 18)
                .where(USER.ID.in(select(minors.field(USER.ID)).from(minors)))));
        assertEquals(List.of(List.of(30), List.of(18)), sql("SELECT age FROM users WHERE age IS NOT NULL ORDER BY id"));

        Cte<Long> cheap = cte("cheap").as(select(ORDER.ID).from(ORDER).where(ORDER.TOTAL.lt(new BigDecimal("100"))));
        assertEquals(1, exec(with(cheap).deleteFrom(ORDER).where(ORDER.ID.in(select(cheap.field(ORDER.ID)).from(cheap)))));
        assertEquals(List.of(List.of(1L), List.of(3L)), sql("SELECT id FROM orders ORDER BY id"));

        // a SELECT reading the rows a data-modifying CTE changed
        Cte<Long> raised = cte("raised").as(update(USER).set(USER.AGE, 50).where(USER.NAME.eq("Carol")).returning(USER.ID));
        assertEquals(List.of(List.of(3L)), run(with(raised).select(raised.field(USER.ID)).from(raised)));
        assertEquals(List.of(List.of(50)), sql("SELECT age FROM users WHERE name = 'Carol'"));
    }

    // ---- parameters --------------------------------------------------------------------------

    @Test
    void paramSlotsInInsertUpdateDeleteAndConflictWhere() throws SQLException {
        Param<String> name = param("name", String.class);
        Param<String> email = param("email", String.class);
        Param<Integer> age = param("age", Integer.class);
        Insert<User> add = insertInto(USER).set(USER.NAME, name).set(USER.EMAIL, email).set(USER.AGE, age);
        Insert<User> pia = add.bind(name, "Pia").bind(email, "pia@example.org").bind(age, 28);
        Insert<User> quin = add.bind(name, "Quin").bind(email, "quin@example.org").bind(age, null);
        assertSame(pia.render().sql(), quin.render().sql());
        assertEquals(1, exec(pia));
        assertEquals(1, exec(quin));
        assertEquals(List.of(List.of("Pia", 28), Arrays.asList("Quin", null)),
                sql("SELECT name, age FROM users WHERE id > 3 ORDER BY id"));
        IllegalStateException unbound = assertThrows(IllegalStateException.class, () -> exec(add.bind(name, "X")));
        assertTrue(unbound.getMessage().contains(":email"), unbound.getMessage());

        Param<Integer> newAge = param("newAge", Integer.class);
        Param<String> who = param("who", String.class);
        Update<User> setAge = update(USER).set(USER.AGE, newAge).where(USER.EMAIL.eq(who));
        assertEquals(1, exec(setAge.bind(newAge, 60).bind(who, "carol@example.org")));
        assertEquals(0, exec(setAge.bind(newAge, 61).bind(who, "nobody@example.org")));
        assertEquals(List.of(List.of(60)), sql("SELECT age FROM users WHERE name = 'Carol'"));

        Param<Integer> below = param("below", Integer.class);
        InsertDoUpdate<User> raise = insertInto(USER).columns(USER.NAME, USER.EMAIL, USER.AGE)
                .values("x", "alice@example.org", 70).values("y", "bob@example.org", 70)
                .onConflict(USER.EMAIL).doUpdate().set(USER.AGE, excluded(USER.AGE)).where(USER.AGE.lt(below));
        assertEquals(1, exec(raise.bind(below, 20)));
        assertEquals(List.of(List.of("Alice", 30), List.of("Bob", 70)),
                sql("SELECT name, age FROM users WHERE id < 3 ORDER BY id"));

        Param<BigDecimal> over = param("over", BigDecimal.class);
        assertEquals(2, exec(deleteFrom(ORDER).where(ORDER.TOTAL.gt(over)).bind(over, new BigDecimal("100"))));
        assertEquals(List.of(List.of(2L)), sql("SELECT id FROM orders"));
    }

    @Test
    void paramInsideADataModifyingCteIsBoundOnTheOuterStatement() throws SQLException {
        Param<Long> which = param("which", Long.class);
        Cte<Tuple3<Long, Long, String>> moved = cte("moved").as(deleteFrom(NODE).where(NODE.ID.eq(which))
                .returning(NODE.ID, NODE.PARENT_ID, NODE.LABEL));
        Insert<Node> archive = with(moved).insertInto(NODE_ARCHIVE)
                .columns(NODE_ARCHIVE.ID, NODE_ARCHIVE.PARENT_ID, NODE_ARCHIVE.LABEL)
                .select(select(moved.field(NODE.ID), moved.field(NODE.PARENT_ID), moved.field(NODE.LABEL)).from(moved));
        assertEquals(1, exec(archive.bind(which, 4L)));
        assertEquals(List.of(List.of(4L, 1L, "stale")), sql("SELECT id, parent_id, label FROM node_archive"));
        assertEquals(3, count("nodes"));
    }

    // ---- limits and binding ------------------------------------------------------------------

    @Test
    void insertOfExactly65535ParametersRunsAndOneMoreRowIsRefusedBeforeSending() throws SQLException {
        int rows = 65_535 / 3;
        InsertValues3<User, String, String, Integer> bulk = insertInto(USER).columns(USER.NAME, USER.EMAIL, USER.AGE);
        for (int i = 0; i < rows; i++) {
            bulk = bulk.values("bulk " + i, "bulk" + i + "@example.org", i % 2 == 0 ? null : i);
        }
        RenderedSql rendered = bulk.render();
        assertEquals(65_535, rendered.params().size());
        assertEquals(rows, exec(bulk));
        assertEquals(3 + rows, count("users"));
        assertEquals(List.of(List.of(rows / 2 + 1L)), sql("SELECT count(*) FROM users WHERE name LIKE 'bulk %' AND age IS NULL"));
        assertEquals(List.of(List.of("bulk21843@example.org", 21_843)), sql("SELECT email, age FROM users WHERE name = 'bulk 21843'"));

        InsertValues3<User, String, String, Integer> tooMany = bulk.values("one more", "one.more@example.org", 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, tooMany::render);
        assertTrue(e.getMessage().contains("65535") && e.getMessage().contains("users"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> exec(tooMany));
        // nothing reached the server: a failed statement would have aborted this transaction (25P02) instead
        assertEquals(3 + rows, count("users"));
    }

    @Test
    void bindsEveryValueTypeAndTypedNulls() throws SQLException {
        UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        assertEquals(1, exec(insertInto(DOCS).values(new Doc(id, "{\"a\": [1, 2]}", true))));
        assertEquals(List.of(List.of(id, "{\"a\": [1, 2]}", true)), sql("SELECT id, body, is_public FROM app.docs"));

        // each value and each NULL reaches the server with its own type, not as untyped text
        Instant at = Instant.parse("2021-06-07T08:09:10.123456Z");
        List<Field<?>> values = List.of(value("t"), value(4), value(8L), value(new BigDecimal("1.50")),
                value(Status.PAID, STATUS_TYPE), value(List.of("a", "b"), PgType.arrayOf(PgType.TEXT)), value(at),
                value(id), value("{\"k\": 1}", PgType.JSONB), value(true));
        List<String> types = List.of("text", "int4", "int8", "numeric", "order_status", "_text", "timestamptz", "uuid",
                "jsonb", "bool");
        List<Field<?>> nulls = new ArrayList<>();
        for (Field<?> v : values) {
            nulls.add(nullOf(v));
        }
        assertEquals(types, resultTypes(select(nulls.toArray(Field<?>[]::new))));
        // pgjdbc sends a non-null String as varchar, which PostgreSQL converts to text wherever text is expected
        List<String> valueTypes = new ArrayList<>(types);
        valueTypes.set(0, "varchar");
        assertEquals(valueTypes, resultTypes(select(values.toArray(Field<?>[]::new))));
        assertEquals(List.of(List.of("t", 4, 8L, new BigDecimal("1.50"), "PAID", List.of("a", "b"), at, id, "{\"k\": 1}",
                true)), run(select(values.toArray(Field<?>[]::new))));
        assertEquals(List.of(Arrays.asList(new Object[10])), run(select(nulls.toArray(Field<?>[]::new))));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static <T> Field<T> nullOf(Field<T> field) {
        return value(null, field.type());
    }

    private static List<String> resultTypes(Select<Row> query) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(connection, query.render()); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> types = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.add(meta.getColumnTypeName(i));
            }
            return types;
        }
    }

    private static List<List<Object>> run(Query query) throws SQLException {
        return Jdbc.query(connection, query);
    }

    private static int exec(Query query) throws SQLException {
        return Jdbc.update(connection, query);
    }

    private static List<List<Object>> sql(String sql) throws SQLException {
        return Jdbc.rows(connection, sql);
    }

    private static long count(String table) throws SQLException {
        return (Long) sql("SELECT count(*) FROM " + table).get(0).get(0);
    }

    /** The transaction's start time, which every now() default in it takes. */
    private static Instant now() throws SQLException {
        return (Instant) sql("SELECT now()").get(0).get(0);
    }

    private static List<Object> column(List<List<Object>> rows, int index) {
        List<Object> values = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            values.add(row.get(index));
        }
        return values;
    }
}
