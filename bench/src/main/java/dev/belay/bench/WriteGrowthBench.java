package dev.belay.bench;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * How the cost of a bulk write grows with its rows: {@code db.insert} and {@code db.upsert} (half the rows
 * conflicting) against the hand-written unnest statements, at 1,000, 10,000 and 100,000 rows. Both must stay linear,
 * so the time per row should not grow with the batch. The tables, rows, contenders and correctness checks are those
 * of {@link BulkInsertBench} and {@link BulkUpsertBench}, only at other sizes; jOOQ is left out, since its multi-row
 * VALUES would need 300,000 bind parameters at 100,000 rows (PostgreSQL takes 65,535).
 *
 * <p>Before timing, Belay must also send one SQL text per statement shape whatever the batch size: the texts its
 * statement log shows for these rows must be the texts it shows for their first 1,000 (a large batch may send its
 * text more than once, in chunks, but never another text).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// fewer iterations than the other benchmarks: 12 trials, and at 100,000 rows one call can outlast an iteration
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class WriteGrowthBench {
    /** The write, and the bulk benchmark whose table, rows and contenders it uses. */
    public enum Write { INSERT, UPSERT }

    /** The size {@link #rows} are compared with. */
    private static final int REFERENCE = 1_000;

    @Param({"1000", "10000", "100000"})
    public int rows;

    @Param
    public Write write;

    private BulkInsertBench insert;
    private BulkUpsertBench upsert;

    /**
     * Checks the contender this trial times, unlike the other benchmarks, which check all of them in every trial:
     * the other contender is checked in its own trial, and at 100,000 rows each check takes seconds of the suite's
     * time.
     */
    @Setup(Level.Trial)
    public void open(BenchmarkParams params) throws SQLException {
        open(params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1));
    }

    /** Prepares the table and rows, and checks {@code contender}: {@code belay} or {@code jdbcUnnest}. */
    void open(String contender) throws SQLException {
        boolean belay = contender.equals("belay");
        if (!belay && !contender.equals("jdbcUnnest")) {
            throw new IllegalArgumentException("no contender " + contender + ": belay or jdbcUnnest");
        }
        if (write == Write.INSERT) {
            insert = new BulkInsertBench();
            insert.prepare(rows);
            if (belay) {
                insert.check(contender, b -> b.belayInsert().stream().mapToLong(BulkInsertBench.Person::id).toArray());
                oneTextPerShape(insert::empty, insert::belayInsert,
                        () -> insert.belayInsert(insert.rows.subList(0, REFERENCE)));
            } else {
                insert.check(contender, BulkInsertBench::jdbcUnnest);
            }
        } else {
            upsert = new BulkUpsertBench();
            upsert.prepare(rows);
            if (belay) {
                upsert.check(contender, BulkUpsertBench::belay);
                oneTextPerShape(upsert::existing, upsert::belay,
                        () -> upsert.belay(upsert.rows.subList(0, REFERENCE)));
            } else {
                upsert.check(contender, BulkUpsertBench::jdbcUnnest);
            }
        }
    }

    private interface Call {
        void run() throws SQLException;
    }

    /**
     * Fails unless Belay sends the same texts for all the rows as for the first {@link #REFERENCE} of them. Runs after
     * the checks, so that the texts are only the write's own, not the catalog reads of the first call.
     */
    private void oneTextPerShape(Call reset, Call all, Call reference) throws SQLException {
        String work = String.format(Locale.ROOT, "%s %,d", write.name().toLowerCase(Locale.ROOT), rows);
        List<String> big = sent(reset, all);
        List<String> small = sent(reset, reference);
        Check.that(!small.isEmpty(), work, "belay", "sends no statement that the capture saw: the check proves nothing");
        Check.same(work + ", the SQL texts sent", String.format(Locale.ROOT, "%,d rows", REFERENCE),
                new HashSet<>(small), String.format(Locale.ROOT, "%,d rows", rows), new HashSet<>(big));
    }

    private static List<String> sent(Call reset, Call call) throws SQLException {
        reset.run();
        try (SentSql sent = new SentSql()) {
            call.run();
            return sent.texts();
        }
    }

    @Setup(Level.Invocation)
    public void reset() throws SQLException {
        if (write == Write.INSERT) {
            insert.empty();
        } else {
            upsert.existing();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        if (insert != null) {
            insert.close();
        }
        if (upsert != null) {
            upsert.close();
        }
    }

    @Benchmark
    public Object belay() {
        return write == Write.INSERT ? insert.belayInsert() : upsert.belay();
    }

    @Benchmark
    public long[] jdbcUnnest() throws SQLException {
        return write == Write.INSERT ? insert.jdbcUnnest() : upsert.jdbcUnnest();
    }
}
