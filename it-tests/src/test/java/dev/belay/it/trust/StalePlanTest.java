package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.executor.DBConnection;
import dev.belay.executor.MappingException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, case 1: a cached mapping plan is used only for a result with the columns it was built from. One
 * DBConnection stays open while views and tables change under it; every statement has run often enough
 * before the change that pgjdbc prepared it on the server (prepareThreshold 5), on the pool's one connection.
 */
@FixtureDatabase
final class StalePlanTest {
    record Pair(Integer a, Integer b) {}

    /** Both properties as text: readable from int4 and text alike, so a stale plan shows as swapped values. */
    record Texts(String a, String b) {}

    record One(Integer a) {}

    /** A class with setters, mapped by the same rule as records. */
    public static final class PairBean {
        private Integer a;
        private Integer b;

        public void setA(Integer a) {
            this.a = a;
        }

        public void setB(Integer b) {
            this.b = b;
        }
    }

    /** A descriptor over the view {@code pair_view}. */
    static final class PairView extends Table<Pair> {
        static final PairView V = new PairView();
        final Column<Pair, Integer> a = column("a", PgType.INT4);
        final Column<Pair, Integer> b = column("b", PgType.INT4);

        private PairView() {
            super("pair_view", Pair.class);
        }
    }

    /** More executions than pgjdbc's prepareThreshold (5), so the statement is a named server-side one. */
    private static final int WARM = 6;

    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        t.execute("CREATE TABLE src (a int4, b int4); INSERT INTO src VALUES (10, 20)");
        // one connection: every execution lands on the backend whose prepared statements are checked
        db = t.open(b -> b.poolSize(1));
    }

    /** The statement is a named prepared statement on the pool's one backend (pgjdbc's prepareThreshold reached). */
    private static void assertServerPrepared(String sql) {
        long named = db.sql("select count(*) from pg_prepared_statements where statement = :sql").bind("sql", sql)
                .one(Long.class);
        assertTrue(named >= 1, "expected pgjdbc to have server-prepared: " + sql);
    }

    private static Pair pair(String sql) {
        return db.sql(sql).one(Pair.class);
    }

    private static PairBean bean(String sql) {
        return db.sql(sql).one(PairBean.class);
    }

    private static Row row(String sql) {
        return db.sql(sql).one(Row.class);
    }

    private static void warmRaw(String sql) {
        for (int i = 0; i < WARM; i++) {
            assertEquals(new Pair(10, 20), pair(sql));
            PairBean bean = bean(sql);
            assertEquals(List.of(10, 20), List.of(bean.a, bean.b));
            Row row = row(sql);
            assertEquals(10, row.get("a"));
            assertEquals(20, row.get("b"));
            assertEquals(new Texts("10", "20"), db.sql(sql).one(Texts.class));
        }
        assertServerPrepared(sql);
    }

    private static void assertMappedByLabel(String sql) {
        for (int i = 0; i < 2; i++) { // the rebuilt plan, then the cached rebuilt plan
            assertEquals(new Pair(10, 20), pair(sql));
            PairBean bean = bean(sql);
            assertEquals(10, bean.a);
            assertEquals(20, bean.b);
            assertEquals(new Texts("10", "20"), db.sql(sql).one(Texts.class));
            Row row = row(sql);
            assertEquals(10, row.get("a"));
            assertEquals(20, row.get("b"));
            assertEquals(20, row.get(0), "b comes first now: " + row);
            assertEquals(10, row.get(1), "a comes second now: " + row);
        }
    }

    @Test
    void rawSqlOverAViewReCreatedWithItsColumnsReordered() {
        testDb.execute("CREATE VIEW swapped AS SELECT a, b FROM src");
        String sql = "select * from swapped";
        warmRaw(sql);

        testDb.execute("DROP VIEW swapped; CREATE VIEW swapped AS SELECT b, a FROM src");
        assertMappedByLabel(sql);

        // and back again: the plan follows every change, not only the first
        testDb.execute("DROP VIEW swapped; CREATE VIEW swapped AS SELECT a, b FROM src");
        assertEquals(new Pair(10, 20), pair(sql));
        assertEquals(10, row(sql).get(0));
    }

    @Test
    void rawSqlOverATableWhoseColumnWasDroppedAndReAdded() {
        testDb.execute("CREATE TABLE readded (a int4, b int4); INSERT INTO readded VALUES (10, 20)");
        String sql = "select * from readded";
        warmRaw(sql);

        // a dropped and re-added column moves to the end: the result is (b, a) now
        testDb.execute("ALTER TABLE readded DROP COLUMN a; ALTER TABLE readded ADD COLUMN a int4; "
                + "UPDATE readded SET a = 10");
        assertMappedByLabel(sql);

        // b re-added as text: (a int4, b text)
        testDb.execute("ALTER TABLE readded DROP COLUMN b; ALTER TABLE readded ADD COLUMN b text; "
                + "UPDATE readded SET b = 'twenty'");
        for (int i = 0; i < 2; i++) {
            assertEquals(new Texts("10", "twenty"), db.sql(sql).one(Texts.class));
            Row row = row(sql);
            assertEquals(10, row.get("a"));
            assertEquals("twenty", row.get("b"), "b is read as the text it is now");
            MappingException e = assertThrows(MappingException.class, () -> pair(sql));
            assertTrue(e.getMessage().contains("\"b\" (text)") && e.getMessage().contains("java.lang.Integer"),
                    e.getMessage());
        }
    }

    @Test
    void aColumnAddedLaterAppearsInRow() {
        testDb.execute("CREATE TABLE grows (a int4); INSERT INTO grows VALUES (10)");
        String sql = "select * from grows";
        for (int i = 0; i < WARM; i++) {
            assertEquals(1, row(sql).size());
            assertEquals(new One(10), db.sql(sql).one(One.class));
        }
        assertServerPrepared(sql);

        testDb.execute("ALTER TABLE grows ADD COLUMN c text DEFAULT 'new'");
        for (int i = 0; i < 2; i++) {
            Row row = row(sql);
            assertEquals(2, row.size(), "the added column is in the row: " + row);
            assertEquals(10, row.get("a"));
            assertEquals("new", row.get("c"));
            assertEquals(new One(10), db.sql(sql).one(One.class)); // the extra column is ignored
        }
    }

    /**
     * A DSL query names its columns, so a reordered view cannot move values between fields; what a stale plan
     * would get wrong is a column whose type changed (read with the old type's reader).
     */
    @Test
    void dslQueriesOverAViewDescriptor() {
        PairView v = PairView.V;
        testDb.execute("CREATE VIEW pair_view AS SELECT a, b FROM src");
        Select<Pair> records = select(v);
        Select<Tuple2<Integer, Integer>> tuples = select(v.a, v.b).from(v);
        Select<Row> rows = select(new Field<?>[] {v.a, v.b}).from(v);
        assertEquals(records.render().sql(), tuples.render().sql(), "one statement shape, three targets");
        for (int i = 0; i < WARM; i++) {
            assertEquals(new Pair(10, 20), db.one(records));
            assertEquals(new Tuple2<>(10, 20), db.one(tuples));
            assertEquals(20, db.one(rows).get(v.b));
        }
        assertServerPrepared(records.render().sql());

        testDb.execute("DROP VIEW pair_view; CREATE VIEW pair_view AS SELECT b, a FROM src");
        for (int i = 0; i < 2; i++) {
            assertEquals(new Pair(10, 20), db.one(records));
            assertEquals(new Tuple2<>(10, 20), db.one(tuples));
            Row row = db.one(rows);
            assertEquals(10, row.get(v.a));
            assertEquals(20, row.get(v.b));
        }

        // b re-created as text: the descriptor's Integer cannot read it, and a plan built for int4 must not try
        testDb.execute("DROP VIEW pair_view; CREATE VIEW pair_view AS SELECT a, b::text AS b FROM src");
        for (int i = 0; i < 2; i++) {
            for (Select<?> q : List.of(records, tuples, rows)) {
                MappingException e = assertThrows(MappingException.class, () -> db.one(q));
                assertTrue(e.getMessage().contains("\"b\" (text)") && e.getMessage().contains("java.lang.Integer"),
                        e.getMessage());
            }
        }

        // b as numeric with a fraction: an int4 plan would truncate 20.5 to 20
        testDb.execute("DROP VIEW pair_view; CREATE VIEW pair_view AS SELECT a, b + 0.5 AS b FROM src");
        MappingException e = assertThrows(MappingException.class, () -> db.one(tuples));
        assertTrue(e.getMessage().contains("\"b\" (numeric)"), e.getMessage());

        // int4 again: read as before
        testDb.execute("DROP VIEW pair_view; CREATE VIEW pair_view AS SELECT a, b FROM src");
        assertEquals(new Pair(10, 20), db.one(records));
        assertEquals(new Tuple2<>(10, 20), db.one(tuples));
        assertEquals(20, db.one(rows).get(v.b));
    }
}
