package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.TooManyRowsException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, case 13: {@code fetchValue} is the value of at most one row; several rows are an error, not the
 * first of them.
 */
@FixtureDatabase
final class FetchValueTest {
    record Val(Integer id, Integer grp, Integer v) {}

    static final class Vals extends Table<Val> {
        static final Vals V = new Vals();
        final Column<Val, Integer> id = column("id", PgType.INT4).primaryKey();
        final Column<Val, Integer> grp = column("grp", PgType.INT4);
        final Column<Val, Integer> v = column("v", PgType.INT4).nullable();

        private Vals() {
            super("vals", Val.class);
        }
    }

    private static final Vals V = Vals.V;
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        // group 1: three rows; group 2: one row holding NULL; group 3: one row holding 42; group 4: for DML
        t.execute("CREATE TABLE vals (id int4 PRIMARY KEY, grp int4 NOT NULL, v int4); "
                + "INSERT INTO vals VALUES (1, 1, 10), (2, 1, 20), (3, 1, 30), (4, 2, NULL), (5, 3, 42), "
                + "(6, 4, 0), (7, 4, 0), (8, 4, 0)");
        db = t.open();
    }

    private static long committedSum(int grp) {
        try (Connection c = testDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(sum(v), 0) FROM vals WHERE grp = " + grp)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void severalRowsAreRefusedNoneOrNullAreNull() {
        TooManyRowsException e = assertThrows(TooManyRowsException.class,
                () -> db.fetchValue(select(V.v).from(V).where(V.grp.eq(1)).orderBy(V.id.asc())));
        assertTrue(e.getMessage().contains("fetchValue()"), e.getMessage());
        assertThrows(TooManyRowsException.class, () -> db.fetchValue(select(V.v).from(V)));
        assertNull(db.fetchValue(select(V.v).from(V).where(V.grp.eq(-1))), "no row");
        assertNull(db.fetchValue(select(V.v).from(V).where(V.grp.eq(2))), "one row holding NULL");
        assertEquals(42, db.fetchValue(select(V.v).from(V).where(V.grp.eq(3))));
        assertEquals(3L, db.fetchValue(select(count()).from(V).where(V.grp.eq(1))));
        // inside a transaction the same, and the transaction is not harmed by the refusal
        Integer inTx = db.transaction(tx -> {
            assertThrows(TooManyRowsException.class, () -> tx.fetchValue(select(V.v).from(V).where(V.grp.eq(1))));
            return tx.fetchValue(select(V.v).from(V).where(V.grp.eq(3)));
        });
        assertEquals(42, inTx);
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void onADataModifyingStatementSeveralRowsChangeNothing() {
        assertThrows(TooManyRowsException.class,
                () -> db.fetchValue(update(V).set(V.v, 5).where(V.grp.eq(4)).returning(V.v)));
        assertEquals(0, committedSum(4), "none of the 3 updates may stay");
        assertNull(db.fetchValue(update(V).set(V.v, 5).where(V.grp.eq(-1)).returning(V.v)));
        assertEquals(5, db.fetchValue(update(V).set(V.v, 5).where(V.id.eq(6)).returning(V.v)));
        assertEquals(5, committedSum(4));
        // inside a transaction: a savepoint undoes the statement, and the transaction commits its other work
        db.useTransaction(tx -> {
            assertThrows(TooManyRowsException.class,
                    () -> tx.fetchValue(update(V).set(V.v, 100).where(V.grp.eq(4)).returning(V.v)));
            tx.exec(update(V).set(V.v, 1).where(V.id.eq(7)));
        });
        assertEquals(6, committedSum(4), "5 + 1: none of the 3 refused updates");
    }
}
