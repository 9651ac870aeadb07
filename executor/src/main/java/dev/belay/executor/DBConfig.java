package dev.belay.executor;

import dev.belay.dsl.internal.Identifiers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Everything a {@link DBConnection} needs, as one immutable value, checked when built:
 *
 * <pre>{@code
 * DBConfig config = DBConfig.builder("jdbc:postgresql://localhost:5432/app")
 *     .user("app").password(secret).poolSize(20).statementTimeout(Duration.ofSeconds(30)).build();
 * DBConnection db = DBConnection.open(config);
 * }</pre>
 */
public final class DBConfig {
    private final @Nullable String jdbcUrl;
    private final @Nullable String user;
    private final @Nullable String password;
    private final int poolSize;
    private final Duration connectionTimeout;
    private final int fetchSize;
    private final @Nullable Duration statementTimeout;
    private final @Nullable Duration lockTimeout;
    private final TypeRegistry types;
    private final boolean logParameters;
    private final Duration slowQueryThreshold;
    private final @Nullable Duration leakDetectionThreshold;
    private final int connectAttempts;
    private final Duration connectBackoffCeiling;
    private final Map<String, String> schemas;
    private final boolean pgbouncerTransactionMode;
    private final List<String> replicas;
    private final ReplicaFallback replicaFallback;
    private final Duration replicaRetryAfter;
    private final @Nullable StatementListener statementListener;

    private DBConfig(Builder b) {
        this.jdbcUrl = b.jdbcUrl;
        this.user = b.user;
        this.password = b.password;
        this.poolSize = b.poolSize;
        this.connectionTimeout = b.connectionTimeout;
        this.fetchSize = b.fetchSize;
        this.statementTimeout = b.statementTimeout;
        this.lockTimeout = b.lockTimeout;
        this.types = b.types;
        this.logParameters = b.logParameters;
        this.slowQueryThreshold = b.slowQueryThreshold;
        this.leakDetectionThreshold = b.leakDetectionThreshold;
        this.connectAttempts = b.connectAttempts;
        this.connectBackoffCeiling = b.connectBackoffCeiling;
        this.schemas = Map.copyOf(b.schemas);
        this.pgbouncerTransactionMode = b.pgbouncerTransactionMode;
        this.replicas = List.copyOf(b.replicas);
        this.replicaFallback = b.replicaFallback;
        this.replicaRetryAfter = b.replicaRetryAfter;
        this.statementListener = b.statementListener;
    }

