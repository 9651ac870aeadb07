package dev.belay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.executor.DBConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A {@code @Nested} class shares its enclosing class's database and pool, unless it has a {@code @BelayTest} of its own. */
@BelayTest(scripts = {"belay/kit/schema.sql", "belay/kit/seed.sql"})
final class NestedClassesTest {
    private static TestDatabase outer;
    private static DBConnection outerPool;

    @BeforeAll
    static void remember(TestDatabase db, DBConnection pool) {
        outer = db;
        outerPool = pool;
    }

    @Test
    void outerTest(TestDatabase db) {
        assertSame(outer, db);
    }

    @Nested
    final class Shared {
        @Test
        void sharesTheDatabaseAndThePool(TestDatabase db, DBConnection pool) {
            assertSame(outer, db);
            assertSame(outerPool, pool);
            assertEquals(2, db.count("SELECT count(*) FROM items"));
        }
    }

    @Nested
    @BelayTest(scripts = "belay/kit/schema.sql")
    final class Own {
        @Test
        void getsADatabaseOfItsOwn(TestDatabase db, DBConnection pool) {
            assertNotEquals(outer.name(), db.name());
            assertEquals(db.name(), pool.sql("SELECT current_database()").one(String.class));
            assertEquals(0, db.count("SELECT count(*) FROM items"));
        }
    }
}
