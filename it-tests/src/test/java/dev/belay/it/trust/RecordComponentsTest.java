package dev.belay.it.trust;

import static dev.belay.dsl.Sql.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple3;
import dev.belay.executor.DBConnection;
import dev.belay.executor.MappingException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Records are built straight from their columns (each component read by its own reader, a primitive component by
 * a reader of that primitive): every supported type arrives intact through the DSL by descriptor, by position
 * ({@code into}), as a tuple, by label (raw SQL) and through a stream, and every refusal still names its column:
 * NULL into a primitive, a value the primitive cannot hold, and a lossy conversion; a constructor that throws is
 * named as the constructor, not as a column.
 */
@FixtureDatabase
final class RecordComponentsTest {
    record Prims(long id, short i2, int i4, long i8, float f4, double f8, boolean b) {}

    record Boxed(Long id, Short i2, Integer i4, Long i8, Float f4, Double f8, Boolean b) {}

    enum Mood { HAPPY, SAD }

    /** Every built-in Java type a column can be read as, by label. */
    record Everything(String t, Short i2, Integer i4, Long i8, BigDecimal num, Float f4, Double f8, Boolean b,
                      UUID u, LocalDate d, LocalTime tm, LocalDateTime ts, OffsetDateTime tstz, Instant at,
                      Duration iv, PgInterval piv, byte[] by, Mood mood, List<String> arr, int[] ints) {}

    record OneInt(int i4) {}

    record OneShort(short i2) {}

    record OneLong(long i8) {}

    record OneFloat(float f4) {}

    record OneDouble(double f8) {}

    record OneBool(boolean b) {}

    record OneMood(Mood mood) {}

    record Positive(int v) {
        Positive {
            if (v <= 0) {
                throw new IllegalArgumentException("v must be positive, got " + v);
            }
        }
    }

    static final class PrimsTable extends Table<Prims> {
        static final PrimsTable P = new PrimsTable();
        final Column<Prims, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Prims, Short> i2 = column("i2", PgType.INT2).nullable();
        final Column<Prims, Integer> i4 = column("i4", PgType.INT4).nullable();
        final Column<Prims, Long> i8 = column("i8", PgType.INT8).nullable();
        final Column<Prims, Float> f4 = column("f4", PgType.FLOAT4).nullable();
        final Column<Prims, Double> f8 = column("f8", PgType.FLOAT8).nullable();
        final Column<Prims, Boolean> b = column("b", PgType.BOOL).nullable();

        private PrimsTable() {
            super("comps", Prims.class);
        }
    }

