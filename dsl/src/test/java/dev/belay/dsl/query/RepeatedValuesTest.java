package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Condition;
import dev.belay.dsl.Field;
import dev.belay.dsl.Param;
import dev.belay.dsl.Placeholders;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One value used in several places is one expression to PostgreSQL: one {@code $n} per value node or Param, and
 * with {@code ?} a GROUP BY / DISTINCT ON / ORDER BY item written as its select-list position or its repeated
 * constant inlined. The {@code ?} renderings are also goldens (ResultColumnGoldens), run on PostgreSQL.
 */
final class RepeatedValuesTest {
    private static final Param<Integer> WIDTH = param("width", Integer.class);
    private static final Field<Integer> DECADE = USER.AGE.div(10);

    @Test
    void aParamUsedThreeTimesIsOneNumberedParameter() {
        Select<String> q = select(USER.NAME).from(USER).where(USER.AGE.ge(WIDTH)).where(USER.AGE.le(WIDTH.plus(50)))
                .where(USER.AGE.ne(WIDTH)).bind(WIDTH, 10);
        RenderedSql r = q.render(Placeholders.NUMBERED);
        assertEquals("SELECT \"users\".\"name\" FROM \"users\" WHERE (\"users\".\"age\" >= $1) AND "
                + "(\"users\".\"age\" <= ($1 + $2)) AND (\"users\".\"age\" <> $1)", r.sql());
        assertEquals(List.of(10, 50), r.params());
        assertEquals(":width", r.describeParam(0));
        // pgjdbc numbers each ? itself, and passes $n through: the Param is ? where it first appears, then $1
        assertEquals("SELECT \"users\".\"name\" FROM \"users\" WHERE (\"users\".\"age\" >= ?) AND "
                + "(\"users\".\"age\" <= ($1 + ?)) AND (\"users\".\"age\" <> $1)", q.render().sql());
        assertEquals(List.of(10, 50), q.render().params());
    }

    @Test
    void aValueNodeUsedInSeveralClausesIsOneNumberedParameter() {
        Select<Tuple2<Integer, Long>> q = select(DECADE, count()).from(USER).groupBy(DECADE).having(DECADE.gt(1))
                .orderBy(DECADE);
        RenderedSql r = q.render(Placeholders.NUMBERED);
        assertEquals("SELECT \"users\".\"age\" / $1, count(*) FROM \"users\" GROUP BY 1 HAVING (\"users\".\"age\" / $1) "
                + "> $2 ORDER BY 1 ASC", r.sql());
        assertEquals(List.of(10, 1), r.params());
    }

    @Test
    void equalButDistinctValuesStayDistinctParameters() {
        Select<String> q = select(USER.NAME).from(USER).where(USER.AGE.gt(5)).where(USER.AGE.ne(5));
        assertEquals("SELECT \"users\".\"name\" FROM \"users\" WHERE (\"users\".\"age\" > $1) AND (\"users\".\"age\" <> $2)",
                q.render(Placeholders.NUMBERED).sql());
        assertEquals(List.of(5, 5), q.render(Placeholders.NUMBERED).params());
        assertEquals(List.of(5, 5), q.render().params());
    }

    @Test
    void aValueRepeatedOutsideGroupingAndOrderingStaysBound() {
        // no clause compares these expressions, so the value is sent as a parameter at each use, never inlined
        Field<Integer> older = USER.AGE.plus(10);
        Select<Tuple2<String, Integer>> q = select(USER.NAME, older).from(USER).where(older.gt(40));
        assertEquals("SELECT \"users\".\"name\", \"users\".\"age\" + ? FROM \"users\" WHERE (\"users\".\"age\" + ?) > ?",
                q.render().sql());
        assertEquals(List.of(10, 10, 40), q.render().params());
    }

    @Test
    void anItemWithoutValuesKeepsItsExpression() {
        Select<Tuple2<String, Long>> q = select(USER.NAME, count()).from(USER).groupBy(USER.NAME).orderBy(USER.NAME);
        assertEquals("SELECT \"users\".\"name\", count(*) FROM \"users\" GROUP BY \"users\".\"name\" "
                + "ORDER BY \"users\".\"name\" ASC", q.render().sql());
    }

