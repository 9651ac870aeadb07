package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Param;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Placeholders;
import dev.belay.dsl.Select;
import dev.belay.dsl.fixtures.Order;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Named parameter slots: bound by identity, required before rendering, shown as :name in logs. */
final class ParamsTest {
    private static final Param<String> NAME = param("name", String.class);
    private static final Param<Integer> MIN_AGE = param("min_age", Integer.class);

    private static Select<String> byNameAndAge() {
        return select(USER.EMAIL).from(USER).where(USER.NAME.eq(NAME)).where(USER.AGE.ge(MIN_AGE));
    }

    @Test
    void renderingWithAnUnboundParamNamesItAndSaysToBind() {
        Select<String> q = byNameAndAge().bind(NAME, "a");
        IllegalStateException e = assertThrows(IllegalStateException.class, q::render);
        assertTrue(e.getMessage().contains(":min_age"), e.getMessage());
        assertTrue(e.getMessage().contains("bind"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> q.render(Placeholders.NUMBERED));
    }

    @Test
    void bindingAParamTheQueryDoesNotUseIsRefused() {
        Param<String> other = param("other", String.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> byNameAndAge().bind(other, "x"));
        assertTrue(e.getMessage().contains(":other"), e.getMessage());
    }

    @Test
    void slotsAreMatchedByIdentityNotByName() {
        Param<String> sameName = param("name", String.class);
        assertThrows(IllegalArgumentException.class, () -> byNameAndAge().bind(sameName, "x"));
    }

    @Test
    void aNullValueCanBeBound() {
        Param<Integer> age = param("age", Integer.class);
        Select<String> q = select(USER.EMAIL).from(USER).where(USER.AGE.isNotDistinctFrom(age)).bind(age, null);
        assertEquals("SELECT \"users\".\"email\" FROM \"users\" WHERE \"users\".\"age\" IS NOT DISTINCT FROM ?",
                q.render().sql());
        assertEquals(Arrays.asList((Object) null), q.render().params());
        assertEquals(List.of(PgType.INT4), q.render().paramTypes());
    }

    @Test
    void paramTypesComeFromTheSlot() {
        Param<Long> size = param("size", Long.class);
        Select<String> q = byNameAndAge().limit(size).bind(NAME, "a").bind(MIN_AGE, 3).bind(size, 4L);
        assertEquals(List.of("a", 3, 4L), q.render().params());
        assertEquals(List.of(PgType.TEXT, PgType.INT4, PgType.INT8), q.render().paramTypes());
    }

    @Test
    void toStringInlinesValuesAsLiterals() {
        Select<String> q = select(USER.EMAIL).from(USER).where(USER.NAME.eq("O'Brien")).where(USER.AGE.between(18, 65))
                .orderBy(USER.NAME).limit(10).offset(20);
        assertEquals("SELECT \"users\".\"email\" FROM \"users\" WHERE (\"users\".\"name\" = 'O''Brien') AND "
                + "(\"users\".\"age\" BETWEEN 18 AND 65) ORDER BY \"users\".\"name\" ASC LIMIT 10 OFFSET 20", q.toString());
        // The log rendering does not leak into the executed one.
        assertEquals("SELECT \"users\".\"email\" FROM \"users\" WHERE (\"users\".\"name\" = ?) AND "
                + "(\"users\".\"age\" BETWEEN ? AND ?) ORDER BY \"users\".\"name\" ASC LIMIT ? OFFSET ?", q.render().sql());
    }

    @Test
    void toStringShowsUnboundParamsByNameAndBoundOnesAsLiterals() {
        Select<String> q = byNameAndAge();
        String unbound = "SELECT \"users\".\"email\" FROM \"users\" WHERE (\"users\".\"name\" = :name) AND "
                + "(\"users\".\"age\" >= :min_age)";
        assertEquals(unbound, q.toString());
        assertEquals("SELECT \"users\".\"email\" FROM \"users\" WHERE (\"users\".\"name\" = 'it''s') AND "
                + "(\"users\".\"age\" >= :min_age)", q.bind(NAME, "it's").toString());
        assertEquals("SELECT \"users\".\"email\" FROM \"users\" WHERE (\"users\".\"name\" = 'x') AND "
                + "(\"users\".\"age\" >= 30)", q.bind(NAME, "x").bind(MIN_AGE, 30).toString());
        assertEquals(unbound, q.toString());
    }

    @Test
    void toStringInlinesTypedLiterals() {
        Select<Long> q = select(ORDER.ID).from(ORDER).where(ORDER.STATUS.eq(Order.Status.PAID))
                .where(ORDER.TOTAL.gt(new BigDecimal("9.50"))).where(ORDER.TAGS.contains(List.of("a'b")));
        assertEquals("SELECT \"orders\".\"id\" FROM \"orders\" WHERE (\"orders\".\"status\" = 'PAID'::\"order_status\") "
                + "AND (\"orders\".\"total\" > 9.50) AND (\"orders\".\"tags\" @> ARRAY['a''b']::text[])", q.toString());
    }

    @Test
    void aBoundQueryCannotBeNestedBecauseItsValuesWouldNotTravel() {
        Param<Long> uid = param("uid", Long.class);
        Select<Long> boundSub = select(ORDER.USER_ID).from(ORDER).where(ORDER.USER_ID.eq(uid)).bind(uid, 1L);
        for (Runnable nesting : List.<Runnable>of(
                () -> exists(boundSub),
                () -> notExists(boundSub),
                () -> USER.ID.in(boundSub),
                () -> field(boundSub),
                () -> select(USER.NAME).from(boundSub.asTable("t")).render(),
                () -> with(cte("c").as(boundSub)),
                () -> select(USER.ID).from(USER).union(boundSub))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, nesting::run);
            assertTrue(e.getMessage().contains("call bind(...) on the outer statement"), e.getMessage());
        }
    }

    @Test
    void slotsOfANestedQueryAreBoundOnTheOuterOne() {
        Param<Long> uid = param("uid", Long.class);
        Select<String> names = select(USER.NAME).from(USER)
                .where(exists(select(ORDER.ID).from(ORDER).where(ORDER.USER_ID.eq(uid))));
        assertEquals(List.of(7L), names.bind(uid, 7L).render().params());
    }
}
