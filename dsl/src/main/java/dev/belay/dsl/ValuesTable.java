package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * A VALUES list in FROM with an alias and column names; {@link ValuesTable2} to {@link ValuesTable6} give its
 * columns typed. The first row's placeholders are cast to their types: PostgreSQL types a VALUES column from its
 * first row, and an uncast parameter there would make the column text, so {@code (VALUES (?, ?)) AS "v"("name",
 * "n")} joined on an int4 column would fail with "operator does not exist: integer = text".
 */
abstract sealed class ValuesTable extends TableLike
        permits ValuesTable2, ValuesTable3, ValuesTable4, ValuesTable5, ValuesTable6 {
    private final String alias;
    private final List<String> columns;
    private final List<PgType<?>> types;
    private final List<List<Expr>> rows;
    private final boolean lateral;

    /** The same VALUES list marked LATERAL, so its rows may refer to columns of earlier FROM items. */
    ValuesTable(ValuesTable table) {
        this.alias = table.alias;
        this.columns = table.columns;
        this.types = table.types;
        this.rows = table.rows;
        this.lateral = true;
    }

    ValuesTable(List<? extends RowValue<?>> rows, String alias, List<String> columns) {
        this.alias = Identifiers.check(alias, "values alias");
        List<String> names = new ArrayList<>(columns.size());
        for (String c : columns) {
            String name = Identifiers.check(c, "values column name");
            if (names.contains(name)) {
                throw new IllegalArgumentException("values(...).as(\"" + alias + "\", ...): column \"" + name
                        + "\" is named twice");
            }
            names.add(name);
        }
        this.columns = List.copyOf(names);
        List<PgType<?>> first = new ArrayList<>();
        for (Field<?> f : rows.get(0).items()) {
            first.add(f.type());
        }
        this.types = List.copyOf(first);
        List<List<Expr>> nodes = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Field<?>> items = rows.get(r).items();
            List<Expr> row = new ArrayList<>(items.size());
            for (int c = 0; c < items.size(); c++) {
                Field<?> item = items.get(c);
                if (!item.type().equals(types.get(c))) {
                    throw new IllegalArgumentException("values(...) \"" + alias + "\": row " + (r + 1) + " column \""
                            + names.get(c) + "\" is " + item.type() + ", but row 1 makes the column " + types.get(c)
                            + "; give every row the same types");
                }
                row.add(r == 0 ? FromItemFunctions.typed(item.unaliased(), item.type()) : item.unaliased());
            }
            nodes.add(row);
        }
        this.rows = List.copyOf(nodes);
        this.lateral = false;
    }

    /** Column {@code index}, typed as the rows' items at that position. */
    @SuppressWarnings("unchecked") // the subclass's signature ties T to the rows' item type at index
    final <T> Field<T> column(int index) {
        return new Expression<>(new Expr.ColumnRef(alias, columns.get(index)), (PgType<T>) types.get(index));
    }

    @Override
    final FromItem fromItem() {
        return new FromItem.ValuesItem(rows, alias, columns, lateral);
    }

    @Override
    final String qualifier() {
        return alias;
    }
}
