package dev.belay.it;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Cte;
import dev.belay.dsl.DerivedTable;
import dev.belay.dsl.Field;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.fixtures.NodeTable;
import dev.belay.dsl.fixtures.OrderTable;
import dev.belay.dsl.fixtures.User;
import dev.belay.dsl.fixtures.UserTable;
import dev.belay.executor.BelayException;
import dev.belay.executor.DBConnection;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Typed aliases, derived-table column names and recursive CTEs typed by their anchor, run through the executor on
 * the seeded fixture ({@code belay/fixture-seed.sql}: users Alice 30 / Bob 17 / Carol NULL with ids 1..3; orders
 * 1 Alice 120.00, 2 Alice 15.50, 3 Bob 300.00; nodes 1 root, 2 child of 1, 3 leaf of 2, 4 stale of 1). Statements
 * that change rows run in a transaction rolled back afterwards.
 */
@FixtureDatabase
final class AliasExecutionTest {
    private static DBConnection db;

    @BeforeAll
    static void seed(TestDatabase database) {
        database.runScript(FixtureDatabase.SEED);
        db = database.open();
    }

    @Test
    void selfJoinThroughATypedAlias() {
        UserTable manager = USER.as("manager");
        assertEquals(List.of(new Tuple2<>("Bob", "Alice")), db.exec(select(USER.NAME, manager.NAME).from(USER)
                .join(manager).on(manager.AGE.gt(USER.AGE)).orderBy(USER.NAME)));
        NodeTable parent = NODE.as("parent");
        assertEquals(List.of(new Tuple2<>("child", "root"), new Tuple2<>("leaf", "child"), new Tuple2<>("stale", "root")),
                db.exec(select(NODE.LABEL, parent.LABEL).from(NODE).join(parent).on(NODE.PARENT_ID.eq(parent.ID))
                        .orderBy(NODE.ID)));
    }

    @Test
    void aTypedAliasReadsIntoTheRowType() {
        UserTable u = USER.as("u");
        List<User> adults = db.exec(select(u).where(u.AGE.ge(18)));
        assertEquals(List.of("Alice"), adults.stream().map(User::name).toList());
        assertEquals(List.of(1L), adults.stream().map(User::id).toList());
    }

    @Test
    void typedAliasesInSubqueriesAndCorrelatedSubqueries() {
        OrderTable o = ORDER.as("o");
        assertEquals(List.of("Alice", "Bob"), db.exec(select(USER.NAME).from(USER)
                .where(USER.ID.in(select(o.USER_ID).from(o).where(o.TOTAL.gt(new BigDecimal("100")))))
                .orderBy(USER.NAME)));
        NodeTable child = NODE.as("child");
        assertEquals(List.of("root", "child"), db.exec(select(NODE.LABEL).from(NODE)
                .where(exists(select(child.ID).from(child).where(child.PARENT_ID.eq(NODE.ID)))).orderBy(NODE.ID)));
        UserTable u = USER.as("u");
        assertEquals(List.of("Carol"), db.exec(select(u.NAME).from(u)
                .where(notExists(select(ORDER.ID).from(ORDER).where(ORDER.USER_ID.eq(u.ID))))));
    }

    @Test
    void typedAliasesInUpdateFromDeleteUsingAndInsert() {
        UserTable manager = USER.as("manager");
        NodeTable parent = NODE.as("parent");
        UserTable u = USER.as("u");
        Rollback.undone(db, tx -> {
            assertEquals(1, tx.exec(update(USER).set(USER.AGE, manager.AGE).from(manager)
                    .where(manager.AGE.gt(USER.AGE))));
            assertEquals(List.of(30, 30), tx.sql("SELECT age FROM users WHERE age IS NOT NULL ORDER BY id")
                    .fetch(Integer.class));
            assertEquals(List.of(3L), tx.exec(deleteFrom(NODE).using(parent).where(NODE.PARENT_ID.eq(parent.ID))
                    .where(parent.LABEL.eq("child")).returning(NODE.ID)));
            assertEquals(List.of(1L, 2L, 4L), tx.sql("SELECT id FROM nodes ORDER BY id").fetch(Long.class));
            List<Long> ids = tx.exec(insertInto(u).set(u.NAME, "Ivy").set(u.EMAIL, "ivy@example.org").returning(u.ID));
            assertEquals(List.of("Ivy"), tx.sql("SELECT name FROM users WHERE id = " + ids.get(0)).fetch(String.class));
            assertEquals(List.of(31), tx.exec(update(u).set(u.AGE, u.AGE.plus(1)).where(u.NAME.eq("Alice"))
                    .returning(u.AGE)));
        });
    }

