package dev.belay.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas whose names collide with Java generate code that compiles: a table named override or suppress_warnings
 * (whose record would shadow java.lang's annotations), columns named after Object's methods (which a record
 * component may not be), a table whose instance constant would take a column's field name, and a domain over
 * a domain, which is its base type. The generated descriptors then insert and read a row.
 */
@BelayTest(scripts = "belay/codegen-awkward-names.sql")
final class AwkwardNamesCodegenTest {

    @ParameterizedTest
    @ValueSource(strings = {"s_override", "s_names", "s_const", "s_domains"})
    @SuppressWarnings("unchecked")
    void theGeneratedCodeCompilesAndRuns(String schema, TestDatabase db, DBConnection conn, @TempDir Path out,
                                         @TempDir Path work) throws Exception {
        List<String> args = new ArrayList<>(List.of("--url", db.url(), "--schema", schema, "--package",
                "com.acme." + schema, "--out", out.toString()));
        if (db.user() != null) {
            args.addAll(List.of("--user", db.user()));
        }
        if (db.password() != null) {
            args.addAll(List.of("--password", db.password()));
        }
        List<String> result = SchemaCodegenTest.run(args.toArray(String[]::new));
        assertEquals("0", result.get(0), result::toString);
        if (schema.equals("s_domains")) {
            String source = java.nio.file.Files.readString(out.resolve("com/acme/s_domains/MeasuresTable.java"));
            assertTrue(source.contains("column(\"small\", PgType.INT4)"), source);
        }
        Javac.Result compiled = Javac.compile(out, work, List.of());
        assertTrue(compiled.success(), compiled.reports()::toString);
        String table = switch (schema) {
            case "s_override" -> "Override";
            case "s_names" -> "Settings";
            case "s_domains" -> "Measures";
            default -> "Users";
        };
        try (var loader = compiled.loader()) {
            Class<?> record = loader.loadClass("com.acme." + schema + "." + table);
            Class<?> descriptor = loader.loadClass("com.acme." + schema + "." + table + "Table");
            Object instance = Arrays.stream(descriptor.getFields()).filter(f -> f.getType() == descriptor)
                    .findFirst().orElseThrow().get(null);
            RecordComponent[] components = record.getRecordComponents();
            Object[] values = new Object[components.length];
            values[0] = 1;
            Object row = record.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
            conn.insert((Table<Object>) instance, List.of(row));
            assertEquals(List.of(row), conn.exec(dev.belay.dsl.Sql.select((Table<Object>) instance)));
        }
    }
}
