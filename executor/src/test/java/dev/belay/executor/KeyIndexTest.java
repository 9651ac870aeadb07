package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyIndexTest {
    @Test
    void findsEveryRowByKeyAndReportsTheFirstOfEqualKeys() {
        int n = 5_000;
        KeyIndex index = new KeyIndex(n);
        for (int i = 0; i < n; i++) {
            assertEquals(-1, index.putIfAbsent("key " + i, i));
        }
        assertEquals(17, index.putIfAbsent("key 17", 17));
        assertEquals(17, index.putIfAbsent(new String("key 17"), 4_000));
        for (int i = 0; i < n; i++) {
            assertEquals(i, index.get("key " + i));
            assertEquals(i, index.find("key " + i, i));
            assertEquals(i, index.find("key " + i, (i + 1) % n), "a wrong guess falls back to the table");
        }
        assertEquals(-1, index.get("key " + n));
        assertEquals(-1, index.find(null, 3));
        assertEquals(-1, index.find("nothing", -1));
    }

    @Test
    void keysWhoseHashesCollideAreToldApartByEquals() {
        // "Aa" and "BB" have the same String.hashCode, and so do all their concatenations of equal length
        List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB");
        KeyIndex index = new KeyIndex(colliding.size());
        for (int i = 0; i < colliding.size(); i++) {
            assertEquals(-1, index.putIfAbsent(colliding.get(i), i));
        }
        for (int i = 0; i < colliding.size(); i++) {
            assertEquals(i, index.get(colliding.get(i)));
        }
    }

    @Test
    void indexesAnExistingArraySkippingNullsWithTheFirstRowWinning() {
        Object[] keys = {10L, null, 30L, 10L, List.of(1, 2), null};
        KeyIndex index = KeyIndex.of(keys, 5);
        assertEquals(0, index.get(10L));
        assertEquals(2, index.get(30L));
        assertEquals(4, index.get(Arrays.asList(1, 2)));
        assertEquals(-1, index.get(20L));
        assertEquals(-1, index.get(null));
    }

    @Test
    void aKeyGivenTwiceIsFoundAtItsFirstRowEvenWhereTheGuessHoldsTheLaterCopy() {
        // a bulk insert whose descriptor declares a key the table does not enforce stores both rows; the second
        // returned row must land on the first input row again (and be refused as a second row for it), not be
        // matched by its position, which PostgreSQL does not promise
        Object[] keys = {7L, 8L, 7L};
        KeyIndex index = KeyIndex.of(keys, 3);
        assertEquals(0, index.find(7L, 0));
        assertEquals(0, index.find(7L, 2));
        assertEquals(1, index.find(8L, 1));
    }

    @Test
    void randomKeysMatchAHashMap() {
        Random random = new Random(42);
        int n = 20_000;
        Long[] keys = new Long[n];
        java.util.Map<Long, Integer> expected = new java.util.HashMap<>();
        KeyIndex index = new KeyIndex(n);
        for (int i = 0; i < n; i++) {
            keys[i] = (long) random.nextInt(15_000);
            Integer first = expected.putIfAbsent(keys[i], i);
            assertEquals(first == null ? -1 : first, index.putIfAbsent(keys[i], i));
        }
        for (long k = -10; k < 15_010; k++) {
            assertEquals(expected.getOrDefault(k, -1), index.get(k));
        }
    }
}
