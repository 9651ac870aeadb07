package dev.belay.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

/** A @Transactional test method: Spring's test support rolls its transaction back, Belay's writes with it. */
@SpringBootTest(classes = TestApplication.class)
@Transactional
final class TestManagedTransactionTest {
    @Autowired
    TestApplication.Items items;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SpringTestDatabase.register(registry);
    }

    @Test
    void writesThroughBelaySeeThemselvesInTheTestsTransaction() {
        items.add("test-managed");
        assertThat(items.names()).contains("test-managed");
    }

    @AfterAll
    static void nothingWasCommitted() {
        assertThat(SpringTestDatabase.get().count("SELECT count(*) FROM items WHERE name = 'test-managed'")).isZero();
    }
}
