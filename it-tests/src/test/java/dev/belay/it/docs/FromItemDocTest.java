package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.DocSql.assertSql;
import static dev.belay.it.docs.OrderTable.ORDER;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.FunctionTable;
import dev.belay.dsl.Merge;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.ValuesTable2;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.it.Rollback;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The VALUES, set-returning function and row value section of docs/select.md, and MERGE in docs/dml.md. */
@FixtureDatabase
final class FromItemDocTest {
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) throws Exception {
        t.runScript(FixtureDatabase.SEED);
        db = t.open();
    }

    @Test
    void valuesAndFunctionsAsTables() {
        // tag::select-values[]
        ValuesTable2<String, Integer> v = values(row("thirty", 30), row("seventeen", 17)).as("v", "label", "age");
        Select<Tuple2<String, String>> labelled = select(USER.NAME, v.v1())
                .from(USER).join(v).on(USER.AGE.eq(v.v2()));          // [(Alice, thirty), (Bob, seventeen)]

        FunctionTable<String> tag = unnest(ORDER.TAGS).withOrdinality().as("tag");
        Select<Tuple2<Long, String>> tags = select(ORDER.ID, tag.value())
                .from(ORDER).crossJoin(tag).where(tag.ordinality().eq(1L));

        Select<Long> matches = select(USER.ID).from(USER)
                .where(row(USER.NAME, USER.AGE).in(List.of(row("Alice", 30), row("Bob", 18))));
        // end::select-values[]
        assertSql(labelled, """
                SELECT "users"."name", "v"."label" FROM "users"
                  JOIN (VALUES (CAST(? AS text), CAST(? AS int4)), (?, ?)) AS "v"("label", "age")
                  ON "users"."age" = "v"."age"
                """);
        assertSql(tags, """
                SELECT "orders"."id", "tag"."value" FROM "orders"
                  CROSS JOIN unnest("orders"."tags") WITH ORDINALITY AS "tag"("value", "ordinality")
                  WHERE "tag"."ordinality" = ?
                """);
        assertSql(matches, """
                SELECT "users"."id" FROM "users" WHERE ("users"."name", "users"."age") IN ((?, ?), (?, ?))
                """);
        assertEquals(List.of(new Tuple2<>("Alice", "thirty"), new Tuple2<>("Bob", "seventeen")),
                db.exec(labelled.orderBy(USER.NAME)));
        assertEquals(List.of(new Tuple2<>(1L, "gift"), new Tuple2<>(3L, "rush")), db.exec(tags.orderBy(ORDER.ID)));
        assertEquals(List.of(1L), db.exec(matches));
    }

    /** Rolled back, so the other test sees the seeded names; {@code db} is the transaction, as the page shows it. */
    @Test
    void merge() {
        Rollback.undone(FromItemDocTest.db, db -> {
            // tag::dml-merge[]
            ValuesTable2<String, String> v = values(row("Alicia", "alice@example.org"), row("Dan", "dan@example.org"))
                    .as("v", "name", "email");
            Merge<User> merge = mergeInto(USER).using(v).on(USER.EMAIL.eq(v.v2()))
                    .whenMatchedAnd(USER.NAME.eq(v.v1())).thenDoNothing()
                    .whenMatched().thenUpdate(USER.NAME, v.v1())
                    .whenNotMatched().thenInsert(USER.NAME, v.v1()).set(USER.EMAIL, v.v2());
            int changed = db.exec(merge);                               // 2: Alice renamed, Dan inserted
            // end::dml-merge[]
            assertSql(merge, """
                    MERGE INTO "users" USING (VALUES (CAST(? AS text), CAST(? AS text)), (?, ?)) AS "v"("name", "email")
                      ON "users"."email" = "v"."email"
                      WHEN MATCHED AND "users"."name" = "v"."name" THEN DO NOTHING
                      WHEN MATCHED THEN UPDATE SET "name" = "v"."name"
                      WHEN NOT MATCHED THEN INSERT ("name", "email") VALUES ("v"."name", "v"."email")
                    """);
            assertEquals(2, changed);
            assertEquals(List.of("Alicia", "Bob", "Carol", "Dan"),
                    db.exec(select(USER.NAME).from(USER).orderBy(USER.EMAIL)));
            assertEquals(0, db.exec(merge), "run again, every row is as merged and the first clause does nothing");
        });
    }
}
