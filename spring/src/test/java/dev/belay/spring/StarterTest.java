package dev.belay.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belay.executor.Converter;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.QueryTimeoutException;
import dev.belay.executor.UniqueViolationException;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The auto-configuration: {@code belay.*} properties bind into the DBConfig, the application's Converter beans and
 * Jackson reach the type registry, a @Repository's failures arrive as DataAccessExceptions, and each call is one
 * Micrometer observation.
 */
@SpringBootTest(classes = {TestApplication.class, StarterTest.Types.class}, properties = {
        "belay.fetch-size=7",
        "belay.slow-query-threshold=250ms",
        "belay.log-parameters=true",
        "belay.statement-timeout=1s",
        "belay.lock-timeout=1500ms",
        "belay.schema-mapping.archive=public"})
final class StarterTest {
    @Autowired
    DBConnection db;
    @Autowired
    DBConfig config;
    @Autowired
    TestApplication.Items items;
    @Autowired
    TestObservationRegistry observations;

    record Email(String address) {}

    record Contact(Long id, Email email) {}

    record Point(int x, int y) {}

    record Shape(Long id, Point at) {}

    @Configuration(proxyBeanMethods = false)
    static class Types {
        @Bean
        Converter<String, Email> emails() {
            return Converter.of(String.class, Email.class, Email::new, Email::address);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SpringTestDatabase.register(registry);
    }

    @BeforeEach
    void empty() {
        SpringTestDatabase.get().execute("TRUNCATE items");
        observations.clear();
    }

    @AfterEach
    void noConnectionLeftLentOut() {
        assertThat(db.poolStats().active()).as("Hikari's active connections after the test").isZero();
    }

    @Test
    void propertiesBindIntoTheConfig() {
        assertThat(config.fetchSize()).isEqualTo(7);
        assertThat(config.slowQueryThreshold()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.logParameters()).isTrue();
        assertThat(config.schemaMapping()).isEqualTo(Map.of("archive", "public"));
        assertThat(config.statementListener()).as("the observation listener").isNotNull();
    }

    @Test
    void theStatementTimeoutCancelsALongStatement() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> db.sql("select pg_sleep(5)::text").fetch(String.class))
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void theLockTimeoutIsSetOnThePoolsConnections() {
        assertThat(db.sql("show lock_timeout").one(String.class)).isEqualTo("1500ms");
    }

    @Test
    void aConverterBeanReachesTheTypeRegistry() {
        Contact c = db.sql("select 1::int8 as id, 'ann@example.org' as email").one(Contact.class);
        assertThat(c).isEqualTo(new Contact(1L, new Email("ann@example.org")));
    }

    @Test
    void jacksonReadsJsonbIntoApplicationTypes() {
        Shape s = db.sql("select 1::int8 as id, '{\"x\": 1, \"y\": 2}'::jsonb as at").one(Shape.class);
        assertThat(s).isEqualTo(new Shape(1L, new Point(1, 2)));
    }

    @Test
    void aDuplicateKeyThroughARepositoryIsADuplicateKeyException() {
        items.add("once");
        assertThatThrownBy(() -> items.add("once"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasCauseInstanceOf(UniqueViolationException.class);
    }

    @Test
    void aStreamIsOneObservationUntilItIsClosed() {
        items.add("s1");
        items.add("s2");
        observations.clear();
        try (Stream<String> names = db.sql("select name from items order by name").stream(String.class)) {
            assertThat(names).containsExactly("s1", "s2");
        }
        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo("belay.statement", 1)
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("belay.statement.kind", "SELECT")
                        .hasHighCardinalityKeyValue("belay.rows", "2"));
    }

    @Test
    void eachCallIsOneObservation() {
        items.add("seen");
        assertThat(items.names()).containsExactly("seen");
        assertThatThrownBy(() -> items.add("seen")).isInstanceOf(DuplicateKeyException.class);
        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo("belay.statement", 3)
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("belay.statement.kind", "INSERT")
                        .hasLowCardinalityKeyValue("belay.outcome", "SUCCESS")
                        .hasHighCardinalityKeyValue("belay.rows", "1")
                        .hasHighCardinalityKeyValue("db.statement", "insert into items (name) values (?)"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("belay.statement.kind", "SELECT")
                        .hasHighCardinalityKeyValue("belay.rows", "1"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("belay.outcome", "23")
                        .assertThatError().isInstanceOf(UniqueViolationException.class));
    }
}
