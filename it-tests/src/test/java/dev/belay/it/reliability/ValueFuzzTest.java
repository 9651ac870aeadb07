package dev.belay.it.reliability;

import static dev.belay.dsl.Sql.and;
import static dev.belay.dsl.Sql.count;
import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.or;
import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.Sql.update;
import static dev.belay.it.reliability.Judge.show;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Condition;
import dev.belay.dsl.Field;
import dev.belay.dsl.Insert;
import dev.belay.dsl.Select;
import dev.belay.dsl.Update;
import dev.belay.executor.BelayException;
import dev.belay.executor.BindException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.RawSql;
import dev.belay.it.FixtureDatabase;
import dev.belay.it.reliability.Judge.Mismatches;
import dev.belay.it.reliability.ValueTable.Val;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * 10,000 generated rows, each with a fuzzed string and an edge-case value of every other scalar type, bound
 * through the DSL and through raw SQL. A value is only ever data: what PostgreSQL stores, compares and
 * computes must be exactly what Java generated, and a statement must match exactly the rows a Java model
 * predicts (an injected value would change the count). Values PostgreSQL cannot store (NUL, unpaired
 * surrogates) must be refused before anything is sent, never stored altered.
 *
 * <p>Replay a run with {@code -Dbelay.fuzz.seed=N}; every failure message carries the seed.
 */
@FixtureDatabase
final class ValueFuzzTest {
    private static final long SEED = Fuzz.seed(0x5EED_0001L);
    private static final int COUNT = 10_000;
    /** Rows per transaction and per multi-row INSERT: 250 rows of 12 values stay far below 65,535 parameters. */
    private static final int BATCH = 250;
    /** Rows per OR-of-ANDs statement in the predicate checks. */
    private static final int CHUNK = 50;
    private static final ValueTable V = new ValueTable("fuzz_values");
    private static final ValueTable REFUSALS = new ValueTable("refusals");
    private static final String RAW = "fuzz_raw";
    /** Rows the refused updates aim at, one per refusal test so that neither sees the other's effects. */
    private static final long NUL_TARGET = 1;
    private static final long SURROGATE_TARGET = 2;

    /** A bound string as the server sees it, for {@link #rawSqlBindsEveryValueUnchanged}. */
    record Echo(Integer i, String echo, String md5, Integer octets, Integer chars) {}

    private static DBConnection db;
    private static TestDatabase testDb;
    private static List<Val> rows;

    @BeforeAll
    static void setUp(TestDatabase t) {
        t.execute(ValueTable.create(V.name()) + "; " + ValueTable.create(RAW) + "; "
                + ValueTable.create(REFUSALS.name()));
        testDb = t;
        db = t.open();
        rows = ValueTable.generate(new Fuzz(SEED), COUNT);
        insertThroughDsl();
        db.exec(insertInto(REFUSALS).values(List.of(plain(NUL_TARGET, "keeper"), plain(SURROGATE_TARGET, "keeper"))));
    }

    private static String ctx(String what) {
        return "seed " + SEED + " (replay with -Dbelay.fuzz.seed=" + SEED + "): " + what;
    }

    // ---- the DSL writes every test reads --------------------------------------------------------

    /**
     * Batches of 250 rows, each in one transaction: one multi-row INSERT per batch, except every eighth batch,
     * written row by row with {@code set(column, value)}.
     */
    private static void insertThroughDsl() {
        for (int from = 0; from < COUNT; from += BATCH) {
            List<Val> batch = rows.subList(from, Math.min(COUNT, from + BATCH));
            boolean columnByColumn = from / BATCH % 8 == 1;
            int written = db.transaction(tx -> {
                if (!columnByColumn) {
                    return tx.exec(insertInto(V).values(batch));
                }
                int n = 0;
                for (Val v : batch) {
                    n += tx.exec(V.setEveryColumn(v));
                }
                return n;
            });
            assertEquals(batch.size(), written, ctx("rows written by the batch from id " + batch.get(0).id()));
        }
    }

