package dev.belay.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** What {@link RunSuite} relies on in the benchmark classes. */
class RunSuiteTest {

    /**
     * RunSuite leaves warm-up and measurement to each class (so that the growth benchmarks can be shorter); a class
     * that forgot them would get JMH's defaults, 5 x 10 s of each, and take the suite far past its time.
     */
    @Test
    void everyBenchmarkSetsItsOwnWarmupAndMeasurement() {
        Set<BenchmarkListEntry> all = BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of());
        assertFalse(all.isEmpty(), "no benchmark in the generated list");
        for (BenchmarkListEntry b : all) {
            assertTrue(b.getWarmupIterations().hasValue() && b.getWarmupTime().hasValue()
                            && b.getMeasurementIterations().hasValue() && b.getMeasurementTime().hasValue(),
                    b.getUsername() + " needs @Warmup(iterations, time) and @Measurement(iterations, time)");
        }
    }
}