    private static final PrimsTable P = PrimsTable.P;
    private static final Prims MAX = new Prims(1, Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE,
            Float.MAX_VALUE, Double.MAX_VALUE, true);
    private static final Prims MIN = new Prims(2, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE,
            -Float.MAX_VALUE, -Double.MAX_VALUE, false);
    /** Zeros and false, which a getter also returns for NULL: they must not be taken for NULL. */
    private static final Prims ZERO = new Prims(3, (short) 0, 0, 0, 0f, 0d, false);
    private static final long NULLS = 4;

    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE comps (id int8 PRIMARY KEY, i2 int2, i4 int4, i8 int8, f4 float4, f8 float8, b bool)");
        db = t.open();
        db.insert(P, List.of(MAX, MIN, ZERO));
        db.sql("insert into comps (id) values (:id)").bind("id", NULLS).execute();
    }

    private static MappingException refused(Executable call, String column, String... named) {
        MappingException e = assertThrows(MappingException.class, call);
        for (String n : named) {
            assertTrue(e.getMessage().contains(n), "the message names " + n + ": " + e.getMessage());
        }
        assertEquals("\"" + column + "\"", e.column());
        assertEquals(0, db.poolStats().active(), "a mapping failure gave its connection back");
        return e;
    }

    @Test
    void primitiveComponentsByDescriptorByLabelByPositionAndStreamed() {
        List<Prims> expected = List.of(MAX, MIN, ZERO);
        assertEquals(expected, db.exec(select(P).where(P.id.le(3L)).orderBy(P.id.asc())));
        assertEquals(expected, db.sql("select id, i2, i4, i8, f4, f8, b from comps where id <= 3 order by id")
                .fetch(Prims.class));
        assertEquals(expected, db.exec(select(P.id, P.i2, P.i4, P.i8, P.f4, P.f8, P.b).from(P).where(P.id.le(3L))
                .orderBy(P.id.asc()).into(Prims.class)));
        try (Stream<Prims> rows = db.stream(select(P).where(P.id.le(3L)).orderBy(P.id.asc()))) {
            assertEquals(expected, rows.toList());
        }
        for (Prims p : expected) {
            assertEquals(p, db.one(select(P).where(P.id.eq(p.id()))));
        }
    }

    @Test
    void boxedComponentsReadTheSameValuesAndNull() {
        String sql = "select id, i2, i4, i8, f4, f8, b from comps order by id";
        assertEquals(List.of(new Boxed(1L, MAX.i2(), MAX.i4(), MAX.i8(), MAX.f4(), MAX.f8(), true),
                new Boxed(2L, MIN.i2(), MIN.i4(), MIN.i8(), MIN.f4(), MIN.f8(), false),
                new Boxed(3L, (short) 0, 0, 0L, 0f, 0d, false),
                new Boxed(NULLS, null, null, null, null, null, null)), db.sql(sql).fetch(Boxed.class));
    }

    @Test
    void nullIntoEachPrimitiveIsRefusedNamingTheColumn() {
        refused(() -> db.sql("select i2 from comps where id = " + NULLS).one(OneShort.class), "i2",
                "OneShort.i2", "primitive short");
        refused(() -> db.sql("select i4 from comps where id = " + NULLS).one(OneInt.class), "i4",
                "OneInt.i4", "primitive int");
        refused(() -> db.sql("select i8 from comps where id = " + NULLS).one(OneLong.class), "i8",
                "OneLong.i8", "primitive long");
        refused(() -> db.sql("select f4 from comps where id = " + NULLS).one(OneFloat.class), "f4",
                "OneFloat.f4", "primitive float");
        refused(() -> db.sql("select f8 from comps where id = " + NULLS).one(OneDouble.class), "f8",
                "OneDouble.f8", "primitive double");
        refused(() -> db.sql("select b from comps where id = " + NULLS).one(OneBool.class), "b",
                "OneBool.b", "primitive boolean");
        // by descriptor, the first NULL component is the one named
        refused(() -> db.one(select(P).where(P.id.eq(NULLS))), "i2", "Prims.i2", "primitive short");
        // by position, through into(..)
        refused(() -> db.exec(select(P.i4).from(P).where(P.id.eq(NULLS)).into(OneInt.class)), "i4",
                "OneInt.i4", "primitive int");
    }

    @Test
    void aValueThePrimitiveCannotHoldIsRefused() {
        refused(() -> db.sql("select 3000000000::int8 as i4").one(OneInt.class), "i4", "does not fit int");
        refused(() -> db.sql("select 40000::int4 as i2").one(OneShort.class), "i2", "does not fit short");
        refused(() -> db.sql("select i8 as i4 from comps where id = 1").one(OneInt.class), "i4", "OneInt.i4", "int8");
    }

    @Test
    void otherColumnTypesIntoAPrimitiveAreCheckedPerValue() {
        assertEquals(new OneInt(5), db.sql("select 5::numeric as i4").one(OneInt.class));
        refused(() -> db.sql("select 5.5::numeric as i4").one(OneInt.class), "i4", "fraction");
        assertEquals(new OneFloat(1.5f), db.sql("select 1.5::float8 as f4").one(OneFloat.class));
        refused(() -> db.sql("select 0.123456789::float8 as f4").one(OneFloat.class), "f4", "precision");
        assertEquals(new OneDouble(7), db.sql("select 7::int4 as f8").one(OneDouble.class));
        refused(() -> db.sql("select 'yes'::text as b").one(OneBool.class), "b", "text", "Boolean");
    }

    @Test
    void everyBuiltInTypeThroughARecord() {
        String sql = """
                select 'héllo 😀' as t, 7::int2 as i2, 70000 as i4, 9000000000::int8 as i8, 12.50::numeric as num,
                       1.5::float4 as f4, 2.25::float8 as f8, true as b,
                       'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid as u, date '2024-02-29' as d, time '13:14:15.5' as tm,
                       timestamp '2024-02-29 13:14:15.123456' as ts, timestamptz '2024-02-29 13:14:15+02' as tstz,
                       timestamptz '2024-02-29 13:14:15+02' as at, interval '1 day 2 hours' as iv,
                       interval '1 year 2 months 3 days' as piv, '\\x00ff'::bytea as by, 'SAD' as mood,
                       array['x', null, 'z'] as arr, array[1, 2, 3] as ints""";
        Everything e = db.sql(sql).one(Everything.class);
        assertEquals("héllo 😀", e.t());
        assertEquals((short) 7, e.i2());
        assertEquals(70000, e.i4());
        assertEquals(9_000_000_000L, e.i8());
        assertEquals(new BigDecimal("12.50"), e.num());
        assertEquals(1.5f, e.f4());
        assertEquals(2.25d, e.f8());
        assertEquals(true, e.b());
        assertEquals(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), e.u());
        assertEquals(LocalDate.of(2024, 2, 29), e.d());
        assertEquals(LocalTime.of(13, 14, 15, 500_000_000), e.tm());
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000), e.ts());
        assertEquals(OffsetDateTime.of(2024, 2, 29, 11, 14, 15, 0, ZoneOffset.UTC).toInstant(), e.tstz().toInstant());
        assertEquals(OffsetDateTime.of(2024, 2, 29, 11, 14, 15, 0, ZoneOffset.UTC).toInstant(), e.at());
        assertEquals(Duration.ofHours(26), e.iv());
        assertEquals(PgInterval.parse("1 year 2 mons 3 days"), e.piv());
        assertArrayEquals(new byte[] {0, (byte) 0xff}, e.by());
        assertEquals(Mood.SAD, e.mood());
        assertEquals(Arrays.asList("x", null, "z"), e.arr());
        assertArrayEquals(new int[] {1, 2, 3}, e.ints());

        String nulls = "select " + String.join(", ", List.of("null::text as t", "null::int2 as i2", "null::int4 as i4",
                "null::int8 as i8", "null::numeric as num", "null::float4 as f4", "null::float8 as f8", "null::bool as b",
                "null::uuid as u", "null::date as d", "null::time as tm", "null::timestamp as ts",
                "null::timestamptz as tstz", "null::timestamptz as at", "null::interval as iv", "null::interval as piv",
                "null::bytea as by", "null::text as mood", "null::text[] as arr", "null::int4[] as ints"));
        assertEquals(new Everything(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null), db.sql(nulls).one(Everything.class));
    }

    @Test
    void tuplesAreBuiltFromTheirColumns() {
        assertEquals(List.of(new Tuple3<>(1L, Integer.MAX_VALUE, true), new Tuple3<>(2L, Integer.MIN_VALUE, false)),
                db.exec(select(P.id, P.i4, P.b).from(P).where(P.id.le(2L)).orderBy(P.id.asc())));
        assertEquals(new Tuple3<>(NULLS, null, null), db.one(select(P.id, P.i4, P.b).from(P).where(P.id.eq(NULLS))));
    }

    @Test
    void aReaderErrorNamesItsColumnNotTheConstructor() {
        MappingException e = refused(() -> db.sql("select 'HAPPYISH' as mood").one(OneMood.class), "mood",
                "is not a constant of");
        assertFalse(e.getMessage().contains("constructor"), e.getMessage());
    }

    @Test
    void aConstructorThatThrowsIsNamed() {
        MappingException e = assertThrows(MappingException.class, () -> db.sql("select -1 as v").one(Positive.class));
        assertTrue(e.getMessage().contains("the constructor of " + Positive.class.getName() + " threw")
                && e.getMessage().contains("v must be positive, got -1"), e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(0, db.poolStats().active());
        assertEquals(new Positive(3), db.sql("select 3 as v").one(Positive.class));
    }
}
