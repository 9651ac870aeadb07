package dev.belay.executor;

import java.util.Arrays;

/**
 * The bookkeeping of read replicas, without connections: which are down (a connection attempt failed) until
 * when, and the round-robin order in which healthy ones take work. Times are {@link System#nanoTime()} values
 * passed in, so a test drives it with a clock of its own. Thread-safe.
 */
final class ReplicaSet {
    private final long retryAfterNanos;
    private final boolean[] down;
    private final long[] downUntil;
    private int next;

    ReplicaSet(int size, long retryAfterNanos) {
        if (size < 1) {
            throw new IllegalArgumentException("a replica set needs a replica, got " + size);
        }
        this.retryAfterNanos = retryAfterNanos;
        this.down = new boolean[size];
        this.downUntil = new long[size];
    }

    int size() {
        return down.length;
    }

    /**
     * The replicas to try for the next piece of work, in order: the healthy ones (and those whose time out is
     * over), starting one further along on each call; empty when every replica is down.
     */
    synchronized int[] order(long now) {
        int n = down.length;
        int start = next;
        next = (next + 1) % n;
        int[] out = new int[n];
        int count = 0;
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            if (down[i] && now - downUntil[i] >= 0) {
                down[i] = false; // the time out is over: try it again
            }
            if (!down[i]) {
                out[count++] = i;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /**
     * Replica {@code i} failed to connect at {@code now}: it is skipped for the retry-after period. Returns whether
     * it was taking work until then (so that only that change is reported, not every thread's failure).
     */
    synchronized boolean markDown(int i, long now) {
        boolean wasUp = !isDown(i, now);
        down[i] = true;
        downUntil[i] = now + retryAfterNanos;
        return wasUp;
    }

    synchronized boolean isDown(int i, long now) {
        return down[i] && now - downUntil[i] < 0;
    }
}
