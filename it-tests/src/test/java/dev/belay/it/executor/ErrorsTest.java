package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.PgType;
import dev.belay.executor.BelayException;
import dev.belay.executor.CheckViolationException;
import dev.belay.executor.ConnectionLostException;
import dev.belay.executor.DBConnection;
import dev.belay.executor.DeadlockException;
import dev.belay.executor.ForeignKeyViolationException;
import dev.belay.executor.NotNullViolationException;
import dev.belay.executor.QueryTimeoutException;
import dev.belay.executor.SerializationFailureException;
import dev.belay.executor.TxOptions;
import dev.belay.executor.UniqueViolationException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each exception type, produced by a real server condition on the seeded fixture. */
@FixtureDatabase
final class ErrorsTest {
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) throws Exception {
        t.runScript(FixtureDatabase.SEED);
        t.execute("CREATE TABLE checked (n int4 CONSTRAINT n_positive CHECK (n > 0)); "
                + "CREATE TABLE locks (id int4 PRIMARY KEY, v int4 NOT NULL); INSERT INTO locks VALUES (1, 0), (2, 0)");
        testDb = t;
        db = t.open();
    }

    @Test
    void uniqueViolation() {
        UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> db.exec(insertInto(USER)
                .set(USER.NAME, "Alice 2").set(USER.EMAIL, "alice@example.org")));
        assertEquals("23505", e.sqlState());
        assertEquals("users_email_key", e.constraint());
        assertEquals("public.users", e.table());
        assertTrue(e.sql() != null && e.sql().startsWith("INSERT INTO \"users\""), e.sql());
    }

    @Test
    void notNullViolation() {
        NotNullViolationException e = assertThrows(NotNullViolationException.class,
                () -> db.sql("insert into users (name, email) values (:name, 'nn@example.org')")
                        .bindNull("name", PgType.TEXT).execute());
        assertEquals("23502", e.sqlState());
        assertEquals("name", e.column());
        assertEquals("public.users", e.table());
    }

    @Test
    void foreignKeyViolation() {
        ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class, () -> db.exec(
                insertInto(ORDER).set(ORDER.USER_ID, 999L).set(ORDER.TOTAL, BigDecimal.ONE)));
        assertEquals("23503", e.sqlState());
        assertEquals("orders_user_id_fkey", e.constraint());
        assertEquals("public.orders", e.table());
    }

    @Test
    void checkViolation() {
        CheckViolationException e = assertThrows(CheckViolationException.class,
                () -> db.sql("insert into checked (n) values (?)").bind(1, -1).execute());
        assertEquals("23514", e.sqlState());
        assertEquals("n_positive", e.constraint());
        assertEquals("public.checked", e.table());
    }

    @Test
    void serializationFailure() throws Exception {
        try (Connection other = testDb.connect()) {
            SerializationFailureException e = assertThrows(SerializationFailureException.class,
                    () -> db.useTransaction(TxOptions.serializable(), tx -> {
                        tx.sql("select v from locks where id = 1").one(Integer.class); // takes the snapshot
                        try (Statement st = other.createStatement()) {
                            st.execute("BEGIN ISOLATION LEVEL SERIALIZABLE; UPDATE locks SET v = v + 1 WHERE id = 1; COMMIT");
                        } catch (java.sql.SQLException ex) {
                            throw new IllegalStateException(ex);
                        }
                        tx.sql("update locks set v = v + 10 where id = 1").execute();
                    }));
            assertEquals("40001", e.sqlState());
        }
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void deadlock() throws Exception {
        CyclicBarrier bothLocked = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int first : new int[] {1, 2}) {
                int second = 3 - first;
                futures.add(pool.submit(() -> db.useTransaction(tx -> {
                    tx.sql("update locks set v = v + 1 where id = ?").bind(1, first).execute();
                    try {
                        bothLocked.await(10, TimeUnit.SECONDS);
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                    tx.sql("update locks set v = v + 1 where id = ?").bind(1, second).execute();
                })));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> f : futures) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException ex) {
                    failures.add(ex.getCause());
                }
            }
            assertEquals(1, failures.size(), "exactly one transaction is the deadlock victim: " + failures);
            DeadlockException e = assertInstanceOf(DeadlockException.class, failures.get(0));
            assertEquals("40P01", e.sqlState());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void statementTimeoutFromConfig() {
        DBConnection timed = testDb.open(b -> b.statementTimeout(Duration.ofMillis(300)));
        try {
            QueryTimeoutException e = assertThrows(QueryTimeoutException.class,
                    () -> timed.sql("select pg_sleep(5)").fetch(String.class));
            assertEquals("57014", e.sqlState());
            assertEquals("300ms", timed.sql("show statement_timeout").one(String.class));
        } finally {
            testDb.close(timed);
        }
    }

    @Test
    void connectionLost() throws Exception {
        try (Connection killer = testDb.connect()) {
            ConnectionLostException e = assertThrows(ConnectionLostException.class, () -> db.useTransaction(tx -> {
                int pid = tx.sql("select pg_backend_pid()").one(Integer.class);
                try (Statement st = killer.createStatement()) {
                    st.execute("select pg_terminate_backend(" + pid + ")");
                } catch (java.sql.SQLException ex) {
                    throw new IllegalStateException(ex);
                }
                tx.sql("select 1").one(Integer.class);
            }));
            assertTrue(e.sqlState() == null || e.sqlState().startsWith("08") || e.sqlState().equals("57P01"),
                    e.sqlState());
        }
        assertEquals(0, db.poolStats().active());
        // the pool replaces the dead connection
        assertEquals(3L, db.fetchValue(select(count()).from(ORDER)));
    }

    @Test
    void parametersHiddenByDefault() {
        BelayException hidden = assertThrows(BelayException.class,
                () -> db.sql("select :secret::text, 1 / 0").bind("secret", "hunter2-xyz").fetch(String.class));
        assertEquals("22012", hidden.sqlState());
        assertFalse(hidden.getMessage().contains("hunter2-xyz"), hidden.getMessage());
        assertTrue(hidden.getMessage().contains("hidden"), hidden.getMessage());

        DBConnection shown = testDb.open(b -> b.logParameters(true));
        try {
            BelayException e = assertThrows(BelayException.class,
                    () -> shown.sql("select :secret::text, 1 / 0").bind("secret", "hunter2-xyz").fetch(String.class));
            assertTrue(e.getMessage().contains("hunter2-xyz"), e.getMessage());
        } finally {
            testDb.close(shown);
        }
    }

    /** Regression: pgjdbc puts the server DETAIL, with the value, into the message whatever logParameters says. */
    @Test
    void serverDetailDoesNotLeakHiddenParameters() {
        // the server's DETAIL ("Key (email)=(...) already exists.") repeats the bound value
        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> db.sql("insert into users (name, email) values ('x', :email)")
                        .bind("email", "bob@example.org").execute());
        assertFalse(e.getMessage().contains("bob@example.org"), e.getMessage());
    }
}
