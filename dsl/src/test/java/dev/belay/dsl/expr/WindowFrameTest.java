package dev.belay.dsl.expr;

import static dev.belay.dsl.FrameBound.currentRow;
import static dev.belay.dsl.FrameBound.following;
import static dev.belay.dsl.FrameBound.preceding;
import static dev.belay.dsl.FrameBound.unboundedFollowing;
import static dev.belay.dsl.FrameBound.unboundedPreceding;
import static dev.belay.dsl.Sql.lower;
import static dev.belay.dsl.Sql.partitionBy;
import static dev.belay.dsl.Sql.sum;
import static dev.belay.dsl.Sql.window;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.WindowSpec;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Frames PostgreSQL would reject are refused when the window is used, naming the rule. */
class WindowFrameTest {

    private static void refused(Supplier<WindowSpec> window, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sum(ORDER.TOTAL).over(window.get()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void refusesFramesThePostgresGrammarRejects() {
        refused(() -> window().rowsBetween(unboundedFollowing(), currentRow()), "cannot start at UNBOUNDED FOLLOWING");
        refused(() -> window().rowsBetween(currentRow(), unboundedPreceding()), "cannot end at UNBOUNDED PRECEDING");
        refused(() -> window().rowsBetween(following(1), preceding(1)), "starts after it ends");
        refused(() -> window().rowsBetween(currentRow(), preceding(2)), "starts after it ends");
        refused(() -> window().groupsBetween(preceding(1), currentRow()), "GROUPS frames need an ORDER BY");
        refused(() -> window().rangeBetween(preceding(1), currentRow()), "exactly one ORDER BY");
        refused(() -> window().orderBy(ORDER.ID, ORDER.TOTAL).rangeBetween(preceding(1), currentRow()),
                "exactly one ORDER BY");
    }

    @Test
    void acceptsValidFrames() {
        assertEquals("sum(\"orders\".\"total\") OVER (PARTITION BY \"orders\".\"user_id\" ORDER BY \"orders\".\"id\" ASC "
                        + "RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING)",
                sum(ORDER.TOTAL).over(partitionBy(ORDER.USER_ID).orderBy(ORDER.ID)
                        .rangeBetween(preceding(2), following(1))).toString());
        assertEquals("sum(\"orders\".\"total\") OVER (ROWS BETWEEN CURRENT ROW AND CURRENT ROW)",
                sum(ORDER.TOTAL).over(window().rowsBetween(currentRow(), currentRow())).toString());
        assertEquals("sum(\"orders\".\"total\") OVER (RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)",
                sum(ORDER.TOTAL).over(window().rangeBetween(unboundedPreceding(), unboundedFollowing())).toString());
    }

    @Test
    void textFunctionsRefuseJsonHeldInAString() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lower(Docs.BODY));
        assertTrue(e.getMessage().contains("jsonGetText"), e.getMessage());
    }
}
