package dev.belay.test;

import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One test class's database: created on the server with the class's scripts applied, its pool opened when a
 * test first asks for it, and everything closed and the database dropped when the class ends.
 */
final class ClassDatabase {
    /** Database names: this prefix and 16 random hex digits, so that runs sharing a server never collide. */
    static final String PREFIX = "belay_test_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestDatabase database;
    private final Settings settings;
    private final String owner;
    private final String className;
    private @Nullable DBConnection pool;

    /**
     * What {@link BelayTest} says.
     *
     * @param scripts          classpath SQL scripts, run in order on the fresh database
     * @param rollbackEachTest whether each test runs in a transaction rolled back afterwards
     * @param poolSize         the injected pool's size
     * @param pool             adjusts the injected pool's configuration
     */
    record Settings(List<String> scripts, boolean rollbackEachTest, int poolSize,
                    UnaryOperator<DBConfig.Builder> pool) {
        static final Settings DEFAULT = new Settings(List.of(), false, TestDatabase.DEFAULT_POOL_SIZE,
                UnaryOperator.identity());
    }

    private ClassDatabase(TestDatabase database, Settings settings, String owner, String className) {
        this.database = database;
        this.settings = settings;
        this.owner = owner;
        this.className = className;
    }

    /**
     * Creates a database for {@code testClass} on {@code server} and runs the scripts on it; when a script fails,
     * the database is dropped again before the failure is thrown.
     *
     * @param owner the unique id of the extension context the database belongs to
     */
    static ClassDatabase create(PostgresServer server, Class<?> testClass, Settings settings, String owner) {
        PgBouncer bouncer = PgBouncer.forTests(); // before CREATE DATABASE: when it fails, nothing is left behind
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String name = PREFIX + HexFormat.of().formatHex(random);
        try (Connection admin = server.connect(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE failed on " + server + ": " + e.getMessage()
                    + "\nThe tests need a user that may create databases (a superuser, or one with CREATEDB).", e);
        }
        TestDatabase database = new TestDatabase(server, name, loader(testClass), new PoolTracker(), bouncer);
        try {
            for (String script : settings.scripts()) {
                database.runScript(script);
            }
        } catch (RuntimeException e) {
            try {
                drop(server, name);
            } catch (SQLException | RuntimeException dropFailure) {
                e.addSuppressed(dropFailure);
            }
            throw e;
        }
        return new ClassDatabase(database, settings, owner, testClass.getSimpleName());
    }

    private static ClassLoader loader(Class<?> testClass) {
        ClassLoader loader = testClass.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    TestDatabase database() {
        return database;
    }

    Settings settings() {
        return settings;
    }

    /** Whether the extension context with this unique id created the database (a @Nested class reuses it). */
    boolean ownedBy(String contextId) {
        return owner.equals(contextId);
    }

    /** The injected pool, opened on first use. */
    synchronized DBConnection pool() {
        if (pool == null) {
            pool = database.pools().track(DBConnection.open(settings.pool().apply(
                    database.config().poolSize(settings.poolSize())).build()),
                    "the DBConnection @BelayTest injects into " + className);
        }
        return pool;
    }

    /** Fails when a pool of the class has more connections lent out than already reported. */
    void requireNoneLentOut(String when) {
        database.pools().requireNoneLentOut(when);
    }

    /** Checks and closes the pools, then drops the database; the drop happens whatever the check found. */
    void close() throws SQLException {
        try {
            database.pools().closeAll("when " + className + " ended");
        } finally {
            synchronized (this) {
                pool = null;
            }
            drop(database.server(), database.name());
        }
    }

    private static void drop(PostgresServer server, String name) throws SQLException {
        try (Connection admin = server.connect(); Statement st = admin.createStatement()) {
            // FORCE: a connection a test forgot to close must not leave the database behind
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
