package dev.belay.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import dev.belay.dsl.annotations.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.TransactionRolledBackException;
import dev.belay.executor.UniqueViolationException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/** Belay inside Spring-managed transactions, on PostgreSQL: what commits, what rolls back, and nothing leaks. */
@SpringBootTest(classes = TestApplication.class)
final class SpringTransactionsTest {
    @Autowired
    DBConnection db;
    @Autowired
    TestApplication.Items items;
    @Autowired
    TestApplication.Shop shop;
    @Autowired
    PlatformTransactionManager transactions;

    @Table("items")
    record Item(@Id @Generated Long id, String name) {}

    private static final dev.belay.dsl.Table<Item> ITEMS = dev.belay.dsl.Table.of(Item.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SpringTestDatabase.register(registry);
    }

    private static long committed(String name) {
        return SpringTestDatabase.get().count("SELECT count(*) FROM items WHERE name = '" + name + "'");
    }

    private TransactionTemplate template(int propagation) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(propagation);
        return template;
    }

    @BeforeEach
    void empty() {
        SpringTestDatabase.get().execute("TRUNCATE items");
    }

    @AfterEach
    void noConnectionLeftLentOut() {
        assertThat(db.poolStats().active()).as("Hikari's active connections after the test").isZero();
    }

    @Test
    void aTransactionalMethodThatThrowsLeavesNothing() {
        assertThatThrownBy(() -> shop.addThenFail("ghost")).isInstanceOf(IllegalStateException.class);
        assertThat(committed("ghost")).isZero();
    }

    @Test
    void aTransactionalMethodCommitsEverythingTogether() {
        shop.addAll(List.of("a", "b"));
        assertThat(items.names()).containsExactly("a", "b");
    }

    @Test
    void requiresNewCommitsIndependently() {
        assertThatThrownBy(() -> template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
            items.add("outer");
            template(TransactionDefinition.PROPAGATION_REQUIRES_NEW).executeWithoutResult(inner -> items.add("inner"));
            assertThat(committed("inner")).isEqualTo(1);
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");
        assertThat(committed("inner")).isEqualTo(1);
        assertThat(committed("outer")).isZero();
    }

    @Test
    void dbTransactionInsideTransactionalRollsBackOnlyItsSavepoint() {
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
            items.add("before");
            assertThatThrownBy(() -> db.useTransaction(tx -> {
                tx.sql("insert into items (name) values ('in savepoint')").execute();
                throw new IllegalStateException("savepoint body fails");
            })).hasMessage("savepoint body fails");
            db.useTransaction(tx -> tx.sql("insert into items (name) values ('released')").execute());
            items.add("after");
            assertThat(committed("before")).as("nothing commits before the Spring transaction").isZero();
        });
        assertThat(items.names()).containsExactly("after", "before", "released");
    }

    @Test
    void aCaughtFailureInsideDbTransactionRollsBackItsSavepointAndTheTransactionCommits() {
        items.add("taken");
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
            assertThatThrownBy(() -> db.useTransaction(tx -> {
                tx.sql("insert into items (name) values ('lost')").execute();
                assertThatThrownBy(() -> tx.sql("insert into items (name) values ('taken')").execute())
                        .isInstanceOf(UniqueViolationException.class);
            })).isInstanceOf(TransactionRolledBackException.class);
            items.add("kept");
        });
        assertThat(items.names()).containsExactly("kept", "taken");
    }

    @Test
    void aCaughtBelayFailureStillEndsTheTransactionInARollback() {
        items.add("taken");
        TransactionTemplate inTransaction = template(TransactionDefinition.PROPAGATION_REQUIRED);
        // tag::spring-caught-failure[]
        assertThrows(UnexpectedRollbackException.class, () -> inTransaction.executeWithoutResult(status -> {
            items.add("written first");
            try {
                db.sql("insert into items (name) values ('taken')").execute();
            } catch (UniqueViolationException caught) {
                // caught, but PostgreSQL has aborted the transaction: Belay marked it rollback-only
            }
        }));
        // end::spring-caught-failure[]
        assertThat(committed("written first")).isZero();
    }

    @Test
    void aFailedBulkInsertRollsBackToItsSavepointAndTheTransactionCommits() {
        items.add("taken");
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
            items.add("before");
            assertThatThrownBy(() -> db.insert(ITEMS, List.of(new Item(null, "bulk"), new Item(null, "taken"))))
                    .isInstanceOf(UniqueViolationException.class);
            items.add("after");
        });
        assertThat(items.names()).containsExactly("after", "before", "taken");
    }

    @Test
    void outsideASpringTransactionEachCallCommitsOnItsOwn() {
        items.add("alone");
        assertThat(committed("alone")).isEqualTo(1);
        assertThatThrownBy(() -> items.add("alone")).isInstanceOf(
                org.springframework.dao.DuplicateKeyException.class);
        items.add("next");
        assertThat(committed("next")).isEqualTo(1);
    }

    @Test
    void aStreamRunsInsideTheTransaction() {
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status -> {
            items.add("s1");
            items.add("s2");
            try (Stream<String> names = db.sql("select name from items order by name").stream(String.class)) {
                assertThat(names).containsExactly("s1", "s2"); // uncommitted: only this transaction sees them
            }
            status.setRollbackOnly();
        });
        assertThat(committed("s1")).isZero();
    }

    @Test
    void theOuterHandleIsRefusedInsideDbTransactionAsWithoutSpring() {
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status ->
                assertThatThrownBy(() -> db.useTransaction(tx -> items.add("through the outer handle")))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("Use the handle the transaction body receives"));
    }

    /** A transaction's timeout bounds Belay's statements in it as it bounds JdbcTemplate's, streams included. */
    @Test
    void aTransactionTimeoutCancelsBelayStatementsInIt() {
        TransactionTemplate oneSecond = new TransactionTemplate(transactions);
        oneSecond.setTimeout(1);
        assertThatThrownBy(() -> oneSecond.executeWithoutResult(status -> db.sql("select pg_sleep(5)").execute()))
                .isInstanceOf(dev.belay.executor.QueryTimeoutException.class);
        assertThatThrownBy(() -> oneSecond.executeWithoutResult(status -> {
            try (Stream<Integer> slow = db.sql("select 1 from pg_sleep(5)").stream(Integer.class)) {
                slow.count();
            }
        })).isInstanceOf(dev.belay.executor.QueryTimeoutException.class);
        assertThatThrownBy(() -> oneSecond.executeWithoutResult(status -> db.useTransaction(tx ->
                tx.sql("select pg_sleep(5)").execute()))).isInstanceOf(dev.belay.executor.QueryTimeoutException.class);
        // without a timeout on the transaction, none applies
        template(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(status ->
                db.sql("select pg_sleep(0.1)").execute());
    }
}
