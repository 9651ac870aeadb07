package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.Identifiers;
import java.util.List;

/**
 * The name of a CTE before its query is given, so a recursive query can refer to itself:
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
        return new FromItem.TableItem(null, name, null);
    }

    @Override
    String qualifier() {
        return name;
    }
}
