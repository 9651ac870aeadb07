package dev.belay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JVM killed outright never runs its shutdown hooks, so the servers the kit started for it go on running; the next
 * JVM that starts one of that kind stops them and deletes their directories, and leaves a live JVM's alone.
 */
final class OrphansTest {

    @ParameterizedTest
    @ValueSource(strings = {"cluster", "bouncer"})
    void theNextJvmStopsWhatAKilledJvmLeftRunning(String kind) throws Exception {
        Process killed = maker(kind);
        int port = readyPort(killed);
        Path dir = directoryOf(kind, killed.pid());
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(accepts(port), "the " + kind + " of the killed JVM should still run before another JVM starts");

        Process next = new ProcessBuilder(command(kind, "once")).redirectErrorStream(true).start();
        String output = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(next.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, next.exitValue(), output);

        assertFalse(accepts(port), "the next JVM should have stopped the " + kind + " on port " + port + ":\n" + output);
        assertFalse(Files.exists(dir), dir + " should be deleted:\n" + output);
        assertTrue(output.contains("stopped what a JVM that no longer runs left running in " + dir + ", and deleted it"), output);
    }

    @Test
    void aLiveJvmsServerIsLeftAloneAndItsExitStopsItAndDeletesItsDirectory() throws Exception {
        Process live = maker("cluster");
        int port;
        Path dir;
        try {
            port = readyPort(live);
            dir = directoryOf("cluster", live.pid());
            Process next = new ProcessBuilder(command("cluster", "once")).redirectErrorStream(true).start();
            String output = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(next.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, next.exitValue(), output);
            assertTrue(accepts(port), "a running JVM's server must not be stopped:\n" + output);
            assertTrue(Files.exists(dir), "a running JVM's directory must not be deleted");
        } finally {
            live.destroy(); // SIGTERM: the JVM exits normally, running its shutdown hooks
            assertTrue(live.waitFor(60, TimeUnit.SECONDS));
        }
        assertFalse(accepts(port), "the shutdown hook should have stopped the server");
        assertFalse(Files.exists(dir), "the shutdown hook should have deleted " + dir);
    }

    private static Process maker(String kind) throws IOException {
        return new ProcessBuilder(command(kind)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static List<String> command(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        // Surefire puts the module under test on the module path and the rest on the class path: the child takes both
        String modules = System.getProperty("jdk.module.path");
        String classPath = System.getProperty("java.class.path") + (modules == null ? "" : File.pathSeparator + modules);
        List<String> command = new ArrayList<>(List.of(java, "-Dslf4j.internal.verbosity=ERROR", "-cp", classPath,
                OrphanMaker.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static int readyPort(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("READY "), "the maker JVM said: " + line);
        return Integer.parseInt(line.substring("READY ".length()).trim());
    }

    /** The kit's directory owned by the JVM with this pid. */
    private static Path directoryOf(String kind, long pid) throws IOException {
        String prefix = kind.equals("cluster") ? "belay-primary" : "belay-pgbouncer";
        try (var dirs = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), prefix + "*")) {
            for (Path dir : dirs) {
                Path owner = dir.resolve(Orphans.OWNER);
                if (Files.exists(owner) && Files.readString(owner).startsWith(pid + " ")) {
                    return dir;
                }
            }
        }
        throw new AssertionError("no " + prefix + " directory owned by " + pid);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
