package dev.belay.codegen;

import static dev.belay.dsl.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotation processor on the fixtures of src/test/resources/processor: the source it generates (golden files),
 * that each generated descriptor is the one {@code Table.of} derives, and the compile errors it reports.
 */
final class TableProcessorTest {
    private static final Path FIXTURES = Path.of("src/test/resources/processor");
    private static final List<String> ROW_TYPES = List.of("com.acme.Everything", "com.acme.OrderLine",
            "com.acme.Invoice", "com.acme.Catalog$Column", "com.acme.Catalog$Note");

    private static Javac.Result rows;

    @BeforeAll
    static void compileRows(@TempDir Path work) {
        rows = Javac.compile(FIXTURES.resolve("rows"), work, List.of(), new TableProcessor());
        assertTrue(rows.success(), () -> "the fixtures compile with the processor: " + rows.reports());
        assertEquals(List.of(), rows.reports(), "no warnings either (-Xlint:all)");
    }

    @Test
    void generatedSourceIsTheGolden() {
        Goldens.assertSameTree(FIXTURES.resolve("golden"), rows.generated());
    }

    @Test
    void generatedDescriptorIsTheDerivedOne() throws Exception {
        try (URLClassLoader loader = rows.loader()) {
            for (String name : ROW_TYPES) {
                Class<?> row = loader.loadClass(name);
                Table<?> generated = generated(loader, row);
                Table<?> derived = Table.of(row);
                assertEquals(describe(derived), describe(generated), name);
                assertEquals(derived.schema(), generated.schema(), name);
                assertEquals(derived.name(), generated.name(), name);
                assertEquals(derived.rowType(), generated.rowType(), name);
                assertEquals(select(derived).render().sql(), select(generated).render().sql(), name);
            }
        }
    }

    @Test
    void generatedDescriptorsHaveTypedAliases() throws Exception {
        try (URLClassLoader loader = rows.loader()) {
            Table<?> lines = generated(loader, loader.loadClass("com.acme.OrderLine"));
            Table<?> aliased = lines.as("l");
            assertInstanceOf(lines.getClass(), aliased, "USER.as(..) is an instance of the generated class");
            Column<?, ?> sku = (Column<?, ?>) lines.getClass().getField("SKU").get(aliased);
            assertEquals("\"l\".\"sku\"", select(sku).from(aliased).render().sql().split(" ")[1]);
            assertNotSame(lines, aliased);
        }
    }

    /** Built once, rendered twice, the query over a generated descriptor is the same SQL. */
    @Test
    void aQueryOverAGeneratedDescriptorRendersTheSameTwice() throws Exception {
        try (URLClassLoader loader = rows.loader()) {
            Table<?> invoices = generated(loader, loader.loadClass("com.acme.Invoice"));
            var query = select(invoices);
            String first = query.render().sql();
            assertEquals("SELECT \"invoices\".\"id\", \"invoices\".\"created_at\", \"invoices\".\"number\", "
                    + "\"invoices\".\"total\", \"invoices\".\"paid\" FROM \"invoices\"", first);
            assertEquals(first, query.render().sql());
        }
    }

    /** The generated columns carry their Java types: a wrong value or assignment does not compile, its twin does. */
    @Test
    void generatedColumnsAreTyped(@TempDir Path work) throws IOException {
        String right = """
                EverythingTable e = EVERYTHING.as("e");
                Condition c = e.MOOD.eq(Mood.SAD).and(EVERYTHING.AMOUNT.gt(BigDecimal.ONE));
                Column<Everything, List<Mood>> moods = EVERYTHING.MOODS;
                Column<OrderLine, Integer> line = OrderLineTable.ORDER_LINE.LINE_NO;
                """;
        assertEquals(List.of(), snippet(work.resolve("right"), right), "the right twin compiles");
        Map<String, String> wrong = Map.of(
                "EVERYTHING.AMOUNT.eq(\"1\");", "no suitable method found for eq(java.lang.String)",
                "Column<Everything, Integer> small = EVERYTHING.SMALL;", "incompatible types",
                "EVERYTHING.MOOD.eq(\"SAD\");", "no suitable method found for eq(java.lang.String)",
                "Column<Everything, List<String>> moods = EVERYTHING.MOODS;", "incompatible types");
        int i = 0;
        for (Map.Entry<String, String> w : new TreeMap<>(wrong).entrySet()) {
            List<String> errors = snippet(work.resolve("wrong" + i++), w.getKey());
            assertEquals(1, errors.size(), () -> w.getKey() + ": " + errors);
            assertTrue(errors.get(0).contains(w.getValue()), () -> w.getKey() + ": " + errors);
        }
    }

