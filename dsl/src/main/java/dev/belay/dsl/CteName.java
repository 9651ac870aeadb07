package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.Identifiers;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The name of a CTE before its query is given. A recursive CTE takes its columns, names and types, from its
 * anchor query, and its step reads the CTE through the stand-in it is handed:
 *
 * <pre>{@code
 * Cte<Tuple2<Long, Long>> tree = cte("tree").asRecursive(
 *     select(NODE.ID, NODE.PARENT_ID).from(NODE).where(NODE.PARENT_ID.isNull()),
 *     t -> select(NODE.ID, NODE.PARENT_ID).from(NODE).join(t).on(NODE.PARENT_ID.eq(t.field(NODE.ID))));
 * withRecursive(tree).select(tree.field(NODE.ID)).from(tree);
 * // WITH RECURSIVE "tree" AS ((SELECT "nodes"."id", "nodes"."parent_id" FROM "nodes" WHERE "nodes"."parent_id" IS NULL)
 * //   UNION ALL (SELECT "nodes"."id", "nodes"."parent_id" FROM "nodes" JOIN "tree" ON "nodes"."parent_id" = "tree"."id"))
 * //   SELECT "tree"."id" FROM "tree"
 * }</pre>
 *
 * The name itself can stand in FROM too, with columns typed by hand, for a query written in one piece:
 *
 * <pre>{@code
 * CteName tree = cte("tree", "id", "parent_id");
 * Field<Long> treeId = tree.field("id", PgType.INT8);
 * Cte<Tuple2<Long, Long>> def = tree.as(
 *     select(NODE.ID, NODE.PARENT_ID).from(NODE).where(NODE.PARENT_ID.isNull())
 *     .unionAll(select(NODE.ID, NODE.PARENT_ID).from(NODE).join(tree).on(NODE.PARENT_ID.eq(treeId))));
 * withRecursive(def).select(def.field(NODE.ID)).from(def);
 * // WITH RECURSIVE "tree"("id", "parent_id") AS (...) SELECT "tree"."id" FROM "tree"
 * }</pre>
 */
public final class CteName extends TableLike {
    private final String name;
    private final List<String> columns;

    CteName(String name, List<String> columns) {
        this.name = Identifiers.check(name, "cte name");
        for (String c : columns) {
            Identifiers.check(c, "cte column name");
        }
        this.columns = List.copyOf(columns);
    }

    /**
     * Gives the CTE its query: {@code cte("adults").as(select(USER.ID, USER.NAME).from(USER).where(USER.AGE.ge(18)))}
     * renders {@code "adults" AS (SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."age" >= ?)}
     * inside {@code with(adults)}.
     */
    public <R> Cte<R> as(Select<R> query) {
        return new Cte<>(this, query.projection(), query.nestedNode("cte " + name));
    }

    /** A data-modifying CTE: an INSERT, UPDATE or DELETE whose RETURNING rows the main statement reads. */
    public <R> Cte<R> as(Returning<R> statement) {
        return new Cte<>(this, statement.projection(), statement.nestedNode("cte " + name));
    }

    /**
     * A recursive CTE: {@code anchor UNION ALL step}, where {@code step} reads the CTE through the stand-in it is
     * given, whose {@code field(..)} columns have the anchor's names and types (see the class example). The step
     * must select the same row type as the anchor.
     */
    public <R> Cte<R> asRecursive(Select<R> anchor, Function<Cte<R>, Select<R>> step) {
        return recursive(anchor, step, false);
    }

    /**
     * As {@link #asRecursive}, but {@code anchor UNION step}: rows the CTE already holds are dropped, which ends
     * the walk of a graph with cycles.
     */
    public <R> Cte<R> asRecursiveDistinct(Select<R> anchor, Function<Cte<R>, Select<R>> step) {
        return recursive(anchor, step, true);
    }

    private <R> Cte<R> recursive(Select<R> anchor, Function<Cte<R>, Select<R>> step, boolean distinct) {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(step, "step");
        Select<R> next = step.apply(new Cte<>(this, anchor.projection(), null, true));
        if (next == null) {
            throw new IllegalArgumentException("cte " + name + ": the recursive step returned null instead of a query");
        }
        Select<R> whole = distinct ? anchor.union(next) : anchor.unionAll(next);
        return new Cte<>(this, anchor.projection(), whole.nestedNode("cte " + name), true);
    }

    /** A typed reference to one of the named columns: {@code tree.field("id", PgType.INT8)} renders {@code "tree"."id"}. */
    public <T> Field<T> field(String column, PgType<T> type) {
        if (!columns.isEmpty() && !columns.contains(column)) {
            throw new IllegalArgumentException("cte " + name + " has no column " + column + "; it declares " + columns);
        }
        return new Expression<>(new Expr.ColumnRef(name, Identifiers.check(column, "cte column name")), type);
    }

    String name() {
        return name;
    }

    List<String> columns() {
        return columns;
    }

    @Override
    FromItem fromItem() {
        return FromItem.TableItem.query(name);
    }

    @Override
    String qualifier() {
        return name;
    }
}
