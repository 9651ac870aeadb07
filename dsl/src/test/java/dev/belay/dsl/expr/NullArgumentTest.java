package dev.belay.dsl.expr;

import static dev.belay.dsl.Sql.coalesce;
import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.Sql.value;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Java null where SQL would silently compare with NULL (never true) is refused at build time, with a
 * message that names the field and the null-safe alternative.
 */
final class NullArgumentTest {
    private static final String AGE = "\"users\".\"age\"";

    static Stream<Named<Executable>> scalarComparisons() {
        Integer none = null;
        return Stream.of(
                named("eq", () -> USER.AGE.eq(none)),
                named("ne", () -> USER.AGE.ne(none)),
                named("lt", () -> USER.AGE.lt(none)),
                named("le", () -> USER.AGE.le(none)),
                named("gt", () -> USER.AGE.gt(none)),
                named("ge", () -> USER.AGE.ge(none)),
                named("between", () -> USER.AGE.between(none, 65)),
                named("between high", () -> USER.AGE.between(18, none)),
                named("notBetween", () -> USER.AGE.notBetween(none, 65)),
                named("in single null", () -> USER.AGE.in(none)),
                named("notIn single null", () -> USER.AGE.notIn(none)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarComparisons")
    void comparisonWithNullNamesFieldAndNullSafeForms(Executable call) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.contains(AGE), message);
        assertTrue(message.contains("isNull()"), message);
    }

    @Test
    void eqNullMessageIsComplete() {
        Integer none = null;
        String message = assertThrows(IllegalArgumentException.class, () -> USER.AGE.eq(none)).getMessage();
        assertEquals("eq(null) on \"users\".\"age\": a comparison with NULL is never true in SQL. Use isNull() / "
                + "isNotNull(), or isNotDistinctFrom(value) / isDistinctFrom(value) for a null-safe comparison.",
                message);
    }

    @Test
    void gtNullPointsToNullSafeComparison() {
        Integer none = null;
        String message = assertThrows(IllegalArgumentException.class, () -> USER.AGE.gt(none)).getMessage();
        assertTrue(message.startsWith("gt(null) on " + AGE), message);
        assertTrue(message.contains("isNotDistinctFrom(value)"), message);
    }

    @Test
    void inListWithNullNamesFieldAndElement() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> USER.AGE.in(Arrays.asList(1, null, 3))).getMessage();
        assertTrue(message.startsWith("in(...) on " + AGE + ": element 1 is null"), message);
        assertTrue(message.contains("isNull()"), message);
    }

    @Test
    void notInListWithNullNamesFieldAndElement() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> USER.AGE.notIn(Arrays.asList(null, 2))).getMessage();
        assertTrue(message.startsWith("notIn(...) on " + AGE + ": element 0 is null"), message);
        assertTrue(message.contains("isNull()"), message);
    }

    @Test
    void inNullCollectionNamesFieldAndNullTest() {
        Collection<Integer> none = null;
        String message = assertThrows(IllegalArgumentException.class, () -> USER.AGE.in(none)).getMessage();
        assertTrue(message.startsWith("in(null) on " + AGE), message);
        assertTrue(message.contains("an empty one matches no row"), message);
        assertTrue(message.contains("isNull()"), message);
        assertTrue(message.contains("isNotDistinctFrom("), message);
    }

    @Test
    void notInNullCollectionSaysEmptyMatchesEveryRow() {
        Collection<Integer> none = null;
        String message = assertThrows(IllegalArgumentException.class, () -> USER.AGE.notIn(none)).getMessage();
        assertTrue(message.startsWith("notIn(null) on " + AGE), message);
        assertTrue(message.contains("an empty one matches every row"), message);
    }

    @Test
    void nullPatternsAndTextValuesAreRefused() {
        String none = null;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> USER.NAME.like(none)).getMessage()
                .startsWith("like(null) on \"users\".\"name\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> USER.NAME.contains(none)).getMessage()
                .startsWith("contains(null) on \"users\".\"name\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> USER.NAME.startsWith(none)).getMessage()
                .startsWith("startsWith(null) on \"users\".\"name\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> USER.NAME.endsWith(none)).getMessage()
                .startsWith("endsWith(null) on \"users\".\"name\""));
        List<String> noTags = null;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ORDER.TAGS.contains(noTags)).getMessage()
                .startsWith("contains(null) on \"orders\".\"tags\""));
    }

    @Test
    void nullOperandsOfArithmeticAndCoalesceAreRefused() {
        Integer none = null;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> USER.AGE.plus(none)).getMessage()
                .startsWith("plus(null) on " + AGE));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> coalesce(USER.AGE, none)).getMessage()
                .startsWith("coalesce(" + AGE + ", null): a NULL fallback changes nothing"));
    }

    @Test
    void valueOfNullNeedsAType() {
        String message = assertThrows(IllegalArgumentException.class, () -> value(null)).getMessage();
        assertTrue(message.contains("value(null, PgType.X)"), message);
    }

    @Test
    void nullSafeFormsAcceptNull() {
        Integer none = null;
        assertEquals(Arrays.asList((Object) null),
                select(USER.ID).from(USER).where(USER.AGE.isNotDistinctFrom(none)).render().params());
        assertEquals(AGE + " IS DISTINCT FROM NULL", USER.AGE.isDistinctFrom(none).toString());
    }
}
