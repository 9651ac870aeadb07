package dev.belay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the growth table of summary.md says of a linear cost and of a quadratic one. */
class GrowthTest {

    private static Summary.Line line(String contender, int rows, double millis) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("rows", String.valueOf(rows));
        params.put("write", "INSERT");
        return new Summary.Line("WriteGrowthBench", params, contender, millis, millis, 0, "ms/op", 0, Double.NaN);
    }

    @Test
    void aLinearCostWithAFixedPartHasStepsOfOneAndAQuadraticOneOfTen() {
        List<Summary.Line> lines = new ArrayList<>();
        for (int rows : new int[] {1_000, 10_000, 100_000}) {
            lines.add(line("belay", rows, 5 + rows * 0.002));           // 5 ms fixed, then 2 µs a row
            lines.add(line("jdbcUnnest", rows, rows * 1e-6 * rows / 1000)); // grows with the square
        }
        assertEquals("""
                Growth: µs per unit at each size; max ÷ min of those; µs per unit added in the last step ÷ in the \
                first (about 1 when linear; fixed costs weigh on max ÷ min only).

                | growth | contender | µs per unit at each size | max ÷ min | last step ÷ first step |
                |---|---|---|---:|---:|
                | WriteGrowthBench write=INSERT, per row | belay | 1,000: 7.000 · 10,000: 2.500 · 100,000: 2.050 \
                | 3.41× | 1.00× |
                | WriteGrowthBench write=INSERT, per row | jdbcUnnest | 1,000: 0.0010 · 10,000: 0.0100 \
                · 100,000: 0.1000 | 100.00× | 10.00× |
                """, Growth.markdown(lines));
    }

    @Test
    void oneSizeAloneSaysNothing() {
        assertEquals("", Growth.markdown(List.of(line("belay", 10_000, 25))));
    }
}
