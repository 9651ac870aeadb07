package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.MappingException;
import dev.belay.executor.TransactionRolledBackException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, case 3: a streamed data-modifying statement outside a transaction runs in a transaction of its own
 * that commits only when the stream was read to the end. Each test works on its own group of rows; what
 * remains is counted on a plain JDBC connection.
 */
@FixtureDatabase
final class StreamTransactionTest {
    record Doomed(Long id, Integer grp, Long big) {}

    static final class DoomedTable extends Table<Doomed> {
        static final DoomedTable T = new DoomedTable();
        final Column<Doomed, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Doomed, Integer> grp = column("grp", PgType.INT4);
        final Column<Doomed, Long> big = column("big", PgType.INT8);

        private DoomedTable() {
            super("doomed", Doomed.class);
        }
    }

    record Narrow(Long id, Integer big) {}

    /** The same table with {@code big} read as int4: a value beyond Integer fails to map. */
    static final class NarrowTable extends Table<Narrow> {
        static final NarrowTable N = new NarrowTable();
        final Column<Narrow, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Narrow, Integer> big = column("big", PgType.INT4);

        private NarrowTable() {
            super("doomed", Narrow.class);
        }
    }

    private static final DoomedTable T = DoomedTable.T;
    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        t.execute("CREATE TABLE doomed (id int8 PRIMARY KEY, grp int4 NOT NULL, big int8 NOT NULL)");
        // a small fetch size: the rows arrive in several round trips, as a long stream's would
        db = t.open(b -> b.fetchSize(4));
    }

    /** Rows grp*100+1 .. grp*100+n of group {@code grp}, committed; big = id. */
    private static void seed(int grp, int n) {
        testDb.execute("INSERT INTO doomed SELECT " + grp + " * 100 + g, " + grp + ", " + grp + " * 100 + g "
                + "FROM generate_series(1, " + n + ") g");
    }

    private static long remaining(int grp) {
        try (Connection c = testDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM doomed WHERE grp = " + grp)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aConsumerThatThrowsAtRow3DeletesNothing() {
        seed(1, 10);
        IllegalStateException boom = new IllegalStateException("the consumer fails at row 3");
        List<Long> seen = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (Stream<Long> ids = db.stream(deleteFrom(T).where(T.grp.eq(1)).returning(T.id))) {
                ids.forEach(id -> {
                    seen.add(id);
                    if (seen.size() == 3) {
                        throw boom;
                    }
                });
            }
        });
        assertSame(boom, thrown);
        assertEquals(3, seen.size());
        assertEquals(10, remaining(1), "the delete must be rolled back");
        assertEquals(0, db.poolStats().active());

        // the same without try-with-resources: the exception alone rolls back and gives the connection back
        seen.clear();
        Stream<Long> unclosed = db.stream(deleteFrom(T).where(T.grp.eq(1)).returning(T.id));
        assertSame(boom, assertThrows(IllegalStateException.class, () -> unclosed.forEach(id -> {
            seen.add(id);
            if (seen.size() == 3) {
                throw boom;
            }
        })));
        assertEquals(0, db.poolStats().active(), "the failed stream released its connection by itself");
        assertEquals(10, remaining(1));
        unclosed.close();
    }

    @Test
    void aStreamClosedAfterTwoRowsDeletesNothing() {
        seed(2, 10);
        Iterator<Long> rest;
        try (Stream<Long> ids = db.stream(deleteFrom(T).where(T.grp.eq(2)).returning(T.id))) {
            rest = ids.iterator();
            rest.next();
            rest.next();
        }
        assertEquals(10, remaining(2), "closed early: the delete must be rolled back");
        assertEquals(0, db.poolStats().active());
        // the rows that were not read are gone, and saying "no more rows" would be a lie
        Iterator<Long> afterClose = rest;
        assertThrows(IllegalStateException.class, afterClose::hasNext);

        // an UPDATE ... RETURNING closed after one row changes nothing either
        try (Stream<Long> ids = db.stream(update(T).set(T.big, 0L).where(T.grp.eq(2)).returning(T.id))) {
            ids.iterator().next();
        }
        try (Connection c = testDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM doomed WHERE grp = 2 AND big = 0")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "the update must be rolled back");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStreamReadToTheEndDeletesEverything() {
        seed(3, 10);
        List<Long> ids;
        try (Stream<Long> s = db.stream(deleteFrom(T).where(T.grp.eq(3)).returning(T.id))) {
            ids = s.toList();
        }
        assertEquals(LongStream.rangeClosed(301, 310).boxed().toList(), List.copyOf(new TreeSet<>(ids)));
        assertEquals(10, ids.size());
        assertEquals(0, remaining(3), "read to the end: the delete commits");
        assertEquals(0, db.poolStats().active());

        // an INSERT ... RETURNING read to the end commits too, and one whose consumer throws does not
        List<Doomed> rows = List.of(new Doomed(351L, 3, 1L), new Doomed(352L, 3, 2L), new Doomed(353L, 3, 3L));
        try (Stream<Long> s = db.stream(insertInto(T).values(rows).returning(T.id))) {
            assertEquals(3, s.count());
        }
        assertEquals(3, remaining(3));
        List<Doomed> more = List.of(new Doomed(361L, 3, 1L), new Doomed(362L, 3, 2L));
        assertThrows(IllegalStateException.class, () -> {
            try (Stream<Long> s = db.stream(insertInto(T).values(more).returning(T.id))) {
                s.forEach(id -> {
                    throw new IllegalStateException("refused " + id);
                });
            }
        });
        assertEquals(3, remaining(3), "the second insert must be rolled back");
    }

    @Test
    void aMappingFailureMidStreamDeletesNothing() {
        seed(4, 5);
        testDb.execute("INSERT INTO doomed VALUES (406, 4, 5000000000)"); // beyond Integer, read last
        NarrowTable n = NarrowTable.N;
        List<Integer> seen = new ArrayList<>();
        MappingException e = assertThrows(MappingException.class, () -> {
            try (Stream<Integer> bigs = db.stream(deleteFrom(T).where(T.grp.eq(4)).returning(n.big))) {
                bigs.forEach(seen::add);
            }
        });
        assertTrue(e.getMessage().contains("big"), e.getMessage());
        assertTrue(!seen.isEmpty() && seen.size() < 6, "the failure came mid-stream, after " + seen);
        assertEquals(6, remaining(4), "the delete must be rolled back");
        assertEquals(0, db.poolStats().active());
    }

    /**
     * Inside a caller's transaction the stream does not own the commit, but a data-modifying stream closed before
     * its end changed rows nobody saw: the transaction refuses to commit them. Read to the end, it commits.
     */
    @Test
    void aDataModifyingStreamClosedEarlyInsideATransactionBlocksItsCommit() {
        seed(7, 10);
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class, () -> db.useTransaction(tx -> {
            try (Stream<Long> s = tx.stream(deleteFrom(T).where(T.grp.eq(7)).returning(T.id))) {
                assertEquals(2, s.limit(2).count());
            }
        }));
        assertTrue(e.getCause().getMessage().contains("closed before it was read to the end"), e.getCause().getMessage());
        assertEquals(10, remaining(7), "nothing of the half-read delete is committed");
        db.useTransaction(tx -> {
            try (Stream<Long> s = tx.stream(deleteFrom(T).where(T.grp.eq(7)).returning(T.id))) {
                assertEquals(10, s.count());
            }
        });
        assertEquals(0, remaining(7), "read to the end inside a transaction: committed with it");
    }

    @Test
    void rawSqlStreamsFollowTheSameRule() {
        seed(8, 10);
        try (Stream<Long> s = db.sql("delete from doomed where grp = :g returning id").bind("g", 8).stream(Long.class)) {
            assertEquals(3, s.limit(3).count());
        }
        assertEquals(10, remaining(8), "closed early: the raw delete is rolled back");
        try (Stream<Long> s = db.sql("delete from doomed where grp = :g returning id").bind("g", 8).stream(Long.class)) {
            assertEquals(10, s.count());
        }
        assertEquals(0, remaining(8), "read to the end: committed");
    }
}
