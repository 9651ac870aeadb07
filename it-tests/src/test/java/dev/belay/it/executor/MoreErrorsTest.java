package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.BelayException;
import dev.belay.executor.ConnectionLostException;
import dev.belay.executor.ConstraintViolationException;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.ForeignKeyViolationException;
import dev.belay.executor.NotNullViolationException;
import dev.belay.executor.QueryTimeoutException;
import dev.belay.executor.ReadOnlyTransactionException;
import dev.belay.executor.TxOptions;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server conditions ErrorsTest does not produce: a constraint with no dedicated subtype (exclusion), a
 * foreign key hit by a DELETE, a NOT NULL hit through the DSL, a statement cancelled by another session,
 * an error mid-stream, errors with no subtype (syntax, read-only transaction), and a server that is not there.
 * (Lock timeout and pool exhaustion: ConfigTest.)
 */
@FixtureDatabase
final class MoreErrorsTest {
    record Num(Integer n) {}

    /** 1 / (500 - g): the 500th row divides by zero, long after the first rows were delivered. */
    static final class Fragile extends Table<Num> {
        static final Fragile F = new Fragile();
        final Column<Num, Integer> n = column("n", PgType.INT4);

        private Fragile() {
            super("fragile", Num.class);
        }
    }

    record Person(Long id, String name, String email) {}

    /** users as a descriptor that (wrongly) says name may be NULL, so the DSL lets the server refuse it. */
    static final class LaxUsers extends Table<Person> {
        static final LaxUsers L = new LaxUsers();
        final Column<Person, Long> id = column("id", PgType.INT8).primaryKey().generated();
        final Column<Person, String> name = column("name", PgType.TEXT).nullable();
        final Column<Person, String> email = column("email", PgType.TEXT);

        private LaxUsers() {
            super("users", Person.class);
        }
    }

