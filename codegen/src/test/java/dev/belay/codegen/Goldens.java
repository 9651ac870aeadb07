package dev.belay.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares generated source trees with the golden files under src/test/resources. Run the tests with
 * {@code -Dbelay.goldens.update=true} to rewrite the golden files from what is generated, then review the diff.
 */
final class Goldens {
    private static final boolean UPDATE = Boolean.getBoolean("belay.goldens.update");

    private Goldens() {}

    /** Every .java file under {@code generated} equals the one under {@code golden}, and no file is missing. */
    static void assertSameTree(Path golden, Path generated) {
        List<String> want = javaFiles(golden);
        List<String> got = javaFiles(generated);
        try {
            if (UPDATE) {
                for (String f : got) {
                    Path target = golden.resolve(f);
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, Files.readString(generated.resolve(f)));
                }
                return;
            }
            assertEquals(want, got, "the generated files");
            for (String f : got) {
                assertEquals(Files.readString(golden.resolve(f)), Files.readString(generated.resolve(f)), f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
