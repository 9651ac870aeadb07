package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.executor.BindException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.JsonCodec;
import dev.belay.executor.MappingException;
import dev.belay.executor.TypeRegistry;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pluggable {@link JsonCodec} (TypeRegistry.withJson) carrying a Java record in json and jsonb columns, through
 * the DSL and raw SQL; NULLs; and a codec that throws, which must surface as Belay's bind or mapping error.
 */
@FixtureDatabase
final class JsonCodecTest {
    record Point(int x, int y) {}

    record Shape(Long id, Point pj, Point pjb) {}

    record OnlyJsonb(Long id, Point pjb) {}

    static final PgType<Point> JSON_POINT = PgType.custom("json", Point.class);
    static final PgType<Point> JSONB_POINT = PgType.custom("jsonb", Point.class);

    static final class ShapeTable extends Table<Shape> {
        static final ShapeTable S = new ShapeTable();
        final Column<Shape, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Shape, Point> pj = column("pj", JSON_POINT).nullable();
        final Column<Shape, Point> pjb = column("pjb", JSONB_POINT).nullable();

        private ShapeTable() {
            super("shapes", Shape.class);
        }
    }

    /** Writes {"x":1,"y":2} and parses exactly that shape; anything else is refused, so misuse shows. */
    static final class PointCodec implements JsonCodec {
        @Override
        public String toJson(Object value) {
            if (!(value instanceof Point p)) {
                throw new IllegalArgumentException("PointCodec writes only Points, not " + value.getClass());
            }
            return "{\"x\":" + p.x() + ",\"y\":" + p.y() + "}";
        }

        @Override
        public <T> T fromJson(String json, Class<T> type) {
            if (type != Point.class) {
                throw new IllegalArgumentException("PointCodec reads only Points, not " + type);
            }
            String body = json.strip();
            if (!body.startsWith("{") || !body.endsWith("}")) {
                throw new IllegalArgumentException("not a JSON object: " + json);
            }
            Map<String, Integer> fields = new HashMap<>();
            for (String pair : body.substring(1, body.length() - 1).split(",")) {
                String[] kv = pair.split(":");
                fields.put(kv[0].strip().replace("\"", ""), Integer.parseInt(kv[1].strip()));
            }
            return type.cast(new Point(fields.get("x"), fields.get("y")));
        }
    }

    /** Fails both ways, with a message the error Belay raises must keep. */
    static final class BrokenCodec implements JsonCodec {
        @Override
        public String toJson(Object value) {
            throw new IllegalStateException("codec-cannot-write");
        }

        @Override
        public <T> T fromJson(String json, Class<T> type) {
            throw new IllegalStateException("codec-cannot-read");
        }
    }

