package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.DocSql.assertSql;
import static dev.belay.it.docs.ScopedTablesDocTest.NoteTable.NOTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.annotations.Id;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;

/** docs/scoped-tables.md: scoped tables and schema mapping, run on an empty database. */
@BelayTest
final class ScopedTablesDocTest {

    // tag::note-table[]
    public record Note(@Id @Nullable Long id, @Nullable Long tenantId, String body) {}

    public static final class NoteTable extends Table<Note> {
        public static final NoteTable NOTE = new NoteTable();
        public final Column<Note, Long>   ID        = column("id", PgType.INT8).primaryKey().generated();
        public final Column<Note, Long>   TENANT_ID = column("tenant_id", PgType.INT8);
        public final Column<Note, String> BODY      = column("body", PgType.TEXT);
        private NoteTable() { super("notes", Note.class); }
        private NoteTable(Alias alias) { super(alias); }   // lets scoped(..), inSchema(..) and as(..) be NoteTables
    }
    // end::note-table[]

    @Test
    void scopedTables(TestDatabase t) {
        DBConnection db = t.open();
        db.exec(createTable(NOTE));
        db.exec(insertInto(NOTE).set(NOTE.TENANT_ID, 7L).set(NOTE.BODY, "someone else's"));
        // tag::scoped[]
        NoteTable mine = NOTE.scoped(NOTE.TENANT_ID.eq(42L));
        db.exec(insertInto(mine).set(mine.BODY, "hello"));              // tenant_id = 42 is filled in
        List<String> bodies = db.exec(select(mine.BODY).from(mine));   // ["hello"]: tenant 7's note stays out
        // end::scoped[]
        assertEquals(List.of("hello"), bodies);
        assertSql(select(mine.BODY).from(mine), """
                SELECT "notes"."body" FROM "notes" WHERE "notes"."tenant_id" = ?
                """);
        assertSql(insertInto(mine).set(mine.BODY, "hello"), """
                INSERT INTO "notes" ("body", "tenant_id") VALUES (?, ?)
                """);
        // tag::scoped-alias[]
        NoteTable n = mine.as("n");
        select(n.BODY).from(n).where(n.BODY.like("h%"));
        // end::scoped-alias[]
        assertSql(select(n.BODY).from(n).where(n.BODY.like("h%")), """
                SELECT "n"."body" FROM "notes" AS "n" WHERE ("n"."body" LIKE ?) AND ("n"."tenant_id" = ?)
                """);
        // tag::scoped-joins[]
        NoteTable other = NOTE.as("other");
        select(other.BODY, mine.BODY).from(other).leftJoin(mine).on(mine.ID.eq(other.ID));
        select(other.BODY, mine.BODY).from(other).fullJoin(mine).on(mine.ID.eq(other.ID));
        // end::scoped-joins[]
        assertSql(select(other.BODY, mine.BODY).from(other).leftJoin(mine).on(mine.ID.eq(other.ID)), """
                SELECT "other"."body", "notes"."body" FROM "notes" AS "other" LEFT JOIN "notes"
                ON ("notes"."id" = "other"."id") AND ("notes"."tenant_id" = ?)
                """);
        assertSql(select(other.BODY, mine.BODY).from(other).fullJoin(mine).on(mine.ID.eq(other.ID)), """
                SELECT "other"."body", "notes"."body" FROM "notes" AS "other" FULL JOIN
                (SELECT * FROM "notes" WHERE "notes"."tenant_id" = ?) AS "notes" ON "notes"."id" = "other"."id"
                """);
        assertSql(update(mine).set(mine.BODY, "bye").where(mine.ID.eq(1L)), """
                UPDATE "notes" SET "body" = ? WHERE ("notes"."id" = ?) AND ("notes"."tenant_id" = ?)
                """);
        assertSql(insertInto(mine).set(mine.ID, 1L).set(mine.BODY, "x").onConflict(mine.ID).doUpdateSet(mine.BODY),
                """
                INSERT INTO "notes" ("id", "body", "tenant_id") VALUES (?, ?, ?) ON CONFLICT ("id")
                DO UPDATE SET "body" = EXCLUDED."body" WHERE "notes"."tenant_id" = ?
                """);
    }

    @Test
    void refusedWrites() {
        NoteTable mine = NOTE.scoped(NOTE.TENANT_ID.eq(42L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            // tag::scoped-refused[]
            insertInto(mine).values(new Note(null, 7L, "x"));   // IllegalArgumentException: column tenant_id is given 7,
                                                                // but the table is scoped to "notes"."tenant_id" = 42 ...
            // end::scoped-refused[]
        });
        assertTrue(e.getMessage().contains("column tenant_id is given 7, but the table is scoped to "
                + "\"notes\".\"tenant_id\" = 42"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> {
            // tag::scoped-refused[]
            update(mine).set(mine.TENANT_ID, 7L).all();         // IllegalArgumentException, the same
            // end::scoped-refused[]
        });
    }

    @Test
    void schemaMapping(TestDatabase t) {
        DBConnection db = t.open();
        // tag::in-schema[]
        NoteTable a = NOTE.inSchema("tenant_a");
        db.exec(createSchema("tenant_a"));
        db.exec(createTable(a));                                        // CREATE TABLE "tenant_a"."notes" (...)
        db.exec(insertInto(a).set(a.TENANT_ID, 1L).set(a.BODY, "in a"));
        // end::in-schema[]
        assertSql(select(a.BODY).from(a), """
                SELECT "notes"."body" FROM "tenant_a"."notes"
                """);
        // tag::map-schema[]
        DBConfig config = t.config()                   // DBConfig.builder(url).user(..).password(..)
                .mapSchema("public", "tenant_a")       // "notes" and "public"."notes" become "tenant_a"."notes"
                .build();
        DBConnection tenantA = DBConnection.open(config);
        List<String> inA = tenantA.exec(select(NOTE.BODY).from(NOTE));   // ["in a"], from "tenant_a"."notes"
        // end::map-schema[]
        t.track(tenantA);
        assertEquals(List.of("in a"), inA);
    }
}
