package dev.belay.it.pgbouncer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.BelayException;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import dev.belay.test.PgBouncer;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why {@code pgbouncerTransactionMode()} exists, made deterministic: a one-connection pool runs a query often
 * enough for pgjdbc to name it on the server ({@code S_1}, after 5 executions), then another client holds that
 * server connection in an open transaction, so PgBouncer gives the next call a new one, where {@code S_1} does not
 * exist. Without the setting a call in a transaction fails (outside one pgjdbc prepares the statement again by
 * itself) and the error names the setting; with it, the same sequence works.
 */
@BelayTest
final class NamedStatementsTest {
    private static final String QUERY = "select count(*) from pg_class where relname = :name";

    private PgBouncer bouncer;

    @BeforeEach
    void start(TestDatabase t) {
        bouncer = PgBouncer.start(t.server(), 2);
    }

    @AfterEach
    void stop() {
        bouncer.close();
    }

    private DBConnection pool(TestDatabase t, UnaryOperator<DBConfig.Builder> settings) {
        DBConfig.Builder b = DBConfig.builder(bouncer.urlOf(t.name())).poolSize(1);
        if (t.user() != null) {
            b.user(t.user());
        }
        return t.track(DBConnection.open(settings.apply(b).build()));
    }

    /** A plain JDBC client of PgBouncer in an open transaction: the server connection it got stays its own. */
    private Connection holdServerConnection(TestDatabase t) throws SQLException {
        Properties props = new Properties();
        if (t.user() != null) {
            props.setProperty("user", t.user());
        }
        props.setProperty("prepareThreshold", "0");
        Connection c = DriverManager.getConnection(bouncer.urlOf(t.name()), props);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("select 1");
        }
        return c;
    }

    private static void runOften(DBConnection db) {
        for (int i = 0; i < 10; i++) {
            assertEquals(1L, db.sql(QUERY).bind("name", "pg_class").one(Long.class));
        }
    }

    @Test
    void withoutTheSettingTheErrorNamesIt(TestDatabase t) throws SQLException {
        DBConnection db = pool(t, b -> b);
        runOften(db); // pgjdbc has named the statement on the only server connection so far
        try (Connection holder = holdServerConnection(t)) {
            // in a transaction: outside one, pgjdbc notices the missing statement and prepares it again
            BelayException e = assertThrows(BelayException.class, () -> db.transaction(
                    tx -> tx.sql(QUERY).bind("name", "pg_class").one(Long.class)));
            assertTrue(e.getMessage().contains("prepared statement \"S_"), e.getMessage());
            assertTrue(e.getMessage().contains("DBConfig.Builder.pgbouncerTransactionMode()"), e.getMessage());
            holder.rollback();
        }
        t.close(db);
    }

    /**
     * A stream reads through a cursor (autocommit off, a fetch size), where pgjdbc once named the statement even
     * with {@code prepareThreshold=0} (pgjdbc issue 869): the same stream in later transactions, on another
     * server connection each time, must still work.
     */
    @Test
    void withTheSettingStreamsInSuccessiveTransactionsWork(TestDatabase t) throws SQLException {
        DBConnection db = pool(t, b -> b.pgbouncerTransactionMode().fetchSize(2));
        for (int round = 0; round < 8; round++) {
            Connection holder = round % 2 == 0 ? null : holdServerConnection(t);
            try (Stream<String> names = db.sql("select relname from pg_class order by relname limit 7")
                    .stream(String.class)) {
                assertEquals(7, names.count(), "round " + round);
            } finally {
                if (holder != null) {
                    holder.close();
                }
            }
        }
        t.close(db);
    }

    @Test
    void withTheSettingTheSameSequenceWorks(TestDatabase t) throws SQLException {
        DBConnection db = pool(t, DBConfig.Builder::pgbouncerTransactionMode);
        runOften(db);
        try (Connection holder = holdServerConnection(t)) {
            for (int i = 0; i < 3; i++) {
                long n = db.transaction(tx -> tx.sql(QUERY).bind("name", "pg_class").one(Long.class));
                assertEquals(1L, n);
            }
            holder.rollback();
        }
        t.close(db);
    }
}
