package dev.belay.examples;

import org.checkerframework.checker.nullness.qual.Nullable;

/** Where the tour runs: {@code BELAY_JDBC_URL} (with {@code BELAY_USER}/{@code BELAY_PASSWORD}), else localhost. */
final class TourDatabase {
    private TourDatabase() {}

    record Server(String url, @Nullable String user, @Nullable String password, String source) {
        String describe() {
            return source + " (" + url.replaceAll("(?i)password=[^&]*", "password=***") + ")";
        }
    }

    static Server find() {
        String url = System.getenv("BELAY_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, System.getenv("BELAY_USER"), System.getenv("BELAY_PASSWORD"), "BELAY_JDBC_URL");
        }
        return new Server("jdbc:postgresql://localhost:5432/postgres", "postgres", System.getenv("PGPASSWORD"),
                "PostgreSQL on localhost:5432");
    }
}
