package dev.belay.it;

import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Condition;
import dev.belay.dsl.Field;
import dev.belay.executor.BelayException;
import dev.belay.executor.DBConnection;
import dev.belay.test.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statements nested thousands of levels deep run through db.exec: the depth PostgreSQL accepts gives the rows it
 * should, and the depth it refuses comes back as its own typed error, never a StackOverflowError.
 */
@FixtureDatabase
final class DeepNestingExecutionTest {
    private static final int[] AGES = {0, 1, 2, 3, 4, 1_000, 1_999, 2_000, 2_001, 5_000};
    private static DBConnection dbc;

    @BeforeAll
    static void insertUsers(TestDatabase db) {
        dbc = db.open();
        for (int age : AGES) {
            dbc.exec(insertInto(USER).set(USER.NAME, "u" + age).set(USER.EMAIL, age + "@example.org").set(USER.AGE, age));
        }
    }

    /** {@code ((a = 0) OR (a = 1)) AND (a = 2) ...}, as DeepNestingTest in dsl builds it. */
    private static Condition alternating(int depth) {
        Condition c = USER.AGE.eq(0);
        for (int i = 1; i <= depth; i++) {
            c = i % 2 == 0 ? c.and(USER.AGE.eq(i)) : c.or(USER.AGE.eq(i));
        }
        return c;
    }

    /** The same condition evaluated in Java, for ages that are never NULL. */
    private static boolean alternating(int depth, int age) {
        boolean c = age == 0;
        for (int i = 1; i <= depth; i++) {
            c = i % 2 == 0 ? c && age == i : c || age == i;
        }
        return c;
    }

    @Test
    void twoThousandAlternatingAndOrSelectTheRightRows() {
        for (int depth : new int[] {1_999, 2_000}) {
            List<String> expected = new ArrayList<>();
            for (int age : AGES) {
                if (alternating(depth, age)) {
                    expected.add("u" + age);
                }
            }
            assertEquals(expected, dbc.exec(select(USER.NAME).from(USER).where(alternating(depth))
                    .orderBy(USER.AGE.asc())), "depth " + depth);
        }
    }

    @Test
    void aThousandChainedPlusComputeTheSum() {
        Field<Integer> f = USER.AGE;
        for (int i = 0; i < 1_000; i++) {
            f = f.plus(2);
        }
        assertEquals(List.of(2_000, 2_001, 7_000), dbc.exec(select(f).from(USER).where(USER.AGE.in(0, 1, 5_000))
                .orderBy(USER.AGE.asc())));
    }

    @Test
    void tenThousandNestedNotsAreRefusedByPostgresqlNotByTheStack() {
        Condition c = USER.AGE.eq(1);
        for (int i = 0; i < 10_000; i++) {
            c = c.not();
        }
        Condition deep = c;
        BelayException e = assertThrows(BelayException.class, () -> dbc.exec(select(USER.NAME).from(USER).where(deep)));
        assertEquals("42601", e.sqlState(), e.getMessage());
        assertTrue(dbc.exec(select(USER.NAME).from(USER).where(USER.AGE.eq(1).not().not())).contains("u1"));
    }
}
