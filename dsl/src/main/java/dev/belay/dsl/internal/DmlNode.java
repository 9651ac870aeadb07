package dev.belay.dsl.internal;

import dev.belay.dsl.internal.FromItem.TableItem;
import java.util.List;

/** A data-changing statement: the table it changes and what it returns. */
public sealed interface DmlNode extends QueryNode permits InsertNode, UpdateNode, DeleteNode {
    /** The target table. */
    TableItem table();

    /** The RETURNING list; empty for a row-count statement. */
    List<Expr> returning();

    DmlNode withReturning(List<Expr> returning);

    DmlNode withWith(WithNode with);
}
