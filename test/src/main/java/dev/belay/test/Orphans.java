package dev.belay.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The kit's servers run in temporary directories and are stopped by a shutdown hook, which a JVM killed outright
 * ({@code kill -9}, an IDE's stop button, a CI job's timeout) never runs: the servers go on, holding ports and
 * memory, until someone stops them. So each directory names the JVM that owns it ({@link #claim}), and the kit,
 * before starting a server of a kind, stops and deletes the directories of that kind whose owner no longer runs
 * ({@link #reap}). A directory without an owner file is left alone: it may be one another JVM is just setting up.
 */
final class Orphans {
    /** The file in a directory that names its owner: {@code <pid> <start instant, or ->}. */
    static final String OWNER = "belay-owner";

    private Orphans() {}

    /** Records this JVM as the owner of {@code dir}. */
    static void claim(Path dir) {
        ProcessHandle self = ProcessHandle.current();
        write(dir.resolve(OWNER), identity(self.pid(), self.info().startInstant()));
    }

    /**
     * Records {@code process} (a child that runs on its own, as PgBouncer does) in {@code dir} under {@code name},
     * so that a reaper can stop it without mistaking a later process that got the same pid for it.
     */
    static void record(Path dir, String name, ProcessHandle process) {
        write(dir.resolve(name), identity(process.pid(), process.info().startInstant()));
    }

    /** The process recorded in {@code file} by {@link #record} or {@link #claim}, if it still runs. */
    static Optional<ProcessHandle> running(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return Optional.empty();
        }
        String[] parts = text.split(" ");
        long pid;
        try {
            pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        @Nullable String start = parts.length > 1 ? parts[1] : null;
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> start == null || start.equals("-")
                || p.info().startInstant().map(Instant::toString).map(start::equals).orElse(true));
    }

    /**
     * For each directory in the temporary folder whose name starts with {@code prefix} and whose owner file names
     * a JVM that no longer runs: {@code stop} what it left running there (true if something ran), then delete the
     * directory. Failures are reported on standard error and do not stop the caller, which is about to start a
     * server of its own.
     */
    static void reap(String prefix, Predicate<Path> stop) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, prefix + "*")) {
            for (Path dir : dirs) {
                Path owner = dir.resolve(OWNER);
                if (!Files.isDirectory(dir) || !Files.exists(owner) || running(owner).isPresent()) {
                    continue;
                }
                try {
                    if (stop.test(dir)) {
                        System.err.println("[belay-test] stopped what a JVM that no longer runs left running in "
                                + dir + ", and deleted it");
                    }
                } catch (RuntimeException e) {
                    System.err.println("[belay-test] could not stop what a JVM that no longer runs left in " + dir
                            + ": " + e.getMessage());
                }
                deleteTree(dir);
            }
        } catch (IOException e) {
            System.err.println("[belay-test] could not look for servers left by killed JVMs in " + tmp + ": " + e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static String identity(long pid, Optional<Instant> start) {
        return pid + " " + start.map(Instant::toString).orElse("-") + "\n";
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("belay-test: cannot write " + file + ": " + e, e);
        }
    }
}
