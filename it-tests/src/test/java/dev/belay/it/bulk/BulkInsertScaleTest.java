package dev.belay.it.bulk;

import static dev.belay.it.bulk.BulkJdbc.assertStored;
import static dev.belay.it.bulk.BulkJdbc.assertWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 200,000 rows of 20 columns of mixed types in ONE {@code db.insert} call (several chunks, every key drawn and
 * matched back): the server's count and aggregates over every column equal the ones Java computes from what it
 * sent, the text hashes are taken in the order of the keys the call returned (so a key given back to the wrong
 * row changes them), and a sample of rows re-read by key equals, column by column, the row returned for it.
 */
@FixtureDatabase
final class BulkInsertScaleTest {
    private static final int ROWS = 200_000;
    private static final long SEED = 0x5EED_17L;

    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TYPE scale_level AS ENUM ('LOW', 'MID', 'HIGH');"
                + "CREATE TABLE scale_rows (id bigserial PRIMARY KEY, k int4 NOT NULL, t text NOT NULL, t_null text, "
                + "i4 int4 NOT NULL, i8 int8 NOT NULL, num numeric(20,6), f8 float8 NOT NULL, b bool, u uuid NOT NULL, "
                + "d date NOT NULL, ts timestamptz NOT NULL, js jsonb NOT NULL, tags text[], bin bytea, "
                + "lvl scale_level, vc varchar(40) NOT NULL, i4_null int4, i2 int2 NOT NULL, "
                + "created_at timestamptz NOT NULL DEFAULT now())");
        testDb = t;
        db = t.open();
    }

    enum Level { LOW, MID, HIGH }

    record Wide(Long id, Integer k, String t, String tNull, Integer i4, Long i8, BigDecimal num, Double f8, Boolean b,
                UUID u, LocalDate d, Instant ts, String js, List<String> tags, byte[] bin, Level lvl, String vc,
                Integer i4Null, Short i2, Instant createdAt) {}

    static final class WideTable extends Table<Wide> {
        static final WideTable W = new WideTable();
        final Column<Wide, Long> id = column("id", PgType.INT8).primaryKey().generated();
        final Column<Wide, Integer> k = column("k", PgType.INT4);
        final Column<Wide, String> t = column("t", PgType.TEXT);
        final Column<Wide, String> tNull = column("t_null", PgType.TEXT).nullable();
        final Column<Wide, Integer> i4 = column("i4", PgType.INT4);
        final Column<Wide, Long> i8 = column("i8", PgType.INT8);
        final Column<Wide, BigDecimal> num = column("num", PgType.NUMERIC).nullable();
        final Column<Wide, Double> f8 = column("f8", PgType.FLOAT8);
        final Column<Wide, Boolean> b = column("b", PgType.BOOL).nullable();
        final Column<Wide, UUID> u = column("u", PgType.UUID);
        final Column<Wide, LocalDate> d = column("d", PgType.DATE);
        final Column<Wide, Instant> ts = column("ts", PgType.TIMESTAMPTZ);
        final Column<Wide, String> js = column("js", PgType.JSONB);
        final Column<Wide, List<String>> tags = column("tags", PgType.arrayOf(PgType.TEXT)).nullable();
        final Column<Wide, byte[]> bin = column("bin", PgType.BYTEA).nullable();
        final Column<Wide, Level> lvl = column("lvl", PgType.enumType("scale_level", Level.class)).nullable();
        final Column<Wide, String> vc = column("vc", PgType.VARCHAR);
        final Column<Wide, Integer> i4Null = column("i4_null", PgType.INT4).nullable();
        final Column<Wide, Short> i2 = column("i2", PgType.INT2);
        final Column<Wide, Instant> createdAt = column("created_at", PgType.TIMESTAMPTZ).generated();

        private WideTable() {
            super("scale_rows", Wide.class);
        }
    }

    /** Characters that matter to text, array literals and JSON: quotes, backslash, braces, commas, non-BMP. */
    private static final String[] PIECES = {"a", "Z", "7", " ", ",", "\"", "\\", "{", "}", "'", "é", "日本", "😀",
        "NULL", "\t", "\n", "|"};

    private static String text(SplittableRandom r, int maxPieces) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(maxPieces + 1);
        for (int p = 0; p < n; p++) {
            s.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    private static String json(int i, String s) {
        StringBuilder out = new StringBuilder("{\"i\": ").append(i).append(", \"s\": \"");
        for (int c = 0; c < s.length(); c++) {
            char ch = s.charAt(c);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(ch);
            }
        }
        return out.append("\"}").toString();
    }

    /** The text of {@code js}'s "s" member, which {@link #json} wrote. */
    private static String jsonText(Wide w) {
        return w.t().substring(w.t().indexOf('|') + 1);
    }

    private static Wide row(int i, SplittableRandom r) {
        String t = "t" + i + "|" + text(r, 6);
        List<String> tags = null;
        if (i % 4 != 0) {
            int n = r.nextInt(4);
            tags = new ArrayList<>();
            for (int e = 0; e < n; e++) {
                tags.add(r.nextInt(8) == 0 ? null : text(r, 3));
            }
        }
        byte[] bin = null;
        if (i % 6 != 0) {
            bin = new byte[r.nextInt(21)];
            for (int p = 0; p < bin.length; p++) {
                bin[p] = (byte) r.nextInt(256);
            }
        }
        StringBuilder vc = new StringBuilder("v");
        int vcLength = r.nextInt(40);
        for (int p = 0; p < vcLength; p++) {
            vc.append((char) ('a' + r.nextInt(26)));
        }
        return new Wide(null, i, t, i % 7 == 0 ? null : "n" + i + text(r, 2), r.nextInt(), r.nextLong() >> 8,
                i % 5 == 0 ? null : BigDecimal.valueOf(r.nextLong() % 100_000_000_000_000_000L, 6),
                (r.nextInt(1 << 20) - (1 << 19)) / 64.0, i % 3 == 0 ? null : r.nextBoolean(),
                new UUID(r.nextLong(), r.nextLong()), LocalDate.of(1900, 1, 1).plusDays(r.nextInt(80_000)),
                Instant.ofEpochSecond(1_600_000_000L + r.nextInt(100_000_000), r.nextInt(1_000_000) * 1_000L),
                json(i, t.substring(t.indexOf('|') + 1)), tags, bin,
                i % 9 == 0 ? null : Level.values()[r.nextInt(3)], vc.toString(), i % 2 == 0 ? null : i,
                (short) (r.nextInt(65_536) - 32_768), null);
    }

    private static String md5(String s) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code md5(string_agg(expr, ',' ORDER BY id))} gives: nulls skipped. */
    private static String md5Agg(List<Wide> byId, Function<Wide, String> value) {
        return md5(byId.stream().map(value).filter(Objects::nonNull).collect(Collectors.joining(",")));
    }

    @Test
    void twoHundredThousandRowsOfTwentyColumnsInOneCall() {
        SplittableRandom r = new SplittableRandom(SEED);
        List<Wide> input = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            input.add(row(i, r));
        }
        assertEquals(20, WideTable.W.columns().size());

        Instant before = Instant.now();
        long started = System.nanoTime();
        List<Wide> out = db.insert(WideTable.W, input);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Instant after = Instant.now();
        System.err.println("[BulkInsertScaleTest] db.insert of " + ROWS + " rows x 20 columns: " + millis + " ms");

        assertEquals(ROWS, out.size());
        for (int i = 0; i < ROWS; i++) {
            Wide w = out.get(i);
            assertNotSame(input.get(i), w);
            assertEquals(i, w.k(), "row " + i + " came back out of order");
            assertNotNull(w.id(), "row " + i + " has no id");
            assertWithin(w.createdAt(), before, after, "row " + i + " created_at");
        }
        List<Wide> byId = new ArrayList<>(out);
        byId.sort(Comparator.comparing(Wide::id));

        Map<String, Object> agg = BulkJdbc.one(testDb, "SELECT count(*) AS n, count(DISTINCT id) AS ids, "
                + "sum(id) AS id_sum, "
                + "md5(string_agg(id || ':' || k, ',' ORDER BY id)) AS id_k, "
                + "md5(string_agg(t, ',' ORDER BY id)) AS t_md5, "
                + "md5(string_agg(t_null, ',' ORDER BY id)) AS t_null_md5, "
                + "count(t_null) AS t_nulls, sum(i4) AS i4_sum, sum(i8) AS i8_sum, sum(num) AS num_sum, "
                + "count(num) AS nums, sum(f8) AS f8_sum, count(*) FILTER (WHERE b) AS b_true, count(b) AS bs, "
                + "md5(string_agg(u::text, ',' ORDER BY id)) AS u_md5, "
                + "md5(string_agg(d::text, ',' ORDER BY id)) AS d_md5, "
                + "sum(extract(epoch FROM ts)) AS ts_sum, sum((js->>'i')::int8) AS js_i_sum, "
                + "md5(string_agg(js->>'s', ',' ORDER BY id)) AS js_s_md5, count(tags) AS tag_rows, "
                + "sum(cardinality(tags)) AS tag_count, "
                + "md5(string_agg(array_to_string(tags, '|', '<null>'), ',' ORDER BY id)) AS tags_md5, "
                + "md5(string_agg(encode(bin, 'hex'), ',' ORDER BY id)) AS bin_md5, count(bin) AS bins, "
                + "count(*) FILTER (WHERE lvl = 'LOW') AS low, count(*) FILTER (WHERE lvl = 'MID') AS mid, "
                + "count(*) FILTER (WHERE lvl = 'HIGH') AS high, md5(string_agg(vc, ',' ORDER BY id)) AS vc_md5, "
                + "count(i4_null) AS i4_nulls, sum(i4_null) AS i4_null_sum, sum(i2) AS i2_sum, "
                + "count(DISTINCT created_at) AS created_ats FROM scale_rows");

        assertEquals((long) ROWS, agg.get("n"));
        assertEquals((long) ROWS, agg.get("ids"));
        assertEquals(sum(out, w -> BigInteger.valueOf(w.id())), big(agg.get("id_sum")));
        assertEquals(md5Agg(byId, w -> w.id() + ":" + w.k()), agg.get("id_k"), "each returned id is its row's");
        assertEquals(md5Agg(byId, Wide::t), agg.get("t_md5"));
        assertEquals(md5Agg(byId, Wide::tNull), agg.get("t_null_md5"));
        assertEquals(out.stream().filter(w -> w.tNull() != null).count(), agg.get("t_nulls"));
        assertEquals(sum(out, w -> BigInteger.valueOf(w.i4())), big(agg.get("i4_sum")));
        assertEquals(sum(out, w -> BigInteger.valueOf(w.i8())), big(agg.get("i8_sum")));
        BigDecimal numSum = out.stream().map(Wide::num).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, numSum.compareTo((BigDecimal) agg.get("num_sum")), numSum + " vs " + agg.get("num_sum"));
        assertEquals(out.stream().filter(w -> w.num() != null).count(), agg.get("nums"));
        assertEquals(out.stream().mapToDouble(Wide::f8).sum(), (Double) agg.get("f8_sum"));
        assertEquals(out.stream().filter(w -> Boolean.TRUE.equals(w.b())).count(), agg.get("b_true"));
        assertEquals(out.stream().filter(w -> w.b() != null).count(), agg.get("bs"));
        assertEquals(md5Agg(byId, w -> w.u().toString()), agg.get("u_md5"));
        assertEquals(md5Agg(byId, w -> w.d().toString()), agg.get("d_md5"));
        BigDecimal tsSum = out.stream().map(w -> BigDecimal.valueOf(w.ts().getEpochSecond())
                .add(BigDecimal.valueOf(w.ts().getNano() / 1_000, 6))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, tsSum.compareTo((BigDecimal) agg.get("ts_sum")), tsSum + " vs " + agg.get("ts_sum"));
        assertEquals(sum(out, w -> BigInteger.valueOf(w.k())), big(agg.get("js_i_sum")));
        assertEquals(md5Agg(byId, BulkInsertScaleTest::jsonText), agg.get("js_s_md5"));
        assertEquals(out.stream().filter(w -> w.tags() != null).count(), agg.get("tag_rows"));
        assertEquals(sum(out, w -> BigInteger.valueOf(w.tags() == null ? 0 : w.tags().size())),
                big(agg.get("tag_count")));
        assertEquals(md5Agg(byId, w -> w.tags() == null ? null : w.tags().stream()
                .map(e -> e == null ? "<null>" : e).collect(Collectors.joining("|"))), agg.get("tags_md5"));
        assertEquals(md5Agg(byId, w -> w.bin() == null ? null : HexFormat.of().formatHex(w.bin())), agg.get("bin_md5"));
        assertEquals(out.stream().filter(w -> w.bin() != null).count(), agg.get("bins"));
        assertEquals(out.stream().filter(w -> w.lvl() == Level.LOW).count(), agg.get("low"));
        assertEquals(out.stream().filter(w -> w.lvl() == Level.MID).count(), agg.get("mid"));
        assertEquals(out.stream().filter(w -> w.lvl() == Level.HIGH).count(), agg.get("high"));
        assertEquals(md5Agg(byId, Wide::vc), agg.get("vc_md5"));
        assertEquals(out.stream().filter(w -> w.i4Null() != null).count(), agg.get("i4_nulls"));
        assertEquals(sum(out, w -> BigInteger.valueOf(w.i4Null() == null ? 0 : w.i4Null())),
                big(agg.get("i4_null_sum")));
        assertEquals(sum(out, w -> BigInteger.valueOf(w.i2())), big(agg.get("i2_sum")));
        assertEquals(1L, agg.get("created_ats"), "one statement's now()");

        // a sample re-read by key, column by column; first and last rows included
        SplittableRandom pick = new SplittableRandom(SEED + 1);
        List<Integer> sample = new ArrayList<>(List.of(0, ROWS - 1));
        for (int s = 0; s < 500; s++) {
            sample.add(pick.nextInt(ROWS));
        }
        Long[] ids = sample.stream().map(i -> out.get(i).id()).toArray(Long[]::new);
        Map<List<Object>, Map<String, Object>> stored = new java.util.HashMap<>();
        for (Map<String, Object> row : BulkJdbc.rows(testDb, "SELECT * FROM scale_rows WHERE id = ANY(?)",
                (Object) ids)) {
            stored.put(List.of(row.get("id")), row);
        }
        for (int i : sample) {
            Wide w = out.get(i);
            assertStored(WideTable.W, w, stored.get(List.of(w.id())), "row " + i + " (id " + w.id() + ")");
            assertTrue(Arrays.equals(input.get(i).bin(), w.bin()));
        }
        assertTrue(millis < 60_000, "the insert took " + millis + " ms");
    }

    private static BigInteger sum(List<Wide> rows, Function<Wide, BigInteger> value) {
        return rows.stream().map(value).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** An integer aggregate as PostgreSQL returns it (int8 or numeric) as a BigInteger. */
    private static BigInteger big(Object v) {
        return v instanceof BigDecimal d ? d.toBigIntegerExact() : BigInteger.valueOf(((Number) v).longValue());
    }
}
