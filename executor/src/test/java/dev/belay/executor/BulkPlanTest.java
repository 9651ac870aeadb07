package dev.belay.executor;

import static dev.belay.dsl.Sql.excluded;
import static dev.belay.dsl.Sql.onConflict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The exact statements bulk writes send, from a descriptor and the catalog facts a database would give: the SQL
 * text is the same for any number of rows, every value is a placeholder, and the shape matches the key kind.
 */
final class BulkPlanTest {
    record Person(Long id, String name, Instant createdAt) {}

    static final class People extends Table<Person> {
        static final People P = new People();
        final Column<Person, Long> id = column("id", PgType.INT8).primaryKey().generated();
        final Column<Person, String> name = column("name", PgType.TEXT);
        final Column<Person, Instant> createdAt = column("created_at", PgType.TIMESTAMPTZ).generated();

        private People() {
            super("people", Person.class);
        }
    }

    record Doc(UUID id, String body) {}

    static final class Docs extends Table<Doc> {
        static final Docs D = new Docs();
        final Column<Doc, UUID> id = column("id", PgType.UUID).primaryKey().generated();
        final Column<Doc, String> body = column("body", PgType.TEXT);

        private Docs() {
            super("docs", Doc.class);
        }
    }

    private static Catalog.ColumnFacts plain(String name, String type) {
        return new Catalog.ColumnFacts(name, null, null, false, "", type, -1, false);
    }

    private static final Catalog.TableFacts PEOPLE = new Catalog.TableFacts("\"people\"", Map.of(
            "id", new Catalog.ColumnFacts("id", 16_384L, null, false, "d", "int8", -1, true),
            "name", plain("name", "text"),
            "created_at", new Catalog.ColumnFacts("created_at", null, "now()", false, "", "timestamptz", -1, false)));

    @Test
    void aSequenceKeyIsDrawnInInputOrderByOneStatement() {
        BulkPlan<Person> plan = BulkPlan.of(People.P, PEOPLE, null, TypeRegistry.defaults());
        assertTrue(plan.ordered);
        assertNull(plan.keys, "no round trip to draw keys");
        assertEquals("INSERT INTO \"people\" (\"id\", \"name\", \"created_at\") OVERRIDING SYSTEM VALUE SELECT "
                + "coalesce(\"belay_rows\".\"c1\", nextval(CAST(CAST(? AS \"oid\") AS \"regclass\"))), \"belay_rows\".\"c2\", "
                + "coalesce(\"belay_rows\".\"c3\", (now())) FROM unnest(CAST(? AS int8[]), CAST(? AS text[]), "
                + "CAST(? AS timestamptz[])) WITH ORDINALITY AS \"belay_rows\"(\"c1\", \"c2\", \"c3\", \"belay_ord\") "
                + "ORDER BY \"belay_rows\".\"belay_ord\" ASC RETURNING \"people\".\"id\", \"people\".\"created_at\"",
                plan.plain.sql);
        assertNotNull(plan.plainDrawn);
        assertEquals("INSERT INTO \"people\" (\"name\", \"created_at\") SELECT "
                + "\"belay_rows\".\"c2\", coalesce(\"belay_rows\".\"c3\", (now())) FROM unnest(CAST(? AS text[]), "
                + "CAST(? AS timestamptz[])) WITH ORDINALITY AS \"belay_rows\"(\"c2\", \"c3\", \"belay_ord\") ORDER BY "
                + "\"belay_rows\".\"belay_ord\" ASC RETURNING \"people\".\"id\", \"people\".\"created_at\"",
                plan.plainDrawn.sql, "no row brings a key: the all-NULL key array is not sent, the identity draws the key");
    }

    /**
     * A key whose sequence is drawn by a DEFAULT (serial), or that owns a sequence without being an identity, is drawn
     * by nextval in the ordered SELECT: leaving it out would take whatever its DEFAULT says, or NULL.
     */
    @Test
    void aSerialKeyIsDrawnByNextvalInTheOrderedSelect() {
        for (Catalog.ColumnFacts id : java.util.List.of(
                new Catalog.ColumnFacts("id", 16_384L, "nextval('people_id_seq'::regclass)", false, "", "int8", -1, true),
                new Catalog.ColumnFacts("id", 16_384L, null, false, "", "int8", -1, true))) {
            Catalog.TableFacts facts = new Catalog.TableFacts("\"people\"", Map.of("id", id,
                    "name", plain("name", "text"), "created_at", PEOPLE.column("created_at")));
            BulkPlan<Person> plan = BulkPlan.of(People.P, facts, null, TypeRegistry.defaults());
            assertTrue(plan.ordered);
            assertEquals("INSERT INTO \"people\" (\"id\", \"name\", \"created_at\") OVERRIDING SYSTEM VALUE SELECT "
                    + "nextval(CAST(CAST(? AS \"oid\") AS \"regclass\")), \"belay_rows\".\"c2\", "
                    + "coalesce(\"belay_rows\".\"c3\", (now())) FROM unnest(CAST(? AS text[]), CAST(? AS timestamptz[])) "
                    + "WITH ORDINALITY AS \"belay_rows\"(\"c2\", \"c3\", \"belay_ord\") ORDER BY \"belay_rows\".\"belay_ord\" "
                    + "ASC RETURNING \"people\".\"id\", \"people\".\"created_at\"", plan.plainDrawn.sql, id.toString());
        }
    }

