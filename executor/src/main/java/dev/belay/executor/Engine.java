package dev.belay.executor;

import dev.belay.dsl.PgType;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.ResultQuery;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What every handle of one {@link DBConnection} shares: the pool, the immutable config, the mapping plans
 * and the logger. Thread-safe; plans are built once per {@link PlanKey} (SQL text, result type, column types)
 * and reused.
 */
final class Engine {
    private static final System.Logger LOG = System.getLogger("dev.belay.sql");
    /** Plans beyond this many distinct shapes are dropped and rebuilt: a guard against unbounded dynamic SQL. */
    private static final int MAX_PLANS = 10_000;

    final DataSource dataSource;
    final DBConfig config;
    final @Nullable AutoCloseable ownedPool;
    private final Map<PlanKey, RowMapper<?>> plans = new ConcurrentHashMap<>();

    Engine(DataSource dataSource, DBConfig config, @Nullable AutoCloseable ownedPool) {
        this.dataSource = dataSource;
        this.config = config;
        this.ownedPool = ownedPool;
    }

    Connection borrow() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw Errors.translate(e, null, null, false);
        }
    }

    /**
     * Puts a connection back as the pool lent it (autocommit on, read-write): HikariCP resets these itself,
     * other pools may not.
     */
    static void giveBack(Connection c) {
        try {
            try {
                c.setReadOnly(false);
                c.setAutoCommit(true);
            } finally {
                c.close();
            }
        } catch (SQLException e) {
            // a broken connection: closing hands it back to the pool, which discards it
        }
    }

    PreparedStatement prepare(Connection c, String sql, List<@Nullable Object> params, List<PgType<?>> types,
                              int timeoutSeconds) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            if (timeoutSeconds > 0) {
                ps.setQueryTimeout(timeoutSeconds);
            }
            for (int i = 0; i < params.size(); i++) {
                Binders.bind(c, ps, i + 1, types.get(i), params.get(i), config.types());
            }
            return ps;
        } catch (BindException e) {
            ps.close();
            throw e.sql() != null ? e : new BindException(e.getMessage(), e.getCause(), null, sql, null, null, null);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    PreparedStatement prepare(Connection c, RenderedSql r, int timeoutSeconds) throws SQLException {
        return prepare(c, r.sql(), r.params(), r.paramTypes(), timeoutSeconds);
    }

    /** The plan mapping a DSL query's rows into its result type, by position. */
    <T> RowMapper<T> plan(RenderedSql r, ResultQuery<T> query, ResultSet rs) throws SQLException {
        return plan(PlanKey.ofFields(r.sql(), query.resultType(), query.fields()), rs,
                set -> RowMappers.forQuery(query.resultType(), query.fields(), set.getMetaData(), config.types()));
    }

    @SuppressWarnings("unchecked")
    <T> RowMapper<T> plan(PlanKey key, ResultSet rs, PlanFactory factory) throws SQLException {
        RowMapper<?> plan = plans.get(key);
        if (plan == null) {
            plan = factory.build(rs);
            if (plans.size() >= MAX_PLANS) {
                plans.clear();
            }
            plans.put(key, plan);
        }
        return (RowMapper<T>) plan;
    }

    /** Builds a plan from the first result's metadata. */
    @FunctionalInterface
    interface PlanFactory {
        RowMapper<?> build(ResultSet rs) throws SQLException;
    }

    /** The typed exception for a failed statement; the failure is logged at DEBUG like a finished statement. */
    BelayException translate(SQLException e, String sql, List<?> params) {
        BelayException translated = Errors.translate(e, sql, params, config.logParameters());
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "failed [" + e.getSQLState() + "] " + translated.getClass().getSimpleName() + ": "
                    + sql + shown(params));
        }
        return translated;
    }

    /** The parameters as the config allows them in logs: their values, or only how many there are. */
    private String shown(List<?> params) {
        if (params.isEmpty()) {
            return "";
        }
        return config.logParameters() ? " " + params : " (" + params.size() + " parameters)";
    }

    /** Logs a finished statement: DEBUG always, WARNING when slower than the configured threshold. */
    void log(String sql, List<?> params, long startNanos, int rows) {
        long nanos = System.nanoTime() - startNanos;
        boolean slow = nanos >= config.slowQueryThreshold().toNanos();
        Level level = slow ? Level.WARNING : Level.DEBUG;
        if (LOG.isLoggable(level)) {
            LOG.log(level, (slow ? "slow statement, " : "") + String.format("%.3f ms, %d rows: ", nanos / 1e6, rows)
                    + sql + shown(params));
        }
    }
}