    // ---- what was stored ------------------------------------------------------------------------

    @Test
    void storedValuesAreExactlyTheBoundOnes() throws SQLException {
        try (Connection c = testDb.connect()) {
            assertSameRows(ctx("plain JDBC read of " + V.name()), Judge.readJdbc(c, V.name()));
            Judge.assertServerDigests(c, V.name(), rows, ctx("DSL writes"));
        }
        assertSameRows(ctx("Belay read of " + V.name()), db.exec(select(V).orderBy(V.id.asc())));
    }

    private static void assertSameRows(String context, List<Val> read) {
        Mismatches m = new Mismatches(context);
        m.equal(COUNT, read.size(), "row count");
        for (int i = 0; i < Math.min(COUNT, read.size()); i++) {
            Judge.compare(m, "row", rows.get(i), read.get(i));
        }
        m.assertNone();
    }

    // ---- predicates -----------------------------------------------------------------------------

    @Test
    void eqMatchesExactlyTheRowsHoldingTheValue() {
        Map<Object, Integer> counts = counts(Val::textVal);
        Mismatches m = new Mismatches(ctx("text_val = ? through the DSL"));
        for (Val v : rows) {
            Long n = db.fetchValue(select(count()).from(V).where(V.text.eq(v.textVal())));
            m.equal(counts.get(v.textVal()).longValue(), n, "id " + v.id() + " text_val = " + show(v.textVal()));
        }
        m.assertNone();

        // every column at once: an OR of one AND per row, each AND matching its own row and nothing else
        Mismatches all = new Mismatches(ctx("every column = ? through the DSL"));
        for (int from = 0; from < COUNT; from += CHUNK) {
            List<Val> chunk = rows.subList(from, Math.min(COUNT, from + CHUNK));
            Condition[] each = chunk.stream().map(ValueFuzzTest::sameRow).toArray(Condition[]::new);
            Long n = db.fetchValue(select(count()).from(V).where(or(each)));
            if (n == null || n != chunk.size()) {
                for (Val v : chunk) {
                    all.equal(1L, db.fetchValue(select(count()).from(V).where(sameRow(v))), "row id " + v.id());
                }
            }
        }
        all.assertNone();
    }

    private static Condition sameRow(Val v) {
        return and(V.id.eq(v.id()), V.text.eq(v.textVal()), V.num.eq(v.num()), V.i4.eq(v.i4()), V.i8.eq(v.i8()),
                V.f8.eq(v.f8()), V.flag.eq(v.flag()), V.uid.eq(v.uid()), V.day.eq(v.day()), V.ts.eq(v.ts()),
                V.tstz.eq(v.tstz()), V.bin.eq(v.bin()));
    }

