package dev.belay.dsl.expr;

import static dev.belay.dsl.FrameBound.currentRow;
import static dev.belay.dsl.FrameBound.following;
import static dev.belay.dsl.FrameBound.preceding;
import static dev.belay.dsl.FrameBound.unboundedPreceding;
import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.AggregateField;
import dev.belay.dsl.Condition;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.SortField;
import dev.belay.dsl.WindowFunction;
import dev.belay.dsl.WindowSpec;
import dev.belay.dsl.fixtures.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every expression builder returns a new value: a base branched several ways renders exactly as before,
 * and arrays or collections handed to a builder are copied, so changing them later changes nothing.
 */
final class ExpressionReuseTest {
    private static final String AGE = "\"users\".\"age\"";

    private static RenderedSql where(Condition c) {
        return select(USER.ID).from(USER).where(c).render();
    }

    private static RenderedSql selected(Field<?> f) {
        return select(f).from(ORDER).render();
    }

    @Test
    void conditionBranches() {
        Condition base = USER.AGE.ge(18).and(USER.NAME.eq("A"));
        RenderedSql before = where(base);
        String text = base.toString();

        Condition more = base.and(USER.EMAIL.isNotNull());
        Condition either = base.or(USER.AGE.isNull());
        Condition negated = base.not();
        Condition viaStatic = and(base, USER.ID.gt(1L));

        assertEquals(before, where(base));
        assertEquals(text, base.toString());
        assertEquals("(" + AGE + " >= ?) AND (\"users\".\"name\" = ?)", before.sql().substring(before.sql()
                .indexOf("WHERE ") + 6));
        assertEquals("(" + AGE + " >= 18) AND (\"users\".\"name\" = 'A') AND (\"users\".\"email\" IS NOT NULL)",
                more.toString());
        assertEquals("((" + AGE + " >= 18) AND (\"users\".\"name\" = 'A')) OR (" + AGE + " IS NULL)",
                either.toString());
        assertEquals("NOT ((" + AGE + " >= 18) AND (\"users\".\"name\" = 'A'))", negated.toString());
        assertEquals("(" + AGE + " >= 18) AND (\"users\".\"name\" = 'A') AND (\"users\".\"id\" > 1)",
                viaStatic.toString());
    }

    @Test
    void comparisonsFromOneField() {
        Field<Integer> age = USER.AGE.plus(1);
        String text = age.toString();
        List<String> built = List.of(age.eq(1).toString(), age.in(1, 2).toString(), age.between(1, 2).toString(),
                age.isNull().toString(), age.isDistinctFrom((Integer) null).toString());
        assertEquals(text, age.toString());
        assertEquals(List.of("(" + AGE + " + 1) = 1", "(" + AGE + " + 1) = ANY(ARRAY[1, 2]::int4[])",
                "(" + AGE + " + 1) BETWEEN 1 AND 2", "(" + AGE + " + 1) IS NULL",
                "(" + AGE + " + 1) IS DISTINCT FROM NULL"), built);
    }

    @Test
    void arithmeticCastAliasBranches() {
        Field<BigDecimal> base = ORDER.TOTAL.times(new BigDecimal("2"));
        RenderedSql before = selected(base);

        Field<BigDecimal> plus = base.plus(BigDecimal.ONE);
        Field<BigDecimal> minus = base.minus(ORDER.TOTAL);
        Field<BigDecimal> div = base.div(BigDecimal.TEN);
        Field<BigDecimal> mod = base.mod(ORDER.TOTAL);
        Field<Long> cast = base.cast(PgType.INT8);
        Field<BigDecimal> aliased = base.as("doubled");
        Field<BigDecimal> realiased = aliased.as("again");

        assertEquals(before, selected(base));
        assertEquals("SELECT \"orders\".\"total\" * ? FROM \"orders\"", before.sql());
        assertEquals("SELECT \"orders\".\"total\" * ? AS \"doubled\" FROM \"orders\"", selected(aliased).sql());
        assertEquals("SELECT \"orders\".\"total\" * ? AS \"again\" FROM \"orders\"", selected(realiased).sql());
        assertEquals("(\"orders\".\"total\" * 2) + 1", plus.toString());
        assertEquals("(\"orders\".\"total\" * 2) - \"orders\".\"total\"", minus.toString());
        assertEquals("(\"orders\".\"total\" * 2) / 10", div.toString());
        assertEquals("(\"orders\".\"total\" * 2) % \"orders\".\"total\"", mod.toString());
        assertEquals("CAST(\"orders\".\"total\" * 2 AS int8)", cast.toString());
    }

