package dev.belay.it.catalog;

import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Doc;
import dev.belay.dsl.fixtures.Order;
import dev.belay.executor.ColumnInfo;
import dev.belay.executor.ColumnInfo.Identity;
import dev.belay.executor.DBConnection;
import dev.belay.executor.TableInfo;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** db.tableExists / tables / columns / primaryKey / enumLabels read pg_catalog and agree with the fixture schema. */
@FixtureDatabase
final class CatalogReadsTest {
    private static DBConnection dbc;

    /** A descriptor of a table by name alone; its columns are not declared. */
    private static final class Named extends Table<Object> {
        Named(String name) {
            super(name, Object.class);
        }

        Named(String schema, String name) {
            super(schema, name, Object.class);
        }
    }

    private static Table<Object> named(String name) {
        return new Named(name);
    }

    private static Table<Object> named(String schema, String name) {
        return new Named(schema, name);
    }

    @BeforeAll
    static void open(TestDatabase db) {
        db.execute("CREATE TABLE \"Mixed Case\" (a int, b text, PRIMARY KEY (b, a))");
        db.execute("CREATE VIEW adults AS SELECT * FROM users WHERE age >= 18");
        db.execute("CREATE TABLE serials (id serial PRIMARY KEY, twice int GENERATED ALWAYS AS (id * 2) STORED)");
        dbc = db.open();
    }

    @Test
    void tablesOfASchemaAreListedByNameWithTheirKind() {
        List<TableInfo> tables = dbc.tables("public");
        List<String> names = new ArrayList<>();
        for (TableInfo t : tables) {
            names.add(t.name());
            assertEquals("public", t.schema());
        }
        assertEquals(List.of("Mixed Case", "adults", "events", "node_archive", "nodes", "orders", "serials", "users",
                "wide"), names);
        assertTrue(tables.contains(new TableInfo("public", "adults", TableInfo.Kind.VIEW)));
        assertTrue(tables.contains(new TableInfo("public", "users", TableInfo.Kind.TABLE)));
        assertEquals(List.of(new TableInfo("app", "docs", TableInfo.Kind.TABLE)), dbc.tables("app"));
        assertEquals(List.of(), dbc.tables("no_such_schema"));
    }

    @Test
    void tableExistsFollowsTheDescriptorsNameAndSchema() {
        assertTrue(dbc.tableExists(USER));
        assertTrue(dbc.tableExists(Table.of(Doc.class)));
        assertFalse(dbc.tableExists(named("users_missing")));
        assertFalse(dbc.tableExists(named("app", "users")));
        assertTrue(dbc.tableExists(named("Mixed Case")));
        assertFalse(dbc.tableExists(named("mixed case")));
    }

    @Test
    void columnsDescribeWhatTheDatabaseHolds() {
        assertEquals(List.of(
                new ColumnInfo("id", "bigint", false, null, Identity.ALWAYS, false),
                new ColumnInfo("name", "text", false, null, Identity.NONE, false),
                new ColumnInfo("email", "text", false, null, Identity.NONE, false),
                new ColumnInfo("age", "integer", true, null, Identity.NONE, false),
                new ColumnInfo("created_at", "timestamp with time zone", false, "now()", Identity.NONE, false)),
                dbc.columns(USER));
        List<ColumnInfo> orders = dbc.columns(ORDER);
        assertEquals(new ColumnInfo("total", "numeric(12,2)", false, null, Identity.NONE, false), orders.get(2));
        assertEquals(new ColumnInfo("status", "order_status", false, "'NEW'::order_status", Identity.NONE, false),
                orders.get(3));
        assertEquals(new ColumnInfo("tags", "text[]", false, "'{}'::text[]", Identity.NONE, false), orders.get(4));
        List<ColumnInfo> serials = dbc.columns(named("serials"));
        assertEquals("nextval('serials_id_seq'::regclass)", serials.get(0).defaultSql());
        assertEquals(new ColumnInfo("twice", "integer", true, null, Identity.NONE, true), serials.get(1));
    }

    @Test
    void everyDescriptorColumnIsInTheDatabaseWithItsType() {
        for (Table<?> table : List.of(USER, ORDER, NODE)) {
            List<ColumnInfo> actual = dbc.columns(table);
            assertEquals(table.columns().size(), actual.size(), table.name());
            for (int i = 0; i < actual.size(); i++) {
                Column<?, ?> c = table.columns().get(i);
                assertEquals(c.name(), actual.get(i).name());
            }
        }
    }

    @Test
    void primaryKeysAreInKeyOrder() {
        assertEquals(List.of("id"), dbc.primaryKey(USER));
        assertEquals(List.of("b", "a"), dbc.primaryKey(named("Mixed Case")));
        assertEquals(List.of(), dbc.primaryKey(named("adults")));
    }

    @Test
    void enumLabelsAreInSortOrder() {
        assertEquals(List.of("NEW", "PAID", "SHIPPED"), dbc.enumLabels("order_status"));
        assertEquals(List.of("NEW", "PAID", "SHIPPED"), dbc.enumLabels(PgType.enumType("order_status", Order.Status.class)));
        assertEquals(List.of("NEW", "PAID", "SHIPPED"), dbc.enumLabels("public.order_status"));
    }

    @Test
    void askingAboutWhatIsNotThereSaysSo() {
        IllegalArgumentException noTable = assertThrows(IllegalArgumentException.class,
                () -> dbc.columns(named("users_missing")));
        assertTrue(noTable.getMessage().contains("\"users_missing\" does not exist"), noTable.getMessage());
        assertThrows(IllegalArgumentException.class, () -> dbc.primaryKey(named("users_missing")));
        IllegalArgumentException noType = assertThrows(IllegalArgumentException.class, () -> dbc.enumLabels("nope"));
        assertTrue(noType.getMessage().contains("no type of that name"), noType.getMessage());
        IllegalArgumentException notEnum = assertThrows(IllegalArgumentException.class, () -> dbc.enumLabels("text"));
        assertTrue(notEnum.getMessage().contains("not an enum"), notEnum.getMessage());
        assertEquals(0, dbc.poolStats().active());
    }
}
