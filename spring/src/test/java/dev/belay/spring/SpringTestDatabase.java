package dev.belay.spring;

import dev.belay.test.PostgresServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One fresh database for this module's tests, found the way belay-test finds a server ({@link PostgresServer#find()}:
 * BELAY_TEST_JDBC_URL, Testcontainers, localhost:5432, embedded), created once per JVM with the tables the test
 * application uses and dropped when the JVM exits. Registered as {@code spring.datasource.*} by
 * {@link #register(DynamicPropertyRegistry)} from each test class's {@code @DynamicPropertySource}.
 */
final class SpringTestDatabase {
    private static final String SCHEMA = "CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            + "name text NOT NULL UNIQUE)";
    private static SpringTestDatabase instance;

    private final PostgresServer server;
    private final String name;

    private SpringTestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    static synchronized SpringTestDatabase get() {
        if (instance == null) {
            PostgresServer server = PostgresServer.find();
            byte[] random = new byte[8];
            new SecureRandom().nextBytes(random);
            String name = "belay_test_spring_" + HexFormat.of().formatHex(random);
            try (Connection admin = server.connect(); Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("CREATE DATABASE failed on " + server + ": " + e.getMessage()
                        + "\nThe tests need a user that may create databases (a superuser, or one with CREATEDB).", e);
            }
            instance = new SpringTestDatabase(server, name);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::drop, "drop " + name));
            instance.execute(SCHEMA);
        }
        return instance;
    }

    static void register(DynamicPropertyRegistry registry) {
        SpringTestDatabase db = get();
        registry.add("spring.datasource.url", () -> db.server.urlOf(db.name));
        if (db.server.user() != null) {
            registry.add("spring.datasource.username", db.server::user);
        }
        if (db.server.password() != null) {
            registry.add("spring.datasource.password", db.server::password);
        }
    }

    /** Runs SQL on a connection of its own, committed at once: what the application's transactions do not see. */
    void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The single number a query returns, read on a connection of its own: only what was committed. */
    long count(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(server.urlOf(name), server.user(), server.password());
    }

    private void drop() {
        try (Connection admin = server.connect(); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop the test database " + name + ": " + e.getMessage());
        }
    }
}