    /** A builder for a pool on {@code jdbcUrl}, e.g. {@code jdbc:postgresql://localhost:5432/app}. */
    public static Builder builder(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:, got " + jdbcUrl);
        }
        Builder b = new Builder();
        b.jdbcUrl = jdbcUrl;
        return b;
    }

    /** A builder for settings only, for {@link DBConnection#of(javax.sql.DataSource, DBConfig)}. */
    public static Builder settings() {
        return new Builder();
    }

    /** The JDBC URL of a pool Belay opens; null for settings used with a {@code DataSource} of your own. */
    public @Nullable String jdbcUrl() {
        return jdbcUrl;
    }

    /** The database user, or null when the URL or the {@code DataSource} gives it. */
    public @Nullable String user() {
        return user;
    }

    @Nullable String password() {
        return password;
    }

    /** Maximum connections in the pool Belay opens (default 10). */
    public int poolSize() {
        return poolSize;
    }

    /** How long a call waits for a free pooled connection (default 30 s). */
    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    /** Rows per round trip of a {@code stream} (default 1000). */
    public int fetchSize() {
        return fetchSize;
    }

    /** The {@code statement_timeout} set on Belay's connections, or null for the server's. */
    public @Nullable Duration statementTimeout() {
        return statementTimeout;
    }

    /** The {@code lock_timeout} set on Belay's connections, or null for the server's. */
    public @Nullable Duration lockTimeout() {
        return lockTimeout;
    }

    /** The Java-to-PostgreSQL type mappings: {@link TypeRegistry#defaults()} unless {@code types(..)} was set. */
    public TypeRegistry types() {
        return types;
    }

    /** Whether parameter values may appear in logs and error messages (default false). */
    public boolean logParameters() {
        return logParameters;
    }

    /** Statements slower than this are logged at WARNING (default 1 s). */
    public Duration slowQueryThreshold() {
        return slowQueryThreshold;
    }

    /** How many times opening the pool tries to reach a server that is not accepting connections yet. */
    public int connectAttempts() {
        return connectAttempts;
    }

    /** The longest wait between two attempts to reach the server when the pool opens. */
    public Duration connectBackoffCeiling() {
        return connectBackoffCeiling;
    }

    /**
     * The schema mapping every statement of the connection is rendered with ({@code public → tenant_a}); empty
     * unless {@code mapSchema(..)} was set.
     */
    public Map<String, String> schemaMapping() {
        return schemas;
    }

    /**
     * Whether the connections go through PgBouncer in {@code pool_mode=transaction}, so that nothing may rely on
     * a server session outliving a transaction (see {@link Builder#pgbouncerTransactionMode()}).
     */
    public boolean pgbouncerTransactionMode() {
        return pgbouncerTransactionMode;
    }

    /** The JDBC URLs of the read replicas Belay opens pools on, in the order given; empty when there are none. */
    public List<String> replicas() {
        return replicas;
    }

    /** Where replica work goes when no replica is up: {@link ReplicaFallback#PRIMARY} unless set. */
    public ReplicaFallback replicaFallback() {
        return replicaFallback;
    }

    /** How long a replica that failed to connect is skipped before it is tried again (default 5 s). */
    public Duration replicaRetryAfter() {
        return replicaRetryAfter;
    }

    /** What hears every call on the database, around it, or null for none. */
    public @Nullable StatementListener statementListener() {
        return statementListener;
    }

    /** How long a connection may stay lent out before a warning, or null when leak detection is off. */
    public @Nullable Duration leakDetectionThreshold() {
        return leakDetectionThreshold;
    }

    /** The settings for logs: the URL with any password masked, never the password itself. */
    @Override
    public String toString() {
        return "DBConfig[" + (jdbcUrl == null ? null : withoutPassword(jdbcUrl)) + ", user=" + user + ", poolSize=" + poolSize + ", fetchSize=" + fetchSize
                + ", statementTimeout=" + statementTimeout + ", lockTimeout=" + lockTimeout
                + (pgbouncerTransactionMode ? ", pgbouncerTransactionMode" : "")
                + (replicas.isEmpty() ? "" : ", replicas=" + replicas.stream().map(DBConfig::withoutPassword).toList())
                + "]"; // never the password
    }

    private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    /** A {@code prepareThreshold} other than 0 in a URL, which would win over the pool's property. */
    private static final Pattern NAMED_STATEMENTS = Pattern.compile("(?i)[?&]prepareThreshold=(?!0+(&|$))");

    /** The URL with the value of a {@code password} property masked, for toString and error messages. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
    }

    /** Collects settings; {@link #build()} checks them. */
    public static final class Builder {
        private @Nullable String jdbcUrl;
        private @Nullable String user;
        private @Nullable String password;
        private int poolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(30);
        private int fetchSize = 1000;
        private @Nullable Duration statementTimeout;
        private @Nullable Duration lockTimeout;
        private TypeRegistry types = TypeRegistry.defaults();
        private boolean logParameters;
        private Duration slowQueryThreshold = Duration.ofSeconds(1);
        private @Nullable Duration leakDetectionThreshold;
        private int connectAttempts = 5;
        private Duration connectBackoffCeiling = Duration.ofSeconds(2);
        private final Map<String, String> schemas = new LinkedHashMap<>();
        private boolean pgbouncerTransactionMode;
        private final List<String> replicas = new ArrayList<>();
        private ReplicaFallback replicaFallback = ReplicaFallback.PRIMARY;
        private Duration replicaRetryAfter = Duration.ofSeconds(5);
        private @Nullable StatementListener statementListener;

        private Builder() {}

        /** The database user: {@code .user("app")}. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The password; it never appears in {@link DBConfig#toString()}, logs or messages. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Maximum connections in the pool Belay creates (default 10). */
        public Builder poolSize(int size) {
            this.poolSize = size;
            return this;
        }

        /** How long a call waits for a free connection before {@link PoolTimeoutException} (default 30 s). */
        public Builder connectionTimeout(Duration timeout) {
            this.connectionTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Rows fetched per round trip by {@code stream} (default 1000). */
        public Builder fetchSize(int rows) {
            this.fetchSize = rows;
            return this;
        }

        /** The server's {@code statement_timeout} for every statement on Belay's connections. */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The server's {@code lock_timeout}: how long a statement waits for a row or table lock. */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Type mappings with your converters: {@code .types(TypeRegistry.defaults().with(moneyConverter))}. */
        public Builder types(TypeRegistry registry) {
            this.types = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Show parameter values in logs and error messages (off by default: they may be secrets). */
        public Builder logParameters(boolean show) {
            this.logParameters = show;
            return this;
        }

        /** Statements slower than this are logged at WARNING (default 1 s). */
        public Builder slowQueryThreshold(Duration threshold) {
            this.slowQueryThreshold = Objects.requireNonNull(threshold, "threshold");
            return this;
        }

        /**
         * Tells {@code listener} about every call on the database as it starts and ends, for metrics and tracing:
         * {@code .statementListener(sql -> new MyTimedCall(sql))}. See {@link StatementListener}.
         */
        public Builder statementListener(StatementListener listener) {
            this.statementListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Logs a warning (through HikariCP, with the stack trace of the borrower) when a connection stays lent out
         * longer than this: a stream or transaction someone forgot. At least 2 s; off by default. Only for pools
         * Belay opens ({@link DBConnection#open(DBConfig)}).
         */
        public Builder leakDetectionThreshold(Duration threshold) {
            this.leakDetectionThreshold = Objects.requireNonNull(threshold, "threshold");
            return this;
        }

        /**
         * How {@link DBConnection#open(DBConfig)} waits for a server that is not accepting connections yet (refused,
         * dropped, or starting up): up to {@code attempts} tries in all, the wait doubling from 100 ms up to
         * {@code ceiling}. Each failed attempt also holds HikariCP's own one-second pause, so the default, 5 attempts
         * with a 2 s ceiling, gives a starting server about 6.5 s; {@code connectRetry(1, ...)} fails after the first.
         * A wrong password or database name is never retried.
         */
        public Builder connectRetry(int attempts, Duration ceiling) {
            this.connectAttempts = attempts;
            this.connectBackoffCeiling = Objects.requireNonNull(ceiling, "ceiling");
            return this;
        }

        /**
         * Renders every table of schema {@code from} in schema {@code to}, in every statement run on the connection
         * (queries, DML, row helpers, bulk writes, COPY, schema statements): {@code mapSchema("public", "tenant_a")}
         * turns {@code FROM "users"} into {@code FROM "tenant_a"."users"}. A descriptor without a schema counts as
         * in {@code public}, where PostgreSQL's default {@code search_path} finds it, so mapping {@code public} moves
         * it too. Names of WITH queries are never mapped. Each statement is still rendered once per mapping.
         *
         * @throws IllegalArgumentException when a name is not a valid identifier, or {@code from} is mapped twice
         */
        public Builder mapSchema(String from, String to) {
            Identifiers.check(from, "mapSchema: schema name");
            Identifiers.check(to, "mapSchema: schema name");
            if (schemas.putIfAbsent(from, to) != null) {
                throw new IllegalArgumentException("mapSchema: schema " + from + " is already mapped to "
                        + schemas.get(from));
            }
            return this;
        }

        /**
         * The URL leads to PgBouncer in {@code pool_mode=transaction}, which hands each transaction (and each
         * statement outside one) whichever server connection is free, so a server session does not last from
         * one transaction to the next:
         *
         * <pre>{@code
         * DBConfig config = DBConfig.builder("jdbc:postgresql://bouncer:6432/app")
         *     .user("app").pgbouncerTransactionMode().statementTimeout(Duration.ofSeconds(5)).build();
         * }</pre>
         *
         * <p>Then the pool Belay opens tells pgjdbc to use unnamed statements only ({@code prepareThreshold=0}):
         * a named server-side statement is prepared on one server connection, and the next transaction may get
         * another, where it does not exist. Belay sends no startup options (PgBouncer 1.18 refuses the connection
         * with "unsupported startup parameter: options"): {@code statementTimeout} and {@code lockTimeout} are set
         * with {@code set_config(.., true)}, which ends with the transaction, at the start of every transaction
         * Belay runs; a statement outside a transaction then runs in a transaction of its own, two round trips
         * more. A setting on the role ({@code ALTER ROLE app SET statement_timeout = '5s'}) costs nothing per
         * statement.
         *
         * <p>Belay cannot tell PgBouncer from PostgreSQL: PgBouncer answers the protocol as the server does, and
         * its {@code SHOW} commands exist only on its admin console. Hence a setting, not a detection. With
         * {@link DBConnection#of(javax.sql.DataSource, DBConfig)}, set {@code prepareThreshold=0} on your own pool.
         */
        public Builder pgbouncerTransactionMode() {
            this.pgbouncerTransactionMode = true;
            return this;
        }

        /**
         * Adds a read replica (a streaming-replication hot standby), with the primary's user, password and pool
         * settings and a HikariCP pool of its own; call it once per replica:
         *
         * <pre>{@code
         * DBConfig config = DBConfig.builder("jdbc:postgresql://primary:5432/app").user("app").password(secret)
         *     .replica("jdbc:postgresql://replica1:5432/app").replica("jdbc:postgresql://replica2:5432/app")
         *     .build();
         * List<User> users = DBConnection.open(config).replica().exec(select(User.class));
         * }</pre>
         *
         * <p>{@link DBConnection#replica()} and read-only transactions then go to the replicas, round-robin over
         * those that are up. A replica that is down when the pool opens does not fail {@code open}: it is skipped
         * until it accepts connections.
         *
         * @throws IllegalArgumentException when the URL does not start with {@code jdbc:postgresql:}
         */
        public Builder replica(String jdbcUrl) {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("replica: the URL must start with jdbc:postgresql:, got " + jdbcUrl);
            }
            replicas.add(jdbcUrl);
            return this;
        }

        /**
         * Where replica work goes when no replica is up: to the primary ({@link ReplicaFallback#PRIMARY}, the
         * default), or nowhere ({@link ReplicaFallback#FAIL}: {@link ReplicaUnavailableException}).
         */
        public Builder replicaFallback(ReplicaFallback fallback) {
            this.replicaFallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /**
         * How long a replica that failed to connect (or lost a connection in use) is skipped before work is sent
         * to it again (default 5 s): {@code .replicaRetryAfter(Duration.ofSeconds(10))}.
         */
        public Builder replicaRetryAfter(Duration retryAfter) {
            this.replicaRetryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
            return this;
        }

        /**
         * The checked, immutable configuration.
         *
         * @throws IllegalArgumentException naming the setting that is out of range
         */
        public DBConfig build() {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
            }
            if (fetchSize < 1) {
                throw new IllegalArgumentException("fetchSize must be at least 1 (streaming needs it), got " + fetchSize);
            }
            if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
                throw new IllegalArgumentException("connectionTimeout must be at least 250 ms (HikariCP's minimum), "
                        + "got " + connectionTimeout);
            }
            if (slowQueryThreshold.isNegative()) {
                throw new IllegalArgumentException("slowQueryThreshold must not be negative, got " + slowQueryThreshold
                        + " (Duration.ZERO logs every statement as slow)");
            }
            if (statementTimeout != null) {
                requirePositive("statementTimeout", statementTimeout);
            }
            if (lockTimeout != null) {
                requirePositive("lockTimeout", lockTimeout);
            }
            if (leakDetectionThreshold != null && leakDetectionThreshold.compareTo(Duration.ofSeconds(2)) < 0) {
                throw new IllegalArgumentException("leakDetectionThreshold must be at least 2 s (HikariCP ignores "
                        + "shorter ones), got " + leakDetectionThreshold);
            }
            if (pgbouncerTransactionMode && jdbcUrl != null && NAMED_STATEMENTS.matcher(jdbcUrl).find()) {
                throw new IllegalArgumentException("pgbouncerTransactionMode needs unnamed statements, but the URL "
                        + "sets prepareThreshold to another value than 0: remove it from the URL");
            }
            if (replicaRetryAfter.isNegative()) {
                throw new IllegalArgumentException("replicaRetryAfter must not be negative, got " + replicaRetryAfter);
            }
            if (!replicas.isEmpty() && jdbcUrl == null) {
                throw new IllegalArgumentException("replica(url) goes with DBConfig.builder(primaryUrl); for pools of "
                        + "your own, pass the replicas' DataSources to DBConnection.of(primary, config, replicas...)");
            }
            if (pgbouncerTransactionMode) {
                for (String r : replicas) {
                    if (NAMED_STATEMENTS.matcher(r).find()) {
                        throw new IllegalArgumentException("pgbouncerTransactionMode needs unnamed statements, but the "
                                + "replica URL " + withoutPassword(r) + " sets prepareThreshold to another value than 0");
                    }
                }
            }
            if (connectAttempts < 1) {
                throw new IllegalArgumentException("connectRetry: attempts must be at least 1, got " + connectAttempts);
            }
            if (connectBackoffCeiling.compareTo(PoolStart.FIRST_DELAY) < 0) {
                throw new IllegalArgumentException("connectRetry: the ceiling must be at least "
                        + PoolStart.FIRST_DELAY.toMillis() + " ms, got " + connectBackoffCeiling);
            }
            return new DBConfig(this);
        }

        private static void requirePositive(String name, Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
        }
    }
}
