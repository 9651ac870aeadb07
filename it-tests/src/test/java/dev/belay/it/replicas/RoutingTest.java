package dev.belay.it.replicas;

import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.Sql.update;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.belay.executor.BelayException;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.ReadOnlyTransactionException;
import dev.belay.executor.TxOptions;
import dev.belay.it.docs.User;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: which work goes where, seen by the work itself ({@code pg_is_in_recovery()} is true only on a standby,
 * {@code inet_server_port()} tells the servers apart), on a primary with two hot standbys.
 */
final class RoutingTest {
    private static final String WHERE = "select pg_is_in_recovery()";
    private static Replication servers;
    private static DBConnection db;

    @BeforeAll
    static void start() throws SQLException {
        servers = Replication.start(2);
        db = DBConnection.open(servers.config().build());
        db.exec(insertInto(USER).values(new User(null, "Ann", "ann@example.org", 30, null)));
        servers.awaitReplay();
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
        servers.close();
    }

    @Test
    void readsThroughReplicaGoToTheStandbysRoundRobin() {
        assertEquals(false, db.sql(WHERE).one(Boolean.class), "the DBConnection itself is the primary");
        DBConnection replica = db.replica();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            ports.add(replica.sql("select inet_server_port()").one(Integer.class));
        }
        assertEquals(true, replica.sql(WHERE).one(Boolean.class));
        assertEquals(Set.of(servers.standbys.get(0).port(), servers.standbys.get(1).port()), ports);
        assertEquals("Ann", replica.one(select(User.class).where(USER.EMAIL.eq("ann@example.org"))).name());
        assertEquals(1, replica.exec(select(User.class)).size());
        assertEquals(true, replica.first(select(User.class)).isPresent());
        assertEquals(true, replica.withTimeout(java.time.Duration.ofSeconds(5)).sql(WHERE).one(Boolean.class),
                "withTimeout keeps the route");
        try (Stream<Boolean> s = replica.sql(WHERE).stream(Boolean.class)) {
            assertEquals(List.of(true), s.toList());
        }
    }

    @Test
    void transactionsGoWhereTheirOptionsSay() {
        assertEquals(true, db.transaction(TxOptions.DEFAULT.readOnly(true), tx -> tx.sql(WHERE).one(Boolean.class)));
        assertEquals(false, db.transaction(tx -> tx.sql(WHERE).one(Boolean.class)), "read-write: the primary");
        assertEquals(false, db.transaction(TxOptions.repeatableRead(), tx -> tx.sql(WHERE).one(Boolean.class)));
        assertEquals(true, db.transaction(TxOptions.repeatableRead().readOnly(true),
                tx -> tx.sql(WHERE).one(Boolean.class)));
        // a replica handle's transactions are read-only, on a replica
        assertEquals(List.of(true, "on"), db.replica().transaction(tx -> List.of(tx.sql(WHERE).one(Boolean.class),
                tx.sql("select current_setting('transaction_read_only')").one(String.class))));
    }

    @Test
    void serializableReadOnlyGoesToThePrimaryBecauseAStandbyRefusesIt() throws SQLException {
        try (Connection standby = DriverManager.getConnection(servers.standby().url(), "postgres", "");
             Statement st = standby.createStatement()) {
            standby.setAutoCommit(false);
            SQLException refused = assertThrows(SQLException.class,
                    () -> st.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
            assertTrue(refused.getMessage().contains("cannot use serializable mode in a hot standby"),
                    refused.getMessage());
        }
        assertEquals(List.of(false, "serializable", "on"), db.transaction(TxOptions.serializable().readOnly(true),
                tx -> List.of(tx.sql(WHERE).one(Boolean.class), tx.sql("show transaction_isolation").one(String.class),
                        tx.sql("select current_setting('transaction_read_only')").one(String.class))));
        assertEquals(List.of(false, "on"), db.replica().transaction(TxOptions.serializable(),
                tx -> List.of(tx.sql(WHERE).one(Boolean.class),
                        tx.sql("select current_setting('transaction_read_only')").one(String.class))),
                "on the primary, and still read-only");
    }

    @Test
    void writesThroughReplicaAreRefusedBeforeSendingWhenBelayKnowsThem() {
        DBConnection replica = db.replica();
        User bob = new User(null, "Bob", "bob@example.org", 40, null);
        List<Runnable> writes = List.of(
                () -> replica.exec(insertInto(USER).values(bob)),
                () -> replica.exec(insertInto(USER).values(bob).returning(USER.ID)),
                () -> replica.exec(update(USER).set(USER.AGE, 31).where(USER.ID.eq(1L))),
                () -> replica.insert(bob),
                () -> replica.insert(USER, List.of(bob)),
                () -> replica.copy(USER, List.of(bob)),
                () -> replica.delete(USER, 1L),
                () -> replica.sql("update users set age = 1").execute(),
                () -> replica.sql("create table t (x int)").execute(),
                () -> replica.sql("insert into users (name, email) values ('x', 'y') returning id").stream(Long.class));
        for (Runnable write : writes) {
            IllegalStateException e = assertThrows(IllegalStateException.class, write::run);
            assertTrue(e.getMessage().contains("db.replica()") && e.getMessage().contains("refuse writes"),
                    e.getMessage());
        }
        assertEquals(1L, db.sql("select count(*) from users").one(Long.class));
    }

    @Test
    void aWriteBelayCannotSeeIsRefusedByTheReplicaAsATypedError() throws SQLException {
        db.sql("create sequence if not exists s").execute();
        servers.awaitReplay();
        ReadOnlyTransactionException e = assertThrows(ReadOnlyTransactionException.class,
                () -> db.replica().sql("select nextval('s')").one(Long.class));
        assertEquals("25006", e.sqlState());
        assertTrue(e.getMessage().contains("read replica"), e.getMessage());
        ReadOnlyTransactionException inTx = assertThrows(ReadOnlyTransactionException.class,
                () -> db.useTransaction(TxOptions.DEFAULT.readOnly(true),
                        tx -> tx.exec(update(USER).set(USER.AGE, 31).where(USER.ID.eq(1L)))));
        assertEquals("25006", inTx.sqlState());
    }

    @Test
    void aTransactionHandleHasNoReplica() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> db.useTransaction(tx -> tx.replica()));
        assertTrue(e.getMessage().contains("readOnly(true)"), e.getMessage());
    }

    @Test
    void withoutReplicasTheReplicaHandleIsThePrimaryWithTheSameRules() {
        try (DBConnection single = DBConnection.open(DBConfig.builder(servers.primary.url()).user("postgres").build())) {
            assertEquals(false, single.replica().sql(WHERE).one(Boolean.class));
            assertEquals(1, single.replica().exec(select(User.class)).size());
            assertThrows(IllegalStateException.class,
                    () -> single.replica().exec(update(USER).set(USER.AGE, 31).where(USER.ID.eq(1L))));
            assertEquals(List.of(false, "on"), single.replica().transaction(tx -> List.of(tx.sql(WHERE).one(Boolean.class),
                    tx.sql("select current_setting('transaction_read_only')").one(String.class))));
            assertEquals(false, single.transaction(TxOptions.DEFAULT.readOnly(true), tx -> tx.sql(WHERE).one(Boolean.class)));
        }
    }

    @Test
    void aClosedConnectionFailsAtOnceOnItsReplicasToo() {
        DBConnection closed = DBConnection.open(servers.config().build());
        assertEquals(true, closed.replica().sql(WHERE).one(Boolean.class));
        closed.close();
        long start = System.nanoTime();
        BelayException e = assertThrows(BelayException.class, () -> closed.replica().sql(WHERE).one(Boolean.class));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "it did not wait for a pool that is closed");
    }

    @Test
    void poolsOfYourOwn() {
        try (HikariDataSource primary = pool(servers.primary.url());
             HikariDataSource replica = pool(servers.standby().url())) {
            DBConnection own = DBConnection.of(primary, DBConfig.settings().build(), replica);
            assertEquals(false, own.sql(WHERE).one(Boolean.class));
            assertEquals(true, own.replica().sql(WHERE).one(Boolean.class));
            assertEquals(true, own.transaction(TxOptions.DEFAULT.readOnly(true), tx -> tx.sql(WHERE).one(Boolean.class)));
            own.close();
            assertTrue(replica.isRunning(), "Belay closes no pool of yours");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DBConnection.of(new HikariDataSource(), servers.config().build()));
        assertTrue(e.getMessage().contains("replica URLs"), e.getMessage());
    }

    private static HikariDataSource pool(String url) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername("postgres");
        c.setMaximumPoolSize(2);
        return new HikariDataSource(c);
    }
}
