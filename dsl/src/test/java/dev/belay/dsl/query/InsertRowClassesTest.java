package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.insertInto;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code values(rows)} looks a row class's accessors up once per batch and the table keeps the last class's: rows of
 * several classes in one batch, and batches that alternate classes, must still read each row through its own class.
 */
final class InsertRowClassesTest {
    public abstract static class Shape {
        public abstract String getName();

        public abstract int getSides();
    }

    public static final class Square extends Shape {
        @Override
        public String getName() {
            return "square";
        }

        @Override
        public int getSides() {
            return 4;
        }
    }

    public static final class Triangle extends Shape {
        @Override
        public String getName() {
            return "triangle";
        }

        @Override
        public int getSides() {
            return 3;
        }
    }

    static final class Shapes extends Table<Shape> {
        static final Shapes SHAPES = new Shapes();
        final Column<Shape, String> name = column("name", PgType.TEXT);
        final Column<Shape, Integer> sides = column("sides", PgType.INT4);

        private Shapes() {
            super("shapes", Shape.class);
        }
    }

    @Test
    void eachRowIsReadThroughItsOwnClass() {
        RenderedSql mixed = insertInto(Shapes.SHAPES).values(List.of(new Square(), new Triangle(), new Square()))
                .render();
        assertEquals("INSERT INTO \"shapes\" (\"name\", \"sides\") VALUES (?, ?), (?, ?), (?, ?)", mixed.sql());
        assertEquals(List.of("square", 4, "triangle", 3, "square", 4), mixed.params());
    }

    @Test
    void batchesOfAlternatingClassesReadTheirOwn() {
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("triangle", 3), insertInto(Shapes.SHAPES).values(new Triangle()).render().params());
            assertEquals(List.of("square", 4), insertInto(Shapes.SHAPES).values(new Square()).render().params());
        }
    }
}
