package dev.belay.bench;

import static dev.belay.dsl.Sql.select;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming 1,000,000 rows into records in a 64 MB heap, which cannot hold them all: a hand-written cursor loop
 * (autocommit off, fetch size 1,000, index getters) against {@code db.stream} (whose fetch size is 1,000 by default)
 * and jOOQ's lazy {@code stream()} with {@code fetchSize(1000)} in a transaction. Each folds the records into one
 * checksum, which must be the same for all before timing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class StreamBench {
    public record Item(Long id, String name, Integer n) {}

    static final class Items extends Table<Item> {
        static final Items I = new Items();
        final Column<Item, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Item, String> name = column("name", PgType.TEXT);
        final Column<Item, Integer> n = column("n", PgType.INT4);

        private Items() {
            super("bench_items", Item.class);
        }
    }

    private static final int ROWS = 1_000_000;
    private static final int FETCH_SIZE = 1_000;
    private static final String JDBC = "SELECT id, name, n FROM bench_items";
    private static final org.jooq.Table<org.jooq.Record> J_ITEMS = DSL.table(DSL.name("bench_items"));
    private static final org.jooq.Field<Long> J_ID = DSL.field(DSL.name("bench_items", "id"), SQLDataType.BIGINT);
    private static final org.jooq.Field<String> J_NAME = DSL.field(DSL.name("bench_items", "name"), SQLDataType.CLOB);
    private static final org.jooq.Field<Integer> J_N = DSL.field(DSL.name("bench_items", "n"), SQLDataType.INTEGER);

    @Setup(Level.Trial)
    public void check(Contenders on) throws SQLException {
        try (Connection c = BenchDb.connect()) {
            BenchDb.exec(c, """
                    DO $$ BEGIN
                      IF to_regclass('bench_items') IS NULL THEN
                        CREATE TABLE bench_items (id int8 PRIMARY KEY, name text NOT NULL, n int4 NOT NULL);
                      END IF;
                      IF (SELECT count(*) FROM bench_items) <> 1000000 THEN
                        TRUNCATE bench_items;
                        INSERT INTO bench_items SELECT i, 'item ' || i, i % 1000 FROM generate_series(1, 1000000) i;
                        ANALYZE bench_items;
                      END IF;
                    END $$""");
        }
        long expected = jdbc(on);
        Check.that(expected != 0, "stream 1,000,000", "jdbc", "reads no row");
        Check.same("stream 1,000,000", "jdbc", expected, "jdbcRecords", jdbcRecords(on));
        Check.same("stream 1,000,000", "jdbc", expected, "belay", belay(on));
        Check.same("stream 1,000,000", "jdbc", expected, "jooq", jooq(on));
    }

    /** What every contender computes from the records, so that none of them can skip a row or a column. */
    private static long fold(long sum, Item item) {
        return sum * 31 + item.id() + item.name().length() * 7L + item.n();
    }

    /** The loop a user writes over a stream; a primitive sum, as in the JDBC loop, so that no contender boxes it. */
    private static long fold(Stream<Item> items) {
        long[] sum = {0};
        items.forEach(item -> sum[0] = fold(sum[0], item));
        return sum[0];
    }

    @Benchmark
    public long jdbc(Contenders on) throws SQLException {
        long sum = 0;
        int rows = 0;
        try (Connection c = on.pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(JDBC)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum = fold(sum, new Item(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                        rows++;
                    }
                }
            }
            c.commit();
        }
        Check.that(rows == ROWS, "stream 1,000,000", "jdbc", "reads " + rows + " rows");
        return sum;
    }

    /**
     * Where {@link #jdbcRecords} hands each record on. The plain loop's records never exist: the JIT sees that
     * {@link #fold(long, Item)} only reads their fields in place and does not allocate them (escape analysis), which
     * a record handed to a consumer, as {@code db.stream} and jOOQ hand theirs, cannot have.
     */
    static @Nullable Item handedOn;

    /**
     * {@link #jdbc}, with each record handed on (stored where it escapes) as a stream's consumer receives it. A copy of
     * that loop rather than a flag on one: HotSpot allocates an object that escapes on any path of the compiled
     * method, so a shared loop would make the plain one allocate its records too.
     */
    @Benchmark
    public long jdbcRecords(Contenders on) throws SQLException {
        long sum = 0;
        int rows = 0;
        try (Connection c = on.pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(JDBC)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Item item = new Item(rs.getLong(1), rs.getString(2), rs.getInt(3));
                        handedOn = item;
                        sum = fold(sum, item);
                        rows++;
                    }
                }
            }
            c.commit();
        }
        Check.that(rows == ROWS, "stream 1,000,000", "jdbcRecords", "reads " + rows + " rows");
        return sum;
    }

    @Benchmark
    public long belay(Contenders on) {
        try (Stream<Item> items = on.belay.stream(select(Items.I))) {
            return fold(items);
        }
    }

    @Benchmark
    public long jooq(Contenders on) {
        return on.jooq.transactionResult(trx -> {
            try (Stream<Item> items = trx.dsl().select(J_ID, J_NAME, J_N).from(J_ITEMS).fetchSize(FETCH_SIZE)
                    .stream().map(Records.mapping(Item::new))) {
                return fold(items);
            }
        });
    }
}
