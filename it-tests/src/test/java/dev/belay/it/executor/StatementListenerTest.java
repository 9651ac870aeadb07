package dev.belay.it.executor;

import static dev.belay.dsl.Sql.onConflict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.StatementListener;
import dev.belay.executor.UniqueViolationException;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link StatementListener}: told of every call as it starts and how it ended; its own failures are ignored. */
@BelayTest
final class StatementListenerTest {
    private static final List<String> HEARD = new ArrayList<>();
    private static DBConnection db;
    private static DBConnection throwing;
    private static TestDatabase database;

    record Counted(String name, Integer n) {}

    static final class CountedTable extends Table<Counted> {
        static final CountedTable COUNTED = new CountedTable();
        final Column<Counted, String> name = column("name", PgType.TEXT).primaryKey();
        final Column<Counted, Integer> n = column("n", PgType.INT4);

        private CountedTable() {
            super("counted", Counted.class);
        }
    }

    @BeforeAll
    static void open(TestDatabase t) {
        database = t;
        t.execute("CREATE TABLE items (name text PRIMARY KEY)");
        t.execute("CREATE TABLE counted (name text PRIMARY KEY, n int4 NOT NULL)");
        db = t.open(b -> b.statementListener(sql -> new StatementListener.Call() {
            @Override
            public void finished(long rows) {
                HEARD.add(sql + " -> " + rows);
            }

            @Override
            public void failed(Throwable failure) {
                HEARD.add(sql + " -> " + failure.getClass().getSimpleName());
            }
        }));
        throwing = t.open(b -> b.statementListener(sql -> {
            throw new IllegalStateException("a broken listener");
        }));
    }

    @BeforeEach
    void empty() {
        database.execute("TRUNCATE items");
    }

    @Test
    void hearsEachCallWithItsRowsOrItsFailure() {
        HEARD.clear();
        db.sql("insert into items (name) values (:n), ('b')").bind("n", "a").execute();
        assertEquals(List.of("a", "b"), db.sql("select name from items order by name").fetch(String.class));
        assertThrows(UniqueViolationException.class, () -> db.sql("insert into items (name) values ('a')").execute());
        assertEquals(List.of("insert into items (name) values (?), ('b') -> 2",
                "select name from items order by name -> 2",
                "insert into items (name) values ('a') -> UniqueViolationException"), HEARD);
    }

    @Test
    void aStreamIsOneCallUntilItIsClosed() {
        db.sql("insert into items (name) values ('s1'), ('s2'), ('s3')").execute();
        HEARD.clear();
        try (Stream<String> names = db.sql("select name from items where name like 's%' order by name")
                .stream(String.class)) {
            assertEquals(List.of("s1", "s2"), names.limit(2).toList());
            assertEquals(List.of(), HEARD);
        }
        assertEquals(List.of("select name from items where name like 's%' order by name -> 2"), HEARD);
    }

    /** Regression: bulk writes were reported with -1 rows, as if they did not count them. */
    @Test
    void aBulkWriteIsHeardWithTheRowsItChanged() {
        CountedTable c = CountedTable.COUNTED;
        database.execute("TRUNCATE counted");
        HEARD.clear();
        db.insert(c, List.of(new Counted("a", 1), new Counted("b", 2), new Counted("c", 3)));
        db.upsert(List.of(new Counted("a", 10), new Counted("d", 4)), onConflict(c.name).doUpdateSet(c.n));
        db.upsert(List.of(new Counted("a", 99), new Counted("e", 5)), onConflict(c.name).doNothing());
        assertEquals(List.of("insert into \"counted\" -> 3", "upsert into \"counted\" -> 2",
                "upsert into \"counted\" -> 1"), HEARD);
    }

    @Test
    void aListenerThatThrowsChangesNothing() {
        assertEquals(1L, throwing.sql("select 1").one(Long.class));
        assertTrue(HEARD.stream().noneMatch(h -> h.startsWith("select 1")));
    }
}
