package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Condition;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code c = c.and(x)} extends the chain without copying it, so long chains build in linear time; the SQL is the
 * flat {@code (a) AND (b) AND ...} it always was, and nothing walks a chain recursively.
 */
final class ConditionChainTest {
    private static final int LONG = 50_000;

    @Test
    void aFiftyThousandLongAndChainBuildsAndRenders() {
        assertLongChain(Condition::and, " AND ");
    }

    @Test
    void aFiftyThousandLongOrChainBuildsAndRenders() {
        assertLongChain(Condition::or, " OR ");
    }

    private static void assertLongChain(BinaryOperator<Condition> combine, String op) {
        Condition c = USER.AGE.eq(0);
        StringBuilder expected = new StringBuilder("SELECT \"users\".\"name\" FROM \"users\" WHERE (\"users\".\"age\" = ?)");
        List<Object> params = new ArrayList<>(List.of(0));
        for (int i = 1; i < LONG; i++) {
            c = combine.apply(c, USER.AGE.eq(i));
            expected.append(op).append("(\"users\".\"age\" = ?)");
            params.add(i);
        }
        RenderedSql r = select(USER.NAME).from(USER).where(c).render();
        assertEquals(expected.toString(), r.sql());
        assertEquals(params, r.params());
        // the log rendering walks the same flat list
        String logged = c.toString();
        assertEquals("(\"users\".\"age\" = 0)" + op + "(\"users\".\"age\" = 1)" + op,
                logged.substring(0, 2 * "(\"users\".\"age\" = 0)".length() + 2 * op.length()));
        assertEquals(op + "(\"users\".\"age\" = " + (LONG - 1) + ")",
                logged.substring(logged.lastIndexOf(op)));
    }

    @Test
    void branchesOfOneChainDoNotSeeEachOther() {
        Condition base = USER.AGE.gt(1).and(USER.AGE.lt(9));
        Condition left = base.and(USER.NAME.eq("a"));
        Condition right = base.and(USER.NAME.eq("b"));
        Condition leftLonger = left.and(USER.EMAIL.eq("x"));
        String prefix = "(\"users\".\"age\" > 1) AND (\"users\".\"age\" < 9)";
        assertEquals(prefix, base.toString());
        assertEquals(prefix + " AND (\"users\".\"name\" = 'a')", left.toString());
        assertEquals(prefix + " AND (\"users\".\"name\" = 'b')", right.toString());
        assertEquals(prefix + " AND (\"users\".\"name\" = 'a') AND (\"users\".\"email\" = 'x')", leftLonger.toString());
        assertEquals(prefix + " AND (\"users\".\"name\" = 'b') AND (\"users\".\"email\" = 'y')",
                right.and(USER.EMAIL.eq("y")).toString());
    }

    @Test
    void whereCallsChainTheSameWay() {
        Select<String> q = select(USER.NAME).from(USER);
        for (int i = 0; i < LONG; i++) {
            q = q.where(USER.AGE.ne(i));
        }
        assertEquals(LONG, q.render().params().size());
    }

    @Test
    void aChainMixingOperatorsKeepsItsGrouping() {
        Condition c = USER.AGE.eq(1).and(USER.AGE.eq(2)).or(USER.AGE.eq(3)).and(USER.AGE.eq(4));
        assertEquals("(((\"users\".\"age\" = 1) AND (\"users\".\"age\" = 2)) OR (\"users\".\"age\" = 3)) AND "
                + "(\"users\".\"age\" = 4)", c.toString());
        assertNotEquals(c.toString(), and(USER.AGE.eq(1), USER.AGE.eq(2)).toString());
    }

    /** Chained values(..) calls extend one shared list of rows, so 20,000 of them build in linear time. */
    @Test
    void twentyThousandChainedValuesBuildAndRender() {
        dev.belay.dsl.InsertValues2<dev.belay.dsl.fixtures.User, String, String> insert =
                insertInto(USER).columns(USER.NAME, USER.EMAIL).values("n0", "e0");
        for (int i = 1; i < 20_000; i++) {
            insert = insert.values("n" + i, "e" + i);
        }
        RenderedSql r = insert.render(dev.belay.dsl.Placeholders.NUMBERED);
        assertEquals(40_000, r.params().size());
        assertEquals("n19999", r.params().get(39_998));
        assertTrue(r.sql().endsWith("($39999, $40000)"), r.sql().substring(r.sql().length() - 40));
        // a branch off an earlier step does not see the rows added after it
        dev.belay.dsl.InsertValues2<dev.belay.dsl.fixtures.User, String, String> one =
                insertInto(USER).columns(USER.NAME, USER.EMAIL).values("a", "b");
        one.values("c", "d");
        assertEquals(List.of("a", "b", "x", "y"), one.values("x", "y").render().params());
    }
}
