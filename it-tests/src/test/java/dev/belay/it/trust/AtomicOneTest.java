package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.Cte;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.NoRowException;
import dev.belay.executor.TooManyRowsException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, case 8: {@code one()} on a data-modifying statement is atomic (when it throws, the statement's
 * changes are rolled back: its own transaction, or a savepoint inside the caller's), and {@code first()} on
 * one is refused before it runs. Every group of 5 accounts (ids grp*10+1 .. grp*10+5, v = 0) belongs to one
 * test; what was committed is read on a plain JDBC connection.
 */
@FixtureDatabase
final class AtomicOneTest {
    record Account(Long id, Integer grp, Integer v) {}

    static final class Accounts extends Table<Account> {
        static final Accounts A = new Accounts();
        final Column<Account, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Account, Integer> grp = column("grp", PgType.INT4);
        final Column<Account, Integer> v = column("v", PgType.INT4);

        private Accounts() {
            super("accounts", Account.class);
        }
    }

    private static final Accounts A = Accounts.A;
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        t.execute("CREATE TABLE accounts (id int8 PRIMARY KEY, grp int4 NOT NULL, v int4 NOT NULL); "
                + "INSERT INTO accounts SELECT grp * 10 + i, grp, 0 FROM generate_series(1, 5) grp, "
                + "generate_series(1, 5) i");
        db = t.open();
    }

    /** The committed v of every account of {@code grp}, by id. */
    private static List<Integer> values(int grp) {
        return ints("SELECT v FROM accounts WHERE grp = " + grp + " ORDER BY id");
    }

    private static List<Integer> ints(String sql) {
        try (Connection c = testDb.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Integer> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final List<Integer> UNTOUCHED = List.of(0, 0, 0, 0, 0);

    @Test
    void oneOnAStatementChangingFiveRowsChangesNothing() {
        TooManyRowsException e = assertThrows(TooManyRowsException.class,
                () -> db.one(update(A).set(A.v, 99).where(A.grp.eq(1)).returning(A.id)));
        assertEquals(UNTOUCHED, values(1), "none of the 5 updates may stay");
        assertTrue(e.getMessage().contains("rolled back"), e.getMessage());

        assertThrows(TooManyRowsException.class, () -> db.one(deleteFrom(A).where(A.grp.eq(1)).returning(A.id)));
        assertEquals(UNTOUCHED, values(1), "none of the 5 deletes may stay");

        // a SELECT over a data-modifying CTE modifies data too
        Cte<Long> gone = cte("gone").as(deleteFrom(A).where(A.grp.eq(1)).returning(A.id));
        Select<Long> goneIds = with(gone).select(gone.field(A.id)).from(gone);
        assertThrows(TooManyRowsException.class, () -> db.one(goneIds));
        assertThrows(IllegalStateException.class, () -> db.first(goneIds));
        assertEquals(UNTOUCHED, values(1), "none of the 5 deletes of the CTE may stay");

        assertThrows(TooManyRowsException.class, () -> db.one(insertInto(A)
                .values(List.of(new Account(91L, 9, 1), new Account(92L, 9, 2))).returning(A.id)));
        assertEquals(List.of(), ints("SELECT v FROM accounts WHERE grp = 9"), "neither insert may stay");

        // no row: nothing to undo, and NoRowException
        assertThrows(NoRowException.class, () -> db.one(update(A).set(A.v, 99).where(A.grp.eq(-1)).returning(A.id)));
        // exactly one row: committed
        assertEquals(13L, db.one(update(A).set(A.v, 5).where(A.id.eq(13L)).returning(A.id)));
        assertEquals(List.of(0, 0, 5, 0, 0), values(1));
        // a plain SELECT of two rows is still refused
        assertThrows(TooManyRowsException.class, () -> db.one(select(A.id).from(A).where(A.id.in(11L, 12L))));
        assertThrows(TooManyRowsException.class,
                () -> db.sql("select id from accounts where id in (11, 12)").one(Long.class));
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void insideATransactionASavepointUndoesItAndTheTransactionGoesOn() {
        db.useTransaction(tx -> {
            tx.exec(update(A).set(A.v, 7).where(A.id.eq(21L)));
            assertThrows(TooManyRowsException.class,
                    () -> tx.one(update(A).set(A.v, 99).where(A.grp.eq(2)).returning(A.id)));
            assertThrows(TooManyRowsException.class,
                    () -> tx.sql("update accounts set v = 98 where grp = 2 returning id").one(Long.class));
            assertThrows(NoRowException.class,
                    () -> tx.one(update(A).set(A.v, 99).where(A.grp.eq(-1)).returning(A.id)));
            // the transaction sees its own work, without the undone statements
            assertEquals(List.of(7, 0, 0, 0, 0), tx.exec(select(A.v).from(A).where(A.grp.eq(2)).orderBy(A.id.asc())));
            tx.exec(update(A).set(A.v, 8).where(A.id.eq(22L)));
            assertEquals(23L, tx.one(update(A).set(A.v, 9).where(A.id.eq(23L)).returning(A.id)));
        });
        assertEquals(List.of(7, 8, 9, 0, 0), values(2), "the transaction's own work commits, the undone one does not");
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void rawSqlOneOnAStatementChangingSeveralRowsChangesNothing() {
        assertThrows(TooManyRowsException.class,
                () -> db.sql("update accounts set v = 99 where grp = :g returning id").bind("g", 3).one(Long.class));
        assertThrows(TooManyRowsException.class,
                () -> db.sql("/* audit */ UPDATE accounts SET v = 99 WHERE grp = 3 RETURNING id").one(Long.class));
        assertThrows(TooManyRowsException.class,
                () -> db.sql("with gone as (delete from accounts where grp = 3 returning id) select id from gone")
                        .one(Long.class));
        assertThrows(TooManyRowsException.class,
                () -> db.sql("delete from accounts where grp = 3 returning id").one(Long.class));
        assertEquals(UNTOUCHED, values(3));
        assertThrows(NoRowException.class,
                () -> db.sql("update accounts set v = 99 where grp = -1 returning id").one(Long.class));
        assertEquals(31L, db.sql("update accounts set v = 4 where id = 31 returning id").one(Long.class));
        assertEquals(List.of(4, 0, 0, 0, 0), values(3));
    }

    @Test
    void firstOnADataModifyingStatementIsRefusedBeforeItRuns() {
        IllegalStateException dsl = assertThrows(IllegalStateException.class,
                () -> db.first(update(A).set(A.v, 99).where(A.grp.eq(4)).returning(A.id)));
        assertTrue(dsl.getMessage().contains("exec(") && dsl.getMessage().contains("one("), dsl.getMessage());
        assertThrows(IllegalStateException.class, () -> db.first(deleteFrom(A).where(A.grp.eq(4)).returning(A.id)));
        IllegalStateException raw = assertThrows(IllegalStateException.class,
                () -> db.sql("update accounts set v = 99 where grp = 4 returning id").first(Long.class));
        assertTrue(raw.getMessage().contains("fetch(") && raw.getMessage().contains("one("), raw.getMessage());
        assertThrows(IllegalStateException.class,
                () -> db.sql("delete from accounts where grp = 4 returning id").first(Long.class));
        assertEquals(UNTOUCHED, values(4), "nothing was executed");

        // inside a transaction: refused too, and the transaction is not harmed
        db.useTransaction(tx -> {
            assertThrows(IllegalStateException.class,
                    () -> tx.first(update(A).set(A.v, 99).where(A.grp.eq(4)).returning(A.id)));
            assertThrows(IllegalStateException.class,
                    () -> tx.sql("update accounts set v = 99 where grp = 4 returning id").first(Long.class));
            tx.exec(update(A).set(A.v, 1).where(A.id.eq(41L)));
        });
        assertEquals(List.of(1, 0, 0, 0, 0), values(4));
        // first() on a plain SELECT still works
        assertEquals(41L, db.first(select(A.id).from(A).where(A.grp.eq(4)).orderBy(A.id.asc())).orElseThrow());
        assertEquals(41L, db.sql("select id from accounts where grp = 4 order by id").first(Long.class).orElseThrow());
    }
}
