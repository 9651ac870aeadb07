package dev.belay.it.scoped;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.scoped.Tenants.NoteTable.NOTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConnection;
import dev.belay.executor.SchemaVerifier;
import dev.belay.it.scoped.Tenants.Note;
import dev.belay.it.scoped.Tenants.NoteTable;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenant schemas made with createSchema + createTable(NOTE.inSchema(..)), written and read through descriptors
 * copied into each schema, and through connections whose DBConfig maps {@code public} to each.
 */
@BelayTest
final class SchemaMappingTest {
    private static final NoteTable A = NOTE.inSchema("tenant_a");
    private static final NoteTable B = NOTE.inSchema("tenant_b");

    private TestDatabase database;
    private DBConnection db;

    @BeforeEach
    void create(TestDatabase t) {
        database = t;
        db = t.open();
        for (String schema : List.of("tenant_a", "tenant_b")) {
            db.exec(createSchema(schema));
        }
        db.exec(createTable(A));
        db.exec(createTable(B));
    }

    @AfterEach
    void drop() {
        db.exec(dropSchema("tenant_a").cascade());
        db.exec(dropSchema("tenant_b").cascade());
    }

    private long rows(String schema, String body) {
        return database.count("SELECT count(*) FROM " + schema + ".notes WHERE body = ?", body);
    }

    @Test
    void descriptorsInASchemaWriteAndReadThere() {
        db.exec(insertInto(A).set(A.TENANT_ID, 1L).set(A.BODY, "in a"));
        db.insert(B, List.of(new Note(null, 2L, "in b"), new Note(null, 2L, "also b")));
        db.copy(A, List.of(new Note(null, 1L, "copied a")));
        assertEquals(List.of("copied a", "in a"), db.exec(select(A.BODY).from(A).orderBy(A.BODY)));
        assertEquals(List.of("also b", "in b"), db.exec(select(B.BODY).from(B).orderBy(B.BODY)));
        assertEquals(1, rows("tenant_a", "in a"));
        assertEquals(0, rows("tenant_b", "in a"));
        long id = db.exec(select(B.ID).from(B).where(B.BODY.eq("in b"))).get(0);
        assertEquals("in b", db.get(B, id).orElseThrow().body());
        assertTrue(db.get(A, id).isEmpty() || !db.get(A, id).orElseThrow().body().equals("in b"));
        assertTrue(db.tableExists(A));
        assertEquals(3, db.columns(B).size());
    }

    @Test
    void aConnectionMappingPublicWritesEveryStatementIntoItsSchema() {
        DBConnection a = database.open(c -> c.mapSchema("public", "tenant_a"));
        DBConnection b = database.open(c -> c.mapSchema("public", "tenant_b"));
        a.exec(insertInto(NOTE).set(NOTE.TENANT_ID, 1L).set(NOTE.BODY, "dsl a"));
        b.exec(insertInto(NOTE).set(NOTE.TENANT_ID, 2L).set(NOTE.BODY, "dsl b"));
        List<Note> bulk = a.insert(NOTE, List.of(new Note(null, 1L, "bulk a")));
        b.copy(NOTE, List.of(new Note(null, 2L, "copy b")));
        b.upsert(List.of(new Note(null, 2L, "upsert b")), onConflict(NOTE.ID).doUpdateAllExcept(NOTE.ID));
        assertEquals(List.of("bulk a", "dsl a"), a.exec(select(NOTE.BODY).from(NOTE).orderBy(NOTE.BODY)));
        assertEquals(List.of("copy b", "dsl b", "upsert b"), b.exec(select(NOTE.BODY).from(NOTE).orderBy(NOTE.BODY)));
        assertEquals(1, rows("tenant_a", "bulk a"));
        assertEquals(0, rows("tenant_b", "bulk a"));
        // the row helpers and a join of two mapped tables go to the same schema
        long id = bulk.get(0).id();
        a.update(NOTE, new Note(id, 1L, "changed a"));
        assertEquals("changed a", a.get(NOTE, id).orElseThrow().body());
        NoteTable other = NOTE.as("other");
        assertEquals(List.of(2L), a.exec(select(count()).from(NOTE).join(other).on(other.ID.eq(NOTE.ID))));
        assertEquals(1, a.exec(deleteFrom(NOTE).where(NOTE.BODY.eq("dsl a"))));
        assertEquals(List.of(), SchemaVerifier.verify(a, NOTE));
        assertTrue(a.tableExists(NOTE));
        assertEquals(0, rows("tenant_a", "dsl a"));
        assertEquals(1, rows("tenant_b", "dsl b"));
        // a descriptor in another schema is left where it is
        assertEquals(List.of("dsl b"), a.exec(select(B.BODY).from(B).where(B.BODY.eq("dsl b"))));
    }
}