    @Test
    void aGroupedValueNotInTheSelectListIsInlinedWhereRepeated() {
        Select<Long> q = select(count()).from(USER).groupBy(DECADE).having(DECADE.ge(0));
        assertEquals("SELECT count(*) FROM \"users\" GROUP BY \"users\".\"age\" / 10 HAVING (\"users\".\"age\" / 10) >= ?",
                q.render().sql());
        assertEquals(List.of(0), q.render().params());
        // $n needs no literal: the same node is the same number
        assertEquals("SELECT count(*) FROM \"users\" GROUP BY \"users\".\"age\" / $1 HAVING (\"users\".\"age\" / $1) >= $2",
                q.render(Placeholders.NUMBERED).sql());
    }

    @Test
    void textIsInlinedAsAnEscapedLiteral() {
        Field<String> tagged = USER.NAME.concat("'s \\ tag");
        Select<Long> q = select(count()).from(USER).groupBy(tagged).having(tagged.ne("x"));
        assertEquals("SELECT count(*) FROM \"users\" GROUP BY \"users\".\"name\" || E'''s \\\\ tag'::text "
                + "HAVING (\"users\".\"name\" || E'''s \\\\ tag'::text) <> ?", q.render().sql());
    }

    @Test
    void toStringShowsTheShapeThatIsExecuted() {
        Select<Tuple2<Integer, Long>> q = select(DECADE, count()).from(USER).groupBy(DECADE).orderBy(DECADE.desc());
        assertEquals("SELECT \"users\".\"age\" / 10, count(*) FROM \"users\" GROUP BY 1 ORDER BY 1 DESC", q.toString());
    }

    @Test
    void aSubqueryItemMatchesBySameValuesToo() {
        Field<Long> older = field(select(count()).from(USER).where(USER.AGE.gt(30)));
        Select<Tuple2<Long, Long>> q = select(older, count()).from(USER).groupBy(older);
        assertEquals("SELECT (SELECT count(*) FROM \"users\" WHERE \"users\".\"age\" > ?), count(*) FROM \"users\" "
                + "GROUP BY 1", q.render().sql());
    }

    /** A value node without a literal (here an instant) is one parameter under ? too: ? first, then $n. */
    @Test
    void aValueNodeWithoutALiteralIsReusedAsItsNumber() {
        Condition recent = USER.CREATED_AT.gt(java.time.Instant.parse("2024-01-01T00:00:00Z"));
        RenderedSql r = select(recent, count()).from(USER).groupBy(recent).having(recent.not()).render();
        assertEquals("SELECT \"users\".\"created_at\" > ?, count(*) FROM \"users\" GROUP BY 1 HAVING NOT "
                + "(\"users\".\"created_at\" > $1)", r.sql());
        assertEquals(List.of(java.time.Instant.parse("2024-01-01T00:00:00Z")), r.params());
    }

    /** Past 16 placeholders the renderer finds earlier uses by a map instead of a scan: the same answers. */
    @Test
    void valuesUsedAgainPastSixteenPlaceholdersAreStillOneParameter() {
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        Condition recent = USER.CREATED_AT.gt(since); // an Instant has no literal: reused, it is one parameter
        List<Condition> ages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ages.add(USER.AGE.ne(i));
        }
        Select<String> q = select(USER.NAME).from(USER).where(USER.AGE.ge(WIDTH)).where(recent).where(and(ages.toArray(Condition[]::new)))
                .where(USER.AGE.le(WIDTH)).where(recent).bind(WIDTH, 30);

        RenderedSql jdbc = q.render();
        assertTrue(jdbc.sql().endsWith("AND (\"users\".\"age\" <= $1) AND (\"users\".\"created_at\" > $2)"),
                jdbc.sql());
        assertEquals(22, jdbc.params().size());
        assertEquals(30, jdbc.params().get(0));
        assertEquals(since, jdbc.params().get(1));

        RenderedSql numbered = q.render(Placeholders.NUMBERED);
        assertTrue(numbered.sql().endsWith("AND (\"users\".\"age\" <> $22) AND (\"users\".\"age\" <= $1) "
                + "AND (\"users\".\"created_at\" > $2)"), numbered.sql());
        assertEquals(jdbc.params(), numbered.params());
    }

    @Test
    void equalLiteralValuesPastSixteenPlaceholdersStayDistinctParameters() {
        List<Condition> same = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            same.add(USER.AGE.ne(7));
        }
        RenderedSql r = select(USER.NAME).from(USER).where(and(same.toArray(Condition[]::new))).render();
        assertEquals(20, r.params().size());
        assertEquals(20, r.sql().split("\\?", -1).length - 1);
    }
}
