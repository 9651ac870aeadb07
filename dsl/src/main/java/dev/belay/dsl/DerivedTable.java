package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.Identifiers;

/**
 * A subquery in FROM with an alias: {@code Select<...> q = ...; DerivedTable<...> t = q.asTable("t")}
 * renders {@code (SELECT ...) AS "t"}. Its columns are reached by the fields the subquery selected:
 * {@code t.field(USER.NAME)} renders {@code "t"."name"}.
 *
 * @param <R> the row type of the subquery
 */
public final class DerivedTable<R> extends TableLike {
    private final Select<R> query;
    private final String alias;
    private final boolean lateral;

    DerivedTable(Select<R> query, String alias, boolean lateral) {
        this.query = query;
        this.alias = Identifiers.check(alias, "derived table alias");
        this.lateral = lateral;
    }

    /** The same derived table marked LATERAL, so it may refer to earlier FROM items. */
    DerivedTable<R> lateral() {
        return new DerivedTable<>(query, alias, true);
    }

    /**
     * The subquery's output column that {@code selected} produced, qualified by this table's alias.
     *
     * @throws IllegalArgumentException if the subquery did not select it, it has no name, or another selected
     *     column has the same name (alias one with {@code .as("other_name")})
     */
    public <T> Field<T> field(Field<T> selected) {
        String column = OutputColumns.nameOf(query.projection(), selected, "derived table " + alias);
        return new Expression<>(new Expr.ColumnRef(alias, column), selected.type());
    }

    @Override
    FromItem fromItem() {
        return new FromItem.DerivedItem(query.nestedNode("derived table " + alias), alias, lateral);
    }

    @Override
    String qualifier() {
        return alias;
    }
}
