package dev.belay.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.test.Lookup.Probes;
import dev.belay.test.PostgresServer.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The order in which {@link PostgresServer#find()} looks for a server, run through {@link Lookup#resolve} with a
 * fake environment, fake Docker and embedded starters, and a closed port (localhost:1) where no server must answer.
 * A reachable server, where one is needed, is the one this JVM found: whatever it is, it connects.
 *
 * <p>The embedded PostgreSQL is never started here: these tests run as root in CI, where PostgreSQL refuses to
 * start, so its starter is replaced by a fake and only the decision to call it (or not) is tested.
 */
final class LookupTest {
    private static final String CLOSED = "jdbc:postgresql://localhost:1/postgres";
    private static final Supplier<Optional<PostgresServer>> NO_DOCKER = Optional::empty;
    private static final BooleanSupplier NOT_ROOT = () -> false;
    private static final BooleanSupplier ROOT = () -> true;
    private static final PostgresServer FAKE_EMBEDDED =
            new PostgresServer(Source.EMBEDDED, "fake embedded", "jdbc:postgresql://localhost:9/postgres", "postgres",
                    null);

    private static <T> Supplier<T> mustNotBeAsked(String what) {
        return () -> {
            throw new AssertionError(what + " was consulted although an earlier source answered");
        };
    }

    private static Probes probes(Map<String, String> env, Supplier<Optional<PostgresServer>> docker, String localUrl,
                                 BooleanSupplier root, Supplier<PostgresServer> embedded) {
        return new Probes(env, docker, localUrl, root, embedded);
    }

    /** The environment that names the server this JVM found, in the given variables. */
    private static Map<String, String> naming(PostgresServer real, String urlVar, String userVar, String passwordVar) {
        Map<String, String> env = new HashMap<>();
        env.put(urlVar, real.url());
        if (real.user() != null) {
            env.put(userVar, real.user());
        }
        if (real.password() != null) {
            env.put(passwordVar, real.password());
        }
        return env;
    }

    @Test
    void belayTestJdbcUrlComesFirst() {
        PostgresServer real = PostgresServer.find();
        Map<String, String> env = naming(real, "BELAY_TEST_JDBC_URL", "BELAY_TEST_USER", "BELAY_TEST_PASSWORD");
        env.put("BELAY_JDBC_URL", CLOSED); // not even tried
        PostgresServer found = Lookup.resolve(probes(env, mustNotBeAsked("Docker"), CLOSED, NOT_ROOT,
                mustNotBeAsked("the embedded server")));
        assertEquals(Source.BELAY_TEST_JDBC_URL, found.source());
        assertEquals(real.url(), found.url());
        assertEquals(real.user(), found.user());
    }

    @Test
    void belayJdbcUrlComesNext() {
        PostgresServer real = PostgresServer.find();
        Map<String, String> env = naming(real, "BELAY_JDBC_URL", "BELAY_USER", "BELAY_PASSWORD");
        env.put("BELAY_TEST_JDBC_URL", "  "); // blank is unset
        PostgresServer found = Lookup.resolve(probes(env, mustNotBeAsked("Docker"), CLOSED, NOT_ROOT,
                mustNotBeAsked("the embedded server")));
        assertEquals(Source.BELAY_JDBC_URL, found.source());
        assertEquals(real.url(), found.url());
    }

    @Test
    void anUnreachableExplicitUrlFailsWithoutFallingBack() {
        for (String[] vars : new String[][] {{"BELAY_TEST_JDBC_URL", "BELAY_TEST_USER", "BELAY_TEST_PASSWORD"},
                {"BELAY_JDBC_URL", "BELAY_USER", "BELAY_PASSWORD"}}) {
            Map<String, String> env = Map.of(vars[0], CLOSED, vars[1], "someone");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Lookup.resolve(probes(env,
                    mustNotBeAsked("Docker"), Lookup.LOCAL_URL, NOT_ROOT, mustNotBeAsked("the embedded server"))));
            assertTrue(e.getMessage().startsWith(vars[0] + " is set to " + CLOSED + " (user someone) but connecting "
                    + "failed: "), e.getMessage());
            assertTrue(e.getMessage().contains("Fix " + vars[0] + ", " + vars[1] + " and " + vars[2] + ", or unset "
                    + vars[0]), e.getMessage());
        }
    }

    @Test
    void aMalformedExplicitUrlIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Lookup.resolve(probes(
                Map.of("BELAY_TEST_JDBC_URL", "postgres://localhost/x"), mustNotBeAsked("Docker"), CLOSED, NOT_ROOT,
                mustNotBeAsked("the embedded server"))));
        assertTrue(e.getMessage().contains("jdbc:postgresql://host:port/database"), e.getMessage());
        assertTrue(e.getMessage().startsWith("BELAY_TEST_JDBC_URL"), e.getMessage());
    }

    @Test
    void dockerComesBeforeTheLocalServer() {
        PostgresServer container = new PostgresServer(Source.TESTCONTAINERS, "container", "jdbc:postgresql://h:1/db",
                "u", "p");
        assertSame(container, Lookup.resolve(probes(Map.of(), () -> Optional.of(container), Lookup.LOCAL_URL,
                NOT_ROOT, mustNotBeAsked("the embedded server"))));
    }

    @Test
    void theLocalServerComesBeforeTheEmbeddedOne() {
        PostgresServer real = PostgresServer.find();
        // the server found for this JVM stands in for localhost:5432, as user postgres with PGPASSWORD
        Map<String, String> env = new HashMap<>();
        if (real.password() != null) {
            env.put("PGPASSWORD", real.password());
        }
        PostgresServer found = Lookup.resolve(probes(env, NO_DOCKER, real.url(), NOT_ROOT,
                mustNotBeAsked("the embedded server")));
        if ("postgres".equals(real.user())) {
            assertEquals(Source.LOCAL, found.source());
            assertEquals("postgres", found.user());
            assertEquals(real.url(), found.url());
        } else {
            throw new AssertionError("this test needs the server found for the JVM to accept user postgres, as "
                    + "localhost:5432 is tried; found " + real);
        }
    }

    @Test
    void notAsRootTheEmbeddedServerIsTheLastResort() {
        boolean[] started = {false};
        PostgresServer found = Lookup.resolve(probes(Map.of(), NO_DOCKER, CLOSED, NOT_ROOT, () -> {
            started[0] = true;
            return FAKE_EMBEDDED;
        }));
        assertTrue(started[0]);
        assertSame(FAKE_EMBEDDED, found);
    }

    @Test
    void withNoServerTheMessageSaysHowToProvideOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Lookup.resolve(probes(Map.of(),
                NO_DOCKER, CLOSED, NOT_ROOT, () -> {
                    throw new IllegalStateException("did not start: no space left on device");
                })));
        String message = e.getMessage();
        for (String expected : new String[] {"need a PostgreSQL server (13 or later)", "CREATE DATABASE",
                "BELAY_TEST_JDBC_URL and BELAY_JDBC_URL are not set", "BELAY_TEST_JDBC_URL=jdbc:postgresql://",
                "BELAY_TEST_USER", "BELAY_TEST_PASSWORD", "start Docker", "postgres:15-alpine", "localhost:5432",
                "PGPASSWORD", CLOSED + " as user postgres: ", "refused",
                "embedded PostgreSQL 17 (from Maven): did not start: no space left on device",
                "fix what kept the embedded PostgreSQL from starting"}) {
            assertTrue(message.contains(expected), "missing '" + expected + "' in:\n" + message);
        }
        assertFalse(message.contains("root"), message);
    }

    @Test
    void asRootTheEmbeddedServerIsNotTriedAndTheMessageSaysWhatToInstall() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Lookup.resolve(probes(Map.of(),
                NO_DOCKER, CLOSED, ROOT, mustNotBeAsked("the embedded server"))));
        String message = e.getMessage();
        for (String expected : new String[] {
                "embedded PostgreSQL 17 (from Maven): not tried: this JVM runs as root, and PostgreSQL refuses to "
                        + "run as root", "install and start your distribution's server, as Belay's .ci/run does",
                "apt-get install -y postgresql", "pg_ctlcluster", "export PGPASSWORD",
                "run the tests as an ordinary user", "BELAY_TEST_JDBC_URL=jdbc:postgresql://", "start Docker"}) {
            assertTrue(message.contains(expected), "missing '" + expected + "' in:\n" + message);
        }
    }

    @Test
    void theServerIsFoundOncePerJvm() {
        assertSame(PostgresServer.find(), PostgresServer.find());
    }

    @Test
    void aDatabaseUrlKeepsHostAndOptions() {
        PostgresServer s = new PostgresServer(Source.LOCAL, "s", "jdbc:postgresql://h:5/admin?sslmode=disable&x=1",
                "u", null);
        assertEquals("jdbc:postgresql://h:5/music?sslmode=disable&x=1", s.urlOf("music"));
        assertEquals("jdbc:postgresql://h/music", new PostgresServer(Source.LOCAL, "s", "jdbc:postgresql://h", "u",
                null).urlOf("music"));
    }

    @Test
    void passwordsStayOutOfDescriptions() {
        PostgresServer s = new PostgresServer(Source.BELAY_JDBC_URL, "BELAY_JDBC_URL",
                "jdbc:postgresql://h:5/db?user=u&password=secret&ssl=true", "u", "other-secret");
        assertEquals("BELAY_JDBC_URL (jdbc:postgresql://h:5/db?user=u&password=***&ssl=true, user u)", s.toString());
    }

    /** The root check the lookup relies on agrees with {@code id -u}. */
    @Test
    void rootIsToldByTheUserId() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertTrue(id.waitFor(10, TimeUnit.SECONDS));
        assertEquals("0".equals(uid), Starters.runningAsRoot(), "id -u says " + uid);
    }
}
