package dev.belay.dsl;

import dev.belay.dsl.internal.DdlNode;
import dev.belay.dsl.internal.FromItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A schema statement built from descriptors: {@code createTable(USER)}, {@code dropTable(USER).ifExists()},
 * {@code truncate(USER).restartIdentity()}, {@code createIndex(USER, USER.EMAIL).unique()}, {@code createSchema("app")},
 * {@code createType(MOOD)}. Run it with {@code db.exec(..)}, which returns 0. They are for tests, tools and first
 * setups; evolving a production schema belongs to a migration tool such as Flyway or Liquibase.
 *
 * <p>PostgreSQL takes no bind parameters in these statements, so the values they hold (a column DEFAULT, a partial
 * index's predicate) are written as literals: numbers and booleans as themselves, anything else as an escape string
 * {@code E'..'} with a cast, which reads the same whatever {@code standard_conforming_strings} says.
 */
public abstract sealed class SchemaStatement implements RowCountQuery
        permits CreateTable, DropTable, Truncate, CreateIndex, CreateSchema, DropSchema, CreateType, DropType {
    private final Statement statement;

    SchemaStatement(DdlNode node) {
        this.statement = new Statement(node);
    }

    final DdlNode node() {
        return (DdlNode) statement.node();
    }

    /** The SQL with tables in mapped schemas; see {@link Query#render(Placeholders, Map)}. */
    @Override
    public final RenderedSql render(Placeholders style, Map<String, String> schemas) {
        return statement.render(style, schemas);
    }

    @Override
    public final RenderedSql render(Placeholders style) {
        return statement.render(style);
    }

    /** Always true: a schema statement changes the database. */
    @Override
    public final boolean modifiesData() {
        return true;
    }

    /** The statement as it is sent. */
    @Override
    public final String toString() {
        return statement.inline();
    }

    static FromItem.TableItem item(Table<?> table, String use) {
        if (table.alias() != null) {
            throw new IllegalArgumentException(use + "(" + table + "): name the table itself, not an alias of it");
        }
        return new FromItem.TableItem(table.schema(), table.name(), null);
    }

    static List<FromItem.TableItem> items(Table<?> first, Table<?>[] rest, String use) {
        List<FromItem.TableItem> items = new ArrayList<>(rest.length + 1);
        items.add(item(first, use));
        for (Table<?> t : rest) {
            items.add(item(t, use));
        }
        return items;
    }
}
