package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.DocSql.assertSql;
import static dev.belay.it.docs.OrderTable.ORDER;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Param;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/select.md and the README's query example, rendered and run on the seeded fixture (Alice 30, Bob 17, Carol). */
@FixtureDatabase
final class SelectDocTest {
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) throws Exception {
        t.runScript(FixtureDatabase.SEED);
        db = t.open();
    }


    @Test
    void immutableQueries() {
        // tag::select-basic[]
        Select<User> adults = select(User.class).where(USER.AGE.ge(18)).orderBy(USER.NAME.asc());
        Select<User> alice  = adults.where(USER.NAME.eq("Alice"));     // adults is unchanged

        RenderedSql sql = alice.render();
        sql.sql();      // the SQL below, with one placeholder per value
        sql.params();   // [18, Alice]
        // end::select-basic[]
        assertSql(alice, """
                SELECT "users"."id", "users"."name", "users"."email", "users"."age", "users"."created_at"
                  FROM "users" WHERE ("users"."age" >= ?) AND ("users"."name" = ?) ORDER BY "users"."name" ASC
                """);
        assertEquals(List.of(18, "Alice"), sql.params());
        assertSql(adults, """
                SELECT "users"."id", "users"."name", "users"."email", "users"."age", "users"."created_at"
                  FROM "users" WHERE "users"."age" >= ? ORDER BY "users"."name" ASC
                """);
        assertEquals(List.of("Alice"), db.exec(adults).stream().map(User::name).toList());
    }

    @Test
    void projections() {
        // tag::select-tuple[]
        Select<Tuple2<String, Long>> perName =
                select(USER.NAME, count()).from(USER).groupBy(USER.NAME).having(count().gt(1L));
        Select<String> names = select(USER.NAME).from(USER).where(USER.AGE.isNull());
        // end::select-tuple[]
        assertSql(perName, """
                SELECT "users"."name", count(*) FROM "users" GROUP BY "users"."name" HAVING count(*) > ?
                """);
        assertSql(names, """
                SELECT "users"."name" FROM "users" WHERE "users"."age" IS NULL
                """);
        assertEquals(List.of(), db.exec(perName));
        assertEquals(List.of("Carol"), db.exec(names));
    }

    @Test
    void joinsAndSubqueries() {
        // tag::select-join[]
        Select<Tuple2<Long, String>> bigOrders = select(ORDER.ID, USER.NAME)
                .from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID))
                .where(ORDER.TOTAL.gt(new BigDecimal("100")))
                .orderBy(ORDER.ID.asc())
                .limit(50);
        Select<User> buyers = select(User.class).where(USER.ID.in(select(ORDER.USER_ID).from(ORDER)));
        // end::select-join[]
        assertSql(bigOrders, """
                SELECT "orders"."id", "users"."name" FROM "orders" JOIN "users" ON "orders"."user_id" = "users"."id"
                  WHERE "orders"."total" > ? ORDER BY "orders"."id" ASC LIMIT ?
                """);
        assertSql(buyers, """
                SELECT "users"."id", "users"."name", "users"."email", "users"."age", "users"."created_at"
                  FROM "users" WHERE "users"."id" IN (SELECT "orders"."user_id" FROM "orders")
                """);
        assertEquals(List.of(new Tuple2<>(1L, "Alice"), new Tuple2<>(3L, "Bob")), db.exec(bigOrders));
        assertEquals(2, db.exec(buyers).size());
    }

    @Test
    void parametersAndKeysetPages() {
        // tag::select-param[]
        Param<String> name = param("name", String.class);
        Select<User> byName = select(User.class).where(USER.NAME.eq(name));   // build once, e.g. in a constant

        List<User> bobs = db.exec(byName.bind(name, "Bob"));                  // the SQL text is not rendered again
        // end::select-param[]
        assertEquals(1, bobs.size());
        // tag::select-seek[]
        Select<User> firstPage = select(User.class).orderBy(USER.NAME.asc(), USER.ID.asc()).limit(2);
        List<User> page = db.exec(firstPage);
        User last = page.get(page.size() - 1);
        List<User> nextPage = db.exec(firstPage.seek(last.name(), last.id()));
        // end::select-seek[]
        assertSql(firstPage.seek("Bob", 2L), """
                SELECT "users"."id", "users"."name", "users"."email", "users"."age", "users"."created_at"
                  FROM "users" WHERE ("users"."name", "users"."id") > (?, ?)
                  ORDER BY "users"."name" ASC, "users"."id" ASC LIMIT ?
                """);
        assertEquals(List.of("Carol"), nextPage.stream().map(User::name).toList());
    }

    @Test
    void nullIsNotAValue() {
        // tag::select-null[]
        Integer unknown = null;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> USER.AGE.eq(unknown));
        // e.getMessage(): eq(null) on "users"."age": a comparison with NULL is never true in SQL.
        //                 Use isNull() / isNotNull(), or isNotDistinctFrom(value) / isDistinctFrom(value) ...
        Select<User> noAge = select(User.class).where(USER.AGE.isNull());
        // end::select-null[]
        assertTrue(e.getMessage().startsWith("eq(null) on \"users\".\"age\": a comparison with NULL is never true in "
                + "SQL. Use isNull() / isNotNull(), or isNotDistinctFrom(value) / isDistinctFrom(value)"), e.getMessage());
        assertEquals(List.of("Carol"), db.exec(noAge).stream().map(User::name).toList());
    }
}
