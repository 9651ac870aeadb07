package dev.belay.test;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A PgBouncer in {@code pool_mode=transaction} in front of a {@link PostgresServer}, on a free local port, run as a
 * child process with a configuration of its own in a temporary directory, to test an application the way it runs
 * behind a busy primary:
 *
 * <pre>{@code
 * try (PgBouncer bouncer = PgBouncer.start(PostgresServer.find(), 2)) {
 *     DBConnection db = DBConnection.open(DBConfig.builder(bouncer.urlOf("app")).user("postgres")
 *         .pgbouncerTransactionMode().build());
 *     ...
 * }
 * }</pre>
 *
 * <p>The {@code pgbouncer} binary (1.18 or later) must be installed: without it {@link #start} throws saying how
 * to install it, so tests that need it fail rather than skip. Clients connect without a password (PgBouncer's
 * {@code auth_type=trust}, on 127.0.0.1 only); PgBouncer logs in to the server as the server's user. Started as
 * root, PgBouncer (which refuses to run as root) runs as user {@code nobody}. A PgBouncer that outlives its JVM
 * (killed outright, {@code kill -9}, so that no shutdown hook ran) is stopped by the next JVM that starts one.
 */
public final class PgBouncer implements AutoCloseable {
    /** The system property that puts a PgBouncer in front of every {@link TestDatabase} of the JVM. */
    public static final String PROPERTY = "belay.test.pgbouncer";
    private static final String UNPRIVILEGED = "nobody";
    private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^/:?,]+)(?::(\\d+))?(?:[/?].*)?");
    private static final long START_MILLIS = 10_000;
    private static final String PREFIX = "belay-pgbouncer";
    /** The file in its directory that names the PgBouncer process, for {@link Orphans#reap}. */
    private static final String PROCESS_FILE = "pgbouncer.process";
    /** Whether this JVM has looked for PgBouncers that killed JVMs left behind. */
    private static final AtomicBoolean REAPED = new AtomicBoolean();

    private static @Nullable PgBouncer jvmBouncer;
    private static @Nullable RuntimeException jvmFailure;

    private final Process process;
    private final Path dir;
    private final int port;

    private PgBouncer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts PgBouncer in front of {@code server}, with at most {@code poolSize} server connections per database
     * and user ({@code default_pool_size}), and waits until it accepts connections.
     *
     * @throws IllegalStateException when pgbouncer is not installed (saying how to install it) or does not start
     *                               (with its log)
     */
    public static PgBouncer start(PostgresServer server, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
        }
        String user = server.user();
        if (user == null) {
            throw new IllegalStateException("PgBouncer needs the server's user by name, but " + server + " has it in "
                    + "the URL: set BELAY_TEST_USER");
        }
        String binary = binary();
        Matcher m = HOST_PORT.matcher(server.url());
        if (!m.matches()) {
            throw new IllegalStateException("PgBouncer can front a single host:port URL only, got " + server);
        }
        String host = m.group(1);
        int serverPort = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        reapOnce();
        Path dir;
        try {
            dir = Files.createTempDirectory(PREFIX);
            Orphans.claim(dir);
        } catch (IOException e) {
            throw new IllegalStateException("PgBouncer: cannot create its temporary directory: " + e, e);
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            // the free port may be taken between closing the probe and PgBouncer binding it: then try another
            try {
                return launch(binary, dir, host, serverPort, user, server.password(), poolSize, freePort());
            } catch (IllegalStateException e) {
                last = e;
                if (!e.getMessage().contains("Address already in use")) {
                    break;
                }
            }
        }
        Orphans.deleteTree(dir);
        throw Objects.requireNonNull(last);
    }

    /**
     * The PgBouncer of this JVM's {@link TestDatabase}s when the system property {@value #PROPERTY} is
     * {@code true}, started on first use in front of {@link PostgresServer#find()} with a pool of 4 server
     * connections and stopped when the JVM exits; null when the property is not set.
     */
    static synchronized @Nullable PgBouncer forTests() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return null;
        }
        if (jvmBouncer == null && jvmFailure == null) {
            try {
                PgBouncer started = start(PostgresServer.find(), TestDatabase.DEFAULT_POOL_SIZE);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "belay-test: stop PgBouncer"));
                jvmBouncer = started;
            } catch (RuntimeException e) {
                jvmFailure = e;
            }
        }
        if (jvmBouncer != null) {
            return jvmBouncer;
        }
        RuntimeException first = Objects.requireNonNull(jvmFailure);
        throw new IllegalStateException(first.getMessage(), first);
    }

    /** The port PgBouncer listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The URL of a database through PgBouncer: {@code jdbc:postgresql://127.0.0.1:PORT/app}. */
    public String urlOf(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + Objects.requireNonNull(database, "database");
    }

    /** What PgBouncer has logged so far, for a failing test's message. */
    public String log() {
        return read(dir.resolve("pgbouncer.log"));
    }

    /** Stops PgBouncer (its clients' connections break) and deletes its directory. */
    @Override
    public void close() {
        stop(process.toHandle());
        Orphans.deleteTree(dir);
    }

    @Override
    public String toString() {
        return "PgBouncer on 127.0.0.1:" + port + " (pool_mode=transaction)";
    }

    private static PgBouncer launch(String binary, Path dir, String host, int serverPort, String user,
                                    @Nullable String password, int poolSize, int port) {
        Path ini = dir.resolve("pgbouncer.ini");
        Path users = dir.resolve("users.txt");
        Path log = dir.resolve("pgbouncer.log");
        boolean root = Starters.runningAsRoot();
        List<String> command = new ArrayList<>(List.of(binary));
        try {
            Files.writeString(users, quoted(user) + " " + quoted(password == null ? "" : password) + "\n");
            Files.writeString(ini, String.join("\n",
                    "[databases]",
                    "* = host=" + host + " port=" + serverPort,
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = trust",
                    "auth_file = " + users,
                    "pool_mode = transaction",
                    "default_pool_size = " + poolSize,
                    "max_client_conn = 500",
                    ""));
            if (root) {
                UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(UNPRIVILEGED);
                for (Path p : List.of(dir, ini, users)) {
                    Files.setOwner(p, nobody);
                }
                command.addAll(List.of("-u", UNPRIVILEGED));
            }
        } catch (IOException e) {
            throw new IllegalStateException("PgBouncer: cannot write its configuration in " + dir + ": " + e, e);
        }
        command.add(ini.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("PgBouncer did not start (" + String.join(" ", command) + "): " + e, e);
        }
        Orphans.record(dir, PROCESS_FILE, process.toHandle());
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer exited with status " + process.exitValue()
                        + " on start; its log:\n" + read(log));
            }
            if (accepts(port)) {
                return new PgBouncer(process, dir, port);
            }
            pause();
        }
        stop(process.toHandle());
        throw new IllegalStateException("PgBouncer did not listen on 127.0.0.1:" + port + " within "
                + START_MILLIS + " ms; its log:\n" + read(log));
    }

    /** The binary on the PATH or in the usual sbin folders (Debian installs it in /usr/sbin). */
    private static String binary() {
        return binary(System.getenv().getOrDefault("PATH", ""),
                List.of("/usr/sbin", "/usr/local/sbin", "/usr/local/bin", "/opt/homebrew/bin"));
    }

    /**
     * The first executable {@code pgbouncer} in the folders of {@code path}, then in {@code usual}.
     *
     * @throws IllegalStateException saying how to install it, when there is none
     */
    static String binary(String path, List<String> usual) {
        List<String> folders = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        folders.addAll(usual);
        for (String folder : folders) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, "pgbouncer");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("These tests run through PgBouncer, and pgbouncer is not installed (not on "
                + "the PATH, nor in /usr/sbin). Install PgBouncer 1.18 or later: on Debian or Ubuntu, as root, "
                + "apt-get install -y pgbouncer (.ci/run does this); on macOS, brew install pgbouncer. The tests start "
                + "and stop it themselves; the distribution's service is not needed.");
    }

    private static String quoted(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("PgBouncer: no free local port: " + e, e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PgBouncer to start", e);
        }
    }

    /**
     * Stops, once per JVM, the PgBouncers of JVMs that were killed before their shutdown hook ran (a child process
     * outlives its JVM), and deletes their directories.
     */
    private static void reapOnce() {
        if (REAPED.compareAndSet(false, true)) {
            Orphans.reap(PREFIX, dir -> {
                Optional<ProcessHandle> left = Orphans.running(dir.resolve(PROCESS_FILE));
                left.ifPresent(PgBouncer::stop);
                return left.isPresent();
            });
        }
    }

    /** SIGTERM first (PgBouncer exits at once), then a kill if it hangs. */
    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            process.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
