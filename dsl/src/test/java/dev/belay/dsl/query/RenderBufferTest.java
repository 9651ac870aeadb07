package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Sql;
import dev.belay.dsl.fixtures.User;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Renderings write into a text buffer each thread reuses: nothing of one statement's text may show in the next, a
 * buffer grown by a huge statement is dropped, and threads never share one.
 */
final class RenderBufferTest {
    private static final String BY_NAME = "SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"name\" = ?";

    private static String byName(String name) {
        return select(USER.ID).from(USER).where(USER.NAME.eq(name)).render().sql();
    }

    private static List<User> users(int n) {
        List<User> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new User(null, "n" + i, "e" + i, i, null));
        }
        return rows;
    }

    @Test
    void aSmallStatementAfterAHugeOneHasOnlyItsOwnText() {
        String huge = Sql.insertInto(USER).values(users(2_000)).render().sql();
        assertTrue(huge.length() > 16 * 1024, "the statement must outgrow the kept buffer: " + huge.length());
        assertEquals(BY_NAME, byName("a"));
        assertEquals(huge, Sql.insertInto(USER).values(users(2_000)).render().sql());
        assertEquals(BY_NAME, byName("b"));
    }

    @Test
    void threadsRenderingAtOnceGetTheirOwnText() throws Exception {
        String expectedInsert = Sql.insertInto(USER).values(users(3)).render().sql();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                boolean inserts = t % 2 == 0;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String sql = inserts ? Sql.insertInto(USER).values(users(3)).render().sql() : byName("x" + i);
                        if (!sql.equals(inserts ? expectedInsert : BY_NAME)) {
                            throw new AssertionError("thread got " + sql);
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertTrue(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
