package dev.belay.it.bulk;

import static dev.belay.dsl.Sql.onConflict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.BindException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.Upserted;
import dev.belay.executor.Upserted.Outcome;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upserts on a conflict target the column stores otherwise than it was sent: rounded ({@code numeric(10,2)},
 * {@code timestamp(0)}), narrowed (a {@code float8} into {@code real}), padded ({@code char(5)}) or compared without
 * case ({@code citext}). Each written row must still find its input row: an inserted or updated row reported as
 * skipped would tell the caller that nothing happened to a row that was written.
 */
@BelayTest
final class BulkUpsertStoredTargetTest {
    record Price(BigDecimal code, String label) {}

    static final class Prices extends Table<Price> {
        static final Prices P = new Prices();
        final Column<Price, BigDecimal> code = column("code", PgType.NUMERIC).primaryKey();
        final Column<Price, String> label = column("label", PgType.TEXT);

        private Prices() {
            super("stored_prices", Price.class);
        }
    }

    record Stamp(Long id, LocalDateTime at, String note) {}

    static final class Stamps extends Table<Stamp> {
        static final Stamps S = new Stamps();
        final Column<Stamp, Long> id = column("id", PgType.INT8).primaryKey().generated();
        final Column<Stamp, LocalDateTime> at = column("at", PgType.TIMESTAMP);
        final Column<Stamp, String> note = column("note", PgType.TEXT);

        private Stamps() {
            super("stored_stamps", Stamp.class);
        }
    }

    record Tag(Long id, String name, Integer uses) {}

    static final class Tags extends Table<Tag> {
        static final Tags T = new Tags();
        final Column<Tag, Long> id = column("id", PgType.INT8).primaryKey().generated();
        final Column<Tag, String> name = column("name", PgType.TEXT);
        final Column<Tag, Integer> uses = column("uses", PgType.INT4);

        private Tags() {
            super("stored_tags", Tag.class);
        }
    }

    record Reading(Long id, Double v, String note) {}

    static final class Readings extends Table<Reading> {
        static final Readings R = new Readings();
        final Column<Reading, Long> id = column("id", PgType.INT8).primaryKey().generated();
        final Column<Reading, Double> v = column("v", PgType.FLOAT8);
        final Column<Reading, String> note = column("note", PgType.TEXT);

        private Readings() {
            super("stored_readings", Reading.class);
        }
    }

    record Code(String c, String label) {}

    static final class Codes extends Table<Code> {
        static final Codes C = new Codes();
        final Column<Code, String> c = column("c", PgType.TEXT).primaryKey();
        final Column<Code, String> label = column("label", PgType.TEXT);

        private Codes() {
            super("stored_codes", Code.class);
        }
    }

    private static TestDatabase t;

    @BeforeAll
    static void create(TestDatabase db) {
        t = db;
        t.execute("CREATE EXTENSION IF NOT EXISTS citext;"
                + "CREATE TABLE stored_prices (code numeric(10,2) PRIMARY KEY, label text NOT NULL);"
                + "CREATE TABLE stored_stamps (id bigserial PRIMARY KEY, at timestamp(0) NOT NULL UNIQUE, note text NOT NULL);"
                + "CREATE TABLE stored_tags (id bigserial PRIMARY KEY, name citext NOT NULL UNIQUE, uses int4 NOT NULL);"
                + "CREATE TABLE stored_readings (id bigserial PRIMARY KEY, v real NOT NULL UNIQUE, note text NOT NULL);"
                + "CREATE TABLE stored_codes (c char(5) PRIMARY KEY, label text NOT NULL)");
    }

    private static <T> void assertOutcomes(List<Upserted<T>> result, Outcome... expected) {
        assertEquals(List.of(expected), result.stream().map(Upserted::outcome).toList(), result.toString());
    }

    @Test
    void aNumericTargetRoundedToTheColumnsScale(DBConnection db) {
        Prices p = Prices.P;
        List<Upserted<Price>> first = db.upsert(List.of(new Price(new BigDecimal("7.001"), "a"),
                new Price(new BigDecimal("8"), "b")), onConflict(p.code).doUpdateAllExcept());
        assertOutcomes(first, Outcome.INSERTED, Outcome.INSERTED);
        assertEquals(new Price(new BigDecimal("7.00"), "a"), first.get(0).row()); // as stored
        List<Upserted<Price>> second = db.upsert(List.of(new Price(new BigDecimal("9.5"), "c"),
                new Price(new BigDecimal("7.004"), "d")), onConflict(p.code).doUpdateAllExcept());
        assertOutcomes(second, Outcome.INSERTED, Outcome.UPDATED);
        assertEquals(List.of("7.00 d", "8.00 b", "9.50 c"),
                db.sql("SELECT code || ' ' || label FROM stored_prices ORDER BY code").fetch(String.class));
    }

