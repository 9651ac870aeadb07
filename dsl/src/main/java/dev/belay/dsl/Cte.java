package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.QueryNode;
import dev.belay.dsl.internal.WithNode;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A common table expression: a named query put in front of a statement with {@code with(...)}.
 *
 * <pre>{@code
 * Cte<Tuple2<Long, String>> adults = cte("adults").as(select(USER.ID, USER.NAME).from(USER).where(USER.AGE.ge(18)));
 * with(adults).select(adults.field(USER.NAME)).from(adults);
 * // WITH "adults" AS (SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."age" >= ?)
 * //   SELECT "adults"."name" FROM "adults"
 * }</pre>
 *
 * A DELETE, UPDATE or INSERT with RETURNING can be a CTE too, and the statement after it sees its rows:
 *
 * <pre>{@code
 * Cte<Tuple2<Long, String>> moved = cte("moved").as(deleteFrom(NODE).where(...).returning(NODE.ID, NODE.LABEL));
 * with(moved).insertInto(ARCHIVE).columns(ARCHIVE.ID, ARCHIVE.LABEL)
 *     .select(select(moved.field(NODE.ID), moved.field(NODE.LABEL)).from(moved));
 * // WITH "moved" AS (DELETE FROM "nodes" WHERE ... RETURNING "nodes"."id", "nodes"."label")
 * //   INSERT INTO "archive" ("id", "label") SELECT "moved"."id", "moved"."label" FROM "moved"
 * }</pre>
 *
 * A recursive CTE is built from its anchor query and a step that reads the CTE itself; see
 * {@link CteName#asRecursive}.
 *
 * @param <R> the row type of the CTE's query
 */
public final class Cte<R> extends TableLike {
    private final CteName name;
    private final Projection<R> projection;
    /** Null in the stand-in a recursive step reads, whose query is still being built. */
    private final @Nullable QueryNode query;
    private final boolean recursive;

    /** A CTE of a SELECT, or of a data-changing statement with RETURNING (a data-modifying CTE). */
    Cte(CteName name, Projection<R> projection, QueryNode query) {
        this(name, projection, query, false);
    }

    Cte(CteName name, Projection<R> projection, @Nullable QueryNode query, boolean recursive) {
        if (!name.columns().isEmpty() && name.columns().size() != projection.fields().size()) {
            throw new IllegalArgumentException("cte " + name.name() + " names " + name.columns().size()
                    + " columns but its query selects " + projection.fields().size());
        }
        this.name = name;
        this.projection = projection;
        this.query = query;
        this.recursive = recursive;
    }

    /**
     * The CTE's column that {@code selected} produced: {@code adults.field(USER.NAME)} renders {@code "adults"."name"}.
     *
     * @throws IllegalArgumentException if the CTE's query did not select it, it has no name, or another selected
     *     column has the same name (alias one with {@code .as("other_name")})
     */
    public <T> Field<T> field(Field<T> selected) {
        String column = OutputColumns.nameOf(projection, name.columns(), selected, "cte " + name.name());
        return new Expression<>(new Expr.ColumnRef(name.name(), column), selected.type());
    }

    WithNode.CteDef definition() {
        if (query == null) {
            throw new IllegalArgumentException("cte " + name.name() + ": this is the stand-in the recursive step "
                    + "reads; put the Cte that asRecursive(...) returns in withRecursive(...)");
        }
        return new WithNode.CteDef(name.name(), name.columns(), query);
    }

    static WithNode withNode(boolean recursive, Cte<?>... ctes) {
        if (ctes.length == 0) {
            throw new IllegalArgumentException("with() needs at least one cte");
        }
        WithNode.CteDef[] defs = new WithNode.CteDef[ctes.length];
        for (int i = 0; i < ctes.length; i++) {
            if (ctes[i].recursive && !recursive) {
                // PostgreSQL would only say that relation "tree" does not exist
                throw new IllegalArgumentException("cte " + ctes[i].name.name() + " reads itself: put it in "
                        + "withRecursive(...), not with(...)");
            }
            defs[i] = ctes[i].definition();
        }
        return new WithNode(recursive, List.of(defs));
    }

    @Override
    FromItem fromItem() {
        return FromItem.TableItem.query(name.name());
    }

    @Override
    String qualifier() {
        return name.name();
    }
}
