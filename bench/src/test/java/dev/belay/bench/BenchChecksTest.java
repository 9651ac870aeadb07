package dev.belay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs, once, the check each benchmark makes before timing (every contender gives the same result), so that the
 * build catches a contender gone wrong without running the benchmarks themselves.
 */
class BenchChecksTest {

    @Test
    void renderedStatementsDoTheSameForBelayAndJooq() throws SQLException {
        for (RenderBench.Work work : RenderBench.Work.values()) {
            RenderBench bench = new RenderBench();
            bench.work = work;
            bench.check();
        }
        new RebindBench().check();
    }

    @Test
    void growingRendersDoTheSameForBelayAndJooq() throws SQLException {
        for (int n : new int[] {1, 10, 100}) {
            RenderGrowthBench.Predicates bench = new RenderGrowthBench.Predicates();
            bench.predicates = n;
            bench.check();
        }
        for (int n : new int[] {1, 100, 1_000}) {
            RenderGrowthBench.Rows bench = new RenderGrowthBench.Rows();
            bench.rows = n;
            bench.check();
        }
    }

    @Test
    void readsGiveTheSameRecords() throws SQLException {
        Contenders on = new Contenders();
        try {
            new FetchJoinBench().check(on);
            new PointLookupBench().check(on);
            new StreamBench().check(on);
        } finally {
            on.close();
        }
    }

    @Test
    void bulkInsertsGiveEveryIdBackInOrder() throws SQLException {
        BulkInsertBench bench = new BulkInsertBench();
        bench.open();
        bench.close();
    }

    @Test
    void bulkUpsertsGiveEveryIdBackInOrder() throws SQLException {
        BulkUpsertBench bench = new BulkUpsertBench();
        bench.open();
        bench.close();
    }

    /**
     * At 10,000 rows only, whose texts are compared with those of their first 1,000: the 100,000-row checks took 27 s
     * on this 2-core machine under load (the upsert 21 s), past this class's budget of about 20 s. bench/run checks
     * every size.
     */
    @Test
    void growingWritesKeepTheirContractsAndSendOneTextPerShape() throws SQLException {
        for (WriteGrowthBench.Write write : WriteGrowthBench.Write.values()) {
            for (String contender : List.of("belay", "jdbcUnnest")) {
                WriteGrowthBench bench = new WriteGrowthBench();
                bench.write = write;
                bench.rows = 10_000;
                bench.open(contender);
                bench.close();
            }
        }
    }

    @Test
    void copiesLoadTheSameRows() throws SQLException {
        CopyBench bench = new CopyBench();
        bench.rows = 10_000;
        bench.open();
        bench.close();
    }

    @Test
    void aContenderWithAnotherResultFailsTheRun() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Check.same("fetch join", "jdbc", List.of(1, 2), "belay", List.of(1)));
        assertEquals("fetch join: belay does not give what jdbc gives, so its time would mean nothing.\n"
                + "  jdbc: [1, 2]\n  belay: [1]", e.getMessage());
    }
}
