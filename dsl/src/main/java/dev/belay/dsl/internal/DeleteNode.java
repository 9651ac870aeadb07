package dev.belay.dsl.internal;

import dev.belay.dsl.internal.FromItem.TableItem;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code DELETE FROM table [USING ...] [WHERE ...] [RETURNING ...]}. A null {@code where} deletes every
 * row; the builders produce one only when the user asked for it with {@code all()}.
 */
public record DeleteNode(
        WithNode with,
        TableItem table,
        List<FromItem> using,
        @Nullable Expr where,
        List<Expr> returning) implements DmlNode {

    public DeleteNode {
        using = List.copyOf(using);
        returning = List.copyOf(returning);
    }

    public DeleteNode withUsing(List<FromItem> u) {
        return new DeleteNode(with, table, u, where, returning);
    }

    public DeleteNode withWhere(@Nullable Expr w) {
        return new DeleteNode(with, table, using, w, returning);
    }

    @Override
    public DeleteNode withReturning(List<Expr> r) {
        return new DeleteNode(with, table, using, where, r);
    }

    @Override
    public DeleteNode withWith(WithNode w) {
        return new DeleteNode(w, table, using, where, returning);
    }
}
