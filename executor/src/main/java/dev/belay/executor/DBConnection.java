package dev.belay.executor;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.belay.dsl.Column;
import dev.belay.dsl.OnConflict;
import dev.belay.dsl.PgType;
import dev.belay.dsl.ResultQuery;
import dev.belay.dsl.RowCountQuery;
import dev.belay.dsl.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
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
 * <p>What commits when: a statement outside a transaction commits on its own; a data-modifying statement that
 * returns rows (RETURNING) runs in a transaction of its own, so when the call throws (a mapping failure,
 * {@code one()} finding the wrong count) nothing it changed remains. {@link #transaction} commits only when its
 * body returns and no statement in it failed. A {@link #stream} outside a transaction commits only once read
 * to the end. Each call borrows a pooled connection and gives it back, as it was lent, before it returns;
 * inside {@link #transaction} the handle given to the body uses the transaction's one connection, and this
 * object itself refuses calls from that thread until the transaction ends. Made with
 * {@link #of(DataSource, DBConfig, ExternalTransactions)}, a call made while another manager's transaction (Spring's)
 * runs on the thread joins that transaction instead: see {@link ExternalTransactions}.
 */
public final class DBConnection implements AutoCloseable {
    private final Session session;

    DBConnection(Session session) {
        this.session = session;
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
        HikariDataSource pool = PoolStart.open(() -> hikariConfig(config, url), config, url);
        Replicas replicas;
        try {
            replicas = replicaPools(config);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new DBConnection(new Session(new Engine(pool, config, pool, replicas, null), null, 0));
    }

    /**
     * A pool per replica, opened without waiting for its server (HikariCP's initializationFailTimeout -1): a
     * replica that is down at startup is skipped until it accepts connections, instead of failing open.
     */
    private static @Nullable Replicas replicaPools(DBConfig config) {
        if (config.replicas().isEmpty()) {
            return null;
        }
        List<HikariDataSource> pools = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            for (String url : config.replicas()) {
                HikariConfig hikari = hikariConfig(config, url);
                hikari.setPoolName("belay-replica-" + (pools.size() + 1));
                hikari.setInitializationFailTimeout(-1);
                pools.add(new HikariDataSource(hikari));
                names.add(DBConfig.withoutPassword(url));
            }
        } catch (RuntimeException e) {
            pools.forEach(HikariDataSource::close);
            throw e;
        }
        return new Replicas(pools, names, true, config);
    }

    /**
     * The types pgjdbc receives in binary once a statement is server-prepared (its fifth execution) but whose
     * {@code getString} then differs from PostgreSQL's text: timetz normalised to +00, point and box as Java doubles,
     * arrays with every element quoted. A column read as String must read the same every time, so these come as
     * text (bytea stays binary: its String reader formats the bytes as PostgreSQL's hex text).
     */
    static final String TEXT_ONLY_OIDS = "1266,1270,600,603,1001,1005,1007,1016,1021,1022,1028,1009,1015,1231";

    private static HikariConfig hikariConfig(DBConfig config, String url) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setPoolName("belay");
        if (config.leakDetectionThreshold() != null) {
            hikari.setLeakDetectionThreshold(config.leakDetectionThreshold().toMillis());
        }
        hikari.addDataSourceProperty("binaryTransferDisable", TEXT_ONLY_OIDS);
        if (config.pgbouncerTransactionMode()) {
            // unnamed statements only; the timeouts are set per transaction (LocalSettings), not at startup
            hikari.addDataSourceProperty("prepareThreshold", "0");
            return hikari;
        }
        String options = serverOptions(config);
        if (!options.isEmpty()) {
            hikari.addDataSourceProperty("options", options);
        }
        return hikari;
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
        return onPool(dataSource, config, new DataSource[0], null);
    }

    /**
     * Runs on existing pools: {@code primary} and one per read replica, which {@link #replica()} and read-only
     * transactions use as {@link DBConfig.Builder#replica} describes (health, fallback and retry-after from
     * {@code config}). Belay closes none of them:
     *
     * <pre>{@code
     * DBConnection db = DBConnection.of(primaryPool, DBConfig.settings().build(), replicaPool1, replicaPool2);
     * }</pre>
     *
     * A replica pool should not fail when its server is down at startup (HikariCP:
     * {@code setInitializationFailTimeout(-1)}).
     */
    public static DBConnection of(DataSource primary, DBConfig config, DataSource... replicas) {
        return onPool(primary, config, replicas, null);
    }

    /**
     * Runs on an existing pool like {@link #of(DataSource, DBConfig)}, joining the transaction that another manager
     * runs on the calling thread whenever {@code transactions} reports one: Belay's statements then use that
     * transaction's connection and commit nothing themselves, {@code db.transaction(..)} becomes a savepoint of it,
     * and a failed statement marks it rollback-only. Outside such a transaction nothing changes.
     *
     * <pre>{@code
     * DBConnection db = DBConnection.of(dataSource, config, springTransactions);
     * }</pre>
     *
     * The Spring Boot starter ({@code belay-spring-boot-starter}) builds this with Spring's transactions.
     */
    public static DBConnection of(DataSource dataSource, DBConfig config, ExternalTransactions transactions) {
        return onPool(dataSource, config, new DataSource[0], Objects.requireNonNull(transactions, "transactions"));
    }

    private static DBConnection onPool(DataSource primary, DBConfig config, DataSource[] replicas,
                                       @Nullable ExternalTransactions transactions) {
        Objects.requireNonNull(primary, "dataSource");
        if (config.statementTimeout() != null || config.lockTimeout() != null) {
            throw new IllegalArgumentException("of(dataSource, config): set statement_timeout and lock_timeout on "
                    + "the pool you pass (e.g. pgjdbc's options=-c statement_timeout=5s), not in DBConfig");
        }
        if (!config.replicas().isEmpty()) {
            throw new IllegalArgumentException("of(dataSource, config, ...) runs on pools of your own, but the config "
                    + "names replica URLs: pass the replicas' DataSources here, or open(config) to let Belay open them");
        }
        List<DataSource> pools = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (DataSource r : replicas) {
            pools.add(Objects.requireNonNull(r, () -> "replica DataSource " + (pools.size() + 1) + " is null"));
            names.add("#" + pools.size() + " (" + r.getClass().getSimpleName() + ")");
        }
        Replicas set = pools.isEmpty() ? null : new Replicas(pools, names, false, config);
        return new DBConnection(new Session(new Engine(primary, config, null, set, transactions), null, 0));
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
    static long ceilMillis(Duration d) {
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
        return new DBConnection(session.withTimeout((int) Math.min(Integer.MAX_VALUE, seconds)));
    }

    // ---- read replicas -----------------------------------------------------------------------

    /**
     * A handle whose reads go to a read replica, round-robin over those that are up (see
     * {@link DBConfig.Builder#replica}); with no replica configured, or none up, to the primary:
     *
     * <pre>{@code
     * List<User> adults = db.replica().exec(select(User.class).where(USER.AGE.ge(18)));
     * }</pre>
     *
     * <p>A read outside a transaction whose connection is lost before it returned rows runs once more, on the next
     * replica or the primary. Its transactions are read-only and run on a replica too, except SERIALIZABLE ones,
     * which a standby refuses and which go to the primary. Statements Belay knows to write (DML, bulk writes, row
     * helpers, COPY, data-modifying raw SQL) are refused with {@link IllegalStateException} before anything is
     * sent; any other write is refused by the replica with {@link ReadOnlyTransactionException}.
     *
     * @throws IllegalStateException on a transaction's handle, whose statements all run on its connection
     */
    public DBConnection replica() {
        return replica(Route.REPLICA);
    }

    /**
     * Read-your-writes: a handle whose reads go to a replica that has replayed the primary's WAL at least up to
     * {@code written}, waiting up to {@code timeout} for one (checking every few milliseconds), else to the
     * primary, which has the write by definition:
     *
     * <pre>{@code
     * db.exec(insertInto(USER).values(ann));
     * WalPosition written = db.walPosition();
     * Optional<User> seen = db.replica(written, Duration.ofMillis(200)).first(select(User.class).where(...));
     * // on the replica, first: SELECT pg_last_wal_replay_lsn()::text
     * }</pre>
     *
     * @throws IllegalArgumentException for a negative timeout
     */
    public DBConnection replica(WalPosition written, Duration timeout) {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        return replica(new Route(true, written, timeout.toNanos()));
    }

    private DBConnection replica(Route route) {
        if (session.tx() != null) {
            throw new IllegalStateException("replica() on a transaction's handle: every statement of a transaction "
                    + "runs on its connection. Call it on the DBConnection, or start the transaction read-only "
                    + "(TxOptions.DEFAULT.readOnly(true)), which runs on a replica");
        }
        return new DBConnection(session.to(route));
    }

    /**
     * Where the primary's WAL ends now, to be called after a write committed, for {@link #replica(WalPosition,
     * Duration)}: {@code WalPosition written = db.walPosition();} reads {@code pg_current_wal_insert_lsn()} on the
     * primary. The insert position, not {@code pg_current_wal_lsn()}: with {@code synchronous_commit = off} a commit
     * returns before its WAL is written, so only the insert position is sure to include it.
     *
     * @throws IllegalStateException inside a transaction, whose commit is not in the WAL yet
     */
    public WalPosition walPosition() {
        if (session.tx() != null) {
            throw new IllegalStateException("walPosition() inside a transaction would come before its commit; call "
                    + "it on the DBConnection after the transaction returned");
        }
        WalEnd end = new RawSql(session.to(Route.PRIMARY), NamedSql.parse(WalEnd.SQL)).one(WalEnd.class);
        return end.position();
    }

    // ---- queries -----------------------------------------------------------------------------

    /** All rows of a SELECT or of a statement with RETURNING: {@code List<User> adults = db.exec(adultsQuery)}. */
    public <T> List<T> exec(ResultQuery<T> query) {
        return Pipeline.fetch(session, BoundStatement.of(query, session), target(query), 0);
    }

    /** Runs an INSERT, UPDATE or DELETE without RETURNING and gives the number of rows it changed. */
    public int exec(RowCountQuery query) {
        return Pipeline.update(session, BoundStatement.of(query, session));
    }

    /**
     * The first row, or empty; only one row is fetched. Refused for a data-modifying statement, whose other
     * changed rows it would hide: use {@link #exec(ResultQuery)} or {@link #one}.
     */
    public <T> Optional<T> first(ResultQuery<T> query) {
        if (query.modifiesData()) {
            throw new IllegalStateException("first() would hide the rows this data-modifying statement changes "
                    + "beyond the first; use exec(query) for all of them, or one(query) when it changes exactly one");
        }
        List<T> rows = Pipeline.fetch(session, BoundStatement.of(query, session), target(query), 1);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /**
     * Exactly one row. At most two rows are fetched to tell "one" from "more". On a data-modifying statement it
     * is atomic: when it throws, the statement's changes are rolled back (to a savepoint inside a transaction).
     *
     * @throws NoRowException when there is none
     * @throws TooManyRowsException when there are more
     */
    public <T> T one(ResultQuery<T> query) {
        return Pipeline.<T>single(session, BoundStatement.of(query, session), target(query), "one()", false).get(0);
    }

    /**
     * The single value of a one-column query, or null when it returns no row:
     * {@code db.fetchValue(select(count()).from(USER))}.
     *
     * @throws TooManyRowsException when it returns more than one row
     */
    public <T> @Nullable T fetchValue(ResultQuery<T> query) {
        if (query.fields().size() != 1) {
            throw new IllegalArgumentException("fetchValue(): the query must select one field, it selects "
                    + query.fields().size());
        }
        List<T> rows = Pipeline.single(session, BoundStatement.of(query, session), target(query), "fetchValue()", true);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * The rows as a lazily read stream, fetched {@code fetchSize} at a time through a server cursor, so memory
     * stays constant however many rows there are.
     *
     * <p>Outside a transaction the stream runs in one of its own and holds a pooled connection: read to the end,
     * it commits and gives the connection back by itself; closed early, or when anything throws (the consumer
     * too), it rolls back, so a streamed DELETE ... RETURNING keeps nothing unless every row was read. Always use
     * try-with-resources: {@code try (Stream<User> s = db.stream(q)) { ... }}. A stream dropped without being
     * closed is rolled back and its connection returned once it is garbage collected, with a warning in the
     * log; {@link DBConfig.Builder#leakDetectionThreshold} reports one held too long while it is still reachable.
     */
    public <T> Stream<T> stream(ResultQuery<T> query) {
        return Streams.open(session, BoundStatement.of(query, session), target(query));
    }

    private static Plans.Target target(ResultQuery<?> query) {
        return Plans.Target.ofQuery(query);
    }

    /**
     * Raw SQL, for what the DSL does not cover; the only API that takes SQL text. Values are still bound
     * parameters: {@code db.sql("select name from users where id = :id").bind("id", 5L).fetch(String.class)}.
     */
    public RawSql sql(String sql) {
        return new RawSql(session, NamedSql.parse(sql));
    }

    // ---- catalog -----------------------------------------------------------------------------

    /** The descriptor in the schema this connection's {@code mapSchema} moves it to, for catalog checks. */
    <R> Table<R> mapped(Table<R> table) {
        return session.engine().mapped(table);
    }

    /**
     * Whether the table a descriptor names exists: {@code db.tableExists(USER)}. A name without schema is resolved
     * through the session's {@code search_path}, as a statement would resolve it.
     */
    public boolean tableExists(Table<?> table) {
        return CatalogReads.tableExists(this, session.engine().mapped(Objects.requireNonNull(table, "table")));
    }

    /** The tables, views, materialized views and foreign tables of a schema, by name: {@code db.tables("public")}. */
    public List<TableInfo> tables(String schema) {
        return CatalogReads.tables(this, Objects.requireNonNull(schema, "schema"));
    }

    /**
     * The columns of the table a descriptor names, in table order, as the database has them (to compare with the
     * descriptor): {@code db.columns(USER)}.
     *
     * @throws IllegalArgumentException when the table does not exist
     */
    public List<ColumnInfo> columns(Table<?> table) {
        return CatalogReads.columns(this, session.engine().mapped(Objects.requireNonNull(table, "table")));
    }

    /**
     * The primary key's column names in key order; empty for a table without one: {@code db.primaryKey(USER)}.
     *
     * @throws IllegalArgumentException when the table does not exist
     */
    public List<String> primaryKey(Table<?> table) {
        return CatalogReads.primaryKey(this, session.engine().mapped(Objects.requireNonNull(table, "table")));
    }

    /**
     * An enum type's labels in their sort order: {@code db.enumLabels("mood")}, or {@code "app.mood"}.
     *
     * @throws IllegalArgumentException when there is no such type, or it is not an enum
     */
    public List<String> enumLabels(String typeName) {
        return CatalogReads.enumLabels(this, Objects.requireNonNull(typeName, "typeName"));
    }

    /** The labels of the enum type a {@link PgType} names: {@code db.enumLabels(PgType.enumType("mood", Mood.class))}. */
    public List<String> enumLabels(PgType<?> type) {
        return CatalogReads.enumLabels(this, Objects.requireNonNull(type, "type"));
    }

    // ---- bulk writes -------------------------------------------------------------------------

    /**
     * Inserts rows and returns them with every generated column (identity, serial, {@code DEFAULT
     * gen_random_uuid()}, {@code DEFAULT now()}, stored generated columns) filled in, in input order: new
     * instances for records, the same instances updated for mutable classes. A generated column that a row
     * sets is written as given. On a table with BEFORE INSERT row triggers, every column comes back as the trigger
     * stored it. Each column travels as one array parameter, so there is no parameter limit and
     * the SQL text is the same for any number of rows:
     *
     * <pre>{@code
     * List<User> saved = db.insert(USER, users);   // saved.get(i).id() is the key of users.get(i)
     * // WITH "belay_input" AS (SELECT ... FROM unnest(CAST(? AS text[]), ...) WITH ORDINALITY AS ...),
     * //   "belay_written" AS (INSERT INTO "users" (...) SELECT ... RETURNING ...) SELECT ...
     * }</pre>
     *
     * Which key belongs to which row is known by construction: generated keys are computed next to each row's
     * position and the stored rows are joined back on them. The call is atomic: a transaction of its own, or a
     * savepoint inside the caller's. A value PostgreSQL would refuse or alter is refused before sending, and a
     * row the server refuses is named by its input index and column ({@link BelayException#row()}). Empty input
     * makes no round trip.
     *
     * @throws RowsSkippedException when a BEFORE INSERT trigger skipped rows (returned NULL); nothing was written
     */
    public <R> List<R> insert(Table<R> table, List<? extends R> rows) {
        return BulkWriter.insert(session, Objects.requireNonNull(table, "table"), Objects.requireNonNull(rows, "rows"));
    }

    /** Inserts one row into the table {@code Table.of(row.getClass())} describes; see {@link #insert(Table, List)}. */
    public <R> R insert(R row) {
        return insert(RowOps.tableOf(row, "insert(row)"), List.of(row)).get(0);
    }

    /**
     * Inserts rows, or on a conflict does what {@code conflict} says, and returns per input row, in input order,
     * what happened and the row as it now is:
     *
     * <pre>{@code
     * List<Upserted<User>> r = db.upsert(users, onConflict(USER.EMAIL).doUpdateAllExcept(USER.ID));
     * // ... INSERT INTO "users" (...) SELECT ... ON CONFLICT ("email") DO UPDATE SET "name" = EXCLUDED."name", ...
     * r.get(0).outcome();  // INSERTED, UPDATED or SKIPPED
     * }</pre>
     *
     * Two input rows with the same conflict key are refused before sending, naming both indexes (PostgreSQL
     * cannot change one row twice in a statement). Atomic like {@link #insert(Table, List)}. The rows are as
     * stored also when BEFORE row triggers changed them; a row such a trigger skipped (returned NULL) is SKIPPED.
     */
    public <R> List<Upserted<R>> upsert(List<? extends R> rows, OnConflict<R> conflict) {
        return BulkWriter.upsert(session, Objects.requireNonNull(rows, "rows"), Objects.requireNonNull(conflict,
                "conflict"));
    }

    // ---- transactions ------------------------------------------------------------------------

    /**
     * True on the handle a {@link #transaction} body receives, where every call shares one connection. False on the
     * DBConnection itself, also while it joins a transaction another manager runs
     * ({@link #of(DataSource, DBConfig, ExternalTransactions)}).
     */
    public boolean inTransaction() {
        return session.tx() != null && session.tx().isOpen();
    }

    /** {@link #transaction(TxOptions, TransactionBody)} with the server's default isolation and no retry. */
    public <T> T transaction(TransactionBody<T> body) {
        return transaction(TxOptions.DEFAULT, body);
    }

    /** A transaction that returns nothing. */
    public void useTransaction(TransactionAction action) {
        useTransaction(TxOptions.DEFAULT, action);
    }

    /** A transaction with options that returns nothing. */
    public void useTransaction(TxOptions options, TransactionAction action) {
        transaction(options, tx -> {
            action.run(tx);
            return null;
        });
    }

    /**
     * Runs {@code body} in a transaction: committed when it returns, rolled back when it throws (anything,
     * checked exceptions too). Called on a transaction's handle it becomes a SAVEPOINT that rolls back only its
     * own work; with {@link TxOptions#requiresNew()} it is an independent transaction on another connection.
     *
     * <p>A transaction or savepoint in which a statement failed never reports success: if the body caught the
     * failure and returned, the level is rolled back and {@link TransactionRolledBackException} (whose cause is
     * the first failure) is thrown. With {@code options.retries(n)}, a serialization failure or deadlock reruns
     * the whole body, after an exponential backoff with jitter.
     *
     * <p>Inside the body, use the handle it receives: calling this DBConnection itself on the same thread would
     * run outside the transaction, so it throws {@link IllegalStateException}.
     */
    public <T> T transaction(TxOptions options, TransactionBody<T> body) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(body, "body");
        Transactions.Tx tx = session.tx();
        if (tx != null && !options.independent()) {
            return Transactions.nested(session, tx, options, body);
        }
        if (tx == null && !options.independent()) {
            session.engine().requireOutsideTransaction();
            Transactions.Tx external = session.engine().joinExternal();
            if (external != null) {
                return Transactions.inExternal(session, external, options, body);
            }
        }
        // read-only work goes to a replica (TxOptions.readOnly, or any transaction of db.replica())
        Session root = new Session(session.engine(), null, session.timeoutSeconds(),
                session.route().forTransaction(options));
        TxOptions run = session.route().replica() ? options.readOnly(true) : options;
        for (int attempt = 0; ; attempt++) {
            try {
                return Transactions.outermost(root, run, body);
            } catch (TransientException | TransactionRolledBackException e) {
                boolean transientFailure = e instanceof TransientException
                        || e.getCause() instanceof TransientException;
                if (!transientFailure || attempt >= options.retries()) {
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
        DataSource dataSource = session.engine().dataSource;
        if (dataSource instanceof HikariDataSource hikari) {
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            if (pool == null) {
                throw new IllegalStateException("the pool is not running (closed or not started)");
            }
            return new PoolStats(pool.getTotalConnections(), pool.getActiveConnections(), pool.getIdleConnections(),
                    pool.getThreadsAwaitingConnection());
        }
        throw new IllegalStateException("poolStats() reads HikariCP's pool; this DBConnection runs on a "
                + dataSource.getClass().getName());
    }

    /** Closes the pool Belay opened; a no-op for {@link #of(DataSource)} and inside a transaction. */
    @Override
    public void close() {
        AutoCloseable pool = session.engine().ownedPool;
        if (session.tx() == null && session.engine().replicas != null) {
            session.engine().replicas.close();
        }
        if (session.tx() == null && pool != null) {
            try {
                pool.close();
            } catch (Exception e) {
                throw new BelayException("closing the pool failed: " + e.getMessage(), e);
            }
        }
    }

    // ---- row helpers -------------------------------------------------------------------------
    // One row by its primary key (single or composite), through statements built with the DSL once per table and
    // run by the one statement pipeline. Updating, deleting or refreshing a row that is gone throws
    // RowNotFoundException, never a silent 0. The UPDATE and DELETE are atomic like one() on a data-modifying
    // statement: they change exactly one row or nothing (a failure rolls the statement back, to a savepoint inside
    // a transaction, which then goes on). See RowOps and RowPlan.

    /**
     * The row with this primary key, or empty. Key values come in the key's declaration order, each of the key
     * column's exact Java type (an {@code Integer} is not taken for an {@code int8} key):
     *
     * <pre>{@code
     * Optional<User> u = db.get(USER, 7L);
     * // SELECT "users"."id", "users"."name", ... FROM "users" WHERE "users"."id" = ?
     * Optional<OrderLine> l = db.get(ORDER_LINE, 12L, 3);
     * // ... WHERE ("order_lines"."order_id" = ?) AND ("order_lines"."line_no" = ?)
     * }</pre>
     *
     * @throws IllegalArgumentException when the table has no primary key, or the key values do not match it in
     *                                  count or type (the message names the key columns and their Java types)
     */
    public <R> Optional<R> get(Table<R> table, @Nullable Object... key) {
        return RowOps.get(session, table, key);
    }

    /**
     * Writes every non-key, non-generated column of {@code row} to its row, found by the row's key; the table is
     * {@code Table.of(row.getClass())}. Use {@link #update(Table, Object)} for a hand-written descriptor.
     *
     * <pre>{@code
     * db.update(user);
     * // UPDATE "users" SET "name" = ?, "email" = ?, "age" = ? WHERE "users"."id" = ? RETURNING "users"."id"
     * }</pre>
     *
     * @throws RowNotFoundException when no row has that key any more; nothing was changed
     * @throws IllegalArgumentException when the table has no primary key or the row's key is null
     */
    public <R> void update(R row) {
        RowOps.update(session, RowOps.tableOf(row, "update(row)"), row, null, "update(row)");
    }

    /**
     * {@link #update(Object)} through a descriptor: {@code db.update(USER, user)}
     * runs {@code UPDATE "users" SET "name" = ?, ... WHERE "users"."id" = ? RETURNING "users"."id"}. It changes
     * exactly one row: a key the database does not enforce, matching more, is a {@link TooManyRowsException} after
     * the statement was rolled back; a failing statement (a constraint) is rolled back too, as by {@link #one}.
     *
     * @throws RowNotFoundException when no row has that key any more; nothing was changed
     */
    public <R> void update(Table<R> table, R row) {
        RowOps.update(session, table, row, null, "update(table, row)");
    }

    /**
     * Writes only the listed columns of {@code row}, which must be columns of {@code table} and not part of its key:
     *
     * <pre>{@code
     * db.update(USER, user, USER.EMAIL, USER.AGE);
     * // UPDATE "users" SET "email" = ?, "age" = ? WHERE "users"."id" = ? RETURNING "users"."id"
     * }</pre>
     *
     * @throws RowNotFoundException when no row has that key any more; nothing was changed
     * @throws IllegalArgumentException for no column, a key column, a column of another table or one listed twice
     */
    @SafeVarargs
    public final <R> void update(Table<R> table, R row, Column<R, ?>... columns) {
        List<Column<R, ?>> list = new ArrayList<>(columns.length);
        for (Column<R, ?> c : columns) { // copied element by element: the varargs array itself never escapes
            list.add(c);
        }
        RowOps.update(session, table, row, list, "update(table, row, columns)");
    }

    /**
     * Writes only the listed columns of {@code row}, through the descriptor they belong to:
     * {@code db.update(user, USER.EMAIL)} runs
     * {@code UPDATE "users" SET "email" = ? WHERE "users"."id" = ? RETURNING "users"."id"}.
     *
     * @throws RowNotFoundException when no row has that key any more; nothing was changed
     * @throws IllegalArgumentException for no column, columns of two tables, a key column or one listed twice
     */
    @SafeVarargs
    public final <R> void update(R row, Column<R, ?>... columns) {
        String call = "update(row, columns)";
        List<Column<R, ?>> list = new ArrayList<>(columns.length);
        for (Column<R, ?> c : columns) {
            list.add(c);
        }
        RowOps.update(session, RowOps.tableOf(list, call), row, list, call);
    }

    /**
     * Deletes the row with {@code row}'s key; the table is {@code Table.of(row.getClass())}:
     * {@code db.delete(user)} runs {@code DELETE FROM "users" WHERE "users"."id" = ? RETURNING "users"."id"}.
     *
     * @throws RowNotFoundException when no row has that key; nothing was deleted
     */
    public <R> void delete(R row) {
        RowOps.delete(session, RowOps.tableOf(row, "delete(row)"), row, "delete(row)");
    }

    /**
     * {@link #delete(Object)} through a descriptor: {@code db.delete(USER, user)} runs
     * {@code DELETE FROM "users" WHERE "users"."id" = ? RETURNING "users"."id"}; it deletes exactly one row.
     *
     * @throws RowNotFoundException when no row has that key; nothing was deleted
     */
    public <R> void delete(Table<R> table, R row) {
        RowOps.delete(session, table, row, "delete(table, row)");
    }

    /**
     * Deletes the row with this primary key, its values checked as in {@link #get}:
     *
     * <pre>{@code
     * db.delete(ORDER_LINE, 12L, 3);
     * // DELETE FROM "order_lines" WHERE ("order_lines"."order_id" = ?) AND ("order_lines"."line_no" = ?)
     * //   RETURNING "order_lines"."order_id"
     * }</pre>
     *
     * @throws RowNotFoundException when no row has that key; nothing was deleted
     */
    public <R> void delete(Table<R> table, @Nullable Object... key) {
        RowOps.delete(session, table, key);
    }

    /**
     * Reads {@code row} again by its key; the table is {@code Table.of(row.getClass())}. A record comes back as a
     * new instance; any other class is the same instance, every column property overwritten (through its setter
     * or field) and returned:
     *
     * <pre>{@code
     * user = db.refresh(user);
     * // SELECT "users"."id", "users"."name", ... FROM "users" WHERE "users"."id" = ?
     * }</pre>
     *
     * @throws RowNotFoundException when no row has that key any more; the row object is left as it was
     */
    public <R> R refresh(R row) {
        return RowOps.refresh(session, RowOps.tableOf(row, "refresh(row)"), row, "refresh(row)");
    }

    /**
     * {@link #refresh(Object)} through a descriptor: {@code user = db.refresh(USER, user)} runs
     * {@code SELECT "users"."id", ... FROM "users" WHERE "users"."id" = ?}.
     *
     * @throws RowNotFoundException when no row has that key any more; the row object is left as it was
     */
    public <R> R refresh(Table<R> table, R row) {
        return RowOps.refresh(session, table, row, "refresh(table, row)");
    }

    // ---- COPY --------------------------------------------------------------------------------

    /**
     * Bulk-loads rows with PostgreSQL's COPY, the fastest way in when no generated keys are needed back. It writes
     * every column of the descriptor that is not generated, in declaration order (generated columns get their
     * defaults), in COPY's text format:
     *
     * <pre>{@code
     * long n = db.copy(USER, users);   // COPY "users" ("name", "email", "age") FROM STDIN
     * }</pre>
     *
     * <p>All or nothing: outside a transaction the rows commit together or not at all; inside one the COPY runs in
     * a savepoint, so its failure leaves the transaction's earlier work intact. Each value is refused as a bound
     * parameter would be (NUL or an unpaired surrogate in text, dates and numerics out of PostgreSQL's range,
     * durations below the microsecond), and so is a row holding a value for a generated column: COPY cannot
     * give some rows defaults and others values, so use {@code insertInto(table).values(rows)} for those. Such a
     * refusal cancels the COPY and throws {@link BindException}; a row the server rejects (NOT NULL, CHECK, unique,
     * foreign key, a value too long, an unknown enum label) throws the typed exception. Either names the 0-based
     * input row ({@code e.context().row()}) and the column; a foreign-key violation, which PostgreSQL checks after
     * the last row, names its row only for this Collection form. Values stay out of the message unless
     * {@link DBConfig.Builder#logParameters(boolean)} is on. The timeout of {@link #withTimeout} does not apply.
     *
     * @return the number of rows stored, as the COPY reports it; 0, without a round trip, for no rows
     * @throws IllegalArgumentException naming the index of a null row
     */
    public <R> long copy(Table<R> table, Collection<? extends R> rows) {
        Objects.requireNonNull(rows, "rows");
        return Copy.copy(session, table, rows.iterator(), rows);
    }

    /**
     * {@link #copy(Table, Collection)} from a stream, read lazily as the COPY goes, so memory stays constant
     * however many rows it yields: {@code db.copy(USER, lines.map(User::parse))}. The stream is not closed here:
     * close it yourself (try-with-resources) when it holds resources.
     */
    public <R> long copy(Table<R> table, Stream<? extends R> rows) {
        Objects.requireNonNull(rows, "rows");
        return Copy.copy(session, table, rows.iterator(), null);
    }

    /** {@link #copy(Table, Collection)} from an iterator, read lazily as the COPY goes: constant memory. */
    public <R> long copy(Table<R> table, Iterator<? extends R> rows) {
        return Copy.copy(session, table, rows, null);
    }
}
