package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.DocSql.assertSql;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.belay.dsl.Delete;
import dev.belay.dsl.Insert;
import dev.belay.dsl.InsertValues2;
import dev.belay.dsl.Returning;
import dev.belay.dsl.Update;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/dml.md, rendered and run on the seeded fixture. */
@FixtureDatabase
final class DmlDocTest {
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) throws Exception {
        t.runScript(FixtureDatabase.SEED);
        testDb = t;
        db = t.open();
    }


    @Test
    void insertUpdateDelete() {
        // tag::dml-insert[]
        Insert<User> dana = insertInto(USER).values(new User(null, "Dana", "dana@example.org", 41, null));
        InsertValues2<User, String, String> two = insertInto(USER).columns(USER.NAME, USER.EMAIL)
                .values("Eve", "eve@example.org")
                .values("Fay", "fay@example.org");
        int inserted = db.exec(dana) + db.exec(two);                // 3
        // end::dml-insert[]
        assertEquals(3, inserted);
        assertSql(dana, """
                INSERT INTO "users" ("name", "email", "age") VALUES (?, ?, ?)
                """);
        assertSql(two, """
                INSERT INTO "users" ("name", "email") VALUES (?, ?), (?, ?)
                """);
        // tag::dml-returning[]
        Returning<Long> newId = insertInto(USER).values(new User(null, "Gil", "gil@example.org", null, null))
                .returning(USER.ID);
        Long gil = db.one(newId);
        // end::dml-returning[]
        assertNotNull(gil);
        assertSql(newId, """
                INSERT INTO "users" ("name", "email", "age") VALUES (?, ?, ?) RETURNING "users"."id"
                """);
        // tag::dml-update[]
        Update<User> birthday = update(USER).set(USER.AGE, USER.AGE.plus(1)).where(USER.NAME.eq("Dana"));
        Delete<User> spam = deleteFrom(USER).where(USER.EMAIL.endsWith("@spam.example"));
        int changed = db.exec(birthday);                            // 1
        int deleted = db.exec(spam);                                // 0
        // end::dml-update[]
        assertEquals(1, changed);
        assertEquals(0, deleted);
        assertSql(birthday, """
                UPDATE "users" SET "age" = "users"."age" + ? WHERE "users"."name" = ?
                """);
        assertSql(spam, """
                DELETE FROM "users" WHERE "users"."email" LIKE ?
                """);
        assertEquals(42L, testDb.count("SELECT age FROM users WHERE name = 'Dana'"));
    }

    @Test
    void upsert() {
        // tag::dml-upsert[]
        User alice = new User(null, "Alice Liddell", "alice@example.org", 31, null);
        Insert<User> upsert = insertInto(USER).values(alice)
                .onConflict(USER.EMAIL).doUpdateSet(USER.NAME, USER.AGE);
        Insert<User> keepFirst = insertInto(USER).values(alice).onConflict(USER.EMAIL).doNothing();
        db.exec(upsert);                                            // 1: Alice is renamed, now 31
        db.exec(keepFirst);                                         // 0: nothing inserted, nothing changed
        // end::dml-upsert[]
        assertSql(upsert, """
                INSERT INTO "users" ("name", "email", "age") VALUES (?, ?, ?)
                  ON CONFLICT ("email") DO UPDATE SET "name" = EXCLUDED."name", "age" = EXCLUDED."age"
                """);
        assertSql(keepFirst, """
                INSERT INTO "users" ("name", "email", "age") VALUES (?, ?, ?) ON CONFLICT ("email") DO NOTHING
                """);
        assertEquals(1L, testDb.count("SELECT count(*) FROM users WHERE name = 'Alice Liddell' AND age = 31"));
    }
}
