package dev.belay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.BelayException;
import dev.belay.executor.DBConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The leak check behind {@link BelayTest}, driven directly on trackers of its own (so the class's real tracker is
 * never disturbed), over pools on this class's database.
 */
@BelayTest
final class PoolTrackerTest {

    private static DBConnection pool(TestDatabase db, PoolTracker tracker, String where) {
        return tracker.track(DBConnection.open(db.config().build()), where);
    }

    @Test
    void aConnectionStillLentOutFailsTheCheckNamingThePoolOnce(TestDatabase db) {
        PoolTracker tracker = new PoolTracker(Duration.ofMillis(50), () -> { });
        DBConnection pool = pool(db, tracker, "SomeTest.setUp:12");
        try {
            tracker.requireNoneLentOut("after a clean test");
            try (Stream<Integer> first = pool.sql("SELECT 1").stream(Integer.class)) {
                AssertionError e = assertThrows(AssertionError.class,
                        () -> tracker.requireNoneLentOut("after SomeTest leaky()"));
                assertTrue(e.getMessage().startsWith("after SomeTest leaky(): connections still lent out 50 ms later, "
                        + "[pool opened at SomeTest.setUp:12: PoolStats[total="), e.getMessage());
                assertTrue(e.getMessage().contains("active=1,"), e.getMessage());
                assertTrue(e.getMessage().contains("close its streams"), e.getMessage());
                // reported once: the next test is not blamed for the same connection...
                tracker.requireNoneLentOut("after the next test");
                try (Stream<Integer> second = pool.sql("SELECT 2").stream(Integer.class)) {
                    // ...but is for one more
                    AssertionError more = assertThrows(AssertionError.class,
                            () -> tracker.requireNoneLentOut("after a leaky later test"));
                    assertTrue(more.getMessage().contains("active=2,")
                            && more.getMessage().contains("1 of them already reported earlier"), more.getMessage());
                    assertEquals(List.of(2), second.toList());
                }
                assertEquals(List.of(1), first.toList());
            }
            tracker.requireNoneLentOut("after the test after both came back");
            // once they came back, a new leak counts again from zero
            try (Stream<Integer> third = pool.sql("SELECT 3").stream(Integer.class)) {
                assertThrows(AssertionError.class, () -> tracker.requireNoneLentOut("after another leaky test"));
                assertEquals(List.of(3), third.toList());
            }
        } finally {
            tracker.closeAll("at the end");
        }
    }

    @Test
    void aConnectionComingBackFromAnotherThreadWithinTheGraceIsNoLeak(TestDatabase db) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        // the tracker runs this after each look at a pool's counts: the other thread gives its connection back only
        // once the check has seen it lent out, so passing proves the check waited
        PoolTracker tracker = new PoolTracker(PoolTracker.GRACE, looked::countDown);
        DBConnection pool = pool(db, tracker, "here");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> done = thread.submit(() -> pool.transaction(tx -> {
                holding.countDown();
                await(looked);
                return tx.sql("SELECT 7").one(Integer.class);
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            assertEquals(1, pool.poolStats().active());
            tracker.requireNoneLentOut("after a test that handed the pool to a thread");
            assertEquals(0, looked.getCount());
            assertEquals(7, done.get(10, TimeUnit.SECONDS));
        } finally {
            looked.countDown();
            thread.shutdown();
            assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS));
            tracker.closeAll("at the end");
        }
    }

    @Test
    void closingAPoolChecksItFirstAndClosesItAnyway(TestDatabase db) {
        PoolTracker tracker = new PoolTracker(Duration.ofMillis(20), () -> { });
        DBConnection pool = pool(db, tracker, "SomeTest.extraPool:40");
        Stream<Integer> kept = pool.sql("SELECT 1").stream(Integer.class);
        AssertionError e = assertThrows(AssertionError.class, () -> tracker.close(pool));
        assertTrue(e.getMessage().startsWith("closing the pool opened at SomeTest.extraPool:40: connections still "
                + "lent out 20 ms later, PoolStats[total="), e.getMessage());
        assertThrows(BelayException.class, () -> pool.sql("SELECT 1").one(Integer.class), "closed");
        assertThrows(BelayException.class, kept::close, "its connection went with the pool");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> tracker.close(pool));
        assertTrue(twice.getMessage().contains("closed already"), twice.getMessage());
        tracker.requireNoneLentOut("after it was closed"); // forgotten
    }

    @Test
    void theClassEndChecksEveryPoolAndClosesThemAll(TestDatabase db) {
        PoolTracker tracker = new PoolTracker(Duration.ofMillis(20), () -> { });
        DBConnection clean = pool(db, tracker, "clean");
        DBConnection leaky = pool(db, tracker, "leaky");
        Stream<Integer> kept = leaky.sql("SELECT 1").stream(Integer.class);
        AssertionError e = assertThrows(AssertionError.class, () -> tracker.closeAll("when SomeTest ended"));
        assertTrue(e.getMessage().startsWith("when SomeTest ended: connections still lent out 20 ms later, [pool "
                + "opened at leaky: "), e.getMessage());
        assertThrows(BelayException.class, () -> clean.sql("SELECT 1").one(Integer.class));
        assertThrows(BelayException.class, () -> leaky.sql("SELECT 1").one(Integer.class));
        assertThrows(BelayException.class, kept::close, "its connection went with the pool");
    }

    @Test
    void aPoolIsNamedByTheCodeThatOpenedIt(TestDatabase db) {
        PoolTracker tracker = new PoolTracker(Duration.ZERO, () -> { });
        DBConnection pool = tracker.track(DBConnection.open(db.config().build()), null);
        int line = new Throwable().getStackTrace()[0].getLineNumber() - 1;
        try (Stream<Integer> kept = pool.sql("SELECT 1").stream(Integer.class)) {
            AssertionError e = assertThrows(AssertionError.class, () -> tracker.requireNoneLentOut("now"));
            assertTrue(e.getMessage().contains("pool opened at PoolTrackerTest.aPoolIsNamedByTheCodeThatOpenedIt:"
                    + line + ": "), e.getMessage());
            assertEquals(List.of(1), kept.toList());
        } finally {
            tracker.closeAll("at the end");
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