    @Test
    void twoRowsTheColumnStoresAlikeAreNamedAndNothingIsWritten(DBConnection db) {
        Prices p = Prices.P;
        List<Price> rows = List.of(new Price(new BigDecimal("20"), "a"), new Price(new BigDecimal("21.001"), "b"),
                new Price(new BigDecimal("22"), "c"), new Price(new BigDecimal("21.004"), "d"));
        BindException e = assertThrows(BindException.class, () -> db.upsert(rows, onConflict(p.code).doUpdateAllExcept()));
        assertTrue(e.getMessage().startsWith("upsert into " + p + ": input rows 1 and 3 have conflict targets [code] "
                + "that differ as sent but are equal as the table stores them"), e.getMessage());
        assertEquals(3, e.row());
        assertEquals("21000", e.sqlState());
        assertEquals(0, db.sql("SELECT count(*) FROM stored_prices WHERE code >= 20").one(Long.class));
        // inside a transaction the call is rolled back to its savepoint, and the rest of the transaction commits
        db.useTransaction(tx -> {
            tx.upsert(List.of(new Price(new BigDecimal("30"), "kept")), onConflict(p.code).doUpdateAllExcept());
            assertThrows(BindException.class, () -> tx.upsert(rows, onConflict(p.code).doUpdateAllExcept()));
        });
        assertEquals(List.of("kept"), db.sql("SELECT label FROM stored_prices WHERE code >= 20").fetch(String.class));
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void aTimestampTargetRoundedToWholeSecondsKeepsItsDrawnKey(DBConnection db) {
        Stamps s = Stamps.S;
        LocalDateTime noon = LocalDateTime.of(2026, 1, 1, 12, 0);
        List<Upserted<Stamp>> first = db.upsert(List.of(new Stamp(null, noon.plusNanos(600_000_000), "a")),
                onConflict(s.at).doUpdateSet(s.note));
        assertOutcomes(first, Outcome.INSERTED);
        Stamp stored = first.get(0).row();
        assertEquals(noon.plusSeconds(1), stored.at());
        List<Upserted<Stamp>> second = db.upsert(List.of(new Stamp(null, noon.plusNanos(700_000_000), "b"),
                new Stamp(null, noon.plusSeconds(5), "c")), onConflict(s.at).doUpdateSet(s.note));
        assertOutcomes(second, Outcome.UPDATED, Outcome.INSERTED);
        assertEquals(stored.id(), second.get(0).row().id());
        assertEquals("b", second.get(0).row().note());
    }

    @Test
    void aCitextTargetMatchesWithoutCase(DBConnection db) {
        Tags tags = Tags.T;
        List<Upserted<Tag>> first = db.upsert(List.of(new Tag(null, "Java", 1)), onConflict(tags.name).doUpdateSet(tags.uses));
        assertOutcomes(first, Outcome.INSERTED);
        List<Upserted<Tag>> second = db.upsert(List.of(new Tag(null, "JAVA", 2), new Tag(null, "sql", 1)),
                onConflict(tags.name).doUpdateSet(tags.uses));
        assertOutcomes(second, Outcome.UPDATED, Outcome.INSERTED);
        assertEquals(first.get(0).row().id(), second.get(0).row().id());
        assertEquals(new Tag(first.get(0).row().id(), "Java", 2), second.get(0).row()); // the stored name kept its case
    }

    @Test
    void aDoubleTargetNarrowedToReal(DBConnection db) {
        Readings r = Readings.R;
        List<Upserted<Reading>> first = db.upsert(List.of(new Reading(null, 0.1, "a")), onConflict(r.v).doUpdateSet(r.note));
        assertOutcomes(first, Outcome.INSERTED);
        List<Upserted<Reading>> second = db.upsert(List.of(new Reading(null, 0.1, "b")), onConflict(r.v).doUpdateSet(r.note));
        assertOutcomes(second, Outcome.UPDATED);
        assertEquals(first.get(0).row().id(), second.get(0).row().id());
    }

    @Test
    void aPaddedCharTarget(DBConnection db) {
        Codes c = Codes.C;
        assertOutcomes(db.upsert(List.of(new Code("ab", "x")), onConflict(c.c).doUpdateAllExcept()), Outcome.INSERTED);
        assertOutcomes(db.upsert(List.of(new Code("ab", "y"), new Code("cd", "z")), onConflict(c.c).doUpdateAllExcept()),
                Outcome.UPDATED, Outcome.INSERTED);
        assertEquals(List.of("ab:y", "cd:z"), db.sql("SELECT trim(c) || ':' || label FROM stored_codes ORDER BY c")
                .fetch(String.class));
    }
}
