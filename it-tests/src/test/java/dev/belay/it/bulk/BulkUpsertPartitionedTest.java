package dev.belay.it.bulk;

import static dev.belay.dsl.Sql.onConflict;
import static dev.belay.dsl.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.Upserted;
import dev.belay.executor.Upserted.Outcome;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * db.upsert on a partitioned table, which has no system columns to return (xmax tells inserted from updated
 * elsewhere): every row gets its outcome and comes back as stored, on a composite key and with a generated key.
 */
@BelayTest
final class BulkUpsertPartitionedTest {
    record Event(Integer id, LocalDate at, String note) {}

    static final class Events extends Table<Event> {
        static final Events E = new Events();
        final Column<Event, Integer> id = column("id", PgType.INT4).primaryKey();
        final Column<Event, LocalDate> at = column("at", PgType.DATE).primaryKey();
        final Column<Event, String> note = column("note", PgType.TEXT);

        private Events() {
            super("part_events", Event.class);
        }
    }

    record Reading(Long id, String sensor, LocalDate day, Integer value) {}

    static final class Readings extends Table<Reading> {
        static final Readings R = new Readings();
        final Column<Reading, Long> id = column("id", PgType.INT8).generated();
        final Column<Reading, String> sensor = column("sensor", PgType.TEXT).primaryKey();
        final Column<Reading, LocalDate> day = column("day", PgType.DATE).primaryKey();
        final Column<Reading, Integer> value = column("value", PgType.INT4);

        private Readings() {
            super("part_readings", Reading.class);
        }
    }

    record Account(Long id, String email, String name) {}

    /** Its conflict target is text with a deterministic collation: the upsert matched in Java takes it. */
    static final class Accounts extends Table<Account> {
        static final Accounts A = new Accounts();
        final Column<Account, Long> id = column("id", PgType.INT8).generated();
        final Column<Account, String> email = column("email", PgType.TEXT).primaryKey();
        final Column<Account, String> name = column("name", PgType.TEXT);

        private Accounts() {
            super("part_accounts", Account.class);
        }
    }

    @BeforeAll
    static void create(TestDatabase t) {
        t.execute("CREATE TABLE part_accounts (id bigserial, email text PRIMARY KEY, name text) PARTITION BY HASH (email);"
                + "CREATE TABLE part_accounts_0 PARTITION OF part_accounts FOR VALUES WITH (MODULUS 2, REMAINDER 0);"
                + "CREATE TABLE part_accounts_1 PARTITION OF part_accounts FOR VALUES WITH (MODULUS 2, REMAINDER 1)");
        t.execute("CREATE TABLE part_events (id int4, at date, note text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);"
                + "CREATE TABLE part_events_2024 PARTITION OF part_events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
                + "CREATE TABLE part_events_2025 PARTITION OF part_events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');"
                + "CREATE TABLE part_readings (id bigserial, sensor text, day date, value int4, PRIMARY KEY (sensor, day)) "
                + "PARTITION BY LIST (sensor);"
                + "CREATE TABLE part_readings_a PARTITION OF part_readings FOR VALUES IN ('a');"
                + "CREATE TABLE part_readings_b PARTITION OF part_readings FOR VALUES IN ('b')");
    }

    @Test
    void eachRowGetsItsOutcomeAcrossPartitions(DBConnection db) {
        Events e = Events.E;
        db.insert(e, List.of(new Event(1, LocalDate.of(2024, 3, 1), "a")));
        List<Upserted<Event>> result = db.upsert(List.of(new Event(1, LocalDate.of(2024, 3, 1), "b"),
                new Event(2, LocalDate.of(2025, 3, 2), "c")), onConflict(e.id, e.at).doUpdateSet(e.note));
        assertEquals(List.of(Outcome.UPDATED, Outcome.INSERTED), result.stream().map(Upserted::outcome).toList());
        assertEquals(List.of("b", "c"), db.exec(select(e.note).from(e).orderBy(e.id)));
    }

    @Test
    void aGeneratedKeyComesBackForInsertedAndUpdatedRows(DBConnection db) {
        Readings r = Readings.R;
        List<Upserted<Reading>> first = db.upsert(List.of(new Reading(null, "a", LocalDate.of(2024, 1, 1), 1)),
                onConflict(r.sensor, r.day).doUpdateSet(r.value));
        assertEquals(Outcome.INSERTED, first.get(0).outcome());
        Long id = first.get(0).row().id();
        List<Upserted<Reading>> second = db.upsert(List.of(new Reading(null, "b", LocalDate.of(2024, 1, 1), 5),
                new Reading(null, "a", LocalDate.of(2024, 1, 1), 2)), onConflict(r.sensor, r.day).doUpdateSet(r.value));
        assertEquals(List.of(Outcome.INSERTED, Outcome.UPDATED), second.stream().map(Upserted::outcome).toList());
        assertEquals(new Reading(id, "a", LocalDate.of(2024, 1, 1), 2), second.get(1).row());
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void theUpsertMatchedInJavaGetsItsOutcomes(DBConnection db) {
        Accounts a = Accounts.A;
        db.upsert(List.of(new Account(null, "ann@x.org", "Ann")), onConflict(a.email).doUpdateSet(a.name));
        List<Upserted<Account>> result = db.upsert(List.of(new Account(null, "bob@x.org", "Bob"),
                new Account(null, "ann@x.org", "Anne")), onConflict(a.email).doUpdateSet(a.name));
        assertEquals(List.of(Outcome.INSERTED, Outcome.UPDATED), result.stream().map(Upserted::outcome).toList());
        assertEquals("Anne", result.get(1).row().name());
    }
}
