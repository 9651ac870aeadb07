package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.TooManyRowsException;
import dev.belay.executor.TransactionRolledBackException;
import dev.belay.executor.TxOptions;
import dev.belay.executor.UniqueViolationException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, case 10: every connection goes back to a non-HikariCP pool as it was lent. The pool is the worst
 * case, {@link OneConnectionPool}: one physical connection lent again and again and reset by nobody, so
 * whatever Belay leaves on it (isolation, read-only, autocommit, an open transaction) meets the next borrower.
 */
@FixtureDatabase
final class ConnectionStateTest {
    record Acc(Integer id, Integer grp, Integer v) {}

    static final class Accs extends Table<Acc> {
        static final Accs T = new Accs();
        final Column<Acc, Integer> id = column("id", PgType.INT4).primaryKey();
        final Column<Acc, Integer> grp = column("grp", PgType.INT4);
        final Column<Acc, Integer> v = column("v", PgType.INT4);

        private Accs() {
            super("accs", Acc.class);
        }
    }

    private static final Accs T = Accs.T;
    private static TestDatabase testDb;
    private OneConnectionPool pool;
    private DBConnection db;

    @BeforeAll
    static void schema(TestDatabase t) throws SQLException {
        testDb = t;
        try (Connection c = t.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE accs (id int4 PRIMARY KEY, grp int4 NOT NULL, v int4 NOT NULL); "
                    + "INSERT INTO accs SELECT g, g / 10, 0 FROM generate_series(10, 59) g");
        }
    }

    @BeforeEach
    void lend() throws SQLException {
        pool = new OneConnectionPool(testDb.connect());
        db = DBConnection.of(pool);
    }

    @AfterEach
    void shut() throws SQLException {
        pool.physical.close();
    }

    /** The transaction characteristics a plain statement runs with, and the session defaults. */
    record Characteristics(String isolation, String readOnly, String defaultIsolation, String defaultReadOnly) {}

    /** What the next borrower's plain statements run with. */
    private void assertPlainSession(String after) {
        assertEquals(new Characteristics("read committed", "off", "read committed", "off"), db.sql("select "
                + "current_setting('transaction_isolation') as isolation, "
                + "current_setting('transaction_read_only') as read_only, "
                + "current_setting('default_transaction_isolation') as default_isolation, "
                + "current_setting('default_transaction_read_only') as default_read_only")
                .one(Characteristics.class), after);
    }

    private static List<Integer> committed(int grp) throws SQLException {
        try (Connection c = testDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM accs WHERE grp = " + grp + " ORDER BY id")) {
            List<Integer> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
            return out;
        }
    }

    @Test
    void aSerializableReadOnlyTransactionLeavesNothingBehind() throws SQLException {
        String inside = db.transaction(TxOptions.serializable().readOnly(true), tx ->
                tx.sql("select current_setting('transaction_isolation') || '/' || current_setting('transaction_read_only')")
                        .one(String.class));
        assertEquals("serializable/on", inside);
        pool.assertAsLent(true, "after a serializable read-only transaction");
        assertPlainSession("after a serializable read-only transaction");

        db.useTransaction(TxOptions.repeatableRead(), tx -> tx.exec(update(T).set(T.v, 1).where(T.id.eq(10))));
        pool.assertAsLent(true, "after a repeatable read transaction");
        assertPlainSession("after a repeatable read transaction");
        assertEquals(1, committed(1).get(0));
        // and a default transaction on the same connection is read committed again
        assertEquals("read committed", db.transaction(tx ->
                tx.sql("select current_setting('transaction_isolation')").one(String.class)));
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() throws SQLException {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThrows(IllegalStateException.class, () -> db.useTransaction(TxOptions.serializable(), tx -> {
            tx.exec(update(T).set(T.v, 9).where(T.grp.eq(2)));
            throw boom;
        }));
        pool.assertAsLent(true, "after a transaction whose body threw");
        assertPlainSession("after a transaction whose body threw");

        assertThrows(TransactionRolledBackException.class, () -> db.useTransaction(TxOptions.repeatableRead(), tx -> {
            tx.exec(update(T).set(T.v, 9).where(T.grp.eq(2)));
            try {
                tx.exec(insertInto(T).values(new Acc(20, 2, 0)));
            } catch (UniqueViolationException swallowed) {
                // caught: the transaction must still not commit
            }
        }));
        pool.assertAsLent(true, "after a transaction that caught a failure");
        assertPlainSession("after a transaction that caught a failure");
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), committed(2));
        // the next single statement commits on its own
        db.exec(update(T).set(T.v, 3).where(T.id.eq(20)));
        assertEquals(3, committed(2).get(0));
    }

    @Test
    void streamsLeaveNothingBehind() throws SQLException {
        List<Integer> all = db.stream(select(T.id).from(T).where(T.grp.eq(3)).orderBy(T.id.asc())).toList();
        assertEquals(10, all.size());
        pool.assertAsLent(true, "after a stream read to the end without close()");

        try (Stream<Integer> early = db.stream(update(T).set(T.v, 5).where(T.grp.eq(3)).returning(T.id))) {
            Iterator<Integer> it = early.iterator();
            it.next();
        }
        pool.assertAsLent(true, "after a stream closed early");
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), committed(3));
        assertPlainSession("after streams");
    }

    @Test
    void oneOnADataModifyingStatementLeavesNothingBehind() throws SQLException {
        assertThrows(TooManyRowsException.class,
                () -> db.one(update(T).set(T.v, 6).where(T.grp.eq(4)).returning(T.id)));
        pool.assertAsLent(true, "after one() refused several changed rows");
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), committed(4), "none of the updates may stay");
        assertEquals(40, db.one(update(T).set(T.v, 6).where(T.id.eq(40)).returning(T.id)));
        pool.assertAsLent(true, "after one() changed one row");
        assertEquals(6, committed(4).get(0));
        assertPlainSession("after one()");
    }

    @Test
    void aPoolLendingAutocommitOffGetsItsConnectionsBackSoAndStatementsStillCommit() throws SQLException {
        pool.physical.setAutoCommit(false);
        db.sql("update accs set v = 1 where id = 50").execute();
        pool.assertAsLent(false, "after a raw update");
        db.exec(update(T).set(T.v, 2).where(T.id.eq(51)));
        pool.assertAsLent(false, "after a DSL update");
        assertEquals(List.of(53), db.exec(update(T).set(T.v, 3).where(T.id.eq(53)).returning(T.id)));
        pool.assertAsLent(false, "after an update returning rows");
        assertEquals(54, db.one(update(T).set(T.v, 4).where(T.id.eq(54)).returning(T.id)));
        pool.assertAsLent(false, "after one() on an update");
        assertThrows(TooManyRowsException.class, () -> db.one(update(T).set(T.v, 9).where(T.grp.eq(5)).returning(T.id)));
        pool.assertAsLent(false, "after one() refused");
        db.useTransaction(tx -> tx.exec(update(T).set(T.v, 5).where(T.id.eq(55))));
        pool.assertAsLent(false, "after a transaction");
        assertEquals(10, db.stream(select(T.id).from(T).where(T.grp.eq(5))).toList().size());
        pool.assertAsLent(false, "after a stream");
        assertEquals(10, db.sql("select count(*) from accs where grp = 5").one(Long.class));
        pool.assertAsLent(false, "after a select");
        // all of it committed, as seen from another connection; none of the refused one()
        assertEquals(List.of(1, 2, 0, 3, 4, 5, 0, 0, 0, 0), committed(5));
    }
}
