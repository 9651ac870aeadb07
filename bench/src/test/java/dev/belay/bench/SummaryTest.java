package dev.belay.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static Summary.Line line(String contender, double millis, double cpuMicros) {
        return new Summary.Line("BulkUpsertBench", Map.of(), contender, millis, millis, 0, "ms/op", 1_000, cpuMicros);
    }

    @Test
    void givesEachContendersClientCpuAndItsRatioToTheFastestJdbcVariant() {
        String table = Summary.markdown(List.of(line("jdbcSlow", 70, 9_000), line("jdbcUnnest", 60, 2_400),
                line("belay", 66, 3_000), line("jooq", 100, 12_000)));
        assertTrue(table.contains("| client CPU µs/op | CPU ÷ JDBC |"), table);
        assertTrue(table.contains("| BulkUpsertBench | belay | 66.000 | 66.000 ± 0.0000 | ms/op | 1,000 | 1.10× | 0.66× "
                + "| 3,000.0 | 1.25× |"), table);
        assertTrue(table.contains("| BulkUpsertBench | jdbcUnnest | 60.000 | 60.000 ± 0.0000 | ms/op | 1,000 | 1.00× "
                + "| 0.60× | 2,400.0 | 1.00× |"), table);
    }

    @Test
    void leavesTheCpuColumnsEmptyWithoutTheProfilersResult() {
        String table = Summary.markdown(List.of(line("belay", 1, Double.NaN)));
        assertTrue(table.contains("| BulkUpsertBench | belay | 1.000 | 1.000 ± 0.0000 | ms/op | 1,000 |  |  |  |  |"),
                table);
    }
}