    /** As with any table missing from FROM, PostgreSQL refuses the statement with undefined_table (42P01). */
    @Test
    void theOriginalsColumnInAQueryOverOnlyItsAliasFailsLikeAnyTableMissingFromFrom() {
        UserTable u = USER.as("u");
        BelayException original = assertThrows(BelayException.class, () -> db.exec(select(USER.NAME).from(u)));
        BelayException missing = assertThrows(BelayException.class, () -> db.exec(select(ORDER.ID).from(USER)));
        assertEquals("42P01", missing.sqlState());
        assertEquals(missing.sqlState(), original.sqlState());
        assertTrue(original.getMessage().contains("\"users\""), original.getMessage());
    }

    @Test
    void aliasesMadeOnManyThreadsRunConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Tuple2<String, String>>>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int n = t;
                work.add(pool.submit(() -> {
                    UserTable a = USER.as("a" + n % 2);
                    UserTable b = USER.as("b" + n);
                    return db.exec(select(a.NAME, b.NAME).from(a).join(b).on(b.AGE.gt(a.AGE)));
                }));
            }
            for (Future<List<Tuple2<String, String>>> f : work) {
                assertEquals(List.of(new Tuple2<>("Bob", "Alice")), f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    // ---- result column names -----------------------------------------------------------------

    /** The refusal of a reference to a duplicated name stands on this: PostgreSQL rejects it as ambiguous. */
    @Test
    void postgresqlRejectsAReferenceToADuplicatedDerivedColumn() {
        BelayException e = assertThrows(BelayException.class,
                () -> db.sql("SELECT x.id FROM (SELECT 1 AS id, 2 AS id) x").fetch(Integer.class));
        assertEquals("42702", e.sqlState()); // ambiguous_column
    }

    @Test
    void duplicatedNamesUnreferencedRunAndRenamedOnesResolve() {
        DerivedTable<Tuple2<Long, Long>> both = select(USER.ID, ORDER.ID).from(USER).join(ORDER)
                .on(ORDER.USER_ID.eq(USER.ID)).asTable("both_ids");
        assertEquals(List.of(3L), db.exec(select(count()).from(both)));
        DerivedTable<Tuple2<Long, Long>> pair = select(USER.ID, ORDER.ID.as("order_id")).from(USER).join(ORDER)
                .on(ORDER.USER_ID.eq(USER.ID)).asTable("pair");
        assertEquals(List.of(new Tuple2<>(1L, 1L), new Tuple2<>(1L, 2L), new Tuple2<>(2L, 3L)),
                db.exec(select(pair.field(USER.ID), pair.field(ORDER.ID)).from(pair).orderBy(pair.field(ORDER.ID))));
    }

    // ---- recursive CTEs ----------------------------------------------------------------------

    @Test
    void aRecursiveCteTypedByItsAnchorWalksTheTreeWithADepth() {
        Field<Integer> depth = value(0).as("depth");
        Cte<Tuple3<Long, String, Integer>> walk = cte("walk").asRecursive(
                select(NODE.ID, NODE.LABEL, depth).from(NODE).where(NODE.PARENT_ID.isNull()),
                w -> select(NODE.ID, NODE.LABEL, w.field(depth).plus(1)).from(NODE).join(w)
                        .on(NODE.PARENT_ID.eq(w.field(NODE.ID))));
        assertEquals(List.of(new Tuple3<>(1L, "root", 0), new Tuple3<>(2L, "child", 1), new Tuple3<>(4L, "stale", 1),
                        new Tuple3<>(3L, "leaf", 2)),
                db.exec(withRecursive(walk).select(walk.field(NODE.ID), walk.field(NODE.LABEL), walk.field(depth))
                        .from(walk).orderBy(walk.field(depth), walk.field(NODE.ID))));
    }

    /** UNION drops the rows already found, so a walk around a cycle ends; UNION ALL would not. */
    @Test
    void aDistinctRecursiveCteEndsOnACycle() {
        Cte<Tuple2<Long, Long>> reach = cte("reach").asRecursiveDistinct(
                select(NODE.ID, NODE.PARENT_ID).from(NODE).where(NODE.ID.eq(1L)),
                r -> select(NODE.ID, NODE.PARENT_ID).from(NODE).join(r).on(NODE.PARENT_ID.eq(r.field(NODE.ID))));
        List<Long> reached = Rollback.rolledBack(db, tx -> {
            assertEquals(1, tx.sql("UPDATE nodes SET parent_id = 3 WHERE id = 1").execute());
            return tx.exec(withRecursive(reach).select(reach.field(NODE.ID)).from(reach).orderBy(reach.field(NODE.ID)));
        });
        assertEquals(List.of(1L, 2L, 3L, 4L), reached);
    }
}
