package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.fixtures.User;
import dev.belay.executor.DBConnection;
import dev.belay.executor.NoRowException;
import dev.belay.executor.QueryTimeoutException;
import dev.belay.executor.TooManyRowsException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** exec / first / one / fetchValue / stream / withTimeout on the seeded fixture (users Alice, Bob, Carol). */
@FixtureDatabase
final class QueryMethodsTest {
    record IdName(Long id, String name) {}

    record Num(Integer n) {}

    static final class NumTable extends Table<Num> {
        static final NumTable NUM = new NumTable();
        final Column<Num, Integer> n = column("n", PgType.INT4);

        private NumTable() {
            super("stream_rows", Num.class);
        }
    }

    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) throws Exception {
        t.runScript(FixtureDatabase.SEED);
        t.execute("CREATE TABLE stream_rows (n int4 NOT NULL); "
                + "INSERT INTO stream_rows SELECT g FROM generate_series(1, 5000) g");
        testDb = t;
        db = t.open();
    }

    @Test
    void selectRecords() {
        List<User> users = db.exec(select(User.class).orderBy(USER.ID.asc()));
        assertEquals(List.of("Alice", "Bob", "Carol"), users.stream().map(User::name).toList());
        assertEquals(30, users.get(0).age());
        assertEquals(null, users.get(2).age());
        assertEquals(1L, users.get(0).id());
        assertTrue(users.get(0).createdAt() != null);
    }

    @Test
    void selectTuplesScalarsRowsAndInto() {
        List<Tuple2<String, Integer>> tuples = db.exec(select(USER.NAME, USER.AGE).from(USER).orderBy(USER.ID.asc()));
        assertEquals(List.of(new Tuple2<>("Alice", 30), new Tuple2<>("Bob", 17), new Tuple2<String, Integer>("Carol", null)),
                tuples);

        List<String> names = db.exec(select(USER.NAME).from(USER).orderBy(USER.ID.asc()));
        assertEquals(List.of("Alice", "Bob", "Carol"), names);

        List<Row> rows = db.exec(select(new Field<?>[] {USER.ID, USER.NAME, USER.AGE}).from(USER).where(USER.ID.eq(2L)));
        assertEquals(1, rows.size());
        assertEquals("Bob", rows.get(0).get(USER.NAME));
        assertEquals("Bob", rows.get(0).get("name"));
        assertEquals(2L, rows.get(0).get(USER.ID));
        assertEquals(17, rows.get(0).get("age"));

        List<IdName> into = db.exec(select(USER.ID, USER.NAME).from(USER).orderBy(USER.ID.asc()).into(IdName.class));
        assertEquals(List.of(new IdName(1L, "Alice"), new IdName(2L, "Bob"), new IdName(3L, "Carol")), into);
    }

    @Test
    void dmlGivesCountsAndReturning() {
        List<Long> ids = db.exec(insertInto(USER).set(USER.NAME, "Dan").set(USER.EMAIL, "dan@example.org")
                .set(USER.AGE, 40).returning(USER.ID));
        assertEquals(1, ids.size());
        long id = ids.get(0);
        assertEquals(1, db.exec(insertInto(USER).set(USER.NAME, "Eve").set(USER.EMAIL, "eve@example.org")));
        assertEquals(2, db.exec(update(USER).set(USER.AGE, 41)
                .where(USER.EMAIL.in("dan@example.org", "eve@example.org"))));
        List<Tuple2<Long, Integer>> returned = db.exec(update(USER).set(USER.AGE, 42).where(USER.ID.eq(id))
                .returning(USER.ID, USER.AGE));
        assertEquals(List.of(new Tuple2<>(id, 42)), returned);
        assertEquals(2, db.exec(deleteFrom(USER).where(USER.EMAIL.in("dan@example.org", "eve@example.org"))));
        assertEquals(0, db.exec(deleteFrom(USER).where(USER.ID.eq(id))));
    }

    @Test
    void firstAndOne() {
        assertEquals(Optional.empty(), db.first(select(USER.NAME).from(USER).where(USER.ID.eq(999L))));
        assertEquals(Optional.of("Alice"), db.first(select(USER.NAME).from(USER).orderBy(USER.ID.asc())));

        assertEquals("Bob", db.one(select(USER.NAME).from(USER).where(USER.ID.eq(2L))));
        NoRowException none = assertThrows(NoRowException.class,
                () -> db.one(select(USER.NAME).from(USER).where(USER.ID.eq(999L))));
        assertTrue(none.sql() != null && none.sql().contains("users"), none.sql());
        TooManyRowsException many = assertThrows(TooManyRowsException.class,
                () -> db.one(select(USER.NAME).from(USER)));
        assertTrue(many.getMessage().contains("more than one"), many.getMessage());
    }

    @Test
    void fetchValueCounts() {
        assertEquals(3L, db.fetchValue(select(count()).from(ORDER)));
        assertEquals(null, db.fetchValue(select(USER.AGE).from(USER).where(USER.ID.eq(999L))));
        assertThrows(IllegalArgumentException.class, () -> db.fetchValue(select(USER.ID, USER.NAME).from(USER)));
    }

    @Test
    void streamReadsAllRowsAndReturnsTheConnection() {
        DBConnection small = testDb.open(b -> b.fetchSize(100));
        try {
            long sum = 0;
            int count = 0;
            try (Stream<Integer> s = small.stream(select(NumTable.NUM.n).from(NumTable.NUM).orderBy(NumTable.NUM.n.asc()))) {
                assertEquals(1, small.poolStats().active(), "the open stream holds one connection");
                Iterator<Integer> it = s.iterator();
                while (it.hasNext()) {
                    sum += it.next();
                    count++;
                }
            }
            assertEquals(5000, count);
            assertEquals(5000L * 5001 / 2, sum);
            assertEquals(0, small.poolStats().active());

            // closed before the end: the connection comes back too
            try (Stream<Integer> s = small.stream(select(NumTable.NUM.n).from(NumTable.NUM))) {
                assertEquals(10, s.limit(10).count());
            }
            assertEquals(0, small.poolStats().active());
        } finally {
            testDb.close(small);
        }
    }

    @Test
    void streamInsideATransaction() {
        long count = db.transaction(tx -> {
            try (Stream<Num> s = tx.stream(select(NumTable.NUM).where(NumTable.NUM.n.le(250)))) {
                return s.count();
            }
        });
        assertEquals(250L, count);
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void withTimeoutCancelsASlowStatement() {
        long start = System.nanoTime();
        QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
                () -> db.withTimeout(Duration.ofMillis(500)).sql("select pg_sleep(10)").fetch(String.class));
        assertEquals("57014", e.sqlState());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the timeout did not cut the sleep short");
        assertThrows(IllegalArgumentException.class, () -> db.withTimeout(Duration.ZERO));
        // the DSL path too
        assertEquals(List.of("Alice"), db.withTimeout(Duration.ofSeconds(5))
                .exec(select(USER.NAME).from(USER).where(USER.ID.eq(1L))));
    }
}
