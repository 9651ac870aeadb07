package dev.belay.dsl.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.dsl.internal.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Identifiers keeps quoted names in slots chosen by hash: a name sharing a slot must never get another's text. */
final class QuoteCacheTest {

    /** Names whose hashes share their low ten bits, and so one slot of the cache. */
    private static List<String> sharingASlot(int count) {
        List<String> names = new ArrayList<>();
        int slot = "col_0".hashCode() & 1023;
        for (int i = 0; names.size() < count; i++) {
            String name = "col_" + i;
            if ((name.hashCode() & 1023) == slot) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void namesSharingASlotAlternate() {
        List<String> names = sharingASlot(3);
        for (int round = 0; round < 3; round++) {
            for (String name : names) {
                assertEquals('"' + name + '"', Identifiers.quote(name));
                assertEquals("x." + '"' + name + '"', Identifiers.appendQuoted(new StringBuilder("x."), name).toString());
            }
        }
    }

    @Test
    void anEqualNameBuiltElsewhereGetsTheSameText() {
        String name = "user_name";
        String built = new StringBuilder("user_").append("name").toString();
        assertEquals("\"user_name\"", Identifiers.quote(name));
        assertSame(Identifiers.quote(name), Identifiers.quote(built));
    }

    @Test
    void quotesInsideANameAreDoubledEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertEquals("\"a\"\"b\"", Identifiers.quote("a\"b"));
            assertEquals("\"\"", Identifiers.quote(""));
        }
    }

    @Test
    void threadsQuotingNamesOfOneSlotEachGetTheirOwn() throws Exception {
        List<String> names = sharingASlot(4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (String name : names) {
                done.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 20_000; i++) {
                        wrong += Identifiers.quote(name).equals('"' + name + '"') ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : done) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
