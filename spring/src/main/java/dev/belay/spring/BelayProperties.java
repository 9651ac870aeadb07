package dev.belay.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code belay.*} settings of the auto-configured {@code DBConnection}, in {@code application.properties}:
 *
 * <pre>{@code
 * belay.fetch-size=500
 * belay.statement-timeout=5s
 * belay.lock-timeout=2s
 * belay.slow-query-threshold=200ms
 * belay.log-parameters=false
 * belay.schema-mapping.public=tenant_a
 * }</pre>
 *
 * Pool settings (size, and server settings other than {@code lock_timeout}) belong to the DataSource:
 * {@code spring.datasource.hikari.*}.
 */
@ConfigurationProperties("belay")
public final class BelayProperties {
    /** Rows fetched per round trip by a stream. */
    private int fetchSize = 1000;

    /**
     * How long one Belay statement may run before it is cancelled with QueryTimeoutException: a JDBC query timeout,
     * in whole seconds (rounded up), for Belay's statements only. None by default.
     */
    private @Nullable Duration statementTimeout;

    /**
     * PostgreSQL's lock_timeout on every connection of the (HikariCP) DataSource, set as a pgjdbc startup option
     * before the pool starts: a server session setting, so it applies to all work on the pool, not only Belay's. A
     * statement that waits longer for a lock fails with LockNotAvailableException. None by default.
     */
    private @Nullable Duration lockTimeout;

    /** Statements slower than this are logged at WARNING (logger dev.belay.sql). */
    private Duration slowQueryThreshold = Duration.ofSeconds(1);

    /** Whether parameter values may appear in logs and error messages (they may be secrets). */
    private boolean logParameters;

    /** Schemas to render in another schema, e.g. belay.schema-mapping.public=tenant_a. */
    private Map<String, String> schemaMapping = new LinkedHashMap<>();

    /**
     * Whether Belay's calls join the Spring transaction active on the thread (its connection; savepoints for
     * db.transaction). Off, every call borrows and commits on its own, as without Spring.
     */
    private boolean joinSpringTransactions = true;

    public int getFetchSize() {
        return fetchSize;
    }

    public void setFetchSize(int fetchSize) {
        this.fetchSize = fetchSize;
    }

    public @Nullable Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(@Nullable Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public @Nullable Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(@Nullable Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Duration getSlowQueryThreshold() {
        return slowQueryThreshold;
    }

    public void setSlowQueryThreshold(Duration slowQueryThreshold) {
        this.slowQueryThreshold = slowQueryThreshold;
    }

    public boolean isLogParameters() {
        return logParameters;
    }

    public void setLogParameters(boolean logParameters) {
        this.logParameters = logParameters;
    }

    public Map<String, String> getSchemaMapping() {
        return schemaMapping;
    }

    public void setSchemaMapping(Map<String, String> schemaMapping) {
        this.schemaMapping = schemaMapping;
    }

    public boolean isJoinSpringTransactions() {
        return joinSpringTransactions;
    }

    public void setJoinSpringTransactions(boolean joinSpringTransactions) {
        this.joinSpringTransactions = joinSpringTransactions;
    }
}
