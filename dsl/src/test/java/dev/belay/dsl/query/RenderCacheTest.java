package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.dsl.Field;
import dev.belay.dsl.Param;
import dev.belay.dsl.Placeholders;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Doc;
import dev.belay.dsl.fixtures.User;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A query renders its SQL text once per shape; re-binding or re-rendering reuses the same String. */
final class RenderCacheTest {
    private static final Param<String> NAME = param("name", String.class);

    private static Select<String> byName() {
        return select(USER.EMAIL).from(USER).where(USER.NAME.eq(NAME)).where(USER.AGE.ge(18)).limit(5);
    }

    @Test
    void renderingTwiceGivesTheSameStringInstance() {
        Select<String> q = select(USER.NAME).from(USER).where(USER.AGE.ge(18));
        RenderedSql first = q.render();
        RenderedSql second = q.render();
        assertSame(first.sql(), second.sql());
        assertEquals(List.of(18), second.params());
        assertSame(q.render(Placeholders.NUMBERED).sql(), q.render(Placeholders.NUMBERED).sql());
    }

    @Test
    void reboundQueriesShareOneText() {
        Select<String> q = byName();
        RenderedSql a = q.bind(NAME, "a").render();
        RenderedSql b = q.bind(NAME, "b").render();
        assertSame(a.sql(), b.sql());
        assertEquals(List.of("a", 18, 5L), a.params());
        assertEquals(List.of("b", 18, 5L), b.params());
        assertSame(q.bind(NAME, "a").render(Placeholders.NUMBERED).sql(),
                q.bind(NAME, "b").render(Placeholders.NUMBERED).sql());
    }

    @Test
    void bindingBeforeTheFirstRenderStillSharesTheText() {
        Select<String> q = byName();
        Select<String> a = q.bind(NAME, "a");
        Select<String> b = a.bind(NAME, "b");
        assertSame(b.render().sql(), a.render().sql());
    }

    @Test
    void anotherBuilderCallRendersANewText() {
        Select<String> q = byName().bind(NAME, "a");
        String text = q.render().sql();
        String filtered = q.where(USER.EMAIL.isNotNull()).render().sql();
        assertNotEquals(text, filtered);
        // Same text, new shape object: the cache belongs to one query, not to equal-looking ones.
        String relimited = q.limit(6).render().sql();
        assertEquals(text, relimited);
        assertNotSame(text, relimited);
    }

    @Test
    void numberedPlaceholdersCountUpInOrder() {
        Select<String> q = byName().offset(7).bind(NAME, "a");
        RenderedSql numbered = q.render(Placeholders.NUMBERED);
        assertEquals("SELECT \"users\".\"email\" FROM \"users\" WHERE (\"users\".\"name\" = $1) AND (\"users\".\"age\" >= $2) "
                + "LIMIT $3 OFFSET $4", numbered.sql());
        assertEquals(List.of("a", 18, 5L, 7L), numbered.params());
        assertEquals(q.render().params(), numbered.params());
        assertEquals(q.render().paramTypes(), numbered.paramTypes());
    }

    @Test
    void numberedPlaceholdersReachIntoSubqueriesAndCtes() {
        var adults = cte("adults").as(select(USER.ID).from(USER).where(USER.AGE.ge(18)));
        Select<Long> q = with(adults).select(adults.field(USER.ID)).from(adults)
                .where(adults.field(USER.ID).in(select(USER.ID).from(USER).where(USER.NAME.ne("x"))))
                .limit(2);
        assertEquals("WITH \"adults\" AS (SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"age\" >= $1) "
                + "SELECT \"adults\".\"id\" FROM \"adults\" WHERE \"adults\".\"id\" IN (SELECT \"users\".\"id\" FROM \"users\" "
                + "WHERE \"users\".\"name\" <> $2) LIMIT $3", q.render(Placeholders.NUMBERED).sql());
    }

    @Test
    void jsonbQuestionMarkOperatorsAreDoubledOnlyForJdbc() {
        Table<Doc> docs = Table.of(Doc.class);
        Field<?> body = docs.columns().get(1);
        Select<Doc> q = select(docs).where(body.jsonHasKey("a")).where(body.jsonHasAnyKey("b", "c"))
                .where(body.jsonHasAllKeys("d"));
        String base = "SELECT \"docs\".\"id\", \"docs\".\"body\", \"docs\".\"is_public\" FROM \"app\".\"docs\" WHERE ";
        assertEquals(base + "(\"docs\".\"body\" ?? ?) AND (\"docs\".\"body\" ??| ?) AND (\"docs\".\"body\" ??& ?)",
                q.render().sql());
        assertEquals(base + "(\"docs\".\"body\" ? $1) AND (\"docs\".\"body\" ?| $2) AND (\"docs\".\"body\" ?& $3)",
                q.render(Placeholders.NUMBERED).sql());
        assertEquals(List.of("a", List.of("b", "c"), List.of("d")), q.render(Placeholders.NUMBERED).params());
    }

    @Test
    void theRowTypeAndItsDescriptorShareNoCacheButRenderAlike() {
        Select<User> a = select(User.class);
        Select<User> b = select(USER);
        assertEquals(a.render().sql(), b.render().sql());
    }

    @Test
    void threadsRacingToRenderFirstAllGetTheSameString() throws Exception {
        for (int round = 0; round < 200; round++) {
            Select<String> q = select(USER.NAME).from(USER).where(USER.AGE.gt(round));
            CyclicBarrier start = new CyclicBarrier(4);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> texts = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    texts.add(pool.submit(() -> {
                        start.await();
                        return q.render().sql();
                    }));
                }
                String first = texts.get(0).get();
                for (Future<String> text : texts) {
                    assertSame(first, text.get());
                }
                assertSame(first, q.render().sql());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
