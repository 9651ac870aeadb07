package dev.belay.examples;

import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.test.PostgresServer;
import java.time.Duration;

/**
 * {@code ./examples/run}: finds a PostgreSQL the way Belay's test kit does ({@code BELAY_JDBC_URL}, Testcontainers
 * when Docker runs, a server on localhost:5432, else an embedded PostgreSQL started from Maven artifacts) and
 * takes the tour on it.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // the tour prints what it does itself: no SLF4J "no provider" notice (HikariCP, Testcontainers), and the
        // test kit's INFO line about the server it found is said below
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        java.util.logging.Logger.getLogger("dev.belay.test").setLevel(java.util.logging.Level.WARNING);
        PostgresServer server = PostgresServer.find();
        System.out.println("Belay tour on " + server);
        DBConfig.Builder config = DBConfig.builder(server.url()).poolSize(2)
                .slowQueryThreshold(Duration.ofSeconds(30)); // the COPY step is meant to take a while
        if (server.user() != null) {
            config.user(server.user());
        }
        if (server.password() != null) {
            config.password(server.password());
        }
        try (DBConnection db = DBConnection.open(config.build())) {
            new Tour(db, System.out).run();
        }
    }
}
