package dev.belay.dsl.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Query;
import dev.belay.dsl.RenderedSql;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** The exact-text checks the query tests share. */
final class QueryAssertions {
    private QueryAssertions() {}

    static final String USER_COLS = "\"users\".\"id\", \"users\".\"name\", \"users\".\"email\", \"users\".\"age\", "
            + "\"users\".\"created_at\"";

    /** What a query must render: exact SQL and exact parameters. */
    record Expect(String sql, List<Object> params) {}

    static Expect expect(String sql, Object... params) {
        return new Expect(sql, Arrays.asList(params));
    }

    /** {@code call} throws {@code type} with a message holding every fragment (the names and the fix it must give). */
    static <E extends Throwable> E assertFails(Class<E> type, Executable call, String... fragments) {
        E e = assertThrows(type, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "'" + f + "' not in: " + e.getMessage());
        }
        return e;
    }

    static void assertRenders(Expect expected, Query query) {
        RenderedSql r = query.render();
        assertEquals(expected.sql(), r.sql());
        assertEquals(expected.params(), r.params());
    }

    /**
     * Both branches, and then the base they grew from, render as expected. The base is rendered last and
     * for the first time, so a builder that changed shared state would show up in its text.
     */
    static void assertBranches(Query base, Expect baseSql, Query a, Expect aSql, Query b, Expect bSql) {
        assertRenders(aSql, a);
        assertRenders(bSql, b);
        assertRenders(baseSql, base);
        assertEquals(baseSql.sql(), base.render().sql(), "base rendered again");
    }
}