    /** A BEFORE row trigger may change any column and the key: all are read back, keys are drawn first, no shortcut. */
    @Test
    void underBeforeTriggersEveryColumnIsReadBackAndKeysAreDrawnFirst() {
        Catalog.TableFacts touched = new Catalog.TableFacts("\"people\"", PEOPLE.columns(), java.util.List.of("touch"),
                java.util.List.of("touch"));
        BulkPlan<Person> insert = BulkPlan.of(People.P, touched, null, TypeRegistry.defaults());
        assertEquals(java.util.List.of("touch"), insert.triggers);
        assertTrue(!insert.ordered && insert.matchable, "keyed, not ordered");
        assertEquals("SELECT nextval(CAST(CAST(? AS \"oid\") AS \"regclass\")) AS \"id\" FROM generate_series(1, "
                + "CAST(? AS int4)) AS \"belay_keys\"(\"n\")", insert.keys.sql);
        assertTrue(insert.plain.sql.endsWith(" RETURNING \"people\".\"id\", \"people\".\"name\", "
                + "\"people\".\"created_at\""), insert.plain.sql);

        BulkPlan<Person> upsert = BulkPlan.of(People.P, touched, onConflict(People.P.name).doUpdateSet(People.P.name),
                TypeRegistry.defaults());
        assertNull(upsert.matched, "joined back, so a skipped row is SKIPPED");
        assertTrue(upsert.joined.sql.contains(", (SELECT count(*) FROM \"belay_written\") AS \"belay_written_count\" "
                + "FROM \"belay_input\""), upsert.joined.sql);
        BulkPlan<Person> untouched = BulkPlan.of(People.P, PEOPLE, onConflict(People.P.name).doUpdateSet(People.P.name),
                TypeRegistry.defaults());
        assertTrue(untouched.triggers.isEmpty() && !untouched.joined.sql.contains("count(*)"), untouched.joined.sql);
    }

    @Test
    void aDefaultKeyIsDrawnFirstAndMatchedByValue() {
        Catalog.TableFacts docs = new Catalog.TableFacts("\"docs\"", Map.of(
                "id", new Catalog.ColumnFacts("id", null, "gen_random_uuid()", false, "", "uuid", -1, false),
                "body", plain("body", "text")));
        BulkPlan<Doc> plan = BulkPlan.of(Docs.D, docs, null, TypeRegistry.defaults());
        assertTrue(plan.matchable);
        assertEquals("SELECT (gen_random_uuid()) AS \"id\" FROM generate_series(1, CAST(? AS int4)) AS "
                + "\"belay_keys\"(\"n\")", plan.keys.sql);
        assertEquals("INSERT INTO \"docs\" (\"id\", \"body\") OVERRIDING SYSTEM VALUE SELECT coalesce(\"belay_rows\".\"c1\", "
                + "(gen_random_uuid())), \"belay_rows\".\"c2\" FROM unnest(CAST(? AS uuid[]), CAST(? AS text[])) AS "
                + "\"belay_rows\"(\"c1\", \"c2\") RETURNING \"docs\".\"id\"", plan.plain.sql);
    }

    @Test
    void anUpsertJoinsItsRowsBackOnEqualitiesPostgresqlCanHash() {
        BulkPlan<Person> plan = BulkPlan.of(People.P, PEOPLE, onConflict(People.P.name).doUpdateSet(People.P.createdAt),
                TypeRegistry.defaults());
        assertNull(plan.plain);
        assertEquals("WITH \"belay_input\" AS (SELECT \"belay_rows\".\"belay_ord\", coalesce(\"belay_rows\".\"c1\", "
                + "nextval(CAST(CAST(? AS \"oid\") AS \"regclass\"))) AS \"c1\", \"belay_rows\".\"c2\" AS \"c2\", "
                + "coalesce(\"belay_rows\".\"c3\", (now())) AS \"c3\" FROM unnest(CAST(? AS int8[]), CAST(? AS text[]), "
                + "CAST(? AS timestamptz[])) WITH ORDINALITY AS \"belay_rows\"(\"c1\", \"c2\", \"c3\", \"belay_ord\")), "
                + "\"belay_written\" AS (INSERT INTO \"people\" (\"id\", \"name\", \"created_at\") OVERRIDING SYSTEM VALUE "
                + "SELECT \"c1\", \"c2\", \"c3\" FROM \"belay_input\" ON CONFLICT (\"name\") DO UPDATE SET \"created_at\" = "
                + "EXCLUDED.\"created_at\" RETURNING \"people\".\"id\", \"people\".\"name\", \"people\".\"created_at\", "
                + "\"people\".\"xmax\" = 0 AS \"belay_inserted\") SELECT \"belay_input\".\"belay_ord\", "
                + "coalesce(\"belay_new\".\"belay_inserted\", \"belay_written\".\"belay_inserted\"), "
                + "CASE WHEN \"belay_new\".\"belay_inserted\" THEN \"belay_new\".\"id\" ELSE \"belay_written\".\"id\" END, "
                + "CASE WHEN \"belay_new\".\"belay_inserted\" THEN \"belay_new\".\"name\" ELSE \"belay_written\".\"name\" END, "
                + "CASE WHEN \"belay_new\".\"belay_inserted\" THEN \"belay_new\".\"created_at\" ELSE "
                + "\"belay_written\".\"created_at\" END, \"people\".\"id\", \"people\".\"name\", \"people\".\"created_at\" "
                + "FROM \"belay_input\" LEFT JOIN \"belay_written\" AS \"belay_new\" ON \"belay_new\".\"belay_inserted\" AND "
                + "(\"belay_new\".\"id\" = \"belay_input\".\"c1\") LEFT JOIN \"belay_written\" ON (NOT "
                + "\"belay_written\".\"belay_inserted\") AND (\"belay_written\".\"name\" = \"belay_input\".\"c2\") "
                + "LEFT JOIN \"people\" ON (\"belay_new\".\"belay_inserted\" IS NULL) AND (\"belay_written\".\"belay_inserted\" "
                + "IS NULL) AND (\"people\".\"name\" = "
                + "\"belay_input\".\"c2\")", plan.joined.sql);
    }

