package dev.belay.dsl.internal;

import java.util.List;

import org.checkerframework.checker.nullness.qual.Nullable;

/** Something that can stand in FROM or JOIN. */
public sealed interface FromItem {

    /** The name it is known by in its query, which PostgreSQL allows once per FROM: the alias, else the table's name. */
    static String exposedName(FromItem item) {
        if (item instanceof TableItem t) {
            return t.qualifier();
        }
        if (item instanceof DerivedItem d) {
            return d.alias();
        }
        if (item instanceof FunctionItem f) {
            return f.alias();
        }
        return ((ValuesItem) item).alias();
    }

    /**
     * {@code "schema"."name" AS "alias"}; schema and alias optional. {@code scope} is the row filter of a scoped
     * table, which the renderer adds wherever the table is read; {@code queryName} marks the name of a WITH query
     * rather than a table, which a schema mapping leaves alone.
     */
    record TableItem(@Nullable String schema, String name, @Nullable String alias, @Nullable RowScope scope,
                     boolean queryName) implements FromItem {
        /** A plain table. */
        public TableItem(@Nullable String schema, String name, @Nullable String alias) {
            this(schema, name, alias, null, false);
        }

        /** The name of a WITH query, {@code "cte"}. */
        public static TableItem query(String name) {
            return new TableItem(null, name, null, null, true);
        }

        /** The name columns of this table are qualified with. */
        public String qualifier() {
            return alias != null ? alias : name;
        }
    }

    /** {@code [LATERAL] (SELECT ...) AS "alias"}. */
    record DerivedItem(QueryNode query, String alias, boolean lateral) implements FromItem {}

    /**
     * A set-returning function: {@code unnest(?, ?) WITH ORDINALITY AS "alias"("a", "b", "ord")}; the column
     * list names every output column, the ordinality last.
     */
    record FunctionItem(Expr.Func call, boolean withOrdinality, String alias, List<String> columns)
            implements FromItem {
        public FunctionItem {
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code [LATERAL] (VALUES (a, b), (c, d)) AS "alias"("x", "y")}: rows of equal arity, one column name per
     * item. The builder casts the first row's placeholders so PostgreSQL infers each column's type from them.
     */
    record ValuesItem(List<List<Expr>> rows, String alias, List<String> columns, boolean lateral)
            implements FromItem {
        public ValuesItem {
            rows = rows.stream().map(List::copyOf).toList();
            columns = List.copyOf(columns);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("VALUES needs at least one row");
            }
            for (List<Expr> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a VALUES row of " + row.size() + " items for the "
                            + columns.size() + " columns " + columns);
                }
            }
        }
    }
}
