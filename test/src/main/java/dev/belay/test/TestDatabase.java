package dev.belay.test;

import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The fresh database a {@link BelayTest} class runs against, injected as a parameter of its tests, lifecycle
 * methods and constructor:
 *
 * <pre>{@code
 * @BelayTest(scripts = "schema.sql")
 * class ImportTest {
 *     @BeforeAll
 *     static void seed(TestDatabase db) {
 *         db.execute("INSERT INTO users (name, email) VALUES ('Ann', 'ann@example.org')");
 *     }
 *
 *     @Test
 *     void importsOnce(TestDatabase db) {
 *         DBConnection impatient = db.open(b -> b.poolSize(1).lockTimeout(Duration.ofMillis(200)));
 *         new Importer(impatient).run();
 *         assertEquals(2, db.count("SELECT count(*) FROM users WHERE email LIKE ?", "%@example.org"));
 *         db.close(impatient);
 *     }
 * }
 * }</pre>
 *
 * <p>Belay pools opened with {@link #open()} are remembered: after every test each of them must have no
 * connection lent out, or the test fails naming where the pool was opened, and the ones still open when the class
 * ends are checked and closed then. Plain JDBC connections from {@link #connect()} are the caller's to close; the
 * database is dropped {@code WITH (FORCE)} when the class ends, so a forgotten one does not keep it alive.
 */
public final class TestDatabase {
    /** The pool size of {@link #config()}: enough for a test, few enough for many classes on one server. */
    static final int DEFAULT_POOL_SIZE = 4;

    private final PostgresServer server;
    private final String name;
    private final ClassLoader resources;
    private final PoolTracker pools;
    private final @Nullable PgBouncer bouncer;

    TestDatabase(PostgresServer server, String name, ClassLoader resources, PoolTracker pools,
                 @Nullable PgBouncer bouncer) {
        this.server = server;
        this.bouncer = bouncer;
        this.name = name;
        this.resources = resources;
        this.pools = pools;
    }

    /** The database's name, e.g. {@code belay_test_3f9c0a1b2c3d4e5f}. */
    public String name() {
        return name;
    }

    /**
     * The JDBC URL Belay's pools use: {@code jdbc:postgresql://localhost:5432/belay_test_3f9c0a1b2c3d4e5f}, or the
     * database through PgBouncer when the system property {@value PgBouncer#PROPERTY} is {@code true}.
     */
    public String url() {
        return bouncer != null ? bouncer.urlOf(name) : server.urlOf(name);
    }

    /**
     * The PgBouncer in front of the server when the system property {@value PgBouncer#PROPERTY} is {@code true}
     * (then {@link #config()} and the pools go through it), else null.
     */
    public @Nullable PgBouncer pgBouncer() {
        return bouncer;
    }

    /** The user, or null when the URL carries it. */
    public @Nullable String user() {
        return server.user();
    }

    /** The password, or null when none is needed. */
    public @Nullable String password() {
        return server.password();
    }

    /** The server it was created on: {@code db.server().source()}. */
    public PostgresServer server() {
        return server;
    }

    /**
     * A new plain JDBC connection to this database, in autocommit mode; the caller closes it:
     * {@code try (Connection c = db.connect()) { ... }}. It goes to the server itself, never through PgBouncer:
     * what it sees is what the server committed, and plain JDBC does not have Belay's PgBouncer setting.
     */
    public Connection connect() throws SQLException {
        return Jdbc.connect(server.urlOf(name), user(), password());
    }

    /**
     * A configuration for a pool on this database (URL, user, password, a pool of 4) to adjust and build:
     * {@code DBConfig config = db.config().statementTimeout(Duration.ofSeconds(1)).build();}. Pools opened from it
     * with {@code DBConnection.open(config)} are not checked for leaks; {@link #open(UnaryOperator)} ones are.
     * Through PgBouncer (see {@link #url()}) it has {@code pgbouncerTransactionMode()} set.
     */
    public DBConfig.Builder config() {
        DBConfig.Builder b = DBConfig.builder(url()).poolSize(DEFAULT_POOL_SIZE);
        if (bouncer != null) {
            b.pgbouncerTransactionMode();
        }
        if (user() != null) {
            b.user(user());
        }
        if (password() != null) {
            b.password(password());
        }
        return b;
    }

    /** A pool of 4 connections on this database, checked for leaks after every test: {@code db.open()}. */
    public DBConnection open() {
        return open(UnaryOperator.identity());
    }

    /**
     * A pool on this database with adjusted settings, checked for leaks after every test and closed when the
     * class ends: {@code DBConnection tiny = db.open(b -> b.poolSize(1).statementTimeout(Duration.ofMillis(200)));}
     */
    public DBConnection open(UnaryOperator<DBConfig.Builder> settings) {
        DBConfig.Builder adjusted = Objects.requireNonNull(settings.apply(config()),
                "the settings function returned null instead of the builder");
        return pools.track(DBConnection.open(adjusted.build()), null);
    }

    /**
     * Checks a pool opened some other way like the ones from {@link #open()}: after every test, and closed when
     * the class ends. For a pool on another URL, say through a proxy or with server options:
     * {@code DBConnection viaProxy = db.track(DBConnection.open(DBConfig.builder(proxyUrl).user(db.user()).build()));}.
     * It must be a HikariCP pool Belay opened ({@code DBConnection.open}), whose counts can be read.
     */
    public DBConnection track(DBConnection pool) {
        pool.poolStats(); // fails now, not after the test, for a pool whose counts cannot be read
        return pools.track(pool, null);
    }

    /**
     * Closes a pool from {@link #open()} or {@link #track} before the class ends, after checking (waiting briefly for connections
     * handed to other threads) that it has no connection lent out: {@code db.close(tiny);}. The pool is closed
     * even when the check fails.
     *
     * @throws AssertionError when connections are still lent out, naming where the pool was opened
     * @throws IllegalArgumentException when the pool did not come from this database's {@link #open()} or
     *                                  {@link #track}
     */
    public void close(DBConnection pool) {
        pools.close(Objects.requireNonNull(pool, "pool"));
    }

    /**
     * A number the database answers on a connection of its own, outside Belay, so it counts only what was
     * committed: {@code long n = db.count("SELECT count(*) FROM users WHERE age >= ?", 18);}.
     *
     * @throws IllegalStateException naming the SQL when it fails or returns no row
     */
    public long count(String sql, @Nullable Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row from " + sql);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs SQL (one or more statements separated by {@code ;}) on a connection of its own, outside Belay, and
     * commits it: {@code db.execute("CREATE TABLE items (id int4 PRIMARY KEY); INSERT INTO items VALUES (1)");}.
     *
     * @throws IllegalStateException naming the SQL when it fails
     */
    public void execute(String sql) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a SQL script from the test classpath, as {@link BelayTest#scripts()} does:
     * {@code db.runScript("belay/seed.sql");} runs {@code src/test/resources/belay/seed.sql}.
     *
     * @throws IllegalArgumentException when the script is not on the classpath
     * @throws IllegalStateException naming the script and the database when it fails
     */
    public void runScript(String resource) {
        String sql = Jdbc.resource(resources, resource);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the SQL script " + resource + " failed on database " + name + ": "
                    + e.getMessage(), e);
        }
    }

    /** The pools opened here. */
    PoolTracker pools() {
        return pools;
    }

    /** The URL and the user, never the password: {@code jdbc:postgresql://localhost:5432/belay_test_... as postgres}. */
    @Override
    public String toString() {
        return PostgresServer.masked(url()) + " as " + user();
    }
}
