package dev.belay.test;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A throwaway PostgreSQL server of its own, for tests that stop, restart or promote a server (read replicas,
 * failover), which the shared test server must never go through. {@link #primary()} runs {@code initdb} in a
 * temporary directory and starts the server on a free local port; {@link #standbyOf} makes a hot standby of it
 * with {@code pg_basebackup -R}, streaming from it:
 *
 * <pre>{@code
 * try (PostgresCluster primary = PostgresCluster.primary();
 *      PostgresCluster standby = PostgresCluster.standbyOf(primary)) {
 *     DBConnection db = DBConnection.open(DBConfig.builder(primary.url()).user(primary.user())
 *         .replica(standby.url()).build());
 *     standby.stop();      // pg_ctl stop -m fast
 *     standby.start();
 *     standby.promote();   // pg_ctl promote: the standby becomes a primary
 * }
 * }</pre>
 *
 * <p>It needs PostgreSQL's server binaries ({@code initdb}, {@code pg_ctl}, {@code pg_basebackup}), found through
 * {@code pg_config --bindir} or in Debian's {@code /usr/lib/postgresql/<version>/bin}; without them {@link #primary()}
 * throws saying which package to install. Clients connect as {@code postgres} without a password (trust, on
 * 127.0.0.1 only, replication included). Durability is off ({@code fsync=off}): these servers are for tests.
 * PostgreSQL refuses to run as root, so under root the binaries run as the {@code postgres} OS user, which then
 * owns the directory. Servers still running when the JVM exits are stopped by a shutdown hook. A JVM killed
 * outright ({@code kill -9}) cannot run it, so its servers go on running, until the next JVM that makes a server
 * here stops them and deletes their directories first (each directory names the JVM that owns it).
 */
public final class PostgresCluster implements AutoCloseable {
    private static final String OS_USER = "postgres";
    private static final String USER = "postgres";
    private static final Set<PostgresCluster> RUNNING = ConcurrentHashMap.newKeySet();
    private static final boolean ROOT = Starters.runningAsRoot();
    private static final String[] PREFIXES = {"belay-primary", "belay-standby"};
    /** Whether this JVM has looked for servers that killed JVMs left behind. */
    private static final AtomicBoolean REAPED = new AtomicBoolean();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (PostgresCluster c : RUNNING) {
                c.quietly("stop", "-m", "immediate");
                Orphans.deleteTree(c.dir);
            }
        }, "belay-test: stop PostgresCluster servers"));
    }

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean standby;

    private PostgresCluster(Path bin, Path dir, int port, boolean standby) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.standby = standby;
    }

    /**
     * A new primary: {@code initdb} in a temporary directory, then {@code pg_ctl start -w} on a free port of
     * 127.0.0.1. Takes a second or two.
     *
     * @throws IllegalStateException when the binaries are missing (naming the package) or the server does not
     *                               start (with its log)
     */
    public static PostgresCluster primary() {
        Path bin = binaries();
        reapOnce(bin);
        Path dir = newDirectory("belay-primary");
        try {
            run(bin, dir, "initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--auth=trust",
                    "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
            writeHba(dir);
            return launch(bin, dir, false);
        } catch (RuntimeException e) {
            Orphans.deleteTree(dir);
            throw e;
        }
    }

    /**
     * A hot standby of {@code primary}: {@code pg_basebackup -R} copies it and configures streaming replication,
     * then the copy starts on a free port and accepts read-only connections.
     *
     * @throws IllegalStateException when the copy or the start fails (with the tool's output)
     */
    public static PostgresCluster standbyOf(PostgresCluster primary) {
        Objects.requireNonNull(primary, "primary");
        reapOnce(primary.bin);
        Path dir = newDirectory("belay-standby");
        try {
            run(primary.bin, dir, "pg_basebackup", "-R", "-D", dir.resolve("data").toString(), "-h", "127.0.0.1",
                    "-p", Integer.toString(primary.port), "-U", USER, "-X", "stream", "-c", "fast", "--no-sync");
            return launch(primary.bin, dir, true);
        } catch (RuntimeException e) {
            Orphans.deleteTree(dir);
            throw e;
        }
    }

    /** The port the server listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The superuser to connect as, without a password: {@code postgres}. */
    public String user() {
        return USER;
    }

    /** The URL of the {@code postgres} database: {@code jdbc:postgresql://127.0.0.1:PORT/postgres}. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Whether it was made as a standby (it stays one until {@link #promote()}). */
    public boolean isStandby() {
        return standby;
    }

    /** Starts the server again after {@link #stop()}, and waits until it accepts connections. */
    public void start() {
        pgCtl("start", "-w", "-t", "60", "-l", dir.resolve("server.log").toString());
        RUNNING.add(this);
    }

    /** Stops the server ({@code pg_ctl stop -m fast}): its clients' connections break at once. */
    public void stop() {
        pgCtl("stop", "-w", "-m", "fast");
        RUNNING.remove(this);
    }

    /** Makes a standby a primary ({@code pg_ctl promote -w}), which then accepts writes. */
    public void promote() {
        pgCtl("promote", "-w", "-t", "60");
    }

    /** What the server has logged so far, for a failing test's message. */
    public String log() {
        try {
            return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the server if it runs and deletes its directory. */
    @Override
    public void close() {
        if (RUNNING.remove(this)) {
            quietly("stop", "-w", "-m", "fast");
        }
        Orphans.deleteTree(dir);
    }

    @Override
    public String toString() {
        return (standby ? "standby" : "primary") + " PostgreSQL on 127.0.0.1:" + port + " (" + dir + ")";
    }

    private static PostgresCluster launch(Path bin, Path dir, boolean standby) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            // the free port may be taken between closing the probe and the server binding it: then try another
            int port = freePort();
            writeSettings(dir, port);
            PostgresCluster cluster = new PostgresCluster(bin, dir, port, standby);
            try {
                cluster.start();
                return cluster;
            } catch (IllegalStateException e) {
                last = e;
                if (!cluster.log().contains("could not bind")) {
                    break;
                }
            }
        }
        throw Objects.requireNonNull(last);
    }

    /** Trust for 127.0.0.1 only, replication included: pg_basebackup and the standby connect as replication. */
    private static void writeHba(Path dir) {
        write(dir.resolve("data/pg_hba.conf"), String.join("\n",
                "local all all trust",
                "host all all 127.0.0.1/32 trust",
                "local replication all trust",
                "host replication all 127.0.0.1/32 trust",
                ""));
    }

    /** Appended, so that for a standby (whose postgresql.conf is its primary's copy) the later lines win. */
    private static void writeSettings(Path dir, int port) {
        Path conf = dir.resolve("data/postgresql.conf");
        String settings = String.join("\n",
                "",
                "# belay-test PostgresCluster",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = '" + dir + "'",
                "max_connections = 60",
                "shared_buffers = 32MB",
                // a test server: durability buys nothing and costs seconds. synchronous_commit stays on: with it off
                // a commit's WAL reaches the standbys only at the WAL writer's next round, up to 200 ms later
                "fsync = off",
                "full_page_writes = off",
                "hot_standby = on",
                "hot_standby_feedback = on",
                "");
        try {
            Files.writeString(conf, settings, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("PostgresCluster: cannot write " + conf + ": " + e, e);
        }
    }

    private void pgCtl(String... args) {
        List<String> command = new ArrayList<>(List.of("pg_ctl", "-D", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        try {
            run(bin, dir, command.toArray(String[]::new));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\nthe server's log:\n" + log(), e);
        }
    }

    private void quietly(String... args) {
        try {
            pgCtl(args);
        } catch (RuntimeException e) {
            System.err.println("[belay-test] " + this + ": " + e.getMessage());
        }
    }

    /**
     * Runs one of PostgreSQL's tools and waits for it; its output goes to a file (never a pipe, which the server
     * that {@code pg_ctl start} leaves running would hold open).
     */
    private static void run(Path bin, Path dir, String... args) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        command.add(bin.resolve(args[0]).toString());
        command.addAll(List.of(args).subList(1, args.length));
        Path out = dir.resolve("command.out");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with status " + p.exitValue()
                        + ":\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Stops and deletes, once per JVM, the servers of JVMs that were killed before their shutdown hook ran. */
    private static void reapOnce(Path bin) {
        if (REAPED.compareAndSet(false, true)) {
            for (String prefix : PREFIXES) {
                Orphans.reap(prefix, dir -> {
                    if (!Files.exists(dir.resolve("data/postmaster.pid"))) {
                        return false;
                    }
                    run(bin, dir, "pg_ctl", "-D", dir.resolve("data").toString(), "stop", "-w", "-m", "immediate");
                    return true;
                });
            }
        }
    }

    /**
     * A temporary directory the server's OS user owns (PostgreSQL wants its data directory to itself), marked as
     * this JVM's.
     */
    private static Path newDirectory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Orphans.claim(dir);
            if (ROOT) {
                UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
                Files.setOwner(dir, owner);
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("PostgresCluster: cannot create a directory owned by " + OS_USER
                    + " (running as root, the server runs as that OS user; the postgresql package creates it): " + e, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("PostgresCluster: cannot write " + file + ": " + e, e);
        }
    }

    /** The folder of initdb, pg_ctl and pg_basebackup. */
    private static Path binaries() {
        List<Path> candidates = new ArrayList<>();
        String fromPgConfig = pgConfigBindir();
        if (fromPgConfig != null) {
            candidates.add(Path.of(fromPgConfig));
        }
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        if (versions != null) {
            Stream.of(versions).map(f -> f.toPath().resolve("bin"))
                    .sorted(Comparator.comparing((Path p) -> versionOf(p)).reversed()).forEach(candidates::add);
        }
        for (Path folder : candidates) {
            if (Stream.of("initdb", "pg_ctl", "pg_basebackup").allMatch(t -> Files.isExecutable(folder.resolve(t)))) {
                return folder;
            }
        }
        throw new IllegalStateException("PostgresCluster needs PostgreSQL's server binaries (initdb, pg_ctl, "
                + "pg_basebackup), found neither through pg_config --bindir nor in /usr/lib/postgresql/<version>/bin "
                + "(looked in " + candidates + "). Install them: on Debian or Ubuntu, as root, apt-get install -y "
                + "postgresql-15 (.ci/run does this); on macOS, brew install postgresql@15 and put its bin on the PATH.");
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable String pgConfigBindir() {
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("PostgresCluster: no free local port: " + e, e);
        }
    }
}
