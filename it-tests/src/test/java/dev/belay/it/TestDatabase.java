package dev.belay.it;

import dev.belay.executor.DBConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Gives each test class a fresh PostgreSQL database with the fixture schema, injected as a {@link TestDb}
 * parameter: {@code @ExtendWith(TestDatabase.class) class FooTest { @Test void t(TestDb db) {...} } }.
 *
 * <p>The server is found once per JVM, in this order: {@value #URL_ENV} (with {@value #USER_ENV} /
 * {@value #PASSWORD_ENV}); else a Testcontainers {@value #IMAGE} when Docker is available; else
 * {@value #LOCAL_URL} as user {@code postgres} (password from {@code PGPASSWORD}). With none of them the
 * tests fail, never skip: a suite that silently runs nothing proves nothing.
 *
 * <p>After every test, each Belay pool the class opened with {@link ExecDb} and has not closed must have no
 * connection lent out (after a short wait for ones a test handed to another thread to come back), or the test
 * fails naming the pool; after the class, every such pool must have been closed.
 */
public final class TestDatabase implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
    static final String URL_ENV = "BELAY_TEST_JDBC_URL";
    static final String USER_ENV = "BELAY_TEST_USER";
    static final String PASSWORD_ENV = "BELAY_TEST_PASSWORD";
    static final String LOCAL_URL = "jdbc:postgresql://localhost:5432/postgres";
    static final String IMAGE = "postgres:15-alpine";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabase.class);
    private static final String DATABASE_NAME = "database name";
    /** Per pool, the lent-out connections already reported after an earlier test of the class. */
    private static final String REPORTED_LEAKS = "reported leaks";
    /**
     * How long after a test its pools may take to get their connections back, from threads the test handed them
     * to (an executor finishing, a transaction committing); polled, so a clean test does not wait.
     */
    static final Duration LENT_OUT_GRACE = Duration.ofSeconds(2);
    /** Prefix with host and port, then the database path, then the query string. */
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?");

    /** Found once per JVM; a failure is kept so that every later class fails with the same message. */
    private static Server server;
    private static RuntimeException failure;

    /** A server the tests may create databases on. */
    record Server(String source, String adminUrl, String user, String password) {
        Server {
            if (!JDBC_URL.matcher(adminUrl).matches()) {
                throw new IllegalStateException(source + ": the URL must look like "
                        + "jdbc:postgresql://host:port/database[?options], got " + adminUrl);
            }
        }

        /** The same server's URL for another database on it, keeping the options. */
        String urlOf(String database) {
            Matcher m = JDBC_URL.matcher(adminUrl);
            if (!m.matches()) {
                throw new IllegalStateException("unreachable: checked in the constructor");
            }
            return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
        }

        Connection connectAdmin() throws SQLException {
            return TestDb.open(adminUrl, user, password);
        }

        String who() {
            return user == null ? "the URL's user" : "user " + user;
        }

        @Override
        public String toString() {
            return source + " (" + adminUrl + ", " + who() + ")";
        }
    }

    /**
     * Finds the server, in the documented order, with the environment and the fallback address passed in
     * so that tests can call it with an empty environment and a closed port.
     *
     * @param docker starts a container and returns its server, or returns empty when Docker is not available
     * @throws IllegalStateException saying how to provide a server when none is reachable
     */
    static Server resolve(Map<String, String> env, Supplier<Optional<Server>> docker, String localUrl) {
        String url = env.get(URL_ENV);
        if (url != null && !url.isBlank()) {
            Server given = new Server(URL_ENV, url.strip(), env.get(USER_ENV), env.get(PASSWORD_ENV));
            String problem = connectProblem(given);
            if (problem != null) {
                // an explicit choice is never second-guessed by falling back to another server
                throw new IllegalStateException(URL_ENV + " is set to " + given.adminUrl() + " (" + given.who()
                        + ") but connecting failed: " + problem + "\nFix " + URL_ENV + ", "
                        + USER_ENV + " and " + PASSWORD_ENV + ", or unset " + URL_ENV
                        + " to use Docker or a PostgreSQL on localhost:5432.");
            }
            return given;
        }
        Optional<Server> container = docker.get();
        if (container.isPresent()) {
            return container.get();
        }
        Server local = new Server("local PostgreSQL", localUrl, "postgres", env.get("PGPASSWORD"));
        String problem = connectProblem(local);
        if (problem == null) {
            return local;
        }
        throw new IllegalStateException("The integration tests need a PostgreSQL server (13 or later) where they "
                + "may CREATE DATABASE, and found none:\n"
                + "  - " + URL_ENV + " is not set;\n"
                + "  - Docker is not available, so Testcontainers cannot start " + IMAGE + ";\n"
                + "  - " + localUrl + " as user postgres: " + problem + "\n"
                + "Provide one of them:\n"
                + "  1. set " + URL_ENV + "=jdbc:postgresql://HOST:PORT/postgres (and " + USER_ENV + ", "
                + PASSWORD_ENV + ") to a server whose user may CREATE DATABASE;\n"
                + "  2. start Docker (Testcontainers then runs " + IMAGE + " by itself);\n"
                + "  3. run a PostgreSQL on localhost:5432 with user postgres (password in PGPASSWORD if it needs one).");
    }

    /** Null when a connection opens, else why not. */
    private static String connectProblem(Server s) {
        try (Connection c = s.connectAdmin()) {
            return c.isValid(5) ? null : "the connection opened but is not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static Optional<Server> startContainer() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return Optional.empty();
        }
        PostgreSQLContainer pg = new PostgreSQLContainer(IMAGE);
        try {
            pg.start(); // Testcontainers' reaper removes it when this JVM exits
        } catch (RuntimeException e) {
            throw new IllegalStateException("Docker is available but the " + IMAGE + " container did not start: "
                    + e.getMessage() + "\nFix Docker, or set " + URL_ENV + " to use another server.", e);
        }
        return Optional.of(new Server("Testcontainers " + IMAGE, pg.getJdbcUrl(), pg.getUsername(), pg.getPassword()));
    }

    static synchronized Server server() {
        if (server == null && failure == null) {
            long start = System.nanoTime();
            try {
                server = resolve(System.getenv(), TestDatabase::startContainer, LOCAL_URL);
                System.err.println("[belay it-tests] PostgreSQL: " + server + ", found in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Server s = server();
        String name = "belay_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = s.connectAdmin(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE failed on " + s + ": " + e.getMessage()
                    + "\nThe tests need a user that may create databases (superuser or CREATEDB).", e);
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(DATABASE_NAME, name);
        TestDb db = new TestDb(s.urlOf(name), s.user(), s.password());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(resource("belay/fixture-schema.sql"));
            st.execute(resource("belay/it-extra-schema.sql"));
        }
        store.put(TestDb.class, db);
        store.put(REPORTED_LEAKS, new ConcurrentHashMap<DBConnection, Integer>());
    }

    /** Zero active connections after every test, in every pool the class opened with {@link ExecDb}. */
    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE); // falls back to the class's store
        TestDb db = store.get(TestDb.class, TestDb.class);
        @SuppressWarnings("unchecked")
        Map<DBConnection, Integer> reported = store.get(REPORTED_LEAKS, Map.class);
        if (db == null || reported == null) {
            return;
        }
        ExecDb.requireNoneLentOut(db, LENT_OUT_GRACE, reported,
                context.getRequiredTestClass().getSimpleName() + " " + context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        String name = context.getStore(NAMESPACE).remove(DATABASE_NAME, String.class);
        if (name == null) {
            return;
        }
        TestDb db = context.getStore(NAMESPACE).remove(TestDb.class, TestDb.class);
        try {
            if (db != null) {
                ExecDb.requireClosed(db);
            }
        } finally {
            try (Connection admin = server().connectAdmin(); Statement st = admin.createStatement()) {
                // FORCE: a connection a test forgot to close must not leave the database behind
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDb.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDb db = context.getStore(NAMESPACE).get(TestDb.class, TestDb.class);
        if (db == null) {
            throw new ParameterResolutionException("no test database for " + parameter.getDeclaringExecutable()
                    + ": register the extension on the class with @ExtendWith(TestDatabase.class)");
        }
        return db;
    }

    /** A text resource from the test classpath (the fixture SQL files). */
    static String resource(String path) throws IOException {
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath (fixture-schema.sql comes "
                        + "from the belay-dsl test-jar; run mvn install at the root first)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
