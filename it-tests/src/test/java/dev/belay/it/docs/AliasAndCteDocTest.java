package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.DocSql.assertSql;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Cte;
import dev.belay.dsl.Field;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/descriptors.md's typed alias and docs/select.md's recursive CTE, rendered and run on the seeded fixture. */
@FixtureDatabase
final class AliasAndCteDocTest {
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        t.runScript(FixtureDatabase.SEED);
        db = t.open();
    }

    @Test
    void typedAlias() {
        // tag::typed-alias[]
        UserTable older = USER.as("older");
        Select<Tuple2<String, String>> pairs =
                select(USER.NAME, older.NAME).from(USER).join(older).on(older.AGE.gt(USER.AGE));
        // end::typed-alias[]
        assertSql(pairs, """
                SELECT "users"."name", "older"."name" FROM "users" JOIN "users" AS "older" ON "older"."age" > "users"."age"
                """);
        assertEquals(List.of(new Tuple2<>("Bob", "Alice")), db.exec(pairs));
        assertEquals(older.NAME, older.field(USER.NAME));
    }

    @Test
    void recursiveCte() {
        // tag::recursive-cte[]
        Field<Integer> n = value(1).as("n");
        Cte<Integer> counter = cte("counter").asRecursive(select(n),
                c -> select(c.field(n).plus(1)).from(c).where(c.field(n).lt(5)));
        Select<Integer> oneToFive = withRecursive(counter).select(counter.field(n)).from(counter);
        // end::recursive-cte[]
        assertSql(oneToFive, """
                WITH RECURSIVE "counter" AS ((SELECT ? AS "n") UNION ALL
                  (SELECT "counter"."n" + ? FROM "counter" WHERE "counter"."n" < ?)) SELECT "counter"."n" FROM "counter"
                """);
        assertEquals(List.of(1, 2, 3, 4, 5), db.exec(oneToFive));
    }
}
