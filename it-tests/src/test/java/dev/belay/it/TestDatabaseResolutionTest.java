package dev.belay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.it.TestDatabase.Server;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server lookup behind {@link TestDatabase}, called directly with an explicit environment and a closed
 * port (localhost:1), so the shared extension is never disturbed.
 */
@ExtendWith(TestDatabase.class)
final class TestDatabaseResolutionTest {
    private static final String CLOSED = "jdbc:postgresql://localhost:1/postgres";
    private static final Supplier<Optional<Server>> NO_DOCKER = Optional::empty;
    private static final Supplier<Optional<Server>> DOCKER_MUST_NOT_BE_ASKED = () -> {
        throw new AssertionError("Docker was consulted although " + TestDatabase.URL_ENV + " was set");
    };

    @Test
    void withNoServerTheMessageSaysHowToProvideOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestDatabase.resolve(Map.of(), NO_DOCKER, CLOSED));
        String message = e.getMessage();
        for (String expected : new String[] {"BELAY_TEST_JDBC_URL=jdbc:postgresql://", "BELAY_TEST_USER",
                "BELAY_TEST_PASSWORD", "start Docker", "localhost:5432", "PGPASSWORD", CLOSED, "refused"}) {
            assertTrue(message.contains(expected), "missing '" + expected + "' in:\n" + message);
        }
    }

    @Test
    void anUnreachableExplicitUrlFailsWithoutFallingBack() {
        Map<String, String> env = Map.of(TestDatabase.URL_ENV, CLOSED, TestDatabase.USER_ENV, "someone");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestDatabase.resolve(env, DOCKER_MUST_NOT_BE_ASKED, TestDatabase.LOCAL_URL));
        assertTrue(e.getMessage().startsWith("BELAY_TEST_JDBC_URL is set to " + CLOSED + " (user someone)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("or unset BELAY_TEST_JDBC_URL"), e.getMessage());
    }

    @Test
    void aMalformedExplicitUrlIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestDatabase.resolve(
                Map.of(TestDatabase.URL_ENV, "postgres://localhost/x"), DOCKER_MUST_NOT_BE_ASKED, CLOSED));
        assertTrue(e.getMessage().contains("jdbc:postgresql://host:port/database"), e.getMessage());
    }

    @Test
    void anExplicitUrlComesFirst(TestDb db) {
        Map<String, String> env = new HashMap<>();
        env.put(TestDatabase.URL_ENV, db.jdbcUrl());
        env.put(TestDatabase.USER_ENV, db.user());
        env.put(TestDatabase.PASSWORD_ENV, db.password());
        Server s = TestDatabase.resolve(env, DOCKER_MUST_NOT_BE_ASKED, CLOSED);
        assertEquals(TestDatabase.URL_ENV, s.source());
        assertEquals(db.jdbcUrl(), s.adminUrl());
    }

    @Test
    void dockerComesBeforeTheLocalServer() {
        Server container = new Server("container", "jdbc:postgresql://h:1/db", "u", "p");
        assertSame(container, TestDatabase.resolve(Map.of(), () -> Optional.of(container), CLOSED));
    }

    @Test
    void theDatabaseUrlKeepsHostAndOptions() {
        Server s = new Server("s", "jdbc:postgresql://h:5/admin?sslmode=disable&x=1", "u", null);
        assertEquals("jdbc:postgresql://h:5/belay_it_x?sslmode=disable&x=1", s.urlOf("belay_it_x"));
        assertEquals("jdbc:postgresql://h/belay_it_x", new Server("s", "jdbc:postgresql://h", "u", null)
                .urlOf("belay_it_x"));
    }

    @Test
    void eachClassGetsItsOwnFreshDatabaseWithTheSchema(TestDb db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database(), "
                     + "(SELECT count(*) FROM information_schema.tables WHERE table_name IN ('users', 'orders', "
                     + "'nodes', 'docs')), (SELECT count(*) FROM users)")) {
            rs.next();
            assertTrue(rs.getString(1).matches("belay_it_[0-9a-f]{16}"), rs.getString(1));
            assertEquals(4, rs.getInt(2));
            assertEquals(0, rs.getInt(3));
        }
    }
}
