package dev.belay.spring;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * {@code belay.lock-timeout}: PostgreSQL's {@code lock_timeout} on every connection of the application's HikariCP
 * DataSource, as a pgjdbc startup option ({@code options=-c lock_timeout=5000}) added before the pool starts.
 *
 * <p>{@code lock_timeout} is a setting of the server session, and a Spring transaction's connection runs Belay's
 * statements next to {@code JdbcTemplate}'s and JPA's, so it cannot be Belay's alone without a round trip per
 * statement: it applies to all work on the pool. A statement that waits longer than that for a lock fails with
 * {@code LockNotAvailableException} (SQLSTATE 55P03). A DataSource that is not a HikariDataSource, an {@code options}
 * in the JDBC URL (which pgjdbc would let win), or a pool that already started fail the start, naming the property,
 * since the setting would otherwise be silently lost.
 */
final class LockTimeout implements BeanPostProcessor {
    private final Duration timeout;

    LockTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("belay.lock-timeout must be positive, got " + timeout
                    + " (PostgreSQL reads 0 as no timeout: leave the property out for that)");
        }
        this.timeout = timeout;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource)) {
            return bean;
        }
        if (!(bean instanceof HikariDataSource hikari)) {
            throw new IllegalStateException("belay.lock-timeout is set, but the DataSource bean '" + name + "' is a "
                    + bean.getClass().getName() + ", not a HikariDataSource: set lock_timeout on that pool instead "
                    + "(pgjdbc: options=-c lock_timeout=" + millis() + "), or on the role (ALTER ROLE ... SET "
                    + "lock_timeout)");
        }
        if (hikari.isRunning()) {
            throw new IllegalStateException("belay.lock-timeout is set, but the pool of DataSource bean '" + name
                    + "' already started, so its connections would not get it");
        }
        String url = hikari.getJdbcUrl();
        if (url != null && url.contains("options=")) {
            throw new IllegalStateException("belay.lock-timeout is set, but the JDBC URL of DataSource bean '" + name
                    + "' has options=..., which pgjdbc lets win over the pool's; add -c lock_timeout=" + millis()
                    + " to the URL's options instead");
        }
        Properties properties = hikari.getDataSourceProperties();
        Object given = properties.get("options");
        String option = "-c lock_timeout=" + millis();
        hikari.addDataSourceProperty("options", given == null ? option : given + " " + option);
        return hikari;
    }

    /** Whole milliseconds, rounded up, so that 0.5 ms does not become 0 (no timeout). */
    private long millis() {
        long millis = timeout.toMillis();
        return timeout.minusMillis(millis).isZero() ? millis : millis + 1;
    }
}
