package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.DocSql.assertSql;
import static dev.belay.it.docs.OrderTable.ORDER;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.executor.Converter;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.TypeRegistry;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/types.md: enums, arrays and a converter, on the seeded fixture. */
@FixtureDatabase
final class TypesDocTest {

    @BeforeAll
    static void seed(TestDatabase t) throws Exception {
        t.runScript(FixtureDatabase.SEED);
    }

    @Test
    void enumsAndArrays(TestDatabase t) {
        DBConnection db = t.open();
        try {
            // tag::types-enum-array[]
            Select<Order> rushPaid = select(Order.class)
                    .where(ORDER.TAGS.contains(List.of("rush")))
                    .where(ORDER.STATUS.eq(Order.Status.PAID));
            List<Order> orders = db.exec(rushPaid);       // tags come back as List<String>, status as the enum
            // end::types-enum-array[]
            assertSql(rushPaid, """
                    SELECT "orders"."id", "orders"."user_id", "orders"."total", "orders"."status", "orders"."tags",
                      "orders"."created_at" FROM "orders"
                      WHERE ("orders"."tags" @> ?) AND ("orders"."status" = ?)
                    """);
            assertEquals(1, orders.size());
            assertEquals(List.of("gift", "rush"), orders.get(0).tags());
        } finally {
            t.close(db);
        }
    }

    @Test
    void converters(TestDatabase t) {
        String url = t.url();
        String user = t.user();
        String password = t.password();
        // tag::types-converter[]
        record Email(String value) {}

        TypeRegistry types = TypeRegistry.defaults()
                .with(Converter.of(String.class, Email.class, Email::new, Email::value));
        DBConfig config = DBConfig.builder(url).user(user).password(password).types(types).build();
        try (DBConnection db = DBConnection.open(config)) {
            Email alice = db.sql("SELECT email FROM users WHERE name = :name").bind("name", "Alice").one(Email.class);
            int moved = db.sql("UPDATE users SET email = :new WHERE email = :old")
                    .bind("new", new Email("alice@example.com"), PgType.custom("text", Email.class))
                    .bind("old", alice, PgType.custom("text", Email.class))
                    .execute();
            // end::types-converter[]
            assertEquals(new Email("alice@example.org"), alice);
            assertEquals(1, moved);
            assertEquals(List.of("alice@example.com"),
                    db.exec(select(USER.EMAIL).from(USER).where(USER.NAME.eq("Alice"))));
            // tag::types-converter[]
        }
        // end::types-converter[]
    }
}
