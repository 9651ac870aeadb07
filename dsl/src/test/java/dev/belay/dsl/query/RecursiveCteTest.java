package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.query.QueryAssertions.assertBranches;
import static dev.belay.dsl.query.QueryAssertions.assertFails;
import static dev.belay.dsl.query.QueryAssertions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Cte;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code cte("tree").asRecursive(anchor, t -> step)}: the step's stand-in has the anchor's typed columns. */
final class RecursiveCteTest {
    private static final String TREE = "WITH RECURSIVE \"tree\" AS ((SELECT \"nodes\".\"id\", \"nodes\".\"parent_id\" "
            + "FROM \"nodes\" WHERE \"nodes\".\"parent_id\" IS NULL) UNION ALL (SELECT \"nodes\".\"id\", "
            + "\"nodes\".\"parent_id\" FROM \"nodes\" JOIN \"tree\" ON \"nodes\".\"parent_id\" = \"tree\".\"id\")) ";

    private static Select<Tuple2<Long, Long>> roots() {
        return select(NODE.ID, NODE.PARENT_ID).from(NODE).where(NODE.PARENT_ID.isNull());
    }

    private static Cte<Tuple2<Long, Long>> tree() {
        return cte("tree").asRecursive(roots(),
                t -> select(NODE.ID, NODE.PARENT_ID).from(NODE).join(t).on(NODE.PARENT_ID.eq(t.field(NODE.ID))));
    }

    @Test
    void theStandInsColumnsCarryTheAnchorsTypes() {
        List<Field<?>> seen = new ArrayList<>();
        cte("tree").asRecursive(roots(), t -> {
            seen.add(t.field(NODE.ID));
            seen.add(t.field(NODE.PARENT_ID));
            return select(NODE.ID, NODE.PARENT_ID).from(NODE).join(t).on(NODE.PARENT_ID.eq(t.field(NODE.ID)));
        });
        assertEquals(List.of(PgType.INT8, PgType.INT8), seen.stream().map(Field::type).toList());
        assertEquals("\"tree\".\"parent_id\"", seen.get(1).toString());
    }

    @Test
    void oneRecursiveCteServesTwoStatementsAndRendersTheSameTwice() {
        Cte<Tuple2<Long, Long>> tree = tree();
        Select<Long> base = withRecursive(tree).select(tree.field(NODE.ID)).from(tree);
        String sql = TREE + "SELECT \"tree\".\"id\" FROM \"tree\"";
        assertBranches(base, expect(sql),
                base.where(tree.field(NODE.PARENT_ID).eq(1L)), expect(sql + " WHERE \"tree\".\"parent_id\" = ?", 1L),
                base.orderBy(tree.field(NODE.ID).desc()), expect(sql + " ORDER BY \"tree\".\"id\" DESC"));
        assertEquals(sql, withRecursive(tree).select(tree.field(NODE.ID)).from(tree).render().sql());
        assertEquals(sql, withRecursive(tree()).select(tree().field(NODE.ID)).from(tree()).render().sql());
    }

    @Test
    void theOldHandTypedFormStillRendersTheSameQuery() {
        var name = cte("tree");
        Field<Long> treeId = name.field("id", PgType.INT8);
        Cte<Tuple2<Long, Long>> old = name.as(roots()
                .unionAll(select(NODE.ID, NODE.PARENT_ID).from(NODE).join(name).on(NODE.PARENT_ID.eq(treeId))));
        assertEquals(withRecursive(tree()).select(tree().field(NODE.ID)).from(tree()).render().sql(),
                withRecursive(old).select(old.field(NODE.ID)).from(old).render().sql());
    }

    @Test
    void aRecursiveCteInPlainWithIsRefused() {
        assertFails(IllegalArgumentException.class, () -> with(tree()), "cte tree", "withRecursive(");
    }

    @Test
    void theStandInCannotBeUsedAsTheCte() {
        List<Cte<Tuple2<Long, Long>>> standIn = new ArrayList<>();
        cte("tree").asRecursive(roots(), t -> {
            standIn.add(t);
            return select(NODE.ID, NODE.PARENT_ID).from(NODE).join(t).on(NODE.PARENT_ID.eq(t.field(NODE.ID)));
        });
        assertFails(IllegalArgumentException.class, () -> withRecursive(standIn.get(0)), "cte tree", "stand-in",
                "asRecursive");
    }

    @Test
    void stepMistakesAreNamed() {
        assertFails(IllegalArgumentException.class, () -> cte("tree").asRecursive(roots(), t -> null), "cte tree",
                "returned null");
        assertFails(IllegalArgumentException.class, () -> cte("tree").asRecursive(roots(),
                t -> select(NODE.ID, NODE.PARENT_ID).from(NODE).join(t).on(NODE.LABEL.eq(t.field(NODE.LABEL)))),
                "cte tree does not select", "\"nodes\".\"label\"");
        assertFails(IllegalArgumentException.class, () -> cte("tree", "id").asRecursive(roots(),
                t -> select(NODE.ID, NODE.PARENT_ID).from(NODE)), "cte tree names 1 columns", "selects 2");
    }
}
