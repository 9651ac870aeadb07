package dev.belay.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on the fixture schema of src/test/resources/belay/codegen-schema.sql: golden files, its errors. */
@BelayTest(scripts = "belay/codegen-schema.sql")
final class SchemaCodegenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/schema/golden");

    /** Runs the command line, returning its exit status, then what it printed to stdout and stderr. */
    static List<String> run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SchemaCodegen.run(args, null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return List.of(String.valueOf(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<String> generate(TestDatabase db, Path out) {
        List<String> args = new ArrayList<>(List.of("--url", db.url(), "--schema", "shop", "--package",
                "com.acme.db", "--out", out.toString()));
        if (db.user() != null) {
            args.addAll(List.of("--user", db.user()));
        }
        if (db.password() != null) {
            args.addAll(List.of("--password", db.password()));
        }
        List<String> result = run(args.toArray(String[]::new));
        assertEquals("0", result.get(0), result::toString);
        return result;
    }

    @Test
    void generatedSourceIsTheGolden(TestDatabase db, @TempDir Path out) {
        List<String> result = generate(db, out);
        Goldens.assertSameTree(GOLDEN, out);
        assertTrue(result.get(1).startsWith("belay-codegen: wrote 21 files for 10 tables and views and 2 enum types"
                + " of schema shop"), result.get(1));
        assertEquals("""
                belay-codegen: note: enum status: label 'in progress' is no Java name, so its columns are read as \
                String (PgType.custom)
                belay-codegen: note: column everything.status: type status is read as String (PgType.custom)
                belay-codegen: note: column everything.address: type inet is read as String (PgType.custom)
                belay-codegen: note: foreign key egg.hen_id -> hen.id: left out, the tables reference each other in \
                a cycle
                belay-codegen: note: foreign key hen.egg_id -> egg.id: left out, the tables reference each other in \
                a cycle
                """, result.get(2));
    }

    @Test
    void regeneratingGivesTheSameFiles(TestDatabase db, @TempDir Path first, @TempDir Path second) throws IOException {
        generate(db, first);
        generate(db, second);
        List<String> files = Goldens.javaFiles(first);
        assertEquals(files, Goldens.javaFiles(second));
        for (String f : files) {
            assertEquals(Files.readString(first.resolve(f)), Files.readString(second.resolve(f)), f);
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheUsage() {
        List<String> missing = run("--url", "jdbc:postgresql://localhost/x", "--out", "x");
        assertEquals("2", missing.get(0));
        assertTrue(missing.get(2).startsWith("belay-codegen: --package is required\nusage: java -jar belay-codegen.jar"),
                missing.get(2));
        assertTrue(run("--url", "u", "--package", "1com", "--out", "x").get(2)
                .startsWith("belay-codegen: --package 1com is no Java package name"));
        assertTrue(run("--uri", "u").get(2).startsWith("belay-codegen: unknown argument --uri"));
        assertTrue(run("--url").get(2).startsWith("belay-codegen: --url needs a value"));
    }

    @Test
    void anEmptyOrUnreachableSchemaIsAnError(TestDatabase db, @TempDir Path out) {
        List<String> empty = run("--url", db.url(), "--user", String.valueOf(db.user()), "--schema", "nothing_here",
                "--package", "com.acme", "--out", out.toString());
        assertEquals("1", empty.get(0));
        assertTrue(empty.get(2).startsWith("belay-codegen: schema nothing_here has no tables, views or enum types"),
                empty.get(2));
        List<String> unreachable = run("--url", "jdbc:postgresql://127.0.0.1:1/none", "--package", "com.acme",
                "--out", out.toString());
        assertEquals("1", unreachable.get(0));
        assertTrue(unreachable.get(2).startsWith("belay-codegen: cannot read schema public at jdbc:postgresql://"
                + "127.0.0.1:1/none: "), unreachable.get(2));
    }
}
