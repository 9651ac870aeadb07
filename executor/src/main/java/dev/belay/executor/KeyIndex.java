package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Input rows by key, for matching what a bulk write's RETURNING gives back to the rows sent. It is filled once per
 * call with up to tens of thousands of keys, so it keeps row numbers in an open-addressing {@code int} table over
 * the keys array instead of a {@code HashMap}'s entry and boxed {@code Integer} per row. Keys compare with
 * {@code equals}; a row whose key is null is not indexed.
 */
final class KeyIndex {
    private final @Nullable Object[] keys;
    /** Row + 1 per slot; 0 is an empty slot. */
    private final int[] slots;
    private final int shift;

    /**
     * An empty index for {@code rows} rows, their keys to come through {@link #putIfAbsent}. It keeps its own array of
     * keys by row, in which a row whose key was given before stays empty, so {@link #find} never lands on it.
     */
    KeyIndex(int rows) {
        this.keys = new Object[rows];
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(2, rows) * 2 - 1);
        this.slots = new int[1 << bits];
        this.shift = 32 - bits;
    }

    /** The index of the first {@code count} keys of {@code keys} (nulls skipped), which it reads but never changes. */
    static KeyIndex of(@Nullable Object[] keys, int count) {
        KeyIndex index = new KeyIndex(keys.length);
        for (int i = 0; i < count; i++) {
            if (keys[i] != null) {
                index.putIfAbsent(keys[i], i);
            }
        }
        return index;
    }

    /** Records {@code row}'s key; returns the earlier row with an equal key (which stays), or -1. */
    int putIfAbsent(Object key, int row) {
        int mask = slots.length - 1;
        for (int s = slot(key); ; s = (s + 1) & mask) {
            int taken = slots[s] - 1;
            if (taken < 0) {
                slots[s] = row + 1;
                keys[row] = key;
                return -1;
            }
            if (key.equals(keys[taken])) {
                return taken;
            }
        }
    }

    /** The row whose key equals {@code key}, or -1. */
    int get(@Nullable Object key) {
        if (key == null) {
            return -1;
        }
        int mask = slots.length - 1;
        for (int s = slot(key); ; s = (s + 1) & mask) {
            int taken = slots[s] - 1;
            if (taken < 0 || key.equals(keys[taken])) {
                return taken;
            }
        }
    }

    /**
     * The row whose key equals {@code key}, trying {@code expected} first: RETURNING usually gives rows back in the
     * order they were sent, and one {@code equals} is cheaper than hashing a key just read from the database.
     */
    int find(@Nullable Object key, int expected) {
        if (key != null && expected >= 0 && expected < keys.length && key.equals(keys[expected])) {
            return expected;
        }
        return get(key);
    }

    private int slot(Object key) {
        return (key.hashCode() * 0x9E3779B9) >>> shift;
    }
}
