package dev.belay.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.JsonCodec;
import dev.belay.executor.StatementListener;
import dev.belay.executor.TypeRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.AbstractDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which beans the auto-configuration adds and when it steps aside, without a database: DBConnection.of(..) does not
 * connect, so a DataSource that cannot give a connection is enough.
 */
final class BelayAutoConfigurationTest {
    private static final DataSource NO_DATABASE = new AbstractDataSource() {
        @Override
        public Connection getConnection() {
            throw new UnsupportedOperationException("these tests never connect");
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BelayAutoConfiguration.class));

    @Test
    void nothingWithoutADataSource() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DBConnection.class));
    }

    @Test
    void aDataSourceGetsBelayWithJacksonAndNoListener() {
        runner.withBean(DataSource.class, () -> NO_DATABASE).run(context -> {
            assertThat(context).hasSingleBean(DBConnection.class).hasSingleBean(BelayExceptionTranslator.class)
                    .hasSingleBean(JsonCodec.class).doesNotHaveBean(StatementListener.class);
            assertThat(context.getBean(DBConfig.class).statementListener()).isNull();
        });
    }

    @Test
    void theApplicationsTypeRegistryAndJsonCodecAreUsed() {
        TypeRegistry own = TypeRegistry.defaults();
        JsonCodec codec = new JsonCodec() {
            @Override
            public String toJson(Object value) {
                return "{}";
            }

            @Override
            public <T> T fromJson(String json, Class<T> type) {
                throw new UnsupportedOperationException();
            }
        };
        runner.withBean(DataSource.class, () -> NO_DATABASE)
                .withBean(TypeRegistry.class, () -> own)
                .run(context -> assertThat(context.getBean(DBConfig.class).types())
                        .as("the registry, with the Jackson codec added").isNotSameAs(own));
        runner.withBean(DataSource.class, () -> NO_DATABASE)
                .withBean(JsonCodec.class, () -> codec)
                .run(context -> assertThat(context.getBean(JsonCodec.class)).isSameAs(codec));
        runner.withBean(DataSource.class, () -> NO_DATABASE)
                .withBean(TypeRegistry.class, () -> own)
                .withClassLoader(new FilteredClassLoader(JsonMapper.class))
                .run(context -> assertThat(context.getBean(DBConfig.class).types()).isSameAs(own));
    }

    @Test
    void anObservationRegistryGetsAnObservingListener() {
        runner.withBean(DataSource.class, () -> NO_DATABASE)
                .withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .run(context -> {
                    assertThat(context).hasSingleBean(StatementListener.class);
                    assertThat(context.getBean(DBConfig.class).statementListener())
                            .isInstanceOf(ObservingStatementListener.class);
                });
    }

    @Test
    void jacksonAndMicrometerAreOptional() {
        runner.withBean(DataSource.class, () -> NO_DATABASE)
                .withClassLoader(new FilteredClassLoader(JsonMapper.class, ObservationRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(DBConnection.class)
                        .doesNotHaveBean(JsonCodec.class).doesNotHaveBean(StatementListener.class));
    }

    @Test
    void theApplicationsOwnBeansWin() {
        DBConfig own = DBConfig.settings().fetchSize(3).build();
        runner.withBean(DataSource.class, () -> NO_DATABASE)
                .withBean(DBConfig.class, () -> own)
                .run(context -> assertThat(context.getBean(DBConfig.class)).isSameAs(own));
    }

    @Test
    void aPropertyOutOfRangeFailsTheStartNamingIt() {
        runner.withBean(DataSource.class, () -> NO_DATABASE).withPropertyValues("belay.fetch-size=0")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("fetchSize must be at least 1"));
        runner.withBean(DataSource.class, () -> NO_DATABASE).withPropertyValues("belay.fetch-size=0")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
                        "a belay.* property is out of range"));
        runner.withBean(DataSource.class, () -> NO_DATABASE).withPropertyValues("belay.statement-timeout=0s")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
                        "belay.statement-timeout: timeout must be positive"));
    }

    @Test
    void aLockTimeoutNeedsAHikariPoolAndAPositiveDuration() {
        runner.withBean(DataSource.class, () -> NO_DATABASE).withPropertyValues("belay.lock-timeout=2s")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
                        "belay.lock-timeout is set, but the DataSource bean").hasStackTraceContaining(
                        "not a HikariDataSource"));
        runner.withBean(DataSource.class, () -> NO_DATABASE).withPropertyValues("belay.lock-timeout=0s")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining(
                        "belay.lock-timeout must be positive"));
        runner.withBean(DataSource.class, BelayAutoConfigurationTest::hikari)
                .withPropertyValues("belay.lock-timeout=250ms")
                .run(context -> assertThat(context.getBean(HikariDataSource.class)
                        .getDataSourceProperties().getProperty("options"))
                        .isEqualTo("-c statement_timeout=9000 -c lock_timeout=250"));
        runner.withBean(DataSource.class, () -> {
            HikariDataSource pool = hikari();
            pool.setJdbcUrl("jdbc:postgresql://localhost/app?options=-c%20search_path%3Dx");
            return pool;
        }).withPropertyValues("belay.lock-timeout=250ms").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("has options=..., which pgjdbc lets win"));
    }

    /** A pool that never started, with an option of its own that the lock timeout must keep. */
    private static HikariDataSource hikari() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://localhost/app");
        pool.addDataSourceProperty("options", "-c statement_timeout=9000");
        return pool;
    }

    @Test
    void twoDataSourcesWithoutAPrimaryGetNoBelay() {
        runner.withBean("one", DataSource.class, () -> NO_DATABASE)
                .withBean("two", DataSource.class, () -> NO_DATABASE)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DBConnection.class));
    }
}
