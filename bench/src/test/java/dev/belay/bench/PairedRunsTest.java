package dev.belay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedRunsTest {
    @Test
    void theRatioIsTheMedianOfEachRoundsRatioSoADriftCommonToARoundCancels() {
        // the host runs twice as slow in rounds 2 and 3; each round the contender takes 1.1x the reference
        long[] reference = {999, 100, 200, 200, 100};
        long[] contender = {1, 110, 220, 220, 110};
        assertEquals(1.1, PairedRuns.pairedRatio(contender, reference, 1), 1e-9);
    }

    @Test
    void warmUpRoundsAreNotCounted() {
        long[] reference = {10, 10, 10, 10};
        long[] contender = {90, 90, 12, 12};
        assertEquals(1.2, PairedRuns.pairedRatio(contender, reference, 2), 1e-9);
    }

    @Test
    void theDifferenceIsTheMedianOfEachRoundsDifferenceAfterTheWarmUp() {
        // a fixed 3 per operation on a reference that doubles in rounds 3 and 4: the ratio moves, the difference not
        long[] reference = {50, 100, 100, 200, 200};
        long[] contender = {90, 103, 103, 203, 203};
        assertEquals(3.0, PairedRuns.pairedDifference(contender, reference, 1), 1e-9);
        assertEquals(-2.0, PairedRuns.pairedDifference(new long[] {0, 98, 98, 98}, new long[] {0, 100, 100, 100}, 1),
                1e-9);
    }

    @Test
    void theStreamIsRefusedOutsideA64MbHeapBeforeAnythingRuns(@TempDir Path out) {
        // the test JVM's heap is larger; StreamBench's numbers hold for 64 MB, where the rows do not fit
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PairedRuns.main(new String[] {"stream", out.toString()}));
        assertTrue(e.getMessage().contains("-Xmx64m"), e.getMessage());
    }
}