    private static TestDatabase testDb;
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) throws Exception {
        t.runScript(FixtureDatabase.SEED);
        t.execute("CREATE TABLE bookings (room int4 NOT NULL, during int4range NOT NULL, "
                + "CONSTRAINT no_double_booking EXCLUDE USING gist (during WITH &&)); "
                + "CREATE VIEW fragile AS SELECT 1 / (500 - g) AS n FROM generate_series(1, 1000) g");
        testDb = t;
        db = t.open(b -> b.fetchSize(100));
    }

    @Test
    void exclusionViolationIsAConstraintViolationWithItsName() {
        db.sql("insert into bookings values (1, int4range(1, 10))").execute();
        BelayException e = assertThrows(BelayException.class,
                () -> db.sql("insert into bookings values (2, int4range(5, 15))").execute());
        assertEquals(ConstraintViolationException.class, e.getClass(), "no dedicated subtype for 23P01");
        assertEquals("23P01", e.sqlState());
        assertEquals("no_double_booking", e.constraint());
        assertEquals("public.bookings", e.table());
    }

    @Test
    void foreignKeyViolationOnDeleteNamesTheReferencingTable() {
        ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
                () -> db.exec(deleteFrom(USER).where(USER.ID.eq(1L))));
        assertEquals("23503", e.sqlState());
        assertEquals("orders_user_id_fkey", e.constraint());
        assertEquals("public.orders", e.table());
        assertTrue(e.sql() != null && e.sql().startsWith("DELETE FROM \"users\""), e.sql());
        assertEquals(3L, db.fetchValue(select(count()).from(USER)));
    }

    @Test
    void notNullViolationThroughTheDslNamesTheColumn() {
        LaxUsers l = LaxUsers.L;
        NotNullViolationException insert = assertThrows(NotNullViolationException.class,
                () -> db.exec(insertInto(l).setNull(l.name).set(l.email, "nameless@example.org")));
        assertEquals("23502", insert.sqlState());
        assertEquals("name", insert.column());
        assertEquals("public.users", insert.table());
        NotNullViolationException update = assertThrows(NotNullViolationException.class,
                () -> db.exec(update(l).set(l.name, (String) null).where(l.id.eq(2L))));
        assertEquals("name", update.column());
        assertTrue(update.sql() != null && update.sql().startsWith("UPDATE \"users\""), update.sql());
    }

    @Test
    void aStatementCancelledByAnotherSessionIsAQueryTimeout() throws Exception {
        CompletableFuture<String> sleeper = CompletableFuture.supplyAsync(
                () -> db.sql("select pg_sleep(30)::text /* cancel-me */").one(String.class));
        try (Connection side = testDb.connect(); Statement st = side.createStatement()) {
            boolean cancelled = false;
            for (int attempt = 0; attempt < 200 && !cancelled; attempt++) {
                try (ResultSet rs = st.executeQuery("select pg_cancel_backend(pid) from pg_stat_activity "
                        + "where query like '%cancel-me%' and state = 'active' and pid <> pg_backend_pid()")) {
                    cancelled = rs.next() && rs.getBoolean(1);
                }
                if (!cancelled) {
                    Thread.sleep(50); // waiting for the statement to start, not measuring anything
                }
            }
            assertTrue(cancelled, "the sleeping statement was found and cancelled");
        }
        ExecutionException failed = assertThrows(ExecutionException.class, () -> sleeper.get(30, TimeUnit.SECONDS));
        QueryTimeoutException e = assertInstanceOf(QueryTimeoutException.class, failed.getCause());
        assertEquals("57014", e.sqlState());
        assertTrue(e.getMessage().contains("cancel"), e.getMessage());
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void anErrorMidStreamIsTranslatedAndTheConnectionReturned() {
        int[] seen = {0};
        BelayException e = assertThrows(BelayException.class, () -> {
            try (Stream<Integer> s = db.stream(select(Fragile.F.n).from(Fragile.F))) {
                Iterator<Integer> it = s.iterator();
                while (it.hasNext()) {
                    it.next();
                    seen[0]++;
                }
            }
        });
        assertEquals("22012", e.sqlState());
        assertTrue(e.sql() != null && e.sql().contains("\"fragile\""), e.sql());
        assertTrue(seen[0] >= 100 && seen[0] < 500, "rows before the failing batch were delivered: " + seen[0]);
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void errorsWithoutASubtypeAreBelayExceptionsWithTheirState() {
        BelayException syntax = assertThrows(BelayException.class, () -> db.sql("selec 1").execute());
        assertEquals(BelayException.class, syntax.getClass());
        assertEquals("42601", syntax.sqlState());
        assertEquals("selec 1", syntax.sql());
        BelayException missing = assertThrows(BelayException.class,
                () -> db.sql("select nope from users").fetch(String.class));
        assertEquals("42703", missing.sqlState());
        BelayException readOnly = assertThrows(BelayException.class, () -> db.useTransaction(
                TxOptions.DEFAULT.readOnly(true), tx -> tx.exec(update(USER).set(USER.AGE, 1).where(USER.ID.eq(1L)))));
        assertEquals(ReadOnlyTransactionException.class, readOnly.getClass());
        assertEquals("25006", readOnly.sqlState());
        assertTrue(readOnly.getMessage().contains("read-only transaction"), readOnly.getMessage());
        BelayException overflow = assertThrows(BelayException.class,
                () -> db.sql("select :n::int2").bind("n", 40_000).one(Short.class));
        assertEquals("22003", overflow.sqlState());
        assertEquals(0, db.poolStats().active());
    }

    /** Regression: HikariCP's PoolInitializationException escapes DBConnection.open instead of a ConnectionLostException. */
    @Test
    void openingAPoolOnAServerThatIsNotThereIsAConnectionLost() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DBConfig config = DBConfig.builder("jdbc:postgresql://127.0.0.1:" + port + "/nowhere?connectTimeout=2")
                .user("nobody").password("none").connectionTimeout(Duration.ofSeconds(1))
                .connectRetry(1, Duration.ofSeconds(1)).build();
        RuntimeException e = assertThrows(RuntimeException.class, () -> DBConnection.open(config).close());
        ConnectionLostException lost = assertInstanceOf(ConnectionLostException.class, e, e.toString());
        assertTrue(lost.sqlState() == null || lost.sqlState().startsWith("08"), lost.sqlState());
        assertTrue(!lost.getMessage().contains("none"), "no password in " + lost.getMessage());
    }
}
