package dev.belay.spring;

import dev.belay.executor.ExternalTransactions;
import java.sql.Connection;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring-managed transactions for Belay: when a Spring transaction ({@code @Transactional},
 * {@code TransactionTemplate}) is active on the thread and holds a connection of the DataSource, Belay's calls run on
 * that connection, as {@code JdbcTemplate}'s do. The auto-configuration uses it; a {@code DBConnection} bean of your
 * own joins Spring transactions the same way with
 *
 * <pre>{@code
 * @Bean DBConnection db(DataSource dataSource) {
 *     return DBConnection.of(dataSource, DBConfig.settings().build(), new SpringTransactions());
 * }
 * }</pre>
 *
 * <p>Only an actual transaction counts ({@code TransactionSynchronizationManager.isActualTransactionActive()}): in
 * {@code PROPAGATION_SUPPORTS} or {@code NOT_SUPPORTED} scopes, and for a transaction manager of another DataSource,
 * Belay borrows and commits on its own. A failed statement marks the connection holder rollback-only, so that a
 * failure the method caught still ends the transaction in a rollback: {@code DataSourceTransactionManager} then
 * throws {@code UnexpectedRollbackException} from the commit.
 */
public final class SpringTransactions implements ExternalTransactions {

    @Override
    public @Nullable Lease join(DataSource dataSource) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)) {
            return null;
        }
        // counted as requested on the holder, as JdbcTemplate's use is; released in Lease.release
        Connection connection = DataSourceUtils.getConnection(dataSource);
        return new Lease() {
            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public void setRollbackOnly() {
                holder.setRollbackOnly();
            }

            @Override
            public void release() {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }

            /** As DataSourceUtils.applyTimeout gives JdbcTemplate's statements; throws once the deadline has passed. */
            @Override
            public int timeoutSeconds() {
                return holder.hasTimeout() ? holder.getTimeToLiveInSeconds() : 0;
            }
        };
    }
}
