package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.Row;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple3;
import dev.belay.executor.ColumnInfo;
import dev.belay.executor.DBConnection;
import dev.belay.executor.NoRowException;
import dev.belay.executor.SchemaDrift;
import dev.belay.executor.SchemaVerifier;
import dev.belay.executor.TableInfo;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/executing.md on the seeded fixture (Alice 30, Bob 17, Carol with no age). */
@FixtureDatabase
final class ExecDocTest {
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) throws Exception {
        t.runScript(FixtureDatabase.SEED);
        db = t.open();
    }


    @Test
    void fetching() {
        // tag::exec-fetch[]
        Select<User> byName = select(User.class).orderBy(USER.NAME.asc());
        List<User> all       = db.exec(byName);                       // every row
        Optional<User> first = db.first(byName);                      // fetches one row at most
        User bob             = db.one(byName.where(USER.NAME.eq("Bob")));   // exactly one, else an exception
        Long count           = db.fetchValue(select(count()).from(USER));   // one column, one row
        List<String> names   = db.exec(select(USER.NAME).from(USER).orderBy(USER.NAME.asc()));
        // end::exec-fetch[]
        assertEquals(3, all.size());
        assertEquals("Alice", first.orElseThrow().name());
        assertEquals(17, bob.age());
        assertEquals(3L, count);
        assertEquals(List.of("Alice", "Bob", "Carol"), names);
        assertThrows(NoRowException.class, () -> db.one(byName.where(USER.NAME.eq("Zed"))));
    }

    @Test
    void mapping() {
        // tag::exec-into[]
        record NameAndAge(String name, @Nullable Integer age) {}      // or a top-level record, or a class

        List<NameAndAge> people = db.exec(select(USER.NAME, USER.AGE).from(USER).into(NameAndAge.class));
        List<Tuple3<String, Integer, String>> tuples = db.exec(select(USER.NAME, USER.AGE, USER.EMAIL).from(USER));
        List<Row> rows = db.sql("SELECT name, email FROM users").fetch(Row.class);   // raw SQL: by position
        String email = (String) rows.get(0).get(1);
        // end::exec-into[]
        assertEquals(3, people.size());
        assertEquals(3, rows.size());
        assertEquals(3, tuples.size());
        assertEquals(true, email.endsWith("@example.org"));
    }

    @Test
    void streamingAndRawSql() {
        // tag::exec-stream[]
        try (Stream<User> users = db.stream(select(User.class))) {   // a server cursor, fetchSize rows at a time
            long adults = users.filter(u -> u.age() != null && u.age() >= 18).count();
            // end::exec-stream[]
            assertEquals(1L, adults);
            // tag::exec-stream[]
        }
        // end::exec-stream[]
        // tag::exec-raw[]
        List<String> grownUps = db.sql("SELECT name FROM users WHERE age >= :age ORDER BY name")
                .bind("age", 18)
                .fetch(String.class);
        int touched = db.sql("UPDATE users SET age = age WHERE name = ?").bind(1, "Bob").execute();
        // end::exec-raw[]
        assertEquals(List.of("Alice"), grownUps);
        assertEquals(1, touched);
        // tag::exec-timeout[]
        List<User> quick = db.withTimeout(Duration.ofSeconds(2)).exec(select(User.class));
        // end::exec-timeout[]
        assertEquals(3, quick.size());
    }

    @Test
    void catalog() {
        // tag::exec-catalog[]
        boolean there = db.tableExists(USER);                  // the descriptor's table, through the search_path
        List<ColumnInfo> columns = db.columns(USER);           // name, type, nullable, default, identity, generated
        List<String> key = db.primaryKey(USER);                // ["id"]
        List<TableInfo> tables = db.tables("public");          // tables and views of a schema, by name
        List<String> statuses = db.enumLabels("order_status"); // ["NEW", "PAID", "SHIPPED"]
        // end::exec-catalog[]
        // tag::exec-verify[]
        SchemaVerifier.requireMatch(db, USER);                   // SchemaDriftException listing each difference
        List<SchemaDrift> drift = SchemaVerifier.verify(db, USER); // or look at them: empty when they match
        // end::exec-verify[]
        assertEquals(List.of(), drift);
        assertTrue(there);
        assertEquals("id", columns.get(0).name());
        assertEquals(List.of("id"), key);
        assertTrue(tables.contains(new TableInfo("public", "users", TableInfo.Kind.TABLE)));
        assertEquals(List.of("NEW", "PAID", "SHIPPED"), statuses);
    }
}