    @Test
    void anUpdatingUpsertOnAnExactTargetIsAPlainInsertMatchedByTarget() {
        BulkPlan<Person> plan = BulkPlan.of(People.P, PEOPLE, onConflict(People.P.name).doUpdateSet(People.P.name),
                TypeRegistry.defaults());
        assertEquals("INSERT INTO \"people\" (\"id\", \"name\", \"created_at\") OVERRIDING SYSTEM VALUE SELECT "
                + "coalesce(\"belay_rows\".\"c1\", nextval(CAST(CAST(? AS \"oid\") AS \"regclass\"))), \"belay_rows\".\"c2\", "
                + "coalesce(\"belay_rows\".\"c3\", (now())) FROM unnest(CAST(? AS int8[]), CAST(? AS text[]), "
                + "CAST(? AS timestamptz[])) AS \"belay_rows\"(\"c1\", \"c2\", \"c3\") ON CONFLICT (\"name\") DO UPDATE SET "
                + "\"name\" = EXCLUDED.\"name\" RETURNING \"people\".\"xmax\" = 0 AS \"belay_inserted\", \"people\".\"name\", "
                + "\"people\".\"id\", \"people\".\"created_at\"", plan.matched.sql,
                "no ordinality, no CTE, no join: the target is returned to match on, with the generated columns");
        assertEquals("INSERT INTO \"people\" (\"name\") OVERRIDING SYSTEM VALUE SELECT \"belay_rows\".\"c2\" FROM "
                + "unnest(CAST(? AS text[])) AS \"belay_rows\"(\"c2\") ON CONFLICT (\"name\") DO UPDATE SET \"name\" = "
                + "EXCLUDED.\"name\" RETURNING \"people\".\"xmax\" = 0 AS \"belay_inserted\", \"people\".\"name\", "
                + "\"people\".\"id\", \"people\".\"created_at\"", plan.matchedDrawn.sql,
                "rows that give no generated value leave those columns to their defaults");
        assertEquals(String.class, plan.arrayTypes[1], "text goes as a String[], which pgjdbc sends in binary");
        assertEquals(Long.class, plan.arrayTypes[0]);
        assertEquals(Object.class, plan.arrayTypes[2], "timestamptz values go as their text");
    }

    @Test
    void anUpsertThatMaySkipOrChangeItsTargetJoinsBack() {
        People p = People.P;
        assertNull(BulkPlan.of(p, PEOPLE, onConflict(p.name).doNothing(), TypeRegistry.defaults()).matched,
                "DO NOTHING skips rows, which RETURNING leaves out");
        assertNull(BulkPlan.of(p, PEOPLE, onConflict(p.name).doUpdateSet(p.createdAt).where(p.id.gt(excluded(p.id))),
                TypeRegistry.defaults()).matched, "a WHERE on the update skips rows too");
        Catalog.TableFacts caseInsensitive = new Catalog.TableFacts("\"people\"", Map.of(
                "id", PEOPLE.column("id"),
                "name", new Catalog.ColumnFacts("name", null, null, false, "", "text", -1, false, false, "text", false),
                "created_at", PEOPLE.column("created_at")));
        assertNull(BulkPlan.of(p, caseInsensitive, onConflict(p.name).doUpdateSet(p.name), TypeRegistry.defaults())
                .matched, "a nondeterministic collation makes different text equal");
        assertNotNull(BulkPlan.of(p, PEOPLE, onConflict(p.name).doUpdateSet(p.name), TypeRegistry.defaults()).matched);
    }
}