    @Test
    void textArrayAndJsonBranches() {
        Field<String> name = USER.NAME.concat("!");
        String text = name.toString();
        Condition like = name.like("a%");
        Field<String> twice = name.concat(name);
        assertEquals(text, name.toString());
        assertEquals("(\"users\".\"name\" || '!') LIKE 'a%'", like.toString());
        assertEquals("(\"users\".\"name\" || '!') || (\"users\".\"name\" || '!')", twice.toString());

        Field<List<String>> tags = ORDER.TAGS.concat(List.of("x"));
        String tagsText = tags.toString();
        tags.contains(List.of("y"));
        tags.overlaps(List.of("z"));
        assertEquals(tagsText, tags.toString());

        Field<String> author = Docs.BODY.jsonGet("author");
        String authorText = author.toString();
        Field<String> authorName = author.jsonGetText("name");
        Condition hasKey = author.jsonHasKey("name");
        assertEquals(authorText, author.toString());
        assertEquals("(\"docs\".\"body\" -> 'author') ->> 'name'", authorName.toString());
        assertEquals("(\"docs\".\"body\" -> 'author') ? 'name'", hasKey.toString());
    }

    @Test
    void sortFieldBranches() {
        SortField<Integer> asc = USER.AGE.asc();
        SortField<Integer> first = asc.nullsFirst();
        SortField<Integer> last = asc.nullsLast();
        SortField<Integer> lastThenFirst = last.nullsFirst();
        assertEquals(AGE + " ASC", asc.toString());
        assertEquals(AGE + " ASC NULLS FIRST", first.toString());
        assertEquals(AGE + " ASC NULLS LAST", last.toString());
        assertEquals(AGE + " ASC NULLS FIRST", lastThenFirst.toString());
        assertEquals(AGE + " DESC", USER.AGE.desc().toString());
    }

    @Test
    void aggregateBranches() {
        AggregateField<Long> count = count();
        AggregateField<Long> adults = count.filter(USER.AGE.ge(18));
        AggregateField<Long> refiltered = adults.filter(USER.AGE.lt(65));
        Field<Long> windowed = count.over(partitionBy(USER.NAME));
        Field<Long> named = count.as("n");
        assertEquals("count(*)", count.toString());
        assertEquals("count(*) FILTER (WHERE " + AGE + " >= 18)", adults.toString());
        // a second filter ANDs, as where() does
        assertEquals("count(*) FILTER (WHERE (" + AGE + " >= 18) AND (" + AGE + " < 65))", refiltered.toString());
        assertEquals("count(*) OVER (PARTITION BY \"users\".\"name\")", windowed.toString());
        assertEquals("count(*)", named.toString());
        assertEquals("count(*) FILTER (WHERE " + AGE + " >= 18) OVER ()", adults.over(window()).toString());
        assertEquals("count(*) FILTER (WHERE " + AGE + " >= 18)", adults.toString());
    }

