package dev.belay.test;

import dev.belay.test.PostgresServer.Source;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How {@link PostgresServer#find()} finds a server. {@link #resolve} takes everything it consults from outside
 * (environment, Docker, the local address, whether the JVM is root, the embedded starter) as arguments, so that
 * tests can run the decision with a fake environment and without starting anything.
 */
final class Lookup {
    static final String TEST_URL_ENV = "BELAY_TEST_JDBC_URL";
    static final String TEST_USER_ENV = "BELAY_TEST_USER";
    static final String TEST_PASSWORD_ENV = "BELAY_TEST_PASSWORD";
    static final String URL_ENV = "BELAY_JDBC_URL";
    static final String USER_ENV = "BELAY_USER";
    static final String PASSWORD_ENV = "BELAY_PASSWORD";
    static final String LOCAL_URL = "jdbc:postgresql://localhost:5432/postgres";
    static final String IMAGE = "postgres:15-alpine";

    private static final System.Logger LOG = System.getLogger("dev.belay.test");

    /*
     * The server is one per JVM on purpose: finding it may start a container or a server, which must happen
     * once, not per test class. Kept with the failure, so that every later class fails at once the same way.
     */
    private static @Nullable PostgresServer server;
    private static @Nullable RuntimeException failure;

    private Lookup() {}

    /**
     * What the lookup consults.
     *
     * @param env      the environment variables
     * @param docker   starts a container and returns its server, or returns empty when Docker is not available
     * @param localUrl the local server's URL, tried as user {@code postgres}
     * @param root     whether this JVM runs as root (then the embedded server is not tried)
     * @param embedded starts an embedded server, or throws saying why it could not
     */
    record Probes(Map<String, String> env, Supplier<Optional<PostgresServer>> docker, String localUrl,
                  BooleanSupplier root, Supplier<PostgresServer> embedded) {

        /** The real ones. */
        static Probes system() {
            return new Probes(System.getenv(), Starters::container, LOCAL_URL, Starters::runningAsRoot,
                    Starters::embedded);
        }
    }

    static synchronized PostgresServer jvmServer() {
        if (server == null && failure == null) {
            long start = System.nanoTime();
            try {
                PostgresServer found = resolve(Probes.system());
                long millis = (System.nanoTime() - start) / 1_000_000;
                LOG.log(System.Logger.Level.INFO, () -> "PostgreSQL for the tests: " + found + ", found in " + millis
                        + " ms");
                server = found;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (server != null) {
            return server;
        }
        RuntimeException first = failure;
        throw new IllegalStateException(first == null ? "unreachable" : first.getMessage(), first);
    }

    /**
     * Finds the server in the documented order.
     *
     * @throws IllegalStateException saying how to provide a server when none is reachable, or when an explicitly
     *                               set URL does not connect
     */
    static PostgresServer resolve(Probes probes) {
        Map<String, String> env = probes.env();
        PostgresServer given = explicit(env, Source.BELAY_TEST_JDBC_URL, TEST_URL_ENV, TEST_USER_ENV,
                TEST_PASSWORD_ENV);
        if (given == null) {
            given = explicit(env, Source.BELAY_JDBC_URL, URL_ENV, USER_ENV, PASSWORD_ENV);
        }
        if (given != null) {
            return given;
        }
        Optional<PostgresServer> container = probes.docker().get();
        if (container.isPresent()) {
            return container.get();
        }
        PostgresServer local = new PostgresServer(Source.LOCAL, "local PostgreSQL", probes.localUrl(), "postgres",
                env.get("PGPASSWORD"));
        String localProblem = connectProblem(local);
        if (localProblem == null) {
            return local;
        }
        boolean root = probes.root().getAsBoolean();
        @Nullable String embeddedProblem;
        if (root) {
            embeddedProblem = "not tried: this JVM runs as root, and PostgreSQL refuses to run as root";
        } else {
            try {
                return probes.embedded().get();
            } catch (RuntimeException e) {
                embeddedProblem = e.getMessage();
            }
        }
        throw new IllegalStateException(noServer(probes.localUrl(), localProblem, root, embeddedProblem));
    }

    /** The server an environment variable names, or null when it is not set; one that does not connect throws. */
    private static @Nullable PostgresServer explicit(Map<String, String> env, Source source, String urlVar,
                                                     String userVar, String passwordVar) {
        String url = env.get(urlVar);
        if (url == null || url.isBlank()) {
            return null;
        }
        PostgresServer given = new PostgresServer(source, urlVar, url.strip(), env.get(userVar),
                env.get(passwordVar));
        String problem = connectProblem(given);
        if (problem != null) {
            // an explicit choice is never second-guessed by falling back to another server
            throw new IllegalStateException(urlVar + " is set to " + PostgresServer.masked(given.url()) + " ("
                    + given.who() + ") but connecting failed: " + problem + "\nFix " + urlVar + ", " + userVar
                    + " and " + passwordVar + ", or unset " + urlVar + " to let the tests find a server by "
                    + "themselves (Docker, localhost:5432, or an embedded PostgreSQL).");
        }
        return given;
    }

    /** Null when a connection opens, else why not. */
    static @Nullable String connectProblem(PostgresServer s) {
        try (Connection c = s.connect()) {
            return c.isValid(5) ? null : "the connection opened but is not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String noServer(String localUrl, String localProblem, boolean root,
                                   @Nullable String embeddedProblem) {
        StringBuilder m = new StringBuilder()
                .append("The tests need a PostgreSQL server (13 or later) on which they may CREATE DATABASE, and ")
                .append("found none:\n")
                .append("  - ").append(TEST_URL_ENV).append(" and ").append(URL_ENV).append(" are not set;\n")
                .append("  - Docker is not available, so Testcontainers cannot start ").append(IMAGE).append(";\n")
                .append("  - ").append(localUrl).append(" as user postgres: ").append(withoutFinalPeriod(localProblem))
                .append(";\n")
                .append("  - embedded PostgreSQL 17 (from Maven): ").append(withoutFinalPeriod(embeddedProblem))
                .append(".\n")
                .append("Provide one of them:\n")
                .append("  1. set ").append(TEST_URL_ENV).append("=jdbc:postgresql://HOST:PORT/postgres (and ")
                .append(TEST_USER_ENV).append(", ").append(TEST_PASSWORD_ENV)
                .append(") to a server whose user may CREATE DATABASE;\n")
                .append("  2. start Docker (Testcontainers then runs ").append(IMAGE).append(" by itself);\n")
                .append("  3. run a PostgreSQL on localhost:5432 with user postgres (password in PGPASSWORD if it ")
                .append("needs one)");
        if (root) {
            m.append(": as root, install and start your distribution's server, as Belay's .ci/run does, e.g. on ")
                    .append("Debian or Ubuntu\n       apt-get install -y postgresql && pg_ctlcluster ")
                    .append("$(ls /etc/postgresql) main start\n     (a fresh Debian cluster asks TCP clients for ")
                    .append("a password: su postgres -c \"psql -c \\\"ALTER USER postgres PASSWORD 'postgres'\\\"\"")
                    .append(" and export PGPASSWORD=postgres);\n")
                    .append("  4. or run the tests as an ordinary user: then an embedded PostgreSQL 17 starts by ")
                    .append("itself.");
        } else {
            m.append(";\n  4. or fix what kept the embedded PostgreSQL from starting (above): it needs to write to ")
                    .append("the temporary directory and to run its binaries from there.");
        }
        return m.toString();
    }

    /** pgjdbc's messages end with a period; the list adds its own punctuation. */
    private static String withoutFinalPeriod(@Nullable String problem) {
        String p = problem == null ? "(no message)" : problem.strip();
        return p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
    }
}
