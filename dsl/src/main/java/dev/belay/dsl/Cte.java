package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.WithNode;
import java.util.List;

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
 * @param <R> the row type of the CTE's query
 */
public final class Cte<R> extends TableLike {
    private final CteName name;
    private final Select<R> query;

    Cte(CteName name, Select<R> query) {
        if (!name.columns().isEmpty() && name.columns().size() != query.fields().size()) {
            throw new IllegalArgumentException("cte " + name.name() + " names " + name.columns().size()
                    + " columns but its query selects " + query.fields().size());
        }
        this.name = name;
        this.query = query;
    }

    /** The CTE's column that {@code selected} produced: {@code adults.field(USER.NAME)} renders {@code "adults"."name"}. */
    public <T> Field<T> field(Field<T> selected) {
        String column = OutputColumns.nameOf(query.projection(), name.columns(), selected, "cte " + name.name());
        return new Expression<>(new Expr.ColumnRef(name.name(), column), selected.type());
    }

    WithNode.CteDef definition() {
        return new WithNode.CteDef(name.name(), name.columns(), query.nestedNode("cte " + name.name()));
    }

    static WithNode withNode(boolean recursive, Cte<?>... ctes) {
        if (ctes.length == 0) {
            throw new IllegalArgumentException("with() needs at least one cte");
        }
        WithNode.CteDef[] defs = new WithNode.CteDef[ctes.length];
        for (int i = 0; i < ctes.length; i++) {
            defs[i] = ctes[i].definition();
        }
        return new WithNode(recursive, List.of(defs));
    }

    @Override
    FromItem fromItem() {
        return new FromItem.TableItem(null, name.name(), null);
    }

    @Override
    String qualifier() {
        return name.name();
    }
}
