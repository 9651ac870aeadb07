package dev.belay.it.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @BeforeAll
    static void open(TestDatabase t) {
        database = t;
        t.execute("CREATE TABLE items (name text PRIMARY KEY)");
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

    @Test
    void aListenerThatThrowsChangesNothing() {
        assertEquals(1L, throwing.sql("select 1").one(Long.class));
        assertTrue(HEARD.stream().noneMatch(h -> h.startsWith("select 1")));
    }
}
