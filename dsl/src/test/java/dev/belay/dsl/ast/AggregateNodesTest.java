package dev.belay.dsl.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.internal.AggregateOrder;
import dev.belay.dsl.internal.AggregateOrder.Placement;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.FunctionName.Builtin;
import dev.belay.dsl.internal.Grouping;
import dev.belay.dsl.internal.SelectNode;
import dev.belay.dsl.internal.SortSpec;
import dev.belay.dsl.internal.SqlRenderer;
import dev.belay.dsl.internal.WindowClause;
import dev.belay.dsl.internal.WindowDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The aggregate ORDER BY placements, grouping elements and named windows each render their own SQL. */
final class AggregateNodesTest {
    private static final Expr A = new Expr.ColumnRef("t", "a");
    private static final Expr B = new Expr.ColumnRef("t", "b");
    private static final FromItem T = new FromItem.TableItem(null, "t", null);
    private static final List<SortSpec> BY_B = List.of(new SortSpec(B, true, null));

    private static String render(SelectNode q) {
        return SqlRenderer.render(q, SqlRenderer.Style.NUMBERED).sql();
    }

    private static String render(Expr e) {
        return render(SelectNode.of(List.of(e), List.of(T)));
    }

    @Test
    void eachPlacementOfAnAggregateOrderRendersItsOwnWay() {
        Set<String> seen = new HashSet<>();
        for (Placement p : Placement.values()) {
            assertTrue(seen.add(render(Expr.Func.of(Builtin.STRING_AGG, A).withOrder(new AggregateOrder(p, BY_B)))));
        }
        assertEquals(Set.of("SELECT string_agg(\"t\".\"a\" ORDER BY \"t\".\"b\" DESC) FROM \"t\"",
                "SELECT string_agg(\"t\".\"a\") WITHIN GROUP (ORDER BY \"t\".\"b\" DESC) FROM \"t\""), seen);
        assertEquals("SELECT mode() WITHIN GROUP (ORDER BY \"t\".\"b\" DESC) FILTER (WHERE \"t\".\"a\") FROM \"t\"",
                render(Expr.Func.of(Builtin.MODE).withOrder(new AggregateOrder(Placement.WITHIN_GROUP, BY_B))
                        .withFilter(A)));
    }

    @Test
    void eachGroupingKindRendersItsOwnWay() {
        List<String> sql = new ArrayList<>();
        for (Grouping.Kind k : Grouping.Kind.values()) {
            sql.add(render(SelectNode.of(List.of(A), List.of(T)).withGroupBy(List.of(new Grouping(k, List.of(A, B))))));
        }
        String head = "SELECT \"t\".\"a\" FROM \"t\" GROUP BY ";
        assertEquals(List.of(head + "ROLLUP (\"t\".\"a\", \"t\".\"b\")", head + "CUBE (\"t\".\"a\", \"t\".\"b\")",
                head + "GROUPING SETS (\"t\".\"a\", \"t\".\"b\")", head + "(\"t\".\"a\", \"t\".\"b\")"), sql);
        assertEquals("()", SqlRenderer.inline(new Grouping(Grouping.Kind.SET, List.of())));
    }

    @Test
    void namedWindowsAreReferencedOrExtended() {
        WindowDef frame = new WindowDef("w", List.of(), BY_B, null);
        SelectNode q = SelectNode.of(List.of(Expr.Func.of(Builtin.RANK).withOver(WindowDef.named("w")),
                Expr.Func.of(Builtin.RANK).withOver(frame)), List.of(T))
                .withWindows(List.of(new WindowClause("w", new WindowDef(List.of(A), List.of(), null))));
        assertEquals("SELECT rank() OVER \"w\", rank() OVER (\"w\" ORDER BY \"t\".\"b\" DESC) FROM \"t\" "
                + "WINDOW \"w\" AS (PARTITION BY \"t\".\"a\")", render(q));
        // a lone expression has no SELECT to check the name against
        assertEquals("rank() OVER \"x\"", SqlRenderer.inline(Expr.Func.of(Builtin.RANK).withOver(WindowDef.named("x"))));
    }

    @Test
    void nodesRefuseShapesSqlCannotHave() {
        AggregateOrder inside = new AggregateOrder(Placement.IN_ARGUMENTS, BY_B);
        assertThrows(IllegalArgumentException.class, () -> new AggregateOrder(Placement.IN_ARGUMENTS, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Expr.Func(Builtin.COUNT, List.of(), false, true,
                null, null, inside));
        assertThrows(IllegalArgumentException.class, () -> Expr.Func.of(Builtin.MODE).withOrder(inside));
        assertThrows(IllegalArgumentException.class, () -> Expr.Func.of(Builtin.SUM, A).withOrder(inside)
                .withOver(WindowDef.named("w")));
        assertThrows(IllegalArgumentException.class, () -> new Grouping(Grouping.Kind.ROLLUP, List.of()));
        List<SortSpec> items = new ArrayList<>(BY_B);
        AggregateOrder copied = new AggregateOrder(Placement.WITHIN_GROUP, items);
        items.clear();
        assertEquals(BY_B, copied.items());
    }
}
