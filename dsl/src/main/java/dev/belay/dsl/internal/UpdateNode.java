package dev.belay.dsl.internal;

import dev.belay.dsl.internal.FromItem.TableItem;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code UPDATE table SET ... [FROM ...] [WHERE ...] [RETURNING ...]}. A null {@code where} updates every
 * row; the builders produce one only when the user asked for it with {@code all()}.
 */
public record UpdateNode(
        WithNode with,
        TableItem table,
        List<Assignment> set,
        List<FromItem> from,
        @Nullable Expr where,
        List<Expr> returning) implements DmlNode {

    public UpdateNode {
        set = List.copyOf(set);
        from = List.copyOf(from);
        returning = List.copyOf(returning);
    }

    public UpdateNode withSet(List<Assignment> s) {
        return new UpdateNode(with, table, s, from, where, returning);
    }

    public UpdateNode withFrom(List<FromItem> f) {
        return new UpdateNode(with, table, set, f, where, returning);
    }

    public UpdateNode withWhere(@Nullable Expr w) {
        return new UpdateNode(with, table, set, from, w, returning);
    }

    @Override
    public UpdateNode withReturning(List<Expr> r) {
        return new UpdateNode(with, table, set, from, where, r);
    }

    @Override
    public UpdateNode withWith(WithNode w) {
        return new UpdateNode(w, table, set, from, where, returning);
    }
}
