package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;

import dev.belay.dsl.Cte;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.fixtures.NodeTable;
import java.util.List;

/** Recursive CTEs whose columns take their names and types from the anchor query ({@code asRecursive}). */
final class RecursiveCteGoldens {
    private RecursiveCteGoldens() {}

    private static final String ROOTS = "(SELECT \"nodes\".\"id\", \"nodes\".\"parent_id\" FROM \"nodes\" "
            + "WHERE \"nodes\".\"parent_id\" IS NULL)";

    private static Select<Tuple2<Long, Long>> roots() {
        return select(NODE.ID, NODE.PARENT_ID).from(NODE).where(NODE.PARENT_ID.isNull());
    }

    /** The tree below the roots: {@code WITH RECURSIVE "tree" AS (roots UNION ALL children of tree rows)}. */
    private static Cte<Tuple2<Long, Long>> tree() {
        return cte("tree").asRecursive(roots(),
                t -> select(NODE.ID, NODE.PARENT_ID).from(NODE).join(t).on(NODE.PARENT_ID.eq(t.field(NODE.ID))));
    }

    private static final String TREE = "WITH RECURSIVE \"tree\" AS (" + ROOTS + " UNION ALL (SELECT \"nodes\".\"id\", "
            + "\"nodes\".\"parent_id\" FROM \"nodes\" JOIN \"tree\" ON \"nodes\".\"parent_id\" = \"tree\".\"id\")) ";

    static List<Golden> cases() {
        Cte<Tuple2<Long, Long>> tree = tree();
        Cte<Tuple2<Long, Long>> distinct = cte("reach").asRecursiveDistinct(roots(),
                r -> select(NODE.ID, NODE.PARENT_ID).from(NODE).join(r).on(NODE.PARENT_ID.eq(r.field(NODE.ID))));
        Cte<Tuple2<Long, Long>> named = cte("sub", "node_id", "up").asRecursive(roots(),
                s -> select(NODE.ID, NODE.PARENT_ID).from(NODE).join(s).on(NODE.PARENT_ID.eq(s.field(NODE.ID))));
        // The step computes a column from the CTE's own, typed by the anchor: path is a Field<String>.
        Cte<Tuple2<Long, String>> paths = cte("paths").asRecursive(
                select(NODE.ID, NODE.LABEL).from(NODE).where(NODE.PARENT_ID.isNull()),
                p -> select(NODE.ID, p.field(NODE.LABEL).concat("/").concat(NODE.LABEL)).from(NODE).join(p)
                        .on(NODE.PARENT_ID.eq(p.field(NODE.ID))));
        NodeTable parent = NODE.as("parent");
        return List.of(
                Golden.of("with recursive typed by its anchor", withRecursive(tree).select(tree.field(NODE.ID)).from(tree)
                                .orderBy(tree.field(NODE.ID)),
                        TREE + "SELECT \"tree\".\"id\" FROM \"tree\" ORDER BY \"tree\".\"id\" ASC").rows(4),
                Golden.of("with recursive typed column compared", withRecursive(tree).select(tree.field(NODE.ID))
                                .from(tree).where(tree.field(NODE.PARENT_ID).eq(1L)),
                        TREE + "SELECT \"tree\".\"id\" FROM \"tree\" WHERE \"tree\".\"parent_id\" = ?", 1L).rows(2),
                Golden.of("with recursive distinct", withRecursive(distinct).select(distinct.field(NODE.ID)).from(distinct),
                        "WITH RECURSIVE \"reach\" AS (" + ROOTS + " UNION (SELECT \"nodes\".\"id\", \"nodes\".\"parent_id\" "
                                + "FROM \"nodes\" JOIN \"reach\" ON \"nodes\".\"parent_id\" = \"reach\".\"id\")) "
                                + "SELECT \"reach\".\"id\" FROM \"reach\"").rows(4),
                Golden.of("with recursive named columns", withRecursive(named).select(named.field(NODE.PARENT_ID))
                                .from(named).where(named.field(NODE.ID).gt(2L)),
                        "WITH RECURSIVE \"sub\"(\"node_id\", \"up\") AS (" + ROOTS + " UNION ALL (SELECT \"nodes\".\"id\", "
                                + "\"nodes\".\"parent_id\" FROM \"nodes\" JOIN \"sub\" ON \"nodes\".\"parent_id\" = "
                                + "\"sub\".\"node_id\")) SELECT \"sub\".\"up\" FROM \"sub\" WHERE \"sub\".\"node_id\" > ?",
                        2L).rows(2),
                Golden.of("with recursive computed column", withRecursive(paths).select(paths.field(NODE.LABEL))
                                .from(paths).orderBy(paths.field(NODE.LABEL)),
                        "WITH RECURSIVE \"paths\" AS ((SELECT \"nodes\".\"id\", \"nodes\".\"label\" FROM \"nodes\" WHERE "
                                + "\"nodes\".\"parent_id\" IS NULL) UNION ALL (SELECT \"nodes\".\"id\", (\"paths\".\"label\" "
                                + "|| ?) || \"nodes\".\"label\" FROM \"nodes\" JOIN \"paths\" ON \"nodes\".\"parent_id\" = "
                                + "\"paths\".\"id\")) SELECT \"paths\".\"label\" FROM \"paths\" ORDER BY \"paths\".\"label\" ASC",
                        "/").rows(4),
                Golden.of("with recursive joined to a typed alias", withRecursive(tree).select(parent.LABEL).from(tree)
                                .join(parent).on(parent.ID.eq(tree.field(NODE.PARENT_ID))),
                        TREE + "SELECT \"parent\".\"label\" FROM \"tree\" JOIN \"nodes\" AS \"parent\" ON \"parent\".\"id\" "
                                + "= \"tree\".\"parent_id\"").rows(3));
    }
}
