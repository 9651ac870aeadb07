package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What a query returns: its fields and how a row of them becomes an {@code R}. */
record Projection<R>(Kind kind, Class<R> type, List<Field<?>> fields, @Nullable Table<?> table) {

    enum Kind {
        /** Rows of a table's row type, from all its columns. */
        TABLE_ROW,
        /** One field's value per row. */
        SCALAR,
        /** A {@code TupleN} of the fields. */
        TUPLE,
        /** A user record built from the fields by position, see {@code into}. */
        RECORD,
        /** A generic {@link Row}. */
        ROW
    }

    List<Expr> nodes() {
        List<Expr> nodes = new ArrayList<>(fields.size());
        for (Field<?> f : fields) {
            nodes.add(f.node());
        }
        return List.copyOf(nodes);
    }

    /** The column labels of the result, or null where an expression has no name. */
    List<@Nullable String> outputNames() {
        List<@Nullable String> names = new ArrayList<>(fields.size());
        for (Field<?> f : fields) {
            names.add(f.outputName());
        }
        return names;
    }
}
