package dev.belay.codegen;

import static dev.belay.dsl.Sql.count;
import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgInterval;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the fixture schema's code with the command line, compiles it in this test with javax.tools (every
 * lint an error), loads it, and runs queries through the generated descriptors and records on PostgreSQL.
 */
@BelayTest(scripts = "belay/codegen-schema.sql")
final class GeneratedSchemaExecutionTest {
    private static URLClassLoader loader;

    @BeforeAll
    static void generateAndCompile(TestDatabase db, @TempDir Path out, @TempDir Path work) {
        SchemaCodegenTest.generate(db, out);
        Javac.Result compiled = Javac.compile(out, work, List.of());
        assertTrue(compiled.success(), () -> "the generated code compiles: " + compiled.reports());
        assertEquals(List.of(), compiled.reports(), "without warnings (-Xlint:all)");
        loader = compiled.loader();
    }

    @AfterAll
    static void close() throws Exception {
        loader.close();
    }

    @Test
    void everyTypeIsWrittenAndReadBack(DBConnection db) throws Exception {
        Table<Object> everything = table("EverythingTable");
        Object mood = enumConstant("Mood", "SAD");
        Object written = row("Everything", null, (short) 2, 3, 4L, new BigDecimal("5.25"), 6.5f, 7.25, null, null,
                LocalDate.of(2024, 2, 29), LocalTime.of(12, 30), LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                Instant.parse("2024-05-06T07:08:09Z"), PgInterval.of(1, 2, 3_000_000L), new byte[] {1, 2},
                "{\"a\": 1}", "[1,2]", "code", "label", List.of("x", "y"), List.of(1, 2), List.of(mood),
                "in progress", "10.0.0.1", null);
        List<Object> saved = db.insert(everything, List.of(written));
        Object id = get(saved.get(0), "id");
        assertNotNull(id, "the serial key is read back");

        Object read = db.one(select(everything).where(column(everything, "ID").eq(id)));
        for (String same : List.of("small", "integer", "big", "amount", "realValue", "dbl", "day", "atTime", "localTs",
                "at", "span", "raw", "code", "label", "tags", "scores", "moods", "status", "address")) {
            assertEquals(get(written, same), get(read, same), same);
        }
        assertArrayEquals(new byte[] {1, 2}, (byte[]) get(read, "bytes"));
        assertEquals("{\"a\": 1}", get(read, "doc"));
        assertEquals(false, get(read, "flag"), "the default");
        assertNotNull(get(read, "uid"), "gen_random_uuid()");
        assertEquals(6, get(read, "doubled"), "the stored generated column");
    }

    @Test
    void keysReferencesAndViewsWork(DBConnection db) throws Exception {
        Table<Object> customers = table("CustomerTable");
        Table<Object> orders = table("OrderTable");
        Table<Object> lines = table("OrderLine2Table");
        Object ann = db.insert(customers, List.of(row("Customer", null, "ann@example.org", "Ann",
                enumConstant("Mood", "HAPPY"), null))).get(0);
        assertNotNull(get(ann, "createdAt"), "DEFAULT now() is read back");
        UUID orderId = UUID.randomUUID();
        db.insert(orders, List.of(row("Order", orderId, get(ann, "id"), "gold", true)));
        db.insert(lines, List.of(row("OrderLine2", orderId, 1, "sku-1", 2, null),
                row("OrderLine2", orderId, 2, "sku-2", 1, 5)));

        Column<Object, Object> customerName = column(customers, "NAME");
        Column<Object, Object> orderClass = column(orders, "CLASS_");
        List<Tuple2<Object, Object>> joined = db.exec(select(customerName, orderClass).from(orders).join(customers)
                .on(column(orders, "CUSTOMER_ID").eq(column(customers, "ID"))));
        assertEquals(List.of(new Tuple2<Object, Object>("Ann", "gold")), joined);

        Table<Object> l = lines.as("l");
        assertSame(lines.getClass(), l.getClass(), "a typed alias of the generated class");
        assertEquals(2L, db.one(select(count()).from(l).where(column(l, "ORDER_ID").eq(orderId))));
        assertEquals(Arrays.asList(null, 5), db.exec(select(column(lines, "QTY2")).from(lines)
                .orderBy(column(lines, "LINE_NO").asc())));

        Table<Object> view = table("CustomerOrdersTable");
        Object perCustomer = db.one(select(view));
        assertEquals("Ann", get(perCustomer, "name"));
        assertEquals(1L, get(perCustomer, "orders"));

        Table<Object> model = table("_3dModelTable");
        db.exec(insertInto(model).values(row("_3dModel", "lower", "Upper")));
        Object m = db.one(select(model));
        assertEquals(List.of("lower", "Upper"), List.of(get(m, "string"), get(m, "string2")));
    }

    @SuppressWarnings("unchecked") // the generated descriptors are Table<Row> of the loaded row classes
    private static Table<Object> table(String descriptor) throws ReflectiveOperationException {
        Class<?> type = loader.loadClass("com.acme.db." + descriptor);
        for (var f : type.getFields()) {
            if (f.getType() == type) {
                return (Table<Object>) f.get(null);
            }
        }
        throw new AssertionError(descriptor + " has no instance");
    }

    @SuppressWarnings("unchecked") // the test names each column with the Java type it holds
    private static Column<Object, Object> column(Table<Object> table, String field) throws ReflectiveOperationException {
        return (Column<Object, Object>) table.getClass().getField(field).get(table);
    }

    private static Object row(String record, Object... values) throws ReflectiveOperationException {
        Class<?> type = loader.loadClass("com.acme.db." + record);
        Class<?>[] parameters = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        return type.getDeclaredConstructor(parameters).newInstance(values);
    }

    private static Object get(Object record, String component) throws ReflectiveOperationException {
        return record.getClass().getMethod(component).invoke(record);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(String type, String name) throws ClassNotFoundException {
        return Enum.valueOf((Class) loader.loadClass("com.acme.db." + type), name);
    }
}
