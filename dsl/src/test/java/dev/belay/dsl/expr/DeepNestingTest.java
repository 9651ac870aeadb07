package dev.belay.dsl.expr;

import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Condition;
import dev.belay.dsl.Field;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Expressions nested thousands of levels deep (generated filters, chained arithmetic) render without a
 * StackOverflowError on any thread, and past Belay's documented limit they are refused with an
 * IllegalArgumentException that says what to do instead.
 */
final class DeepNestingTest {

    /** {@code ((((a) OR b) AND c) OR d) ...}: every level alternates, so nothing flattens. */
    static Condition alternating(int depth) {
        Condition c = USER.AGE.eq(0);
        for (int i = 1; i <= depth; i++) {
            c = i % 2 == 0 ? c.and(USER.AGE.eq(i)) : c.or(USER.AGE.eq(i));
        }
        return c;
    }

    static Condition nots(int depth) {
        Condition c = USER.AGE.eq(1);
        for (int i = 0; i < depth; i++) {
            c = c.not();
        }
        return c;
    }

    static Field<Integer> plusChain(int depth) {
        Field<Integer> f = USER.AGE;
        for (int i = 0; i < depth; i++) {
            f = f.plus(1);
        }
        return f;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    void twoThousandAlternatingAndOrRender() {
        RenderedSql r = select(USER.ID).from(USER).where(alternating(2_000)).render();
        assertEquals(2_001, r.params().size());
        assertEquals(1_000, count(r.sql(), ") AND ("));
        assertEquals(1_000, count(r.sql(), ") OR ("));
        assertEquals(count(r.sql(), "("), count(r.sql(), ")"));
        assertEquals(0, r.params().get(0));
        assertEquals(2_000, r.params().get(2_000));
    }

    @Test
    void tenThousandNestedNotsRender() {
        String sql = select(USER.ID).from(USER).where(nots(10_000)).render().sql();
        assertTrue(sql.startsWith("SELECT \"users\".\"id\" FROM \"users\" WHERE NOT (NOT (NOT ("), sql.substring(0, 80));
        assertEquals(10_000, count(sql, "NOT "));
        assertTrue(sql.endsWith("\"users\".\"age\" = ?" + ")".repeat(10_000)));
    }

    @Test
    void tenThousandChainedPlusRenderAndPrint() {
        Field<Integer> f = plusChain(10_000);
        Select<Integer> q = select(f).from(USER);
        RenderedSql r = q.render();
        assertEquals(10_000, r.params().size());
        assertTrue(r.sql().startsWith("SELECT " + "(".repeat(9_999) + "\"users\".\"age\" + ?) + ?"), r.sql().substring(0, 40));
        assertTrue(f.toString().endsWith(" + 1"));
        assertTrue(q.toString().startsWith("SELECT ((((("));
    }

    @Test
    void aDeepStatementRendersOnAThreadWithATinyStack() throws InterruptedException {
        Select<Long> q = select(USER.ID).from(USER).where(nots(5_000));
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                outcome.set(q.render().sql().length());
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertTrue(outcome.get() instanceof Integer, () -> "rendering failed on a small stack: " + outcome.get());
    }

    @Test
    void theDocumentedLimitIsRenderedAndOneMoreLevelIsRefused() {
        assertTrue(select(USER.ID).from(USER).where(nots(99_990)).render().sql().length() > 99_990 * 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> select(USER.ID).from(USER).where(nots(100_001)).render());
        assertTrue(e.getMessage().contains("more than 100000 levels deep"), e.getMessage());
        assertTrue(e.getMessage().contains("and(conditions...)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> nots(100_001).toString());
    }

    @Test
    void anInterruptedCallerStillGetsItsSqlAndKeepsItsInterrupt() {
        Select<Long> q = select(USER.ID).from(USER).where(nots(3_000));
        Thread.currentThread().interrupt();
        try {
            assertTrue(q.render().sql().startsWith("SELECT"));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
