package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.executor.IntervalTable.EDGES;
import static dev.belay.it.executor.IntervalTable.EXACT;
import static dev.belay.it.executor.IntervalTable.ID;
import static dev.belay.it.executor.IntervalTable.IV;
import static dev.belay.it.executor.IntervalTable.IVS;
import static dev.belay.it.executor.IntervalTable.SPANS;
import static dev.belay.it.executor.IntervalTable.STYLES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import dev.belay.executor.DBConnection;
import dev.belay.executor.MappingException;
import dev.belay.executor.TransactionBody;
import dev.belay.it.FixtureDatabase;
import dev.belay.it.executor.IntervalTable.Span;
import dev.belay.test.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PgInterval through the executor: bound and read in every IntervalStyle of the session, in a column, in arrays,
 * through single inserts, bulk inserts (one array per column through unnest) and COPY; values PostgreSQL computes;
 * and the Duration mapping beside it, which still refuses months.
 */
@FixtureDatabase
final class IntervalExecutionTest {
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute(IntervalTable.DDL);
        testDb = t;
        db = t.open();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE spans");
    }

    /** Runs {@code body} in a transaction whose IntervalStyle is {@code style}, checked to be in force. */
    private static <T> T inStyle(String style, TransactionBody<T> body) {
        return db.transaction(tx -> {
            tx.sql("SET LOCAL intervalstyle = " + style).execute();
            assertEquals(style, tx.sql("SHOW intervalstyle").one(String.class));
            return body.run(tx);
        });
    }

    /** One row per value, from id {@code first}: the value, an array holding it between a NULL and zero. */
    private static List<Span> spans(long first, List<PgInterval> values) {
        List<Span> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            PgInterval v = values.get(i);
            rows.add(new Span(first + i, v, Arrays.asList(v, null, PgInterval.ZERO), null));
        }
        return rows;
    }

    private static List<Span> all(DBConnection tx) {
        return tx.exec(select(Span.class).orderBy(ID.asc()));
    }

    @Test
    void singleInsertsBindAndReadInEveryStyle() {
        long id = 0;
        for (String style : STYLES) {
            List<Span> rows = spans(id, EDGES);
            id += rows.size();
            inStyle(style, tx -> {
                for (Span row : rows) {
                    assertEquals(1, tx.exec(insertInto(SPANS).values(row)));
                }
                List<Span> read = tx.exec(select(Span.class).where(ID.ge(rows.get(0).id()))
                        .orderBy(ID.asc()));
                assertEquals(rows, read, style);
                return null;
            });
        }
    }

    @Test
    void bulkInsertAndCopyStoreWhatASingleInsertStores() {
        List<Span> bulk = spans(0, EDGES);
        List<Span> copied = spans(1_000, EDGES);
        db.insert(SPANS, bulk);
        assertEquals(copied.size(), db.copy(SPANS, copied));
        List<Span> expected = new ArrayList<>(bulk);
        expected.addAll(copied);
        for (String style : STYLES) {
            assertEquals(expected, inStyle(style, IntervalExecutionTest::all), style);
        }
        // and what the server stored is the value itself, not only something Belay reads back the same
        assertEquals(EDGES.size() * 2L, testDb.count("SELECT count(*) FROM spans s WHERE s.iv::text = s.ivs[1]::text"
                + " AND s.ivs[2] IS NULL AND s.ivs[3] = interval '0'"));
        assertEquals(2L, testDb.count("SELECT count(*) FROM spans WHERE iv::text = '178000000 years'"));
    }

    @Test
    void arraysBindAsParametersInEveryStyle() {
        for (String style : STYLES) {
            List<PgInterval> read = inStyle(style, tx -> tx.one(select(value(EDGES, PgType.arrayOf(PgType.INTERVAL_FULL)))));
            assertEquals(EDGES, read, style);
        }
    }

    /** PostgreSQL's iso_8601 text of a value bound in {@code style}, and the value read back in that style. */
    record Echo(PgInterval value, String text) {}

    @Test
    void rawSqlBindsThroughTheIsoTextWhateverTheStyle() {
        for (String style : STYLES) {
            for (PgInterval v : EDGES) {
                Echo echo = inStyle(style, tx -> {
                    String text = tx.sql("SELECT :v::text").bind("v", v).one(String.class);
                    tx.sql("SET LOCAL intervalstyle = iso_8601").execute();
                    String iso = tx.sql("SELECT :v::text").bind("v", v).one(String.class);
                    assertEquals(v, PgInterval.parse(text), style + " printed " + text);
                    return new Echo(tx.sql("SELECT :v").bind("v", v).one(PgInterval.class), iso);
                });
                assertEquals(v, echo.value(), style);
                assertEquals(v.toString(), echo.text(), "bound in " + style);
            }
        }
        // the case pgjdbc's PGInterval gets wrong under sql_standard: a negative year and positive months
        assertEquals("-0-10", inStyle("sql_standard",
                tx -> tx.sql("SELECT :v::text").bind("v", PgInterval.ofMonths(-10)).one(String.class)));
    }

    /** A value PostgreSQL computed, as read and as PostgreSQL prints it. */
    record Computed(PgInterval value, String text) {}

    @Test
    void readsValuesPostgresComputes() {
        for (String style : STYLES) {
            Computed sinceY2k = inStyle(style, tx -> tx.sql("SELECT v AS value, v::text AS text FROM "
                    + "(SELECT now() - timestamp '2000-01-01' AS v) s").one(Computed.class));
            assertEquals(PgInterval.parse(sinceY2k.text()), sinceY2k.value(), style);
            assertTrue(sinceY2k.value().months() == 0 && sinceY2k.value().days() > 8_000, sinceY2k.toString());
            if (style.equals("iso_8601")) {
                assertEquals(sinceY2k.text(), sinceY2k.value().toString());
            }
            assertEquals(PgInterval.parse("P2Y1M11DT6H"), inStyle(style, tx -> tx.sql(
                    "SELECT justify_interval(interval '1 year 400 days 30 hours')").one(PgInterval.class)));
            assertEquals(PgInterval.of(13, 3, 0), inStyle(style, tx -> tx.sql(
                    "SELECT age(timestamp '2024-03-31', timestamp '2023-02-28')").one(PgInterval.class)));
            assertEquals(PgInterval.of(-13, -3, -12 * 3_600_000_000L), inStyle(style, tx -> tx.sql(
                    "SELECT age(timestamp '2023-02-28', timestamp '2024-03-31 12:00')").one(PgInterval.class)));
            assertEquals(PgInterval.of(0, 9, 24 * 3_600_000_000L - 1), inStyle(style, tx -> tx.sql(
                    "SELECT justify_interval(interval '-1 mon 40 days -1 us')").one(PgInterval.class)));
        }
    }

    @Test
    void extremesAndMicrosecondsReadFromLiterals() {
        db.sql("INSERT INTO spans (id, iv) VALUES (1, '178000000 years'), (2, '-178000000 years'), "
                + "(3, '00:00:00.000001'), (4, '-1 mon +1 day -00:00:00.000001'), "
                + "(5, 'PT-2562047788H-54.775808S'), (6, 'P178956970Y7M2147483647DT2562047788H54.775807S')").execute();
        List<PgInterval> expected = List.of(PgInterval.ofYears(178_000_000), PgInterval.ofYears(-178_000_000),
                PgInterval.ofMicros(1), PgInterval.of(-1, 1, -1), PgInterval.ofMicros(Long.MIN_VALUE),
                PgInterval.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE));
        for (String style : STYLES) {
            assertEquals(expected, inStyle(style, tx -> tx.exec(select(IV).from(SPANS).orderBy(ID.asc()))), style);
        }
    }

    @Test
    void durationColumnsStillRefuseMonthsAndReadInEveryStyle() {
        List<Duration> durations = List.of(Duration.ofHours(-26), Duration.ofHours(26).plusNanos(1_000),
                Duration.ofSeconds(-1, 500_000_000));
        for (int i = 0; i < durations.size(); i++) {
            db.exec(insertInto(SPANS).set(ID, (long) i).set(EXACT, durations.get(i)));
        }
        for (String style : STYLES) {
            assertEquals(durations, inStyle(style, tx -> tx.exec(select(EXACT).from(SPANS).orderBy(ID.asc()))), style);
        }
        db.sql("INSERT INTO spans (id, exact) VALUES (9, '1 mon 2 days')").execute();
        MappingException e = assertThrows(MappingException.class,
                () -> db.exec(select(EXACT).from(SPANS).where(ID.eq(9L))));
        assertTrue(e.getMessage().contains("exact") && e.getMessage().contains("PgInterval"), e.getMessage());
        assertTrue(e.column() != null && e.column().contains("exact"), e.column());
        assertThrows(MappingException.class, () -> db.exec(select(Span.class).where(ID.eq(9L))));
        assertEquals(PgInterval.of(1, 2, 0), db.sql("SELECT exact FROM spans WHERE id = 9").one(PgInterval.class));
        assertEquals(List.of(PgInterval.of(1, 2, 0)), List.of(db.sql("SELECT ARRAY[exact] FROM spans WHERE id = 9")
                .one(PgInterval[].class)));
        MappingException inArray = assertThrows(MappingException.class,
                () -> db.sql("SELECT ARRAY[exact] FROM spans WHERE id = 9").one(Duration[].class));
        assertTrue(inArray.getMessage().contains("PgInterval"), inArray.getMessage());
    }

    @Test
    void sqlEqualityIsPostgresLengthJavaEqualityIsStructural() {
        db.insert(SPANS, spans(0, List.of(PgInterval.ofMonths(1), PgInterval.ofDays(30), PgInterval.ofHours(720),
                PgInterval.ofDays(31))));
        assertEquals(3, db.exec(select(ID).from(SPANS).where(IV.eq(PgInterval.ofMonths(1)))).size());
        assertEquals(List.of(PgInterval.ofMonths(1)), db.exec(select(IV).from(SPANS).where(ID.eq(0L))));
        assertEquals(3, db.exec(select(ID).from(SPANS).where(IVS.contains(List.of(PgInterval.ofDays(30))))).size());
    }

    @Test
    void nullsStayNull() {
        db.insert(SPANS, List.of(new Span(1L, null, null, null)));
        db.copy(SPANS, List.of(new Span(2L, null, Arrays.asList((PgInterval) null), null)));
        List<Span> read = all(db);
        assertNull(read.get(0).iv());
        assertNull(read.get(0).ivs());
        assertEquals(Arrays.asList((PgInterval) null), read.get(1).ivs());
    }
}