    private static List<String> snippet(Path work, String body) throws IOException {
        Path src = Files.createDirectories(work.resolve("src/com/acme/use"));
        Files.writeString(src.resolve("Snippet.java"), """
                package com.acme.use;

                import static com.acme.EverythingTable.EVERYTHING;

                import com.acme.*;
                import dev.belay.dsl.*;
                import java.math.BigDecimal;
                import java.util.List;

                final class Snippet {
                    void run() {
                %s    }
                }
                """.formatted(body.indent(8)));
        Javac.Result r = Javac.compile(work.resolve("src"), work, List.of(rows.classes()));
        return r.reports().stream().map(Javac.Report::message).toList();
    }

    /**
     * On the module path: the generated descriptor compiles in an application module that reads only the dsl's
     * exported packages, and in a module layer its typed alias works through the opened package.
     */
    @Test
    void generatedDescriptorsWorkOnTheModulePath(@TempDir Path work) throws Exception {
        Javac.Result r = Javac.compileModule(FIXTURES.resolve("module/com.acme.app"), work, new TableProcessor());
        assertTrue(r.success(), () -> "the module compiles: " + r.reports());
        assertEquals(List.of(), r.reports());
        List<Path> modules = new ArrayList<>(Javac.CLASS_PATH);
        modules.add(r.classes());
        Configuration config = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(modules.toArray(Path[]::new)),
                ModuleFinder.of(), Set.of("com.acme.app"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
        Class<?> accounts = layer.findLoader("com.acme.app").loadClass("com.acme.app.AccountTable");
        assertTrue(accounts.getModule().isNamed(), "loaded as a module");
        Object account = accounts.getField("ACCOUNT").get(null);
        Object aliased = accounts.getMethod("as", String.class).invoke(account, "a");
        assertSame(accounts, aliased.getClass());
        assertEquals("\"accounts\" AS \"a\"", aliased.toString());
        assertEquals("\"a\".\"age\"", accounts.getField("AGE").get(aliased).toString());
    }

    private static Table<?> generated(ClassLoader loader, Class<?> row) throws ReflectiveOperationException {
        Class<?> descriptor = loader.loadClass(row.getPackageName() + "." + row.getSimpleName() + "Table");
        for (var f : descriptor.getFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == descriptor) {
                return (Table<?>) f.get(null);
            }
        }
        throw new AssertionError(descriptor + " has no public static instance");
    }

    record Described(String name, PgType<?> type, String property, boolean nullable, boolean generated,
                     boolean primaryKey) {}

    private static List<Described> describe(Table<?> t) {
        List<Described> out = new ArrayList<>();
        for (Column<?, ?> c : t.columns()) {
            out.add(new Described(c.name(), c.type(), c.property(), c.isNullable(), c.isGenerated(), c.isPrimaryKey()));
        }
        return out;
    }

    private static final Pattern EXPECTED = Pattern.compile("// error: (.*)$");

    /** Each fixture line marked {@code // error: text} gets an error containing the text, and no line gets another. */
    @Test
    void unmappableTypesAreCompileErrorsOnTheElement(@TempDir Path work) throws IOException {
        Path errors = FIXTURES.resolve("errors");
        Javac.Result result = Javac.compile(errors, work, List.of(), new TableProcessor());
        Map<String, String> want = new TreeMap<>();
        try (Stream<Path> files = Files.walk(errors)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = EXPECTED.matcher(lines.get(i));
                    if (m.find()) {
                        want.put(f.getFileName() + ":" + (i + 1), m.group(1));
                    }
                }
            }
        }
        Map<String, String> got = new TreeMap<>();
        for (Javac.Report r : result.reports()) {
            assertEquals(Diagnostic.Kind.ERROR, r.kind(), r::toString);
            got.merge(r.file() + ":" + r.line(), r.message(), (a, b) -> a + "\n" + b);
        }
        assertEquals(want.keySet(), got.keySet(), () -> "errors at the marked lines, got " + got);
        want.forEach((at, text) -> assertTrue(got.get(at).contains(text), at + ": " + got.get(at)));
        assertTrue(Goldens.javaFiles(result.generated()).isEmpty(), "nothing generated for a refused type");
    }
}
