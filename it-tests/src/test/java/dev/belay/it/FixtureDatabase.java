package dev.belay.it;

import dev.belay.test.BelayTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A fresh database per test class with the fixture schema: the dsl test-jar's {@code belay/fixture-schema.sql}
 * (users, orders, nodes, events, wide, app.docs) and this module's {@code belay/it-extra-schema.sql}. Tables start
 * empty; a class that wants the seeded rows loads {@link #SEED} once:
 *
 * <pre>{@code
 * @FixtureDatabase
 * final class FooTest {
 *     @BeforeAll
 *     static void seed(TestDatabase db) { db.runScript(FixtureDatabase.SEED); }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BelayTest(scripts = {"belay/fixture-schema.sql", "belay/it-extra-schema.sql"})
public @interface FixtureDatabase {
    /** The dsl test-jar's seeded rows (3 users, 3 orders, 4 nodes, 1 event, 1 wide row), for {@code runScript}. */
    String SEED = "belay/fixture-seed.sql";

    /** Every table the fixture schema creates. */
    List<String> TABLES = List.of("users", "orders", "nodes", "node_archive", "events", "wide", "app.docs");
}
