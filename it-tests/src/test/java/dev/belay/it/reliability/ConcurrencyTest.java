package dev.belay.it.reliability;

import static dev.belay.dsl.Sql.count;
import static dev.belay.dsl.Sql.deleteFrom;
import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.it.Rollback;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 8 threads × 10,000 mixed operations on one shared {@link DBConnection} with a pool of 8: DSL inserts,
 * updates, deletes and reads, raw SQL, and transactions that commit, roll back on purpose, or roll back a
 * nested savepoint. Each thread owns its key range and its counter row and keeps an exact model of them;
 * shared counters are incremented atomically in SQL ({@code v = v + 1}) and their expected totals are the
 * sums of the committed increments. At the end PostgreSQL must hold exactly the union of the models, and
 * no connection may be lent out.
 *
 * <p>Each thread's operations come from {@code seed + thread}; replay with {@code -Dbelay.fuzz.seed=N}.
 */
@FixtureDatabase
final class ConcurrencyTest {
    private static final long SEED = Fuzz.seed(0x5EED_0003L);
    private static final int THREADS = 8;
    private static final int OPERATIONS = 10_000;
    private static final int SHARED = 4;
    private static final int SHARED_BASE = 100;

    record Item(Long id, Integer owner, Long v) {}

    record Counter(Integer id, Long v) {}

    static final class ItemTable extends Table<Item> {
        static final ItemTable ITEMS = new ItemTable();
        final Column<Item, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Item, Integer> owner = column("owner", PgType.INT4);
        final Column<Item, Long> v = column("v", PgType.INT8);

        private ItemTable() {
            super("items", Item.class);
        }
    }

    static final class CounterTable extends Table<Counter> {
        static final CounterTable COUNTERS = new CounterTable();
        final Column<Counter, Integer> id = column("id", PgType.INT4).primaryKey();
        final Column<Counter, Long> v = column("v", PgType.INT8);

        private CounterTable() {
            super("counters", Counter.class);
        }
    }

    private static final ItemTable I = ItemTable.ITEMS;
    private static final CounterTable C = CounterTable.COUNTERS;

