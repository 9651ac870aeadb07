package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Order;
import dev.belay.dsl.fixtures.OrderTable;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One-dimensional arrays of each element type: empty, with NULL elements, with extreme elements, and NULL
 * itself; written through the DSL or bound in raw SQL, read back through the DSL (a List column) and into a
 * record whose List component names the element type.
 */
@FixtureDatabase
final class ArrayTypesTest {
    record Holder(Long id) {}

    record Int8s(List<Long> v) {}

    record Numerics(List<BigDecimal> v) {}

    record Uuids(List<UUID> v) {}

    record Dates(List<LocalDate> v) {}

    record Instants(List<Instant> v) {}

    record Bools(List<Boolean> v) {}

    record Statuses(List<Order.Status> v) {}

    static final class ArrTable extends Table<Holder> {
        static final ArrTable A = new ArrTable();
        final Column<Holder, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Holder, List<Long>> int8s = column("a_i8", PgType.arrayOf(PgType.INT8)).nullable();
        final Column<Holder, List<BigDecimal>> numerics = column("a_num", PgType.arrayOf(PgType.NUMERIC)).nullable();
        final Column<Holder, List<UUID>> uuids = column("a_u", PgType.arrayOf(PgType.UUID)).nullable();
        final Column<Holder, List<LocalDate>> dates = column("a_d", PgType.arrayOf(PgType.DATE)).nullable();
        final Column<Holder, List<Instant>> instants = column("a_tstz", PgType.arrayOf(PgType.TIMESTAMPTZ)).nullable();
        final Column<Holder, List<Boolean>> bools = column("a_b", PgType.arrayOf(PgType.BOOL)).nullable();
        final Column<Holder, List<String>> texts = column("a_txt", PgType.arrayOf(PgType.TEXT)).nullable();
        final Column<Holder, List<Order.Status>> statuses =
                column("a_st", PgType.arrayOf(OrderTable.STATUS_TYPE)).nullable();

        private ArrTable() {
            super("arr", Holder.class);
        }
    }

