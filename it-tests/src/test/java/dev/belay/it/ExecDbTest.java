package dev.belay.it;

import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.Sql.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.BelayException;
import dev.belay.executor.DBConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test helpers that guard the "no connection leaks" promise can themselves fail. */
@ExtendWith(TestDatabase.class)
final class ExecDbTest {

    @Test
    void aPoolLeftOpenFailsItsClassAndIsClosed(TestDb db) {
        DBConnection forgotten = ExecDb.open(db);
        assertEquals(1, forgotten.sql("select 1").one(Integer.class));
        AssertionError e = assertThrows(AssertionError.class, () -> ExecDb.requireClosed(db));
        assertTrue(e.getMessage().startsWith("1 Belay pool(s) on " + db + " were left open"), e.getMessage());
        assertThrows(BelayException.class, () -> forgotten.sql("select 1").one(Integer.class));
        ExecDb.requireClosed(db); // nothing left now
    }

    @Test
    void rolledBackReturnsTheResultAndLeavesNoTrace(TestDb db) {
        DBConnection pool = ExecDb.open(db);
        try {
            int inserted = ExecDb.rolledBack(pool,
                    tx -> tx.sql("insert into nodes (id, label) values (1, 'x')").execute());
            assertEquals(1, inserted);
            assertEquals(0L, pool.sql("select count(*) from nodes").one(Long.class));
        } finally {
            ExecDb.closeIdle(pool);
        }
    }

    @Test
    void aConnectionStillLentOutAfterATestFailsItNamingThePool(TestDb db) {
        DBConnection pool = ExecDb.open(db);
        Map<DBConnection, Integer> reported = new HashMap<>();
        try {
            ExecDb.requireNoneLentOut(db, Duration.ZERO, reported, "a clean test");
            try (Stream<String> first = pool.stream(select(value("x")))) {
                AssertionError e = assertThrows(AssertionError.class,
                        () -> ExecDb.requireNoneLentOut(db, Duration.ofMillis(50), reported, "the leaky test"));
                assertTrue(e.getMessage().startsWith("after the leaky test: connections still lent out 50 ms after"),
                        e.getMessage());
                assertTrue(e.getMessage().contains("pool opened at ExecDbTest.aConnectionStillLentOutAfterATestFails"),
                        e.getMessage());
                assertTrue(e.getMessage().contains("active=1,"), e.getMessage());
                // reported once: the next test is not blamed for the same connection...
                ExecDb.requireNoneLentOut(db, Duration.ZERO, reported, "the next test");
                try (Stream<String> second = pool.stream(select(value("y")))) {
                    // ...but is for one more
                    AssertionError more = assertThrows(AssertionError.class,
                            () -> ExecDb.requireNoneLentOut(db, Duration.ZERO, reported, "a leaky later test"));
                    assertTrue(more.getMessage().contains("active=2,")
                            && more.getMessage().contains("1 of them already reported"), more.getMessage());
                    assertEquals(List.of("y"), second.toList());
                }
                assertEquals(List.of("x"), first.toList());
            }
            ExecDb.requireNoneLentOut(db, Duration.ZERO, reported, "the test after both came back");
            // once they came back, a new leak counts again from zero
            try (Stream<String> third = pool.stream(select(value("z")))) {
                assertThrows(AssertionError.class,
                        () -> ExecDb.requireNoneLentOut(db, Duration.ZERO, reported, "another leaky test"));
                assertEquals(List.of("z"), third.toList());
            }
        } finally {
            ExecDb.closeIdle(pool);
        }
    }

    @Test
    void aConnectionComingBackFromAnotherThreadWithinTheGraceIsNoLeak(TestDb db) throws Exception {
        DBConnection pool = ExecDb.open(db);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        // the check reads this map once per look at each pool, after reading the pool's stats: the other thread
        // gives its connection back only once the check has seen it lent out, so passing proves it waited
        @SuppressWarnings("serial")
        Map<DBConnection, Integer> watching = new ConcurrentHashMap<>() {
            @Override
            public Integer getOrDefault(Object key, Integer defaultValue) {
                looked.countDown();
                return super.getOrDefault(key, defaultValue);
            }
        };
        try {
            Future<Integer> done = thread.submit(() -> pool.transaction(tx -> {
                holding.countDown();
                await(looked);
                return tx.sql("select 7").one(Integer.class);
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            AssertionError held = assertThrows(AssertionError.class,
                    () -> ExecDb.requireNoneLentOut(db, Duration.ZERO, new HashMap<>(), "a test without grace"));
            assertTrue(held.getMessage().contains("active=1,"), held.getMessage());
            ExecDb.requireNoneLentOut(db, TestDatabase.LENT_OUT_GRACE, watching, "a test with grace");
            assertEquals(0, looked.getCount());
            assertEquals(7, done.get(10, TimeUnit.SECONDS));
        } finally {
            looked.countDown();
            thread.shutdown();
            assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS));
            ExecDb.closeIdle(pool);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