    /** Thrown by a transaction body to roll it back on purpose. */
    private static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super("rolled back on purpose", null, false, false);
        }
    }

    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE items (id int8 PRIMARY KEY, owner int4 NOT NULL, v int8 NOT NULL); "
                + "CREATE INDEX ON items (owner); "
                + "CREATE TABLE counters (id int4 PRIMARY KEY, v int8 NOT NULL); "
                + "INSERT INTO counters SELECT g, 0 FROM generate_series(0, " + (THREADS - 1) + ") g; "
                + "INSERT INTO counters SELECT " + SHARED_BASE + " + g, 0 FROM generate_series(0, " + (SHARED - 1) + ") g");
        testDb = t;
        db = t.open(b -> b.poolSize(THREADS));
    }

    /** What one thread has committed: its live items, its counter, and its increments of each shared counter. */
    static final class Model {
        final int thread;
        final Map<Long, Long> items = new HashMap<>();
        /** The live item ids, for picking one at random, and where each id is in that list. */
        private final List<Long> keys = new ArrayList<>();
        private final Map<Long, Integer> positions = new HashMap<>();
        long counter;
        final long[] shared = new long[SHARED];
        long nextKey;

        Model(int thread) {
            this.thread = thread;
            this.nextKey = (thread + 1) * 1_000_000_000L;
        }

        void put(long id, long v) {
            if (items.put(id, v) == null) {
                positions.put(id, keys.size());
                keys.add(id);
            }
        }

        void remove(long id) {
            Integer at = positions.remove(id);
            if (at != null) {
                items.remove(id);
                long last = keys.remove(keys.size() - 1);
                if (last != id) {
                    keys.set(at, last);
                    positions.put(last, at);
                }
            }
        }

        /** An item this thread owns, or now and then one it deleted or never had (which must match no row). */
        long someKey(SplittableRandom random) {
            if (keys.isEmpty() || random.nextInt(20) == 0) {
                return nextKey + 1 + random.nextInt(1_000);
            }
            return keys.get(random.nextInt(keys.size()));
        }
    }

    @Test
    void eightThreadsSharingOnePoolLeaveExactlyTheModelledState() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        ExecutorCompletionService<Model> done = new ExecutorCompletionService<>(pool);
        List<Model> models = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.submit(() -> work(thread, stop));
            }
            for (int t = 0; t < THREADS; t++) {
                Future<Model> next = done.poll(120, TimeUnit.SECONDS);
                if (next == null) {
                    stop.set(true);
                    throw new AssertionError("seed " + SEED + ": the workers did not finish within 120 s");
                }
                try {
                    models.add(next.get());
                } catch (ExecutionException e) {
                    stop.set(true);
                    throw new AssertionError("seed " + SEED + ": a worker failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertFinalState(models);
        assertEquals(0, db.poolStats().active(), "connections lent out after the run: " + db.poolStats());
    }

    private static Model work(int thread, AtomicBoolean stop) {
        Model m = new Model(thread);
        SplittableRandom random = new SplittableRandom(SEED + thread);
        for (int op = 0; op < OPERATIONS && !stop.get(); op++) {
            int kind = random.nextInt(100);
            try {
                step(m, random, kind);
            } catch (Throwable e) {
                stop.set(true);
                throw new AssertionError("seed " + SEED + ", thread " + thread + ", operation " + op + " (kind " + kind
                        + "): " + e, e);
            }
        }
        return m;
    }

    /** One operation, chosen by {@code kind} (0 to 99), checked against the model and applied to it. */
    private static void step(Model m, SplittableRandom random, int kind) {
        int t = m.thread;
        if (kind < 25) {
            long id = ++m.nextKey;
            long v = random.nextInt(1_000);
            assertEquals(1, db.exec(insertInto(I).values(new Item(id, t, v))));
            m.put(id, v);
        } else if (kind < 38) {
            long id = m.someKey(random);
            Long v = m.items.get(id);
            assertEquals(v == null ? 0 : 1, db.exec(update(I).set(I.v, I.v.plus(1L)).where(I.id.eq(id))), "update " + id);
            if (v != null) {
                m.put(id, v + 1);
            }
        } else if (kind < 45) {
            long id = m.someKey(random);
            assertEquals(m.items.containsKey(id) ? 1 : 0, db.exec(deleteFrom(I).where(I.id.eq(id))), "delete " + id);
            m.remove(id);
        } else if (kind < 52) {
            long id = m.someKey(random);
            assertEquals(Optional.ofNullable(m.items.get(id)).map(v -> new Item(id, t, v)),
                    db.first(select(I).where(I.id.eq(id))), "first " + id);
        } else if (kind < 57) {
            assertEquals(m.counter, db.one(select(C.v).from(C).where(C.id.eq(t))), "one: own counter");
        } else if (kind < 62) {
            assertEquals((long) m.items.size(), db.fetchValue(select(count()).from(I).where(I.owner.eq(t))), "count");
        } else if (kind < 70) {
            int s = random.nextInt(SHARED);
            assertEquals(1, db.exec(update(C).set(C.v, C.v.plus(1L)).where(C.id.eq(SHARED_BASE + s))));
            m.shared[s]++;
        } else if (kind < 74) {
            long d = 1 + random.nextInt(5);
            assertEquals(1, db.sql("UPDATE counters SET v = v + :d WHERE id = :id").bind("d", d).bind("id", t).execute());
            m.counter += d;
        } else if (kind < 78) {
            long id = m.someKey(random);
            assertEquals(Optional.ofNullable(m.items.get(id)),
                    db.sql("SELECT v FROM items WHERE id = ?").bind(1, id).first(Long.class), "raw select " + id);
        } else if (kind < 88) {
            committed(m, random);
        } else if (kind < 94) {
            rolledBack(m, random);
        } else {
            savepointRolledBack(m, random);
        }
    }

    /** Two items in one INSERT, the own counter, then one shared counter (always last, so no lock cycle); committed. */
    private static void committed(Model m, SplittableRandom random) {
        long a = ++m.nextKey;
        long b = ++m.nextKey;
        long va = random.nextInt(1_000);
        long vb = random.nextInt(1_000);
        int s = random.nextInt(SHARED);
        int written = db.transaction(tx -> {
            int n = tx.exec(insertInto(I).values(List.of(new Item(a, m.thread, va), new Item(b, m.thread, vb))));
            n += tx.exec(update(C).set(C.v, C.v.plus(2L)).where(C.id.eq(m.thread)));
            return n + tx.exec(update(C).set(C.v, C.v.plus(1L)).where(C.id.eq(SHARED_BASE + s)));
        });
        assertEquals(4, written, "rows written by the committed transaction");
        m.put(a, va);
        m.put(b, vb);
        m.counter += 2;
        m.shared[s]++;
    }

    /** An insert, a counter update and a delete, seen inside the transaction, then thrown away. */
    private static void rolledBack(Model m, SplittableRandom random) {
        long id = ++m.nextKey;
        long victim = m.someKey(random);
        int s = random.nextInt(SHARED);
        assertThrows(Rollback.class, () -> db.useTransaction(tx -> {
            tx.exec(insertInto(I).values(new Item(id, m.thread, 7L)));
            assertEquals(Optional.of(new Item(id, m.thread, 7L)), tx.first(select(I).where(I.id.eq(id))));
            tx.exec(update(C).set(C.v, C.v.plus(100L)).where(C.id.eq(m.thread)));
            tx.exec(deleteFrom(I).where(I.id.eq(victim)));
            tx.exec(update(C).set(C.v, C.v.plus(100L)).where(C.id.eq(SHARED_BASE + s)));
            throw new Rollback();
        }));
    }

    /** An item kept by the outer transaction, an item and a counter update undone with their savepoint. */
    private static void savepointRolledBack(Model m, SplittableRandom random) {
        long kept = ++m.nextKey;
        long undone = ++m.nextKey;
        long v = random.nextInt(1_000);
        int s = random.nextInt(SHARED);
        db.useTransaction(tx -> {
            tx.exec(insertInto(I).values(new Item(kept, m.thread, v)));
            assertThrows(Rollback.class, () -> tx.useTransaction(inner -> {
                inner.exec(insertInto(I).values(new Item(undone, m.thread, v)));
                inner.exec(update(C).set(C.v, C.v.plus(1_000L)).where(C.id.eq(m.thread)));
                throw new Rollback();
            }));
            assertEquals(Optional.empty(), tx.first(select(I).where(I.id.eq(undone))), "undone by its savepoint");
            assertEquals(Optional.of(v), tx.sql("SELECT v FROM items WHERE id = :id").bind("id", kept).first(Long.class));
            tx.exec(update(C).set(C.v, C.v.plus(1L)).where(C.id.eq(SHARED_BASE + s)));
        });
        m.put(kept, v);
        m.shared[s]++;
    }

    /** PostgreSQL, read over plain JDBC, holds exactly the union of the thread models. */
    private static void assertFinalState(List<Model> models) throws SQLException {
        Map<Long, Item> expectedItems = new TreeMap<>();
        Map<Integer, Long> expectedCounters = new TreeMap<>();
        long[] shared = new long[SHARED];
        for (Model m : models) {
            m.items.forEach((id, v) -> expectedItems.put(id, new Item(id, m.thread, v)));
            expectedCounters.put(m.thread, m.counter);
            for (int s = 0; s < SHARED; s++) {
                shared[s] += m.shared[s];
            }
        }
        for (int s = 0; s < SHARED; s++) {
            expectedCounters.put(SHARED_BASE + s, shared[s]);
        }
        Map<Long, Item> items = new TreeMap<>();
        Map<Integer, Long> counters = new TreeMap<>();
        Map<Integer, List<Long>> perOwner = new TreeMap<>();
        try (Connection c = testDb.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, owner, v FROM items")) {
                while (rs.next()) {
                    items.put(rs.getLong(1), new Item(rs.getLong(1), rs.getInt(2), rs.getLong(3)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id, v FROM counters")) {
                while (rs.next()) {
                    counters.put(rs.getInt(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT owner, count(*), sum(v) FROM items GROUP BY owner")) {
                while (rs.next()) {
                    perOwner.put(rs.getInt(1), List.of(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        Map<Integer, List<Long>> expectedPerOwner = new TreeMap<>();
        for (Model m : models) {
            if (!m.items.isEmpty()) {
                long sum = m.items.values().stream().mapToLong(Long::longValue).sum();
                expectedPerOwner.put(m.thread, List.of((long) m.items.size(), sum));
            }
        }
        String at = "seed " + SEED + " (replay with -Dbelay.fuzz.seed=" + SEED + ")";
        assertEquals(expectedCounters, counters, at + ": counters (own per thread, then shared)");
        assertEquals(expectedPerOwner, perOwner, at + ": items per owner (count, sum of v)");
        assertEquals(expectedItems.size(), items.size(), at + ": items");
        assertEquals(expectedItems, items, at + ": items");
    }
}