    private static final ArrTable A = ArrTable.A;
    private static final AtomicLong IDS = new AtomicLong();
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE arr (id int8 PRIMARY KEY, a_i8 int8[], a_num numeric[], a_u uuid[], a_d date[], "
                + "a_tstz timestamptz[], a_b bool[], a_txt text[], a_st order_status[])");
        db = t.open();
    }

    /** A list with a NULL element (List.of refuses nulls). */
    @SafeVarargs
    private static <E> List<E> withNulls(E... items) {
        List<E> list = new ArrayList<>(items.length);
        for (E item : items) {
            list.add(item);
        }
        return list;
    }

    /** Writes through the DSL and reads the column back through the DSL, element type included. */
    private static <E> void dsl(Column<Holder, List<E>> column, List<E> value, Class<E> element) {
        long id = IDS.incrementAndGet();
        db.exec(insertInto(A).set(A.id, id).set(column, value));
        List<E> read = db.one(select(column).from(A).where(A.id.eq(id)));
        if (read != null) {
            for (Object e : read) {
                if (e != null) {
                    assertEquals(element, e.getClass(), column.name() + " element " + e);
                }
            }
        }
        assertEquals(value, read, column.name());
    }

    /** Binds in raw SQL and reads the array into a record with a typed List component, labelled {@code v}. */
    private static <E, R> R raw(Column<Holder, List<E>> column, List<E> value, Class<R> record) {
        long id = IDS.incrementAndGet();
        db.sql("insert into arr (id, " + column.name() + ") values (:id, :v)").bind("id", id)
                .bind("v", value, column.type()).execute();
        return db.sql("select " + column.name() + " as v from arr where id = :id").bind("id", id).one(record);
    }

    @Test
    void int8ArraysWithLimitsNullsAndNoElements() {
        List<Long> v = withNulls(Long.MIN_VALUE, null, 0L, Long.MAX_VALUE);
        dsl(A.int8s, v, Long.class);
        dsl(A.int8s, List.of(), Long.class);
        dsl(A.int8s, withNulls((Long) null), Long.class);
        dsl(A.int8s, null, Long.class);
        assertEquals(new Int8s(v), raw(A.int8s, v, Int8s.class));
        assertEquals(new Int8s(List.of()), raw(A.int8s, List.of(), Int8s.class));
    }

    @Test
    void numericArraysKeepScale() {
        List<BigDecimal> v = withNulls(new BigDecimal("1.500"), null, new BigDecimal("-" + "9".repeat(40) + "." + "1".repeat(30)),
                BigDecimal.ZERO);
        dsl(A.numerics, v, BigDecimal.class);
        assertEquals(new Numerics(v), raw(A.numerics, v, Numerics.class));
        assertEquals(new Numerics(List.of()), raw(A.numerics, List.of(), Numerics.class));
    }

    @Test
    void uuidArrays() {
        List<UUID> v = withNulls(new UUID(0, 0), null, new UUID(-1L, -1L), UUID.randomUUID());
        dsl(A.uuids, v, UUID.class);
        assertEquals(new Uuids(v), raw(A.uuids, v, Uuids.class));
    }

    @Test
    void boolArrays() {
        List<Boolean> v = withNulls(true, null, false);
        dsl(A.bools, v, Boolean.class);
        assertEquals(new Bools(v), raw(A.bools, v, Bools.class));
        dsl(A.bools, List.of(), Boolean.class);
    }

    @Test
    void textArraysWithNullsAndTrickyElements() {
        List<String> v = withNulls("", null, "NULL", "a,b", "{x}", "\"q\"", "back\\slash", "😀e\u0301");
        dsl(A.texts, v, String.class);
        long id = IDS.incrementAndGet();
        db.sql("insert into arr (id, a_txt) values (:id, :v)").bind("id", id).bind("v", v, A.texts.type()).execute();
        Row nulls = db.sql("select a_txt[2] is null as second, a_txt[3] is null as third from arr where id = :id")
                .bind("id", id).one(Row.class);
        assertEquals(true, nulls.get("second"), "a NULL element is SQL NULL");
        assertEquals(false, nulls.get("third"), "the string NULL is not");
        assertEquals(8, db.sql("select cardinality(a_txt) from arr where id = :id").bind("id", id).one(Integer.class));
    }

    /**
     * Read into a record the element type is known. Regression: 1582-10-10 (proleptic Gregorian, as PostgreSQL stores
     * it) comes back as 1582-10-20: the element goes through java.sql.Date's Julian/Gregorian hybrid calendar.
     */
    @Test
    void dateArraysReadAsLocalDatesThroughTheRecordPath() {
        List<LocalDate> v = withNulls(LocalDate.of(1, 1, 1), null, LocalDate.of(1582, 10, 10), LocalDate.of(9999, 12, 31));
        assertEquals(new Dates(List.of()), raw(A.dates, List.of(), Dates.class));
        long id = IDS.incrementAndGet();
        db.exec(insertInto(A).set(A.id, id).set(A.dates, v));
        // binding is right: the server holds the dates written
        assertEquals("{0001-01-01,NULL,1582-10-10,9999-12-31}", db.sql("select a_d::text from arr where id = :id")
                .bind("id", id).one(String.class));
        assertEquals(new Dates(v), raw(A.dates, v, Dates.class));
    }

    /** Regression: a List column read alone through the DSL ignores its element PgType and hands back java.sql.Date. */
    @Test
    void dateArraysReadAsLocalDatesThroughTheDsl() {
        dsl(A.dates, withNulls(LocalDate.of(2024, 2, 29), null, LocalDate.of(1969, 12, 31)), LocalDate.class);
    }

    @Test
    void timestamptzArraysKeepMicrosecondsThroughTheRecordPath() {
        assertEquals(new Instants(List.of()), raw(A.instants, List.of(), Instants.class));
        List<Instant> v = withNulls(Instant.parse("2024-05-06T07:08:09.123456Z"), null,
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("9999-12-31T23:59:59.999999Z"));
        assertEquals(new Instants(v), raw(A.instants, v, Instants.class));
    }

    /**
     * Regression: array elements are decoded by pgjdbc into java.sql.Timestamp, whose calendar is Julian before 1582,
     * while PostgreSQL (and Instant) are proleptic Gregorian: the day shifts.
     */
    @Test
    void timestamptzArrayElementsBefore1582AreNotShifted() {
        List<Instant> v = List.of(Instant.parse("1000-06-15T12:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"));
        long id = IDS.incrementAndGet();
        db.exec(insertInto(A).set(A.id, id).set(A.instants, v));
        // binding is right: the server holds the instants written
        assertEquals(List.of("1000-06-15 12:00:00", "0001-01-01 00:00:00"), db.sql("select to_char(x at time zone 'UTC', "
                + "'YYYY-MM-DD HH24:MI:SS') from arr, unnest(a_tstz) with ordinality u(x, n) where id = :id order by n")
                .bind("id", id).fetch(String.class));
        assertEquals(new Instants(v), raw(A.instants, v, Instants.class));
    }

    /** Regression: as for dates, the DSL reads timestamptz[] elements as java.sql.Timestamp, not Instant. */
    @Test
    void timestamptzArraysReadAsInstantsThroughTheDsl() {
        dsl(A.instants, withNulls(Instant.parse("2024-05-06T07:08:09.123456Z"), null), Instant.class);
    }

    @Test
    void enumArraysThroughTheRecordPath() {
        List<Order.Status> v = withNulls(Order.Status.PAID, null, Order.Status.NEW);
        assertEquals(new Statuses(v), raw(A.statuses, v, Statuses.class));
        assertEquals(new Statuses(List.of()), raw(A.statuses, List.of(), Statuses.class));
    }

    /** Regression: the DSL reads order_status[] elements as Strings, not as the Order.Status the column declares. */
    @Test
    void enumArraysThroughTheDsl() {
        dsl(A.statuses, withNulls(Order.Status.SHIPPED, null, Order.Status.PAID), Order.Status.class);
    }

    @Test
    void nullArraysOfEveryElementType() {
        for (Column<Holder, ?> c : A.columns()) {
            if (c == A.id) {
                continue;
            }
            long id = IDS.incrementAndGet();
            db.exec(insertInto(A).set(A.id, id).setNull(c));
            assertEquals(null, db.one(select(c).from(A).where(A.id.eq(id))), c.name());
            long raw = IDS.incrementAndGet();
            db.sql("insert into arr (id, " + c.name() + ") values (:id, :v)").bind("id", raw).bindNull("v", c.type())
                    .execute();
            assertEquals(true, db.sql("select " + c.name() + " is null from arr where id = :id").bind("id", raw)
                    .one(Boolean.class), c.name());
        }
        long id = IDS.incrementAndGet();
        db.exec(insertInto(A).set(A.id, id));
        assertEquals(new Dates(null), db.sql("select a_d as v from arr where id = :id").bind("id", id).one(Dates.class));
        assertEquals(new Statuses(null), db.sql("select a_st as v from arr where id = :id").bind("id", id)
                .one(Statuses.class));
    }
}
