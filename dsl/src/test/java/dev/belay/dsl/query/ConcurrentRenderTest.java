package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A query is immutable and caches its text, so it can be rendered from many threads at once. */
final class ConcurrentRenderTest {
    private static final int THREADS = 8;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static Select<Tuple2<String, Long>> query(int minAge) {
        return select(USER.NAME, count().as("orders")).from(USER).leftJoin(ORDER).on(ORDER.USER_ID.eq(USER.ID))
                .where(USER.AGE.ge(minAge)).groupBy(USER.NAME).orderBy(USER.NAME).limit(10);
    }

    private static final String SQL = "SELECT \"users\".\"name\", count(*) AS \"orders\" FROM \"users\" LEFT JOIN "
            + "\"orders\" ON \"orders\".\"user_id\" = \"users\".\"id\" WHERE \"users\".\"age\" >= ? "
            + "GROUP BY \"users\".\"name\" ORDER BY \"users\".\"name\" ASC LIMIT ?";

    @Test
    void oneSharedQueryRenderedAThousandTimesFromEightThreads() throws Exception {
        Select<Tuple2<String, Long>> shared = query(18);   // not rendered before the threads start
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<List<RenderedSql>>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            work.add(pool.submit(() -> {
                start.await();
                List<RenderedSql> mine = new ArrayList<>();
                for (int i = 0; i < 1000 / THREADS; i++) {
                    mine.add(shared.render());
                }
                return mine;
            }));
        }
        List<RenderedSql> all = new ArrayList<>();
        for (Future<List<RenderedSql>> f : work) {
            all.addAll(f.get(30, TimeUnit.SECONDS));
        }
        assertEquals(1000, all.size());
        String first = all.get(0).sql();
        assertEquals(SQL, first);
        for (RenderedSql r : all) {
            assertSame(first, r.sql());
            assertEquals(List.of(18, 10L), r.params());
        }
    }

    /** Many fresh queries, each raced by all threads on its very first render, where a lazy cache can split. */
    @Test
    void threadsRacingOnTheFirstRenderAllGetTheSameText() throws Exception {
        for (int round = 0; round < 300; round++) {
            Select<Tuple2<String, Long>> fresh = query(round);
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<RenderedSql>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                work.add(pool.submit(() -> {
                    start.await();
                    return fresh.render();
                }));
            }
            String first = work.get(0).get(30, TimeUnit.SECONDS).sql();
            for (Future<RenderedSql> f : work) {
                RenderedSql r = f.get(30, TimeUnit.SECONDS);
                assertSame(first, r.sql(), "round " + round);
                assertEquals(List.of(round, 10L), r.params());
            }
        }
    }
}
