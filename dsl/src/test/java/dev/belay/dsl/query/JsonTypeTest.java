package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** json/jsonb columns carried as Java objects ({@code PgType.jsonb(Shape.class)}), encoded by the executor's codec. */
final class JsonTypeTest {
    record Shape(int sides) {}

    record Drawing(Long id, Shape shape, Shape sketch) {}

    static final class DrawingTable extends Table<Drawing> {
        static final DrawingTable DRAWING = new DrawingTable();
        final Column<Drawing, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Drawing, Shape> shape = column("shape", PgType.jsonb(Shape.class));
        final Column<Drawing, Shape> sketch = column("sketch", PgType.json(Shape.class)).nullable();

        private DrawingTable() {
            super("drawings", Drawing.class);
        }
    }

    private static final DrawingTable D = DrawingTable.DRAWING;

    @Test
    void jsonbOfAClassIsJsonbWithThatJavaType() {
        PgType<Shape> type = PgType.jsonb(Shape.class);
        assertEquals("jsonb", type.sqlName());
        assertEquals(PgType.Kind.JSON, type.kind());
        assertEquals(Shape.class, type.javaType());
        assertEquals(type, PgType.custom("jsonb", Shape.class));
        assertEquals(PgType.json(Shape.class), PgType.custom("json", Shape.class));
        assertEquals(PgType.JSONB, PgType.jsonb(String.class));
    }

    @Test
    void valuesAreBoundAsTheObjectWithTheJsonbType() {
        Shape square = new Shape(4);
        RenderedSql r = select(D.id).from(D).where(D.shape.contains(square)).render();
        assertEquals("SELECT \"drawings\".\"id\" FROM \"drawings\" WHERE \"drawings\".\"shape\" @> ?", r.sql());
        assertEquals(List.of(square), r.params());
        assertEquals(List.of(PgType.jsonb(Shape.class)), r.paramTypes());
        RenderedSql insert = insertInto(D).values(new Drawing(1L, square, null)).render();
        assertEquals(List.of(PgType.INT8, PgType.jsonb(Shape.class), PgType.json(Shape.class)), insert.paramTypes());
    }

    @Test
    void operatorsFollowTheJsonFlavour() {
        assertEquals(PgType.JSONB, D.shape.jsonGet("sides").type());
        assertEquals(PgType.JSON, D.sketch.jsonGet("sides").type());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> D.sketch.contains(new Shape(3)));
        assertTrue(e.getMessage().contains("applies to jsonb values, but \"drawings\".\"sketch\" has type json"),
                e.getMessage());
    }
}
