package dev.belay.test;

import dev.belay.executor.DBConfig;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class a fresh PostgreSQL database of its own, with {@link #scripts()} applied, and injects
 * into its tests, lifecycle methods and constructor a ready {@code DBConnection} and the {@link TestDatabase}:
 *
 * <pre>{@code
 * @BelayTest(scripts = {"belay/schema.sql", "belay/seed.sql"})
 * class UserQueriesTest {
 *     @Test
 *     void adults(DBConnection db) {
 *         List<User> adults = db.exec(select(User.class).where(USER.AGE.ge(18)));
 *         // SELECT "users"."id", ... FROM "users" WHERE "users"."age" >= ?
 *         assertEquals(List.of("Ann"), adults.stream().map(User::name).toList());
 *     }
 *
 *     @Test
 *     void plainJdbcToo(TestDatabase db) throws SQLException {
 *         assertEquals(2, db.count("SELECT count(*) FROM users"));
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>The server</b> is found once per JVM by {@link PostgresServer#find()}: {@code BELAY_TEST_JDBC_URL},
 *       {@code BELAY_JDBC_URL}, Testcontainers, {@code localhost:5432}, or an embedded PostgreSQL 17. With none,
 *       every test class fails (never skips) with a message saying how to provide one.</li>
 *   <li><b>The database</b> is created for the class before its {@code @BeforeAll} methods, and dropped
 *       {@code WITH (FORCE)} after its {@code @AfterAll} methods. A {@code @Nested} class shares its enclosing
 *       class's database unless it carries {@code @BelayTest} itself.</li>
 *   <li><b>The {@code DBConnection}</b> is a pool of {@link #poolSize()} connections, opened when first asked for
 *       and closed when the class ends; the same one is injected everywhere in the class.</li>
 *   <li><b>No leaks</b>: before the first test, after every test and when the class ends, that pool and every pool
 *       from {@link TestDatabase#open()} must have no connection lent out (connections handed to other threads
 *       get two seconds to come back), or the test fails naming the pool and where it was opened. A leak fails
 *       the test that made it, not the ones after it. The checks assume the tests of a class run one at a time,
 *       JUnit's default.</li>
 * </ul>
 *
 * <p>Meta-annotate to share a setup: {@code @BelayTest(scripts = "belay/schema.sql") @Retention(RUNTIME)
 * @Target(TYPE) @interface WithSchema {}} then {@code @WithSchema class FooTest {...}}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BelayExtension.class)
public @interface BelayTest {

    /**
     * SQL scripts on the test classpath, run in this order on the fresh database before the class's
     * {@code @BeforeAll} methods, each on one connection in autocommit mode (several statements per script are
     * fine): {@code scripts = {"belay/schema.sql", "belay/seed.sql"}} runs
     * {@code src/test/resources/belay/schema.sql}, then {@code .../seed.sql}.
     */
    String[] scripts() default {};

    /**
     * Runs each test method inside a transaction that is rolled back after it, whatever it did, so every test
     * starts from what the scripts and {@code @BeforeAll} committed:
     *
     * <pre>{@code
     * @BelayTest(scripts = "belay/schema.sql", rollbackEachTest = true)
     * class RenameTest {
     *     @Test
     *     void renames(DBConnection tx) {              // the transaction's handle, not the pool
     *         tx.exec(update(USER).set(USER.NAME, "Bo").where(USER.ID.eq(1L)));
     *         assertEquals("Bo", tx.one(select(USER.NAME).from(USER).where(USER.ID.eq(1L))));
     *     }                                             // ROLLBACK
     * }
     * }</pre>
     *
     * <p>The {@code DBConnection} a test method receives is then the transaction's handle: nested
     * {@code tx.transaction(...)} calls become savepoints. Only the test method is inside the transaction:
     * {@code @BeforeEach} and {@code @AfterEach} methods receive the pool, and what they write is committed.
     * While the test runs, its thread is inside a transaction of the pool, so Belay refuses calls on the pool
     * itself from that thread (say one kept in a field by {@code @BeforeAll}) with an
     * {@link IllegalStateException}: they would run outside the transaction and commit. Work that must commit
     * anyway goes through {@link TestDatabase#open()} or {@link TestDatabase#execute}; plain JDBC and
     * {@link TestDatabase#count} see only what was committed. Parameterized and repeated tests are covered too;
     * {@code @TestFactory} methods and their dynamic tests are not. When the test takes a {@code DBConnection},
     * the kit calls the test method itself (with the handle in place of the pool, as JUnit cannot change an
     * invocation's arguments), so invocation interceptors of extensions registered after this one do not see
     * that call.
     */
    boolean rollbackEachTest() default false;

    /** The size of the injected pool: {@code @BelayTest(poolSize = 8)} for tests that use more threads. */
    int poolSize() default TestDatabase.DEFAULT_POOL_SIZE;

    /**
     * Adjusts the injected pool's configuration, given a builder with the database's URL, user, password and
     * {@link #poolSize()}. The class needs a no-argument constructor:
     *
     * <pre>{@code
     * public static final class WithMoney implements UnaryOperator<DBConfig.Builder> {
     *     public DBConfig.Builder apply(DBConfig.Builder b) {
     *         return b.types(TypeRegistry.defaults().with(new MoneyConverter()));
     *     }
     * }
     * @BelayTest(scripts = "belay/schema.sql", configure = WithMoney.class)
     * class InvoiceTest { ... }
     * }</pre>
     */
    Class<? extends UnaryOperator<DBConfig.Builder>> configure() default AsIs.class;

    /** The default of {@link #configure()}: the builder unchanged. */
    final class AsIs implements UnaryOperator<DBConfig.Builder> {
        /** For {@link #configure()}; there is nothing to set. */
        public AsIs() {
        }

        /** Returns {@code builder} unchanged. */
        @Override
        public DBConfig.Builder apply(DBConfig.Builder builder) {
            return builder;
        }
    }
}