    @Test
    void windowSpecBranches() {
        WindowSpec base = partitionBy(ORDER.USER_ID);
        WindowFunction<Long> rowNumber = rowNumber();
        String before = rowNumber.over(base).toString();

        WindowSpec ordered = base.orderBy(ORDER.ID.asc());
        WindowSpec rows = ordered.rowsBetween(unboundedPreceding(), currentRow());
        WindowSpec range = ordered.rangeBetween(preceding(1), following(1));
        WindowSpec groups = ordered.groupsBetween(currentRow(), following(2));
        WindowSpec repartitioned = ordered.partitionBy(ORDER.STATUS);

        String p = "PARTITION BY \"orders\".\"user_id\"";
        String o = p + " ORDER BY \"orders\".\"id\" ASC";
        assertEquals("row_number() OVER (" + p + ")", before);
        assertEquals(before, rowNumber.over(base).toString());
        assertEquals("row_number() OVER (" + o + ")", rowNumber.over(ordered).toString());
        assertEquals("sum(\"orders\".\"total\") OVER (" + o + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
                sum(ORDER.TOTAL).over(rows).toString());
        assertEquals("sum(\"orders\".\"total\") OVER (" + o + " RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING)",
                sum(ORDER.TOTAL).over(range).toString());
        assertEquals("sum(\"orders\".\"total\") OVER (" + o + " GROUPS BETWEEN CURRENT ROW AND 2 FOLLOWING)",
                sum(ORDER.TOTAL).over(groups).toString());
        assertEquals("row_number() OVER (PARTITION BY \"orders\".\"status\" ORDER BY \"orders\".\"id\" ASC)",
                rowNumber.over(repartitioned).toString());
        assertEquals("row_number() OVER (" + o + ")", rowNumber.over(ordered).toString());
    }

    @Test
    void windowFunctionOverTwoWindows() {
        WindowFunction<BigDecimal> lag = lag(ORDER.TOTAL, 2);
        Field<BigDecimal> a = lag.over(window());
        Field<BigDecimal> b = lag.over(partitionBy(ORDER.USER_ID));
        assertEquals("lag(\"orders\".\"total\", 2) OVER ()", a.toString());
        assertEquals("lag(\"orders\".\"total\", 2) OVER (PARTITION BY \"orders\".\"user_id\")", b.toString());
    }

    @Test
    void argumentsAreCopied() {
        Long[] ids = {1L, 2L};
        Condition in = USER.ID.in(ids);
        ids[0] = 99L;
        assertEquals(List.of(List.of(1L, 2L)), where(in).params());

        List<Long> list = new ArrayList<>(List.of(3L));
        Condition notIn = USER.ID.notIn(list);
        list.add(4L);
        assertEquals(List.of(List.of(3L)), where(notIn).params());

        String[] keys = {"a", "b"};
        Condition anyKey = Docs.BODY.jsonHasAnyKey(keys);
        keys[1] = "z";
        assertEquals("\"docs\".\"body\" ?| ARRAY['a', 'b']::text[]", anyKey.toString());

        Condition[] parts = {USER.AGE.gt(1), USER.AGE.lt(9)};
        Condition both = and(parts);
        parts[1] = USER.AGE.isNull();
        assertEquals("(" + AGE + " > 1) AND (" + AGE + " < 9)", both.toString());

        Field<?>[] partition = {ORDER.USER_ID};
        WindowSpec spec = partitionBy(partition);
        partition[0] = ORDER.STATUS;
        assertEquals("rank() OVER (PARTITION BY \"orders\".\"user_id\")", rank().over(spec).toString());

        Field<?>[] args = {value("day"), ORDER.CREATED_AT};
        Field<java.time.Instant> trunc = function("date_trunc", PgType.TIMESTAMPTZ, args);
        args[0] = value("month");
        assertEquals("\"date_trunc\"('day', \"orders\".\"created_at\")", trunc.toString());
    }

    @Test
    void enumConditionReused() {
        Condition paid = ORDER.STATUS.eq(Order.Status.PAID);
        RenderedSql before = select(ORDER.ID).from(ORDER).where(paid).render();
        select(ORDER.ID).from(ORDER).where(paid.and(ORDER.TOTAL.gt(BigDecimal.ONE))).render();
        select(count().filter(paid)).from(ORDER).render();
        assertEquals(before, select(ORDER.ID).from(ORDER).where(paid).render());
        assertEquals(List.of(Order.Status.PAID), before.params());
    }
}
