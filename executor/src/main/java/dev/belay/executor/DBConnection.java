package dev.belay.executor;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.ResultQuery;
import dev.belay.dsl.RowCountQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs Belay queries and returns typed results. Thread-safe: open one per database and share it.
 *
 * <pre>{@code
 * DBConnection db = DBConnection.open("jdbc:postgresql://localhost:5432/app", "app", secret);
 * List<User> adults = db.exec(select(User.class).where(USER.AGE.ge(18)));
 * int changed = db.exec(update(USER).set(USER.AGE, 31).where(USER.ID.eq(7L)));
 * db.transaction(tx -> tx.exec(insertInto(USER).values(user).returning(USER.ID)));
 * }</pre>
 *
 * Each call borrows a pooled connection and returns it before it returns, whatever happens; inside
 * {@link #transaction} the handle given to the body uses the transaction's one connection.
 */
public final class DBConnection implements AutoCloseable {
    private final Engine engine;
    private final Transactions.@Nullable Tx tx;
    private final int timeoutSeconds;

    private DBConnection(Engine engine, Transactions.@Nullable Tx tx, int timeoutSeconds) {
        this.engine = engine;
        this.tx = tx;
        this.timeoutSeconds = timeoutSeconds;
    }

    // ---- opening -----------------------------------------------------------------------------

    /** A pool of up to 10 connections on {@code jdbcUrl}; close it with {@link #close()}. */
    public static DBConnection open(String jdbcUrl, String user, String password) {
        return open(DBConfig.builder(jdbcUrl).user(user).password(password).build());
    }

    /** A HikariCP pool configured by {@code config}; close it with {@link #close()}. */
    public static DBConnection open(DBConfig config) {
        String url = config.jdbcUrl();
        if (url == null) {
            throw new IllegalArgumentException("open(config) needs a config from DBConfig.builder(jdbcUrl); a "
                    + "settings-only config goes with of(dataSource, config)");
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setPoolName("belay");
        String options = serverOptions(config);
        if (!options.isEmpty()) {
            hikari.addDataSourceProperty("options", options);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            // HikariCP opens a first connection to fail fast; a server that is not there is a lost connection
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConnectionLostException("cannot open a pool on " + DBConfig.withoutPassword(url) + ": "
                    + cause.getMessage(), e, cause instanceof SQLException s ? s.getSQLState() : null, null, null,
                    null, null);
        }
        return new DBConnection(new Engine(pool, config, pool), null, 0);
    }

    /** Runs on an existing pool (Spring's, say). Belay never closes it; {@link #close()} is then a no-op. */
    public static DBConnection of(DataSource dataSource) {
        return of(dataSource, DBConfig.settings().build());
    }

    /**
     * Runs on an existing pool with Belay's settings (types, fetch size, logging). Server timeouts belong to
     * that pool's own configuration, so a config with statement or lock timeouts is refused here.
     */
    public static DBConnection of(DataSource dataSource, DBConfig config) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (config.statementTimeout() != null || config.lockTimeout() != null) {
            throw new IllegalArgumentException("of(dataSource, config): set statement_timeout and lock_timeout on "
                    + "the pool you pass (e.g. pgjdbc's options=-c statement_timeout=5s), not in DBConfig");
        }
        return new DBConnection(new Engine(dataSource, config, null), null, 0);
    }

    private static String serverOptions(DBConfig config) {
        StringBuilder options = new StringBuilder();
        if (config.statementTimeout() != null) {
            options.append("-c statement_timeout=").append(ceilMillis(config.statementTimeout()));
        }
        if (config.lockTimeout() != null) {
            options.append(options.length() > 0 ? " " : "").append("-c lock_timeout=")
                    .append(ceilMillis(config.lockTimeout()));
        }
        return options.toString();
    }

    /** Whole milliseconds, rounded up: PostgreSQL reads 0 as "no timeout", so 0.5 ms must not become 0. */
    private static long ceilMillis(Duration d) {
        long millis = d.toMillis();
        return d.minusMillis(millis).isZero() ? millis : millis + 1;
    }

    /**
     * The same database with a per-statement timeout: {@code db.withTimeout(Duration.ofSeconds(2)).exec(q)}.
     * JDBC counts it in whole seconds, so it is rounded up; a statement running past it fails with
     * {@link QueryTimeoutException}.
     */
    public DBConnection withTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        long seconds = (ceilMillis(timeout) + 999) / 1000;
        return new DBConnection(engine, tx, (int) Math.min(Integer.MAX_VALUE, seconds));
    }

    // ---- queries -----------------------------------------------------------------------------

    /** All rows of a SELECT or of a statement with RETURNING. */
    public <T> List<T> exec(ResultQuery<T> query) {
        return fetch(query, 0);
    }

    /** Runs an INSERT, UPDATE or DELETE without RETURNING and gives the number of rows it changed. */
    public int exec(RowCountQuery query) {
        RenderedSql r = query.render();
        return call(r.sql(), r.params(), c -> {
            long start = System.nanoTime();
            try (PreparedStatement ps = engine.prepare(c, r, timeoutSeconds)) {
                int count = ps.executeUpdate();
                engine.log(r.sql(), r.params(), start, count);
                return count;
            }
        });
    }

    /** The first row, or empty; only one row is fetched. */
    public <T> Optional<T> first(ResultQuery<T> query) {
        List<T> rows = fetch(query, 1);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /**
     * Exactly one row. At most two rows are fetched to tell "one" from "more".
     *
     * @throws NoRowException when there is none
     * @throws TooManyRowsException when there are more
     */
    public <T> T one(ResultQuery<T> query) {
        List<T> rows = fetch(query, 2);
        if (rows.isEmpty()) {
            throw new NoRowException("one(): the query returned no row", null, null, query.render().sql(), null,
                    null, null);
        }
        if (rows.size() > 1) {
            throw new TooManyRowsException("one(): the query returned more than one row", null, null,
                    query.render().sql(), null, null, null);
        }
        return rows.get(0);
    }

    /** The single value of a one-column query, or null when it returns no row: {@code db.fetchValue(select(count()).from(USER))}. */
    public <T> @Nullable T fetchValue(ResultQuery<T> query) {
        if (query.fields().size() != 1) {
            throw new IllegalArgumentException("fetchValue(): the query must select one field, it selects "
                    + query.fields().size());
        }
        return first(query).orElse(null);
    }

    /**
     * The rows as a lazily read stream, fetched {@code fetchSize} at a time through a server cursor, so memory
     * stays constant however many rows there are. <b>The stream holds a connection until it is closed:</b>
     * always use try-with-resources: {@code try (Stream<User> s = db.stream(q)) { ... }}.
     */
    public <T> Stream<T> stream(ResultQuery<T> query) {
        return Streams.open(engine, tx, query, timeoutSeconds);
    }

    private <T> List<T> fetch(ResultQuery<T> query, int maxRows) {
        RenderedSql r = query.render();
        return call(r.sql(), r.params(), c -> {
            long start = System.nanoTime();
            try (PreparedStatement ps = engine.prepare(c, r, timeoutSeconds)) {
                if (maxRows > 0) {
                    ps.setMaxRows(maxRows);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    RowMapper<T> mapper = engine.plan(r, query, rs);
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                    engine.log(r.sql(), r.params(), start, rows.size());
                    return rows;
                }
            }
        });
    }

    /**
     * Raw SQL, for what the DSL does not cover; the only API that takes SQL text. Values are still bound
     * parameters: {@code db.sql("select name from users where id = :id").bind("id", 5L).fetch(String.class)}.
     */
    public RawSql sql(String sql) {
        return new RawSql(this, NamedSql.parse(sql));
    }

    /** Runs work on a connection: the transaction's, or a pooled one returned afterwards. */
    <R> R call(String sql, List<?> params, Work<R> work) {
        if (tx != null) {
            requireOpen(tx);
            try {
                return work.run(tx.connection);
            } catch (SQLException e) {
                throw engine.translate(e, sql, params);
            }
        }
        try (Connection c = engine.borrow()) {
            return work.run(c);
        } catch (SQLException e) {
            throw engine.translate(e, sql, params);
        }
    }

    Engine engine() {
        return engine;
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** JDBC work on one connection. */
    @FunctionalInterface
    interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    static void requireOpen(Transactions.Tx tx) {
        if (!tx.open) {
            throw new IllegalStateException("this handle belongs to a transaction that has ended; use the "
                    + "DBConnection the transaction was started from");
        }
    }

    // ---- transactions ------------------------------------------------------------------------

    /** True inside {@link #transaction}, where every call shares one connection. */
    public boolean inTransaction() {
        return tx != null && tx.open;
    }

    /** {@link #transaction(TxOptions, TransactionBody)} with the server's default isolation and no retry. */
    public <T> T transaction(TransactionBody<T> body) {
        return transaction(TxOptions.DEFAULT, body);
    }

    /** A transaction that returns nothing. */
    public void useTransaction(TransactionAction action) {
        transaction(TxOptions.DEFAULT, tx -> {
            action.run(tx);
            return null;
        });
    }

    /** A transaction with options that returns nothing. */
    public void useTransaction(TxOptions options, TransactionAction action) {
        transaction(options, tx -> {
            action.run(tx);
            return null;
        });
    }

    /**
     * Runs {@code body} in a transaction: committed when it returns, rolled back when it throws. Called inside
     * another transaction it becomes a SAVEPOINT that rolls back only its own work. With
     * {@code options.retries(n)}, a serialization failure or deadlock reruns the whole body, after an
     * exponential backoff with jitter.
     */
    public <T> T transaction(TxOptions options, TransactionBody<T> body) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(body, "body");
        if (tx != null) {
            return Transactions.nested(this, options, body, tx);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return Transactions.outermost(engine, options, body,
                        t -> new DBConnection(engine, t, timeoutSeconds));
            } catch (TransientException e) {
                if (attempt >= options.retries()) {
                    throw e;
                }
                Transactions.backoff(attempt);
            }
        }
    }

    // ---- pool --------------------------------------------------------------------------------

    /**
     * The pool's connections: total, active (lent out), idle, and threads waiting for one.
     *
     * @throws IllegalStateException when the DataSource is not a HikariCP pool
     */
    public PoolStats poolStats() {
        if (engine.dataSource instanceof HikariDataSource hikari) {
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            if (pool == null) {
                throw new IllegalStateException("the pool is not running (closed or not started)");
            }
            return new PoolStats(pool.getTotalConnections(), pool.getActiveConnections(), pool.getIdleConnections(),
                    pool.getThreadsAwaitingConnection());
        }
        throw new IllegalStateException("poolStats() reads HikariCP's pool; this DBConnection runs on a "
                + engine.dataSource.getClass().getName());
    }

    /** Closes the pool Belay opened; a no-op for {@link #of(DataSource)} and inside a transaction. */
    @Override
    public void close() {
        if (tx == null && engine.ownedPool != null) {
            try {
                engine.ownedPool.close();
            } catch (Exception e) {
                throw new BelayException("closing the pool failed: " + e.getMessage(), e);
            }
        }
    }
}
