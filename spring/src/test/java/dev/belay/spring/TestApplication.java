package dev.belay.spring;

import dev.belay.executor.DBConnection;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The application the @SpringBootTests run: Spring Boot's auto-configuration, a repository and a service. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({TestApplication.Items.class, TestApplication.Shop.class})
class TestApplication {

    @Bean
    TestObservationRegistry observationRegistry() {
        return TestObservationRegistry.create();
    }

    /** A repository writing through Belay; Spring translates what it throws. */
    // tag::spring-repository[]
    @Repository
    static class Items {
        private final DBConnection db;

        Items(DBConnection db) {
            this.db = db;
        }

        public void add(String name) {   // a second "add" of one name: DuplicateKeyException
            db.sql("insert into items (name) values (:name)").bind("name", name).execute();
        }
        // end::spring-repository[]

        public List<String> names() {
            return db.sql("select name from items order by name").fetch(String.class);
        }
    }

    /** A service whose methods run in Spring transactions. */
    static class Shop {
        private final Items items;

        Shop(Items items) {
            this.items = items;
        }

        @Transactional
        public void addThenFail(String name) {
            items.add(name);
            throw new IllegalStateException("after writing " + name);
        }

        @Transactional
        public void addAll(List<String> names) {
            names.forEach(items::add);
        }
    }
}
