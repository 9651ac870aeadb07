package dev.belay.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles source trees with the system compiler in this JVM, as a user's build would: {@code --release 17},
 * every lint as an error, on a class path of the dsl and checker-qual, optionally with processors.
 */
final class Javac {
    /** The class path every compilation gets: the dsl (and its annotations) and checker-qual. */
    static final List<Path> CLASS_PATH = List.of(locationOf(dev.belay.dsl.Table.class),
            locationOf(org.checkerframework.checker.nullness.qual.Nullable.class));

    /** An error or warning javac reported: the file name, 1-based line, and the English message. */
    record Report(String file, long line, Diagnostic.Kind kind, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + kind + ": " + message;
        }
    }

    /** What one compilation produced: its reports, generated sources and classes. */
    record Result(boolean success, List<Report> reports, Path generated, Path classes) {
        /** The generated file at {@code relative} (e.g. {@code com/acme/UserTable.java}). */
        String generatedSource(String relative) {
            try {
                return Files.readString(generated.resolve(relative));
            } catch (IOException e) {
                throw new UncheckedIOException("no generated " + relative + "; reports: " + reports, e);
            }
        }

        /** A loader of the compiled classes, whose parent sees Belay. */
        URLClassLoader loader() {
            try {
                return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Javac.class.getClassLoader());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Javac() {}

    /** Compiles every .java file under {@code sources} into {@code work}/classes, generating into {@code work}/generated. */
    static Result compile(Path sources, Path work, List<Path> extraClassPath, Processor... processors) {
        return compile(sources, work, StandardLocation.CLASS_PATH, extraClassPath, processors);
    }

    /** The same for one module's sources (a module-info.java at the root), with the dsl on the module path. */
    static Result compileModule(Path sources, Path work, Processor... processors) {
        return compile(sources, work, StandardLocation.MODULE_PATH, List.of(), processors);
    }

    private static Result compile(Path sources, Path work, StandardLocation path, List<Path> extraClassPath,
                                  Processor... processors) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: the tests must run on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, null);
             Stream<Path> walk = Files.walk(sources)) {
            Path generated = Files.createDirectories(work.resolve("generated"));
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<Path> classPath = new ArrayList<>(CLASS_PATH);
            classPath.addAll(extraClassPath);
            files.setLocationFromPaths(path, classPath);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            List<Path> inputs = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Xlint:-processing",
                    "-Werror", "-Xmaxerrs", "1000"));
            if (processors.length == 0) {
                options.add("-proc:none");
            }
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(inputs));
            if (processors.length > 0) {
                task.setProcessors(List.of(processors));
            }
            boolean ok = task.call();
            List<Report> reports = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName().toString();
                reports.add(new Report(file, d.getLineNumber(), d.getKind(), d.getMessage(Locale.ENGLISH)));
            }
            return new Result(ok, reports, generated, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class-path entry (directory or jar) a class was loaded from. */
    static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }
}
