package dev.belay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.executor.DBConnection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With one test instance per class, JUnit builds the instance before the class's callbacks run: its constructor
 * still gets the class's database and pool, the same ones its tests get.
 */
@BelayTest(scripts = {"belay/kit/schema.sql", "belay/kit/seed.sql"}, poolSize = 2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class PerClassLifecycleTest {
    private final TestDatabase db;
    private final DBConnection pool;

    PerClassLifecycleTest(TestDatabase db, DBConnection pool) {
        this.db = db;
        this.pool = pool;
    }

    @Test
    void theConstructorGetsTheClassDatabase(TestDatabase db, DBConnection pool) {
        assertSame(this.db, db);
        assertSame(this.pool, pool);
        assertEquals(2L, pool.sql("SELECT count(*) FROM items").one(Long.class));
    }

    @Test
    void thePoolHasTheAnnotatedSize() throws InterruptedException {
        // HikariCP opens a pool's connections in the background, up to its size and no further
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.poolStats().total() < 2 && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        TimeUnit.MILLISECONDS.sleep(300);
        assertEquals(2, pool.poolStats().total());
    }
}
