package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.MappingException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 16, case 6: a column that cannot be read into the requested Java type without loss is a
 * {@link MappingException} naming the column, its PostgreSQL type and the Java type; exact values still read.
 */
@FixtureDatabase
final class LossyReadTest {
    record Price(Integer id, Integer price) {}

    /** The table's {@code price} is numeric(10,2); the descriptor (wrongly) declares it int4. */
    static final class Prices extends Table<Price> {
        static final Prices P = new Prices();
        final Column<Price, Integer> id = column("id", PgType.INT4).primaryKey();
        final Column<Price, Integer> price = column("price", PgType.INT4);

        private Prices() {
            super("prices", Price.class);
        }
    }

    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE prices (id int4 PRIMARY KEY, price numeric(10,2) NOT NULL); "
                + "INSERT INTO prices VALUES (1, 1999.00), (2, 1999.99)");
        db = t.open();
    }

    /** Raw SQL read as {@code type}: a MappingException naming the label, the PostgreSQL type and the Java type. */
    private static MappingException refused(String sql, Class<?> type, String label, String pgType) {
        // a primitive target is named by its boxed type, which is what is read
        String javaType = type == int.class ? "java.lang.Integer" : type == long.class ? "java.lang.Long"
                : type.getName();
        return refused(() -> db.sql(sql).one(type), label, pgType, javaType);
    }

    private static MappingException refused(Executable read, String label, String pgType, String javaType) {
        MappingException e = assertThrows(MappingException.class, read);
        String m = e.getMessage();
        assertTrue(m.contains("\"" + label + "\""), "the message names the column: " + m);
        assertTrue(m.contains(pgType), "the message names the PostgreSQL type " + pgType + ": " + m);
        assertTrue(m.contains(javaType), "the message names the Java type " + javaType + ": " + m);
        assertEquals("\"" + label + "\"", e.column());
        assertEquals(0, db.poolStats().active(), "a mapping failure gave its connection back");
        return e;
    }

    @Test
    void numericWithAFractionIsNotTruncatedIntoIntegerTypes() {
        for (Class<?> type : List.of(Integer.class, Long.class, Short.class, int.class, long.class)) {
            refused("select 1.9::numeric as amount", type, "amount", "numeric");
            refused("select -0.5::numeric as amount", type, "amount", "numeric");
        }
        // exact values still read, whatever their scale
        assertEquals(2, db.sql("select 2.0::numeric as amount").one(Integer.class));
        assertEquals(2L, db.sql("select 2.000::numeric as amount").one(Long.class));
        assertEquals((short) -7, db.sql("select -7.0::numeric as amount").one(Short.class));
        // beyond the Java type's range is a loss too
        refused("select 3000000000::numeric as amount", Integer.class, "amount", "numeric");
        assertEquals(3_000_000_000L, db.sql("select 3000000000::numeric as amount").one(Long.class));
        refused("select 40000::numeric as amount", Short.class, "amount", "numeric");
        // numeric NaN has no BigDecimal (a Double holds it)
        MappingException nan = refused("select 'NaN'::numeric as n", BigDecimal.class, "n", "BigDecimal");
        assertTrue(nan.getMessage().contains("the value is NaN, which java.math.BigDecimal cannot hold; read it as "
                + "Double"), nan.getMessage());
        MappingException infinite = refused("select '-Infinity'::numeric as n", Long.class, "n", "Long");
        assertTrue(infinite.getMessage().contains("the value is -Infinity, which java.lang.Long cannot hold"),
                infinite.getMessage());
        assertEquals(new BigDecimal("1.50"), db.sql("select 1.50::numeric as n").one(BigDecimal.class));
    }

    @Test
    void aClassOfTheJdkThatIsNoValueTypeIsNotTakenForARowClass() {
        MappingException e = assertThrows(MappingException.class,
                () -> db.sql("select '10:00+02'::timetz as t").one(java.time.OffsetTime.class));
        assertTrue(e.getMessage().startsWith("java.time.OffsetTime is not a type Belay reads a column into, nor a row "
                + "class"), e.getMessage());
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void floatWithAFractionIsNotTruncatedIntoIntegerTypes() {
        refused("select 2.7::float8 as ratio", Long.class, "ratio", "float8");
        refused("select 2.7::float8 as ratio", Integer.class, "ratio", "float8");
        refused("select 0.5::float4 as ratio", Integer.class, "ratio", "float4");
        assertEquals(3L, db.sql("select 3::float8 as ratio").one(Long.class));
        assertEquals(-3, db.sql("select -3::float4 as ratio").one(Integer.class));
    }

    @Test
    void floatingTargetsKeepEveryDigit() {
        // 2^24 + 1 has no float
        refused("select 16777217::int4 as n", Float.class, "n", "int4");
        assertEquals(16_777_217d, db.sql("select 16777217::int4 as n").one(Double.class));
        assertEquals(16_777_216f, db.sql("select 16777216::int4 as n").one(Float.class));
        // 2^53 + 1 has no double
        refused("select 9007199254740993::int8 as n", Double.class, "n", "int8");
        assertEquals(9_007_199_254_740_992d, db.sql("select 9007199254740992::int8 as n").one(Double.class));
        // numeric into Double: 0.1 is the double 0.1; a longer decimal is not
        assertEquals(0.1d, db.sql("select 0.1::numeric as n").one(Double.class));
        refused("select 0.1000000000000000000001::numeric as n", Double.class, "n", "numeric");
        // float8 into Float
        assertEquals(1.1f, db.sql("select 1.1::float8 as n").one(Float.class));
        refused("select 1.1000000001::float8 as n", Float.class, "n", "float8");
        MappingException huge = refused("select 1e300::float8 as n", Float.class, "n", "float8");
        assertTrue(huge.getMessage().contains("the value 1e+300 is beyond the range of java.lang.Float"),
                huge.getMessage());
        // NaN and infinities are the same values in Java
        assertTrue(Double.isNaN(db.sql("select 'NaN'::numeric as n").one(Double.class)));
        assertEquals(Float.POSITIVE_INFINITY, db.sql("select 'Infinity'::float8 as n").one(Float.class));
    }

    @Test
    void aNumericColumnDeclaredInt4IsCheckedPerValue() {
        Prices p = Prices.P;
        assertEquals(1999, db.one(select(p.price).from(p).where(p.id.eq(1))));
        refused(() -> db.one(select(p.price).from(p).where(p.id.eq(2))), "price", "numeric", "java.lang.Integer");
        // the whole row, into the descriptor's record
        assertEquals(new Price(1, 1999), db.one(select(p).where(p.id.eq(1))));
        refused(() -> db.exec(select(p).orderBy(p.id.asc())), "price", "numeric", "java.lang.Integer");
    }

    @Test
    void textIsNotReinterpretedAsAnotherType() {
        refused("select 'abc'::text as t", byte[].class, "t", "text");
        // a text that happens to look like the target is refused by its type, not by its value
        refused("select '6f1c2a8e-0d7b-4c1e-9f3a-2b5d8c9e0a11'::text as t", UUID.class, "t", "text");
        refused("select '42'::text as t", Integer.class, "t", "text");
        refused("select 'true'::text as t", Boolean.class, "t", "text");
        refused("select 'abc'::varchar as t", byte[].class, "t", "varchar");
        // what the type does hold still reads
        assertArrayEquals(new byte[] {1, 2}, db.sql("select '\\x0102'::bytea as t").one(byte[].class));
        assertEquals("abc", db.sql("select 'abc'::text as t").one(String.class));
    }

    @Test
    void timestampsAreNotReadAcrossTimeZoneSemantics() {
        refused("select timestamp '2024-05-01 12:00' as ts", Instant.class, "ts", "timestamp");
        refused("select timestamptz '2024-05-01 12:00+02' as ts", LocalDateTime.class, "ts", "timestamptz");
        assertEquals(LocalDateTime.of(2024, 5, 1, 12, 0),
                db.sql("select timestamp '2024-05-01 12:00' as ts").one(LocalDateTime.class));
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"),
                db.sql("select timestamptz '2024-05-01 12:00+02' as ts").one(Instant.class));
    }
}
