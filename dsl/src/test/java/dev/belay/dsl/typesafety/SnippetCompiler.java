package dev.belay.dsl.typesafety;

import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java snippets in memory, as a user of the DSL would write them: on the class path, against the
 * dsl classes, the test fixtures and checker-qual, with {@code --release 17}. Class files are discarded.
 */
final class SnippetCompiler {
    static {
        // Surefire runs the tests inside module dev.belay.dsl, which does not read java.compiler; without this
        // edge the first use of javax.tools fails with IllegalAccessError. On the class path it is a no-op.
        Module self = SnippetCompiler.class.getModule();
        self.addReads(ModuleLayer.boot().findModule("java.compiler").orElseThrow(
                () -> new IllegalStateException("module java.compiler is not in the boot layer")));
    }

    /** Every snippet sees the DSL the way the user guide writes it. */
    private static final List<String> HEADER = List.of(
            "import static dev.belay.dsl.Sql.*;",
            "import static dev.belay.dsl.fixtures.OrderTable.ORDER;",
            "import static dev.belay.dsl.fixtures.UserTable.USER;",
            "",
            "import dev.belay.dsl.*;",
            "import dev.belay.dsl.fixtures.*;",
            "import java.math.BigDecimal;",
            "import java.util.List;",
            "");

    private static final List<Path> CLASS_PATH = List.of(
            locationOf(dev.belay.dsl.Sql.class),
            locationOf(dev.belay.dsl.fixtures.UserTable.class),
            locationOf(org.checkerframework.checker.nullness.qual.Nullable.class));

    private static final List<String> OPTIONS = List.of("--release", "17", "-proc:none", "-Xmaxerrs", "10000");

    /** An error javac reported, with its line in the unit, its stable key (e.g. compiler.err.ref.ambiguous) and text. */
    record CompileError(long line, String code, String message) {
        @Override
        public String toString() {
            return "line " + line + " [" + code + "] " + message;
        }
    }

    /** One compilation unit: a class {@code name} whose method body is {@code body}, one statement a line. */
    record Unit(String name, List<String> body) {
        String source() {
            List<String> lines = new ArrayList<>(HEADER);
            lines.add("final class " + name + " {");
            lines.add("    void snippet() {");
            for (String statement : body) {
                lines.add("        " + statement);
            }
            lines.add("    }");
            lines.add("}");
            return String.join("\n", lines) + "\n";
        }

        /** The 1-based source line of body line {@code index} (0-based). */
        long lineOf(int index) {
            return HEADER.size() + 3L + index;
        }
    }

    private SnippetCompiler() {}

    /**
     * Compiles all units in one javac run and returns each unit's errors, keyed by unit name. A unit with a
     * syntax error stops javac before type checking, so batch only units that parse.
     */
    static Map<String, List<CompileError>> compile(List<Unit> units) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: the tests must run on a JDK, not a JRE");
        }
        Map<URI, String> names = new HashMap<>();
        List<JavaFileObject> sources = new ArrayList<>();
        Map<String, List<CompileError>> errors = new LinkedHashMap<>();
        for (Unit u : units) {
            JavaFileObject source = new Source(u.name(), u.source());
            if (names.put(source.toUri(), u.name()) != null) {
                throw new IllegalArgumentException("two units are named " + u.name());
            }
            sources.add(source);
            errors.put(u.name(), new ArrayList<>());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, null)) {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, CLASS_PATH);
            javac.getTask(null, new Discarding(files), diagnostics, OPTIONS, null, sources).call();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot set up the compiler's class path " + CLASS_PATH, e);
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String name = d.getSource() == null ? null : names.get(d.getSource().toUri());
            if (name == null) {
                // not tied to a snippet (a bad option, an unreadable class path): the harness itself is broken
                throw new IllegalStateException("javac error outside the snippets: " + d.getMessage(Locale.ENGLISH));
            }
            errors.get(name).add(new CompileError(d.getLineNumber(), d.getCode(), d.getMessage(Locale.ENGLISH)));
        }
        return errors;
    }

    /** The class-path entry (directory or jar) a class was loaded from. */
    private static Path locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("odd location of " + type.getName() + ": " + source.getLocation(), e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Only the diagnostics matter; class files go nowhere, so parallel runs cannot trip over each other. */
    private static final class Discarding extends ForwardingJavaFileManager<StandardJavaFileManager> {
        Discarding(StandardJavaFileManager files) {
            super(files);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("discard:///" + className.replace('.', '/') + kind.extension),
                    kind) {
                @Override
                public OutputStream openOutputStream() {
                    return OutputStream.nullOutputStream();
                }
            };
        }
    }
}
