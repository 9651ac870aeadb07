package dev.belay.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code db.copy(table, stream)} of 1,000,000 generated rows in constant memory. It runs in a JVM of its own
 * with {@code -Xmx256m} (it-tests' surefire execution {@code copy-constant-memory}), and measures the heap
 * still in use after a full GC every 100,000 rows while the COPY reads the stream: it must not grow with the rows
 * read (keeping them, or their encoded bytes, would add tens of megabytes by the end).
 */
@FixtureDatabase
final class CopyMillionRowsTest {
    private static final int ROWS = 1_000_000;
    private static final int SAMPLE_EVERY = 100_000;
    /** Growth allowed between the first and the last sample: noise, far below what a million rows would take. */
    private static final long ALLOWED_GROWTH = 8L << 20;

    record Narrow(Long id, String name) {}

    static final class NarrowTable extends Table<Narrow> {
        static final NarrowTable NARROW = new NarrowTable();
        final Column<Narrow, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Narrow, String> name = column("name", PgType.TEXT);

        private NarrowTable() {
            super("narrow", Narrow.class);
        }
    }

    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE narrow (id int8 PRIMARY KEY, name text NOT NULL)");
        testDb = t;
        db = t.open();
    }

    /** The heap in use after a full collection: what is still reachable. */
    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void aMillionRowsFromAStreamInConstantMemory() {
        List<Long> live = new ArrayList<>();
        long start = System.nanoTime();
        long copied;
        try (Stream<Narrow> rows = LongStream.range(0, ROWS).mapToObj(i -> {
            if (i > 0 && i % SAMPLE_EVERY == 0) {
                live.add(liveHeap());
            }
            return new Narrow(i, "name " + i);
        })) {
            copied = db.copy(NarrowTable.NARROW, rows);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ROWS, copied);
        assertEquals(ROWS, testDb.count("SELECT count(*) FROM narrow"));
        assertEquals((long) ROWS * (ROWS - 1) / 2, testDb.count("SELECT sum(id) FROM narrow"));
        assertEquals(1, testDb.count("SELECT count(*) FROM narrow WHERE id = 999999 AND name = 'name 999999'"));

        assertEquals(ROWS / SAMPLE_EVERY - 1, live.size());
        long growth = live.get(live.size() - 1) - live.get(0);
        System.out.printf("copy of %,d rows: %,d ms (with %d full GCs), max heap %,d MB, live heap %s, growth %,d KB%n",
                ROWS, millis, live.size(), Runtime.getRuntime().maxMemory() >> 20, live, growth >> 10);
        assertTrue(growth < ALLOWED_GROWTH, "the live heap grew by " + (growth >> 10) + " KB while the COPY read "
                + "the stream: " + live);
    }
}