    /** How many rows hold each value, under PostgreSQL's equality for the column's type. */
    private static Map<Object, Integer> counts(Function<Val, Object> key) {
        Map<Object, Integer> counts = new HashMap<>();
        for (Val v : rows) {
            counts.merge(key.apply(v), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void inMatchesExactlyTheRowsHoldingOneOfTheValues() {
        Fuzz fuzz = new Fuzz(SEED + 3);
        Mismatches m = new Mismatches(ctx("in(...) through the DSL"));
        checkIn(m, fuzz, V.text, Val::textVal, s -> s, Fuzz::text, s -> true);
        // numeric and float8 compare by value: 1.50 = 1.5, -0.0 = 0.0, NaN = NaN
        checkIn(m, fuzz, V.num, Val::num, BigDecimal::stripTrailingZeros, Fuzz::numeric, n -> true);
        checkIn(m, fuzz, V.f8, Val::f8, d -> d + 0.0, Fuzz::float8, d -> true);
        checkIn(m, fuzz, V.i4, Val::i4, i -> i, Fuzz::int4, i -> true);
        checkIn(m, fuzz, V.i8, Val::i8, l -> l, Fuzz::int8, l -> true);
        checkIn(m, fuzz, V.uid, Val::uid, u -> u, Fuzz::uuid, u -> true);
        checkIn(m, fuzz, V.day, Val::day, d -> d, Fuzz::date, d -> inYears1To9999(d.getYear()));
        checkIn(m, fuzz, V.ts, Val::ts, t -> t, Fuzz::timestamp, t -> inYears1To9999(t.getYear()));
        checkIn(m, fuzz, V.tstz, Val::tstz, t -> t, Fuzz::instant, t -> inYears1To9999(utcYear(t)));
        m.assertNone();
    }

    private static boolean inYears1To9999(int year) {
        return year >= 1 && year <= 9999;
    }

    private static int utcYear(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC).getYear();
    }

    /**
     * {@code in(...)} on dates and timestamps BC or after 9999. Fails today: Binders hands the java.time
     * elements to pgjdbc's createArrayOf, which writes them with toString() ({@code 0000-02-28},
     * {@code -0001-12-31}, {@code +10000-01-01}); PostgreSQL's array input takes none of these (it wants
     * {@code 0001-02-28 BC} and {@code 10000-01-01}) and the statement fails with SQLSTATE 22008 or 22007.
     */
    @Test
    void inOnDatesAndTimestampsBcOrAfter9999MatchesExactlyTheRowsHoldingOneOfTheValues() {
        Fuzz fuzz = new Fuzz(SEED + 8);
        Mismatches m = new Mismatches(ctx("in(...) on dates and timestamps outside years 1 to 9999"));
        for (Runnable check : List.<Runnable>of(
                () -> checkIn(m, fuzz, V.day, Val::day, d -> d, Fuzz::date, d -> !inYears1To9999(d.getYear())),
                () -> checkIn(m, fuzz, V.ts, Val::ts, t -> t, Fuzz::timestamp, t -> !inYears1To9999(t.getYear())),
                () -> checkIn(m, fuzz, V.tstz, Val::tstz, t -> t, Fuzz::instant, t -> !inYears1To9999(utcYear(t))))) {
            try {
                check.run();
            } catch (BelayException e) {
                m.check(false, e.toString());
            }
        }
        m.assertNone();
    }

    /**
     * The same for bytea. Fails today: Binders hands the byte[] elements to pgjdbc's createArrayOf as an
     * Object[], which pgjdbc refuses with an UnsupportedOperationException ("byte[] nested inside Object[]")
     * that reaches the caller untranslated, so {@code in(...)} and {@code notIn(...)} on a bytea column
     * cannot run at all.
     */
    @Test
    void inOnByteaMatchesExactlyTheRowsHoldingOneOfTheValues() {
        Mismatches m = new Mismatches(ctx("in(...) on bytea through the DSL"));
        checkIn(m, new Fuzz(SEED + 5), V.bin, Val::bin, b -> HexFormat.of().formatHex(b), Fuzz::bytes, b -> true);
        m.assertNone();
    }

    /**
     * {@code column IN (...)} and {@code NOT IN} for the column's values that pass {@code use}, 500 rows' and
     * 10 fresh ones per statement, against the count the same values have in Java.
     */
    private static <T> void checkIn(Mismatches m, Fuzz fuzz, Field<T> column, Function<Val, T> get,
                                    Function<T, Object> key, Function<Fuzz, T> fresh, Predicate<T> use) {
        Map<Object, Integer> counts = counts(v -> key.apply(get.apply(v)));
        for (int from = 0; from < COUNT; from += 2 * BATCH) {
            List<T> values = new ArrayList<>();
            for (Val v : rows.subList(from, Math.min(COUNT, from + 2 * BATCH))) {
                values.add(get.apply(v));
            }
            for (int i = 0; i < 10; i++) {
                values.add(fresh.apply(fuzz));
            }
            values.removeIf(use.negate());
            long expected = 0;
            for (Object k : new LinkedHashSet<>(values.stream().map(key).toList())) {
                expected += counts.getOrDefault(k, 0);
            }
            Long in = db.fetchValue(select(count()).from(V).where(column.in(values)));
            m.equal(expected, in, column + " in " + values.size() + " values from id " + (from + 1));
            Long notIn = db.fetchValue(select(count()).from(V).where(column.notIn(values)));
            m.equal(COUNT - expected, notIn, column + " not in " + values.size() + " values from id " + (from + 1));
        }
    }

    /** The LIKE family, each kind in statements of 50 rows: {@code id = ? AND text_val LIKE ?} per row. */
    @Test
    void likeFamilyMatchesExactlyWhatTheJavaModelPredicts() {
        Fuzz fuzz = new Fuzz(SEED + 4);
        Mismatches m = new Mismatches(ctx("LIKE family through the DSL"));
        for (int from = 0; from < COUNT; from += CHUNK) {
            List<Val> chunk = rows.subList(from, Math.min(COUNT, from + CHUNK));
            for (String kind : List.of("startsWith", "endsWith", "contains", "like")) {
                List<Condition> each = new ArrayList<>();
                List<Boolean> expected = new ArrayList<>();
                for (Val v : chunk) {
                    String p = kind.equals("like") ? likePattern(fuzz, patternSource(fuzz, v)) : patternSource(fuzz, v);
                    each.add(and(V.id.eq(v.id()), textMatch(kind, p)));
                    expected.add(switch (kind) {
                        case "startsWith" -> v.textVal().startsWith(p);
                        case "endsWith" -> v.textVal().endsWith(p);
                        case "contains" -> v.textVal().contains(p);
                        default -> LikeModel.matches(v.textVal(), p);
                    });
                }
                long want = expected.stream().filter(b -> b).count();
                Long n = db.fetchValue(select(count()).from(V).where(or(each.toArray(Condition[]::new))));
                if (n == null || n != want) {
                    for (int i = 0; i < each.size(); i++) {
                        long one = db.fetchValue(select(count()).from(V).where(each.get(i)));
                        m.equal(expected.get(i) ? 1L : 0L, one, kind + " " + each.get(i));
                    }
                }
            }
        }
        m.assertNone();
        // a pattern is sent as it is: a lone trailing backslash reaches the server, which refuses it (22025)
        // as soon as matching gets to it; the row is found by its key, so the outcome does not depend on the plan
        Val nonEmpty = rows.stream().filter(v -> !v.textVal().isEmpty()).findFirst().orElseThrow();
        BelayException e = assertThrows(BelayException.class, () -> db.fetchValue(select(count()).from(V)
                .where(V.id.eq(nonEmpty.id()).and(V.text.like("\\")))), ctx("LIKE '\\'"));
        assertEquals("22025", e.sqlState(), ctx("SQLSTATE of LIKE '\\': " + e));
    }

    /** Half the time a part of the row's own text, else a part of another row's, or a fresh string. */
    private static String patternSource(Fuzz fuzz, Val own) {
        int k = fuzz.nextInt(10);
        if (k < 5) {
            return fuzz.slice(own.textVal());
        }
        return k < 8 ? fuzz.slice(rows.get(fuzz.nextInt(COUNT)).textVal()) : fuzz.text();
    }

    /**
     * {@code s} with some characters replaced by {@code _} and some {@code %} inserted. A lone backslash at the
     * end is doubled: PostgreSQL refuses it only if matching reaches it, which depends on the plan.
     */
    private static String likePattern(Fuzz fuzz, String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (fuzz.chance(0.05)) {
                out.append('%');
            }
            if (fuzz.chance(0.1)) {
                out.append('_');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return LikeModel.valid(out.toString()) ? out.toString() : out + "\\";
    }

    private static Condition textMatch(String kind, String p) {
        return switch (kind) {
            case "startsWith" -> V.text.startsWith(p);
            case "endsWith" -> V.text.endsWith(p);
            case "contains" -> V.text.contains(p);
            default -> V.text.like(p);
        };
    }

    // ---- raw SQL --------------------------------------------------------------------------------

    /**
     * Raw SQL with {@code :name} and with {@code ?} placeholders, 50 rows per statement so that 10,000 rows
     * take 400 statements; every value is still its own parameter.
     */
    @Test
    void rawSqlBindsEveryValueUnchanged() throws SQLException {
        Mismatches m = new Mismatches(ctx("raw SQL"));
        for (int from = 0; from < COUNT; from += CHUNK) {
            List<Val> chunk = rows.subList(from, Math.min(COUNT, from + CHUNK));
            boolean named = from / CHUNK % 2 == 0;
            List<Echo> echoes = echo(chunk, named);
            m.equal(chunk.size(), echoes.size(), "rows echoed for the chunk from id " + chunk.get(0).id());
            for (int i = 0; i < Math.min(chunk.size(), echoes.size()); i++) {
                String s = chunk.get(i).textVal();
                Echo e = echoes.get(i);
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                String at = "id " + chunk.get(i).id() + (named ? " :v" : " ?") + " " + show(s);
                m.equal(i, e.i(), at + " order");
                m.equal(s, e.echo(), at + " echo");
                m.equal(Judge.md5(utf8), e.md5(), at + " md5");
                m.equal(utf8.length, e.octets(), at + " octet_length");
                m.equal(s.codePointCount(0, s.length()), e.chars(), at + " char_length");
            }
        }
        m.assertNone();

        for (int from = 0; from < COUNT; from += BATCH) {
            List<Val> batch = rows.subList(from, Math.min(COUNT, from + BATCH));
            int written = db.transaction(tx -> {
                int n = 0;
                for (int at = 0; at < batch.size(); at += CHUNK) {
                    List<Val> chunk = batch.subList(at, Math.min(batch.size(), at + CHUNK));
                    n += ValueTable.insertRaw(tx, RAW, chunk, chunk.get(0).id() % 2 == 0).execute();
                }
                return n;
            });
            assertEquals(batch.size(), written, ctx("rows written by the raw batch from id " + batch.get(0).id()));
        }
        try (Connection c = testDb.connect()) {
            assertSameRows(ctx("plain JDBC read of " + RAW), Judge.readJdbc(c, RAW));
            Judge.assertServerDigests(c, RAW, rows, ctx("raw SQL writes"));
        }
        assertSameRows(ctx("Belay raw read of " + RAW), db.sql("SELECT * FROM " + RAW + " ORDER BY id").fetch(Val.class));

        Map<Object, Integer> counts = counts(Val::textVal);
        Mismatches eq = new Mismatches(ctx("raw text_val = :v"));
        for (int i = 0; i < COUNT; i += 20) {
            String s = rows.get(i).textVal();
            long n = db.sql("SELECT count(*) FROM " + RAW + " WHERE text_val = :v").bind("v", s).one(Long.class);
            eq.equal(counts.get(s).longValue(), n, "id " + rows.get(i).id() + " " + show(s));
        }
        eq.assertNone();
    }

    /** Each string bound once, the server computing its digests: {@code FROM (VALUES (0, :v0::text), ...)}. */
    private static List<Echo> echo(List<Val> chunk, boolean named) {
        StringBuilder sql = new StringBuilder("SELECT i, v AS echo, md5(convert_to(v, 'UTF8')) AS md5, "
                + "octet_length(v) AS octets, char_length(v) AS chars FROM (VALUES ");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "(" : ", (").append(i).append(", ").append(named ? ":v" + i : "?").append("::text)");
        }
        RawSql q = db.sql(sql.append(") AS x(i, v) ORDER BY i").toString());
        for (int i = 0; i < chunk.size(); i++) {
            q = named ? q.bind("v" + i, chunk.get(i).textVal()) : q.bind(i + 1, chunk.get(i).textVal());
        }
        return q.fetch(Echo.class);
    }

    // ---- refusals -------------------------------------------------------------------------------

    /** A valid row around {@code text}, for the refusal tests. */
    private static Val plain(long id, String text) {
        Val v = rows.get(0);
        return new Val(id, text, BigDecimal.ONE, 1, 1L, 1.0, true, v.uid(), v.day(), v.ts(), v.tstz(), new byte[] {1});
    }

    private static long refusalRows() {
        return db.fetchValue(select(count()).from(REFUSALS));
    }

    /** What is stored under {@code id}, as a message: nothing, or the text that was written instead. */
    private static String storedUnder(long id) {
        try (Connection c = testDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT text_val FROM refusals WHERE id = " + id)) {
            return rs.next() ? show(rs.getString(1)) : "nothing";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNames(Exception e, String name, String context) {
        String column = e instanceof BelayException b ? b.column() : null;
        assertTrue(e.getMessage() != null && e.getMessage().contains(name) || column != null && column.contains(name),
                context + ": the error should name " + name + ", got: " + e);
    }

    /**
     * NUL (U+0000) cannot be stored in text. The DSL refuses it while the query is built, naming the column
     * (so nothing can be sent); raw SQL refuses it when bound, naming the placeholder. Nothing is written.
     */
    @Test
    void nulIsRefusedBeforeSendingAndNothingIsWritten() {
        Fuzz fuzz = new Fuzz(SEED + 6);
        List<String> samples = new ArrayList<>(List.of("\0", "a\0b", "\0\0", "end\0", "\0'; DROP TABLE refusals; --"));
        for (int i = 0; i < 30; i++) {
            samples.add(fuzz.insertAtBoundary(fuzz.text(), "\0"));
        }
        long before = refusalRows();
        long id = 1_000;
        for (String s : samples) {
            long rowId = ++id;
            String c = ctx("value " + show(s));
            Val row = plain(rowId, s);
            assertNames(assertThrows(IllegalArgumentException.class, () -> insertInto(REFUSALS).values(row), c),
                    "text_val", c);
            assertNames(assertThrows(IllegalArgumentException.class,
                    () -> insertInto(REFUSALS).set(REFUSALS.id, rowId).set(REFUSALS.text, s), c), "text_val", c);
            assertNames(assertThrows(IllegalArgumentException.class,
                    () -> update(REFUSALS).set(REFUSALS.text, s).where(REFUSALS.id.eq(NUL_TARGET)), c),
                    "text_val", c);
            assertNames(assertThrows(IllegalArgumentException.class, () -> REFUSALS.text.eq(s), c), "text_val", c);
            assertNames(assertThrows(IllegalArgumentException.class, () -> REFUSALS.text.in(List.of("ok", s)), c),
                    "text_val", c);
            assertNames(assertThrows(IllegalArgumentException.class, () -> REFUSALS.text.contains(s), c), "text_val", c);
            assertNames(assertThrows(BindException.class,
                    () -> ValueTable.insertRaw(db, REFUSALS.name(), List.of(row), true).execute(), c), ":txt0", c);
            assertNames(assertThrows(BindException.class,
                    () -> ValueTable.insertRaw(db, REFUSALS.name(), List.of(row), false).execute(), c), "?2", c);
            assertNames(assertThrows(BindException.class, () -> db.sql("SELECT :v::text").bind("v", s).one(String.class),
                    c), ":v", c);
            assertEquals("nothing", storedUnder(rowId), c);
        }
        assertEquals(before, refusalRows(), ctx("rows after the NUL refusals"));
        assertEquals("\"keeper\"", storedUnder(NUL_TARGET), ctx("the row the refused updates aimed at"));
        assertEquals(0, db.poolStats().active());
    }

    /**
     * An unpaired UTF-16 surrogate has no UTF-8 encoding; Java's encoder, and so the driver, would send
     * {@code ?} in its place, silently storing (or comparing with) a different string. It must be refused:
     * through the DSL when the statement is executed, with a BindException naming the column; through raw
     * SQL with a BindException naming the placeholder. Nothing may be written. Each case is checked
     * separately, so a failure lists every path that still lets one through.
     */
    @Test
    void unpairedSurrogatesAreRefusedNotStoredAsQuestionMarks() {
        Fuzz fuzz = new Fuzz(SEED + 7);
        List<String> samples = new ArrayList<>(List.of("a\uD800b", "\uDC00", "\uD83D", "x\uDE00\uD83Dy", "\uD800\uD800",
                "😀\uDFFF😀"));
        for (int i = 0; i < 10; i++) {
            samples.add(fuzz.insertAtBoundary(fuzz.text(), String.valueOf((char) (0xD800 + fuzz.nextInt(0x800)))));
        }
        long before = refusalRows();
        List<Executable> checks = new ArrayList<>();
        long id = 2_000;
        for (String s : samples) {
            String c = ctx("value " + show(s));
            long viaValues = ++id;
            long viaSet = ++id;
            long viaNamed = ++id;
            long viaPositional = ++id;
            Val row = plain(viaValues, s);
            checks.add(() -> refusedAtExecution(c + ", insertInto(...).values(row)", viaValues,
                    () -> db.exec(insertInto(REFUSALS).values(row))));
            checks.add(() -> refusedAtExecution(c + ", insertInto(...).set(...)", viaSet, () -> {
                Insert<Val> q = REFUSALS.setEveryColumn(plain(viaSet, s));
                db.exec(q);
            }));
            checks.add(() -> refusedAtExecution(c + ", update(...).set(...)", SURROGATE_TARGET, () -> {
                Update<Val> q = update(REFUSALS).set(REFUSALS.text, s).where(REFUSALS.id.eq(SURROGATE_TARGET));
                db.exec(q);
            }));
            checks.add(() -> {
                // today the server compares with the '?'-substituted string, and may match another row
                Select<Long> q = select(count()).from(REFUSALS).where(REFUSALS.text.eq(s));
                assertThrows(BindException.class, () -> db.fetchValue(q), c + ", where text_val = value");
            });
            checks.add(() -> refusedRaw(c + ", raw :txt0", viaNamed, ":txt0",
                    () -> ValueTable.insertRaw(db, REFUSALS.name(), List.of(plain(viaNamed, s)), true).execute()));
            checks.add(() -> refusedRaw(c + ", raw ?2", viaPositional, "?2",
                    () -> ValueTable.insertRaw(db, REFUSALS.name(), List.of(plain(viaPositional, s)), false).execute()));
            checks.add(() -> {
                BindException e = assertThrows(BindException.class,
                        () -> db.sql("SELECT :v::text").bind("v", s).one(String.class), c + ", raw SELECT :v::text");
                assertNames(e, ":v", c);
            });
        }
        checks.add(() -> assertEquals(before, refusalRows(), ctx("rows after the surrogate refusals")));
        checks.add(() -> assertEquals(0, db.poolStats().active()));
        assertAll("unpaired surrogates, " + ctx(""), checks);
    }

    /** Through the DSL: the statement builds, running it throws a BindException naming the column; nothing changes. */
    private static void refusedAtExecution(String context, long id, Executable run) {
        String was = storedUnder(id);
        BindException e = assertThrows(BindException.class, run,
                () -> context + ": not refused; now stored under id " + id + ": " + storedUnder(id));
        assertNames(e, "text_val", context);
        assertEquals(was, storedUnder(id), context + ": the row changed");
    }

    /** Through raw SQL: a BindException naming the placeholder; nothing is written. */
    private static void refusedRaw(String context, long id, String placeholder, Executable run) {
        BindException e = assertThrows(BindException.class, run,
                () -> context + ": not refused; now stored under id " + id + ": " + storedUnder(id));
        assertNames(e, placeholder, context);
        assertEquals("nothing", storedUnder(id), context);
    }
}
