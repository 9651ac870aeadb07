package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The replicas' round-robin and health bookkeeping, driven by a clock of the test's own (nanoseconds). */
final class ReplicaSetTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void roundRobinStartsOneFurtherEachTime() {
        ReplicaSet set = new ReplicaSet(3, 5 * SECOND);
        assertArrayEquals(new int[] {0, 1, 2}, set.order(0));
        assertArrayEquals(new int[] {1, 2, 0}, set.order(0));
        assertArrayEquals(new int[] {2, 0, 1}, set.order(0));
        assertArrayEquals(new int[] {0, 1, 2}, set.order(0));
    }

    @Test
    void aReplicaDownIsSkippedForTheRetryAfterPeriodThenTriedAgain() {
        ReplicaSet set = new ReplicaSet(3, 5 * SECOND);
        long now = 100 * SECOND;
        set.markDown(1, now);
        assertTrue(set.isDown(1, now));
        assertArrayEquals(new int[] {0, 2}, set.order(now));
        assertArrayEquals(new int[] {2, 0}, set.order(now + 4 * SECOND));
        assertArrayEquals(new int[] {2, 0}, set.order(now + 5 * SECOND - 1));
        assertTrue(set.isDown(1, now + 5 * SECOND - 1));
        assertFalse(set.isDown(1, now + 5 * SECOND));
        assertArrayEquals(new int[] {0, 1, 2}, set.order(now + 5 * SECOND));
        // failing again starts a new period from then, and is reported as a change once
        assertTrue(set.markDown(1, now + 6 * SECOND));
        assertFalse(set.markDown(1, now + 6 * SECOND), "another thread's failure of a replica already down");
        assertArrayEquals(new int[] {2, 0}, set.order(now + 10 * SECOND));
        assertArrayEquals(new int[] {2, 0, 1}, set.order(now + 11 * SECOND));
    }

    @Test
    void allDownGivesNoCandidate() {
        ReplicaSet set = new ReplicaSet(2, SECOND);
        set.markDown(0, 0);
        set.markDown(1, 0);
        assertArrayEquals(new int[0], set.order(SECOND / 2));
        assertArrayEquals(new int[] {1, 0}, set.order(SECOND));
    }

    @Test
    void survivesTheNanoClockWrappingAround() {
        ReplicaSet set = new ReplicaSet(1, 5 * SECOND);
        long now = Long.MAX_VALUE - SECOND;
        set.markDown(0, now);
        assertArrayEquals(new int[0], set.order(now + 2 * SECOND));
        assertArrayEquals(new int[] {0}, set.order(now + 5 * SECOND));
    }

    @Test
    void aSetNeedsAReplica() {
        assertThrows(IllegalArgumentException.class, () -> new ReplicaSet(0, SECOND));
    }
}
