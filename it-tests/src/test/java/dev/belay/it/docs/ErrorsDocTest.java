package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.belay.executor.DBConnection;
import dev.belay.executor.NoRowException;
import dev.belay.executor.UniqueViolationException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/errors.md on the seeded fixture. */
@FixtureDatabase
final class ErrorsDocTest {
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) throws Exception {
        t.runScript(FixtureDatabase.SEED);
        db = t.open();
    }


    @Test
    void typedErrors() {
        // tag::errors-unique[]
        try {
            db.exec(insertInto(USER).values(new User(null, "Alice 2", "alice@example.org", 31, null)));
            // end::errors-unique[]
            fail("the email is taken");
            // tag::errors-unique[]
        } catch (UniqueViolationException e) {
            e.sqlState();      // "23505"
            e.table();         // "public.users"
            e.constraint();    // "users_email_key"
            e.sql();           // INSERT INTO "users" ("name", "email", "age") VALUES (?, ?, ?)
            // end::errors-unique[]
            assertEquals("23505", e.sqlState());
            assertEquals("public.users", e.table());
            assertEquals("users_email_key", e.constraint());
            assertEquals("INSERT INTO \"users\" (\"name\", \"email\", \"age\") VALUES (?, ?, ?)", e.sql());
            // tag::errors-unique[]
        }
        // end::errors-unique[]
        // tag::errors-no-row[]
        NoRowException none = assertThrows(NoRowException.class,
                () -> db.one(select(User.class).where(USER.NAME.eq("Nobody"))));
        // end::errors-no-row[]
        assertEquals(null, none.sqlState());
    }
}
