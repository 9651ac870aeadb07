package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A computed field: arithmetic, function call, cast, alias, bound value, subquery. */
final class Expression<T> extends Field<T> {
    Expression(Expr node, PgType<T> type) {
        super(node, type);
    }

    @Override
    @Nullable String outputName() {
        if (node() instanceof Expr.Alias a) {
            return a.alias();
        }
        if (node() instanceof Expr.ColumnRef c) {
            return c.name();
        }
        return null;
    }
}
