package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BulkPlainTest {
    @Test
    void drawnKeysThatCameBackOutOfOrderAreSortedWithTheirRowsAndNothingElseMoves() {
        // a chunk at rows 2..5 of the call; rows 0, 1 and 6 belong to other chunks
        Object[][] columns = {
            {"x", "y", "c", "a", "d", "b", "z"},
            {0L, 0L, 30L, 10L, 40L, 20L, 0L},
        };
        BulkPlain.sortByKey(columns, 2, 4, 1);
        assertArrayEquals(new Object[] {"x", "y", "a", "b", "c", "d", "z"}, columns[0]);
        assertArrayEquals(new Object[] {0L, 0L, 10L, 20L, 30L, 40L, 0L}, columns[1]);
    }

    @Test
    void keysOfAnyIntegerClassAreComparedByValue() {
        Object[][] columns = {{3, 1, 2}, {"three", "one", "two"}};
        BulkPlain.sortByKey(columns, 0, 3, 0);
        assertArrayEquals(new Object[] {1, 2, 3}, columns[0]);
        assertArrayEquals(new Object[] {"one", "two", "three"}, columns[1]);
    }
}
