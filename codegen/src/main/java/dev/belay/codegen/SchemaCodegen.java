package dev.belay.codegen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.lang.model.SourceVersion;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The database-first generator: reads one schema's tables, views and enum types from pg_catalog and writes, per
 * table or view, a record and its descriptor, and per enum type a Java enum.
 *
 * <pre>
 * java -jar codegen/target/belay-codegen.jar --url jdbc:postgresql://localhost:5432/app --user app \
 *     --schema public --package com.acme.db --out src/main/java
 * </pre>
 *
 * The password comes from {@code --password} or the environment variable {@code PGPASSWORD}. Output is
 * deterministic (sorted, one format), so regenerating an unchanged schema changes no file. Files of tables that
 * were dropped are not deleted: generate into a directory of its own and clear it first.
 */
public final class SchemaCodegen {
    private static final String USAGE = """
            usage: java -jar belay-codegen.jar --url <jdbc url> [--user <user>] [--password <password>]
                   [--schema <schema, default public>] --package <java package> --out <source directory>""";

    private SchemaCodegen() {}

    /** Runs the generator; exits with 0 when done, 1 on a database or file error, 2 on bad arguments. */
    public static void main(String[] args) {
        int status = run(args, System.getenv("PGPASSWORD"), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * The generator as {@link #main} runs it, with the environment's password and the streams given:
     * {@code run(new String[] {"--url", url, "--package", "com.acme.db", "--out", "src/main/java"}, null, out, err)}.
     *
     * @return 0 when done, 1 on a database or file error, 2 on bad arguments
     */
    public static int run(String[] args, @Nullable String environmentPassword, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println("belay-codegen: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        String pkg = options.get("--package");
        Properties login = new Properties();
        if (options.containsKey("--user")) {
            login.setProperty("user", options.get("--user"));
        }
        String password = options.getOrDefault("--password", environmentPassword);
        if (password != null) {
            login.setProperty("password", password);
        }
        String schema = options.getOrDefault("--schema", "public");
        try (Connection c = DriverManager.getConnection(options.get("--url"), login)) {
            CatalogModel model = CatalogReader.read(c, schema);
            if (model.relations().isEmpty() && model.enums().isEmpty()) {
                err.println("belay-codegen: schema " + schema + " has no tables, views or enum types (or this user "
                        + "cannot see them); nothing written");
                return 1;
            }
            SchemaGenerator generator = new SchemaGenerator(model, pkg);
            Map<String, String> files = generator.generate();
            Path dir = Path.of(options.get("--out")).resolve(pkg.replace('.', '/'));
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            for (String w : generator.warnings()) {
                err.println("belay-codegen: note: " + w);
            }
            out.println("belay-codegen: wrote " + files.size() + " files for " + model.relations().size()
                    + " tables and views and " + model.enums().size() + " enum types of schema " + schema + " to " + dir);
            return 0;
        } catch (SQLException e) {
            err.println("belay-codegen: cannot read schema " + schema + " at " + options.get("--url") + ": "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")");
            return 1;
        } catch (IOException e) {
            err.println("belay-codegen: cannot write to " + options.get("--out") + ": " + e);
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        List<String> known = List.of("--url", "--user", "--password", "--schema", "--package", "--out");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!known.contains(args[i])) {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(args[i], args[++i]);
        }
        for (String required : List.of("--url", "--package", "--out")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required");
            }
        }
        if (!SourceVersion.isName(options.get("--package"))) {
            throw new IllegalArgumentException("--package " + options.get("--package") + " is no Java package name");
        }
        return options;
    }
}
