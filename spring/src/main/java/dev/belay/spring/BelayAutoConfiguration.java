package dev.belay.spring;

import dev.belay.executor.Converter;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.JsonCodec;
import dev.belay.executor.StatementListener;
import dev.belay.executor.TypeRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Belay on Spring Boot: with one {@code DataSource}, a {@link DBConnection} bean over it that joins Spring-managed
 * transactions ({@link SpringTransactions}), configured by {@link BelayProperties} ({@code belay.*}); the
 * application's {@link TypeRegistry}, {@link Converter} and {@link JsonCodec} beans (or a Jackson 3 codec when
 * Jackson is on the class path); a {@link BelayExceptionTranslator} for {@code @Repository} beans; and, with an
 * {@code ObservationRegistry} bean, a Micrometer observation per call. Each bean steps aside for one of the
 * application's own of the same type.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({DBConnection.class, DataSource.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(BelayProperties.class)
public final class BelayAutoConfiguration {

    /**
     * The settings: {@code belay.*}, the type registry (a {@link TypeRegistry} bean, else the defaults) with every
     * {@link Converter} bean and the {@link JsonCodec} bean, and every {@link StatementListener} bean.
     */
    @Bean
    @ConditionalOnMissingBean
    DBConfig belayConfig(BelayProperties properties, ObjectProvider<TypeRegistry> registry,
                         ObjectProvider<Converter<?, ?>> converters, ObjectProvider<JsonCodec> json,
                         ObjectProvider<StatementListener> listeners) {
        TypeRegistry types = registry.getIfAvailable(TypeRegistry::defaults);
        for (Converter<?, ?> converter : converters.orderedStream().toList()) {
            types = types.with(converter);
        }
        JsonCodec codec = json.getIfAvailable();
        if (codec != null) {
            types = types.withJson(codec);
        }
        DBConfig.Builder config = DBConfig.settings().types(types);
        List<StatementListener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            config.statementListener(all.size() == 1 ? all.get(0) : new StatementListeners(all));
        }
        try {
            config.fetchSize(properties.getFetchSize())
                    .slowQueryThreshold(properties.getSlowQueryThreshold())
                    .logParameters(properties.isLogParameters());
            properties.getSchemaMapping().forEach(config::mapSchema);
            return config.build();
        } catch (IllegalArgumentException e) {
            // DBConfig names its own setting (fetchSize); the application knows it as a belay.* property
            throw new IllegalArgumentException("a belay.* property is out of range: " + e.getMessage(), e);
        }
    }

    /**
     * Belay over the DataSource, joining Spring transactions unless {@code belay.join-spring-transactions=false};
     * with {@code belay.statement-timeout}, every statement has that JDBC query timeout.
     */
    @Bean
    @ConditionalOnMissingBean
    DBConnection belay(DataSource dataSource, DBConfig config, BelayProperties properties) {
        DBConnection db = properties.isJoinSpringTransactions()
                ? DBConnection.of(dataSource, config, new SpringTransactions())
                : DBConnection.of(dataSource, config);
        if (properties.getStatementTimeout() == null) {
            return db;
        }
        try {
            return db.withTimeout(properties.getStatementTimeout());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("belay.statement-timeout: " + e.getMessage(), e);
        }
    }

    /**
     * {@code belay.lock-timeout}, when set: PostgreSQL's {@code lock_timeout} on the DataSource's connections (see
     * {@link LockTimeout}). Static and read from the environment, as a post-processor is made before other beans.
     */
    @Bean
    static BeanPostProcessor belayLockTimeout(Environment environment) {
        Duration timeout = Binder.get(environment).bind("belay.lock-timeout", Duration.class).orElse(null);
        return timeout == null ? new BeanPostProcessor() {} : new LockTimeout(timeout);
    }

    /** Belay's exceptions as Spring's DataAccessExceptions, for {@code @Repository} beans. */
    @Bean
    @ConditionalOnMissingBean
    static BelayExceptionTranslator belayExceptionTranslator() {
        return new BelayExceptionTranslator();
    }

    /** Jackson 3 for json/jsonb values of application types, through Spring Boot's {@code JsonMapper} if any. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JsonMapper.class)
    static final class JacksonCodec {
        @Bean
        @ConditionalOnMissingBean
        JsonCodec belayJsonCodec(ObjectProvider<JsonMapper> mapper) {
            return new JacksonJsonCodec(mapper.getIfAvailable(() -> JsonMapper.builder().build()));
        }
    }

    /** A Micrometer observation per call when the application has an {@code ObservationRegistry}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    static final class Observations {
        @Bean
        @ConditionalOnBean(ObservationRegistry.class)
        StatementListener belayObservations(ObservationRegistry registry) {
            return new ObservingStatementListener(registry);
        }
    }
}
