package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.Condition;
import dev.belay.dsl.Param;
import dev.belay.dsl.Placeholders;
import dev.belay.dsl.Select;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code eq(param)} with the Param bound to NULL would render {@code = NULL} and match nothing; it is refused like
 * {@code eq(null)}, with the same pointer to isNull() and isNotDistinctFrom().
 */
final class NullParamComparisonTest {
    private static final Param<Integer> AGE = param("age", Integer.class);
    private static final String FIX = "a comparison with NULL is never true in SQL. Use isNull() / isNotNull(), or "
            + "isNotDistinctFrom(value) / isDistinctFrom(value) for a null-safe comparison.";

    private static Select<String> where(Condition c) {
        return select(USER.NAME).from(USER).where(c);
    }

    @Test
    void bindingNullToAComparedParamIsRefusedLikeEqNull() {
        Map<String, Function<Param<Integer>, Condition>> comparisons = Map.of(
                "eq", USER.AGE::eq, "ne", USER.AGE::ne, "lt", USER.AGE::lt,
                "le", USER.AGE::le, "gt", USER.AGE::gt, "ge", USER.AGE::ge);
        comparisons.forEach((name, compare) -> assertFails(IllegalArgumentException.class,
                () -> where(compare.apply(AGE)).bind(AGE, null),
                name + "(:age) on \"users\".\"age\": :age is bound to null, and " + FIX));
        // the message for a value says the same
        assertFails(IllegalArgumentException.class, () -> USER.AGE.eq((Integer) null), "eq(null) on \"users\".\"age\": " + FIX);
    }

    @Test
    void aParamOnTheLeftOrInBetweenIsRefusedToo() {
        assertFails(IllegalArgumentException.class, () -> where(AGE.eq(USER.AGE)).bind(AGE, null),
                "eq(\"users\".\"age\") on :age: :age is bound to null");
        assertFails(IllegalArgumentException.class, () -> where(USER.AGE.between(AGE, value(65))).bind(AGE, null),
                "between(:age, 65) on \"users\".\"age\": :age is bound to null");
    }

    @Test
    void aNullBoundBeforeTheComparisonWasAddedIsRefusedAtRender() {
        Select<String> bound = select(USER.NAME).from(USER).where(USER.AGE.isNotDistinctFrom(AGE)).bind(AGE, null);
        Select<String> compared = bound.where(USER.AGE.gt(AGE));
        assertFails(IllegalArgumentException.class, compared::render, "gt(:age) on \"users\".\"age\": :age is bound to null");
        assertThrows(IllegalArgumentException.class, () -> compared.render(Placeholders.NUMBERED));
    }

    @Test
    void nullSafeComparisonsAndOtherUsesStillTakeNull() {
        Select<String> q = where(USER.AGE.isNotDistinctFrom(AGE).or(USER.AGE.isDistinctFrom(AGE))).bind(AGE, null);
        assertEquals(Arrays.asList((Object) null), q.render().params());
        assertEquals(List.of(1), where(USER.AGE.eq(AGE)).bind(AGE, 1).render().params());
    }
}
