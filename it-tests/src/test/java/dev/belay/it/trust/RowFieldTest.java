package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, case 12: {@code row.get(field)} resolves against the query being executed, even when an earlier
 * query of the same shape (same SQL, other bound values) built the mapping plan.
 */
@FixtureDatabase
final class RowFieldTest {
    record Item(Integer id, String name) {}

    static final class Items extends Table<Item> {
        static final Items T = new Items();
        final Column<Item, Integer> id = column("id", PgType.INT4).primaryKey();
        final Column<Item, String> name = column("name", PgType.TEXT).nullable();

        private Items() {
            super("items", Item.class);
        }
    }

    private static final Items T = Items.T;
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE items (id int4 PRIMARY KEY, name text); "
                + "INSERT INTO items VALUES (1, 'one'), (2, NULL)");
        db = t.open();
    }

    /** {@code select id, coalesce(name, fallback) from items order by id}, as generic Rows. */
    private static Select<Row> named(Field<String> name) {
        return select(new Field<?>[] {T.id, name}).from(T).orderBy(T.id.asc());
    }

    @Test
    void rowGetResolvesTheFieldsOfTheQueryBeingRun() {
        Field<String> fx = coalesce(T.name, "x");
        Field<String> fy = coalesce(T.name, "y");
        Select<Row> qx = named(fx);
        Select<Row> qy = named(fy);
        assertEquals(qx.render().sql(), qy.render().sql(), "one shape, two bound values");

        List<Row> rx = db.exec(qx);
        assertEquals(List.of("one", "x"), List.of(rx.get(0).get(fx), rx.get(1).get(fx)));

        List<Row> ry = db.exec(qy);
        assertEquals("one", ry.get(0).get(fy));
        assertEquals("y", ry.get(1).get(fy));
        assertEquals(2, ry.get(1).get(T.id));
        // fx was not selected by qy: its value is not in these rows
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ry.get(1).get(fx));
        assertTrue(e.getMessage().contains("no field"), e.getMessage());
        // and the rows read earlier still answer for their own query
        assertEquals("x", rx.get(1).get(fx));
        assertThrows(IllegalArgumentException.class, () -> rx.get(1).get(fy));
    }

    @Test
    void everyWayOfRunningAQueryResolvesItsOwnFields() {
        Field<String> fa = coalesce(T.name, "a");
        Field<String> fb = coalesce(T.name, "b");
        Field<String> fc = coalesce(T.name, "c");
        Field<String> fd = coalesce(T.name, "d");
        assertEquals("a", db.one(named(fa).where(T.id.eq(2))).get(fa));
        assertEquals("b", db.one(named(fb).where(T.id.eq(2))).get(fb));
        assertEquals("c", db.first(named(fc).where(T.id.eq(2))).orElseThrow().get(fc));
        try (Stream<Row> rows = db.stream(named(fd))) {
            assertEquals(List.of("one", "d"), rows.map(r -> r.get(fd)).collect(Collectors.toList()));
        }
        // inside a transaction, on the transaction's connection
        db.useTransaction(tx -> {
            Field<String> fe = coalesce(T.name, "e");
            assertEquals("e", tx.exec(named(fe)).get(1).get(fe));
        });
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void aLabelTwoColumnsShareIsRefusedByName() {
        Field<String> fx = coalesce(T.name, "x");
        Select<Row> q = select(new Field<?>[] {T.id, fx.as("label"), T.name.as("label")}).from(T).where(T.id.eq(2));
        Row row = db.one(q);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> row.get("label"));
        assertTrue(e.getMessage().contains("'label'"), e.getMessage());
        // by position, and by the other labels, the row still reads
        assertEquals("x", row.get(1));
        assertEquals(null, row.get(2));
        assertEquals(2, row.get("id"));
        // the same for raw SQL rows
        Row raw = db.sql("select 1 as label, 2 as label, 3 as other").one(Row.class);
        IllegalArgumentException rawError = assertThrows(IllegalArgumentException.class, () -> raw.get("label"));
        assertTrue(rawError.getMessage().contains("'label'"), rawError.getMessage());
        assertEquals(List.of(1, 2, 3), List.of(raw.get(0), raw.get(1), raw.get("other")));
    }
}
