package dev.belay.dsl.expr;

import static dev.belay.dsl.Sql.inline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.PgType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code inline(value)}: literals only for numbers, booleans and text, written so they cannot break out. */
final class SqlInlineTest {

    @Test
    void numbersAreTypedAndNegativesParenthesized() {
        assertEquals("5", inline(5).toString());
        assertEquals("(-5)", inline(-5).toString());
        assertEquals("(-2147483648)::int4", inline(Integer.MIN_VALUE).toString());
        assertEquals("(-9223372036854775808)::int8", inline(Long.MIN_VALUE).toString());
        assertEquals("3::int2", inline((short) 3).toString());
        assertEquals("0.000001::numeric", inline(new BigDecimal("1E-6")).toString());
        assertEquals("'Infinity'::float8", inline(Double.POSITIVE_INFINITY).toString());
        assertEquals("'-Infinity'::float4", inline(Float.NEGATIVE_INFINITY).toString());
        assertEquals("FALSE", inline(false).toString());
        assertEquals(PgType.INT8, inline(5L).type());
    }

    @Test
    void aNegativeLiteralCannotStartAComment() {
        assertEquals("\"users\".\"age\" - (-1)",
                dev.belay.dsl.fixtures.UserTable.USER.AGE.minus(inline(-1)).toString());
    }

    @Test
    void textIsQuotedAndCast() {
        assertEquals("'it''s'::text", inline("it's").toString());
        assertEquals("''::text", inline("").toString());
        assertEquals("E'\\\\''; DROP TABLE users; --'::text", inline("\\'; DROP TABLE users; --").toString());
        assertEquals("'?'::text", inline("?").toString());
    }

    @Test
    void otherTypesAreRefusedNamingTheType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inline(LocalDate.of(2024, 1, 1)));
        assertTrue(e.getMessage().contains("java.time.LocalDate"), e.getMessage());
        assertTrue(e.getMessage().contains("value(...)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> inline(List.of(1)));
        assertTrue(e.getMessage().contains("java.util."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> inline((Integer) null));
        assertTrue(e.getMessage().contains("inline(null)"), e.getMessage());
    }

    @Test
    void textPostgreSQLCannotHoldIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> inline("a\0b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inline("a\uD800b"));
        assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
    }
}
