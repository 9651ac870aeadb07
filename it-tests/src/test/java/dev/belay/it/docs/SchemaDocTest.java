package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/descriptors.md's schema statements, run on an empty database. */
@BelayTest
final class SchemaDocTest {

    @Test
    void createAndDrop(TestDatabase t) {
        DBConnection db = t.open();
        // tag::schema-statements[]
        db.exec(createSchema("app").ifNotExists());
        db.exec(createTable(USER).ifNotExists());      // identity key, NOT NULL, DEFAULT now(), UNIQUE ("email")
        db.exec(createIndex(USER, USER.NAME).named("users_adult_name").where(USER.AGE.ge(18)));
        db.exec(truncate(USER).restartIdentity());
        // end::schema-statements[]
        assertTrue(db.tableExists(USER));
        assertEquals(List.of("id"), db.primaryKey(USER));
        assertTrue(db.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'users_adult_name'").one(Long.class) == 1L);
        // tag::schema-statements[]
        db.exec(dropTable(USER).ifExists().cascade());
        // end::schema-statements[]
        assertFalse(db.tableExists(USER));
    }
}