    private static final ShapeTable S = ShapeTable.S;
    private static final AtomicLong IDS = new AtomicLong();
    private static TestDatabase testDb;
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE shapes (id int8 PRIMARY KEY, pj json, pjb jsonb)");
        testDb = t;
        db = t.open(b -> b.types(TypeRegistry.defaults().withJson(new PointCodec())));
    }

    /** A row written as SQL text, so reading is tested apart from binding. */
    private static long literalRow(String json) {
        long id = IDS.incrementAndGet();
        testDb.execute("INSERT INTO shapes VALUES (" + id + ", '" + json + "', '" + json + "')");
        return id;
    }

    private static String text(long id, String column) {
        return db.sql("select " + column + "::text from shapes where id = :id").bind("id", id).one(String.class);
    }

    @Test
    void readsJsonAndJsonbIntoARecordThroughTheDsl() {
        long id = literalRow("{\"y\": -2, \"x\": 1}");
        assertEquals(new Shape(id, new Point(1, -2), new Point(1, -2)), db.one(select(S).where(S.id.eq(id))));
        Tuple2<Long, Point> t = db.one(select(S.id, S.pjb).from(S).where(S.id.eq(id)));
        assertEquals(new Tuple2<>(id, new Point(1, -2)), t);
    }

    @Test
    void readsJsonbIntoARecordComponentThroughRawSql() {
        long id = literalRow("{\"x\": 7, \"y\": 8}");
        assertEquals(new OnlyJsonb(id, new Point(7, 8)),
                db.sql("select id, pjb from shapes where id = :id").bind("id", id).one(OnlyJsonb.class));
    }

    /** Regression: a lone json column typed Point is mapped as a two-column record by position, not through the codec. */
    @Test
    void readsALoneJsonColumnThroughTheDsl() {
        long id = literalRow("{\"x\": 3, \"y\": 4}");
        assertEquals(new Point(3, 4), db.one(select(S.pjb).from(S).where(S.id.eq(id))));
        assertEquals(List.of(new Point(3, 4)), db.exec(select(S.pj).from(S).where(S.id.eq(id))));
    }

    /** Regression (same root): raw SQL maps a lone jsonb column into Point by component names x and y. */
    @Test
    void readsALoneJsonColumnThroughRawSql() {
        long id = literalRow("{\"x\": 5, \"y\": 6}");
        assertEquals(new Point(5, 6), db.sql("select pjb from shapes where id = :id").bind("id", id).one(Point.class));
    }

    /** Regression: PgType.custom("jsonb", Point.class) binds Point.toString() instead of the codec's JSON. */
    @Test
    void bindsAPointThroughTheCodecInTheDsl() {
        long id = IDS.incrementAndGet();
        db.exec(insertInto(S).set(S.id, id).set(S.pj, new Point(1, 2)).set(S.pjb, new Point(-3, 4)));
        assertEquals("{\"x\":1,\"y\":2}", text(id, "pj"), "json keeps the codec's text");
        assertEquals("{\"x\": -3, \"y\": 4}", text(id, "pjb"));
        assertEquals(new Shape(id, new Point(1, 2), new Point(-3, 4)), db.one(select(S).where(S.id.eq(id))));
        assertEquals(List.of(id), db.exec(select(S.id).from(S).where(S.pjb.eq(new Point(-3, 4)))));
    }

    /** Regression (same root): raw SQL with an explicit json type binds Point.toString(). */
    @Test
    void bindsAPointThroughTheCodecInRawSql() {
        long id = IDS.incrementAndGet();
        db.sql("insert into shapes (id, pjb) values (:id, :p)").bind("id", id).bind("p", new Point(9, 10), JSONB_POINT)
                .execute();
        assertEquals("{\"x\": 9, \"y\": 10}", text(id, "pjb"));
        assertEquals(new OnlyJsonb(id, new Point(9, 10)),
                db.sql("select id, pjb from shapes where id = :id").bind("id", id).one(OnlyJsonb.class));
    }

    @Test
    void nullsStayNullAndNeverReachTheCodec() {
        long id = IDS.incrementAndGet();
        db.exec(insertInto(S).set(S.id, id).set(S.pj, (Point) null).setNull(S.pjb));
        assertEquals(new Shape(id, null, null), db.one(select(S).where(S.id.eq(id))));
        long raw = IDS.incrementAndGet();
        db.sql("insert into shapes (id, pjb) values (:id, :p)").bind("id", raw).bindNull("p", JSONB_POINT).execute();
        assertEquals(new OnlyJsonb(raw, null),
                db.sql("select id, pjb from shapes where id = :id").bind("id", raw).one(OnlyJsonb.class));
        assertEquals(true, db.sql("select pjb is null from shapes where id = :id").bind("id", raw).one(Boolean.class));
    }

    /** With a codec registered, String-typed json stays raw text both ways: the codec is for other types only. */
    @Test
    void stringJsonBypassesTheCodec() {
        long id = IDS.incrementAndGet();
        db.sql("insert into shapes (id, pjb) values (:id, :p)").bind("id", id).bind("p", "[1, \"two\"]", PgType.JSONB)
                .execute();
        assertEquals("[1, \"two\"]", db.sql("select pjb from shapes where id = :id").bind("id", id).one(String.class));
    }

    /** Regression: an exception from JsonCodec.fromJson escapes raw instead of as a MappingException naming the column. */
    @Test
    void aCodecThatFailsToReadIsAMappingErrorNamingTheColumn() {
        long id = literalRow("{\"x\": 1, \"y\": 1}");
        DBConnection broken = testDb.open(b -> b.types(TypeRegistry.defaults().withJson(new BrokenCodec())));
        try {
            RuntimeException dsl = assertThrows(RuntimeException.class, () -> broken.one(select(S).where(S.id.eq(id))));
            MappingException e = assertInstanceOf(MappingException.class, dsl);
            assertTrue(e.getMessage().contains("pj"), e.getMessage());
            assertTrue(e.getMessage().contains("codec-cannot-read"), e.getMessage());
            assertTrue(e.column() != null && e.column().contains("pj"), e.column());
            RuntimeException raw = assertThrows(RuntimeException.class,
                    () -> broken.sql("select id, pjb from shapes where id = :id").bind("id", id).one(OnlyJsonb.class));
            assertInstanceOf(MappingException.class, raw);
            assertTrue(raw.getMessage().contains("pjb"), raw.getMessage());
        } finally {
            testDb.close(broken);
        }
    }

    /** Regression: the codec is never asked to write (see bindsAPointThroughTheCodecInTheDsl), so its failure cannot show. */
    @Test
    void aCodecThatFailsToWriteIsABindError() {
        DBConnection broken = testDb.open(b -> b.types(TypeRegistry.defaults().withJson(new BrokenCodec())));
        try {
            long id = IDS.incrementAndGet();
            RuntimeException dsl = assertThrows(RuntimeException.class,
                    () -> broken.exec(insertInto(S).set(S.id, id).set(S.pjb, new Point(1, 1))));
            BindException e = assertInstanceOf(BindException.class, dsl);
            assertTrue(e.getMessage().contains("codec-cannot-write"), e.getMessage());
            assertTrue(e.getMessage().contains("pjb") || e.getMessage().contains("parameter 2"),
                    "names the column or the parameter: " + e.getMessage());
            assertEquals(0L, db.sql("select count(*) from shapes where id = :id").bind("id", id).one(Long.class));
        } finally {
            testDb.close(broken);
        }
    }

    /** With no codec at all: reading names the column and the type, binding says to add a codec. */
    @Test
    void withoutACodecBothDirectionsSayWhatIsMissing() {
        long id = literalRow("{\"x\": 1, \"y\": 1}");
        DBConnection plain = testDb.open();
        try {
            MappingException read = assertThrows(MappingException.class,
                    () -> plain.one(select(S).where(S.id.eq(id))));
            assertTrue(read.getMessage().contains("pj") && read.getMessage().contains("Point"), read.getMessage());
            RuntimeException write = assertThrows(RuntimeException.class,
                    () -> plain.exec(insertInto(S).set(S.id, IDS.incrementAndGet()).set(S.pjb, new Point(1, 1))));
            BindException e = assertInstanceOf(BindException.class, write);
            assertTrue(e.getMessage().contains("JsonCodec"), e.getMessage());
        } finally {
            testDb.close(plain);
        }
    }
}
