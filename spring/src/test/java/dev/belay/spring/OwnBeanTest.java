package dev.belay.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An application's own DBConnection bean replaces the starter's, and joins Spring transactions through the SPI. */
@SpringBootTest(classes = {TestApplication.class, OwnBeanTest.OwnBelay.class})
final class OwnBeanTest {
    static final DBConfig OWN = DBConfig.settings().fetchSize(100).build();

    @Configuration(proxyBeanMethods = false)
    static class OwnBelay {
        // tag::spring-own-bean[]
        @Bean
        DBConnection db(DataSource dataSource) {
            return DBConnection.of(dataSource, OWN, new SpringTransactions());
        }
        // end::spring-own-bean[]
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    TestApplication.Shop shop;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SpringTestDatabase.register(registry);
    }

    @Test
    void theApplicationsBeanIsTheOneAndJoinsTransactions() {
        assertThat(context.getBeansOfType(DBConnection.class)).containsOnlyKeys("db");
        SpringTestDatabase.get().execute("TRUNCATE items");
        assertThatThrownBy(() -> shop.addThenFail("own ghost")).isInstanceOf(IllegalStateException.class);
        assertThat(SpringTestDatabase.get().count("SELECT count(*) FROM items")).isZero();
        assertThat(context.getBean(DBConnection.class).poolStats().active()).isZero();
    }
}
