package dev.belay.it;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.Field;
import dev.belay.dsl.Param;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A value used in several clauses runs on PostgreSQL through {@code db.exec}: grouped, DISTINCT and DISTINCT ON
 * queries whose expressions PostgreSQL must recognise as one (it refused them with 42803 / 42P10 when each use
 * was its own parameter), a Param used three times, inline literals, result columns by name and position, and
 * the refusal of {@code eq(param)} bound to NULL.
 */
@BelayTest
final class RepeatedValuesExecutionTest {
    record Play(Long id, String track, Integer ms) {}

    static final class PlayTable extends Table<Play> {
        static final PlayTable PLAY = new PlayTable();
        final Column<Play, Long> id = column("id", PgType.INT8).primaryKey().generated();
        final Column<Play, String> track = column("track", PgType.TEXT);
        final Column<Play, Integer> ms = column("ms", PgType.INT4);

        private PlayTable() {
            super("plays", Play.class);
        }
    }

    private static final PlayTable PLAY = PlayTable.PLAY;
    private static final Param<Integer> DIVISOR = param("divisor", Integer.class);
    private static final Param<Integer> MS = param("ms", Integer.class);
    /** Minutes 0, 0, 1, 1, 2, 2, 3. */
    private static final List<Tuple2<Integer, Long>> PER_MINUTE = List.of(new Tuple2<>(0, 2L), new Tuple2<>(1, 2L),
            new Tuple2<>(2, 2L), new Tuple2<>(3, 1L));

    private static DBConnection db;

    @BeforeAll
    static void createTable(TestDatabase t) {
        t.execute("CREATE TABLE plays (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, track text NOT NULL, "
                + "ms integer NOT NULL)");
        t.execute("INSERT INTO plays (track, ms) VALUES ('a', 1000), ('b', 59000), ('c', 60000), ('d', 61000), "
                + "('e', 125000), ('f', 130000), ('g', 200000)");
        db = t.open();
    }

    @Test
    void minutesBucketReportWithABoundDivisor() {
        Field<Integer> m = PLAY.ms.div(60000);
        assertEquals(PER_MINUTE, db.exec(select(m, count()).from(PLAY).groupBy(m).orderBy(m)));
        // the divisor built anew in each clause is the same expression too
        assertEquals(PER_MINUTE, db.exec(select(PLAY.ms.div(60000), count()).from(PLAY).groupBy(PLAY.ms.div(60000))
                .orderBy(PLAY.ms.div(60000))));
        // and HAVING on the bucket, where the divisor is written as a literal
        assertEquals(PER_MINUTE.subList(1, 4), db.exec(select(m, count()).from(PLAY).groupBy(m).having(m.gt(0))
                .orderBy(m)));
    }

    @Test
    void minutesBucketReportWithAParamDivisor() {
        Field<Integer> m = PLAY.ms.div(DIVISOR);
        Select<Tuple2<Integer, Long>> report = select(m, count()).from(PLAY).groupBy(m).orderBy(m);
        assertEquals(PER_MINUTE, db.exec(report.bind(DIVISOR, 60000)));
        assertEquals(List.of(new Tuple2<>(0, 6L), new Tuple2<>(1, 1L)), db.exec(report.bind(DIVISOR, 200000)));
    }

    /**
     * A Param whose expression is not in the select list: in GROUP BY and HAVING, in DISTINCT ON and ORDER BY. It is
     * written ? where it first appears and $1 after, so PostgreSQL sees one parameter and one expression.
     */
    @Test
    void aParamDivisorOutsideTheSelectList() {
        Field<Integer> m = PLAY.ms.div(DIVISOR);
        Select<Long> perBusyMinute = select(count()).from(PLAY).groupBy(m).having(m.gt(0)).orderBy(m)
                .bind(DIVISOR, 60000);
        assertTrue(perBusyMinute.render().sql().endsWith("GROUP BY \"plays\".\"ms\" / ? HAVING (\"plays\".\"ms\" / $1) > ? "
                + "ORDER BY (\"plays\".\"ms\" / $1) ASC"), perBusyMinute.render().sql());
        assertEquals(List.of(2L, 2L, 1L), db.exec(perBusyMinute));
        assertEquals(List.of("a", "c", "e", "g"), db.exec(select(PLAY.track).from(PLAY).distinctOn(m)
                .orderBy(m, PLAY.track).bind(DIVISOR, 60000)));
    }

    @Test
    void distinctWithOrderBy() {
        Field<Integer> m = PLAY.ms.div(60000);
        assertEquals(List.of(3, 2, 1, 0), db.exec(selectDistinct(m).from(PLAY).orderBy(m.desc())));
    }

    @Test
    void distinctOnWithOrderBy() {
        Field<Integer> m = PLAY.ms.div(60000);
        assertEquals(List.of(new Tuple2<>(0, "b"), new Tuple2<>(1, "d"), new Tuple2<>(2, "f"), new Tuple2<>(3, "g")),
                db.exec(select(m, PLAY.track).from(PLAY).distinctOn(m).orderBy(m, PLAY.track.desc())));
        // the bucket not selected: the divisor is written as a literal in DISTINCT ON and ORDER BY
        assertEquals(List.of("a", "c", "e", "g"),
                db.exec(select(PLAY.track).from(PLAY).distinctOn(m).orderBy(m, PLAY.track)));
    }

    @Test
    void aParamUsedThreeTimes() {
        Field<Integer> m = PLAY.ms.div(DIVISOR);
        Select<Tuple2<Integer, Long>> fromOneDivisorOn = select(m, count()).from(PLAY).where(PLAY.ms.ge(DIVISOR))
                .groupBy(m).orderBy(m);
        assertEquals(PER_MINUTE.subList(1, 4), db.exec(fromOneDivisorOn.bind(DIVISOR, 60000)));
    }

    @Test
    void inlineLiteralsAndResultColumns() {
        assertEquals(List.of("b", "a"), db.exec(select(PLAY.track).from(PLAY).where(PLAY.ms.lt(inline(60000)))
                .orderBy(resultColumn(1).desc())));
        Field<Integer> minute = PLAY.ms.div(60000).as("minute");
        assertEquals(List.of(new Tuple2<>(3, 1L), new Tuple2<>(0, 2L), new Tuple2<>(1, 2L), new Tuple2<>(2, 2L)),
                db.exec(select(minute, count().as("plays")).from(PLAY).groupBy(resultColumn("minute"))
                        .orderBy(resultColumn("plays").asc(), resultColumn("minute"))));
        assertEquals(List.of(new Tuple2<>("it's", true)), db.exec(select(inline("it's"), inline(true))));
    }

    @Test
    void eqParamBoundToNullIsRefused() {
        Select<String> byMs = select(PLAY.track).from(PLAY).where(PLAY.ms.eq(MS));
        assertEquals(List.of("c"), db.exec(byMs.bind(MS, 60000)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.exec(byMs.bind(MS, null)));
        assertTrue(e.getMessage().contains("eq(:ms) on \"plays\".\"ms\": :ms is bound to null"), e.getMessage());
        assertTrue(e.getMessage().contains("isNotDistinctFrom(value)"), e.getMessage());
        // bound before the comparison was added: refused when db.exec renders it
        Select<String> nullSafe = select(PLAY.track).from(PLAY).where(PLAY.ms.isNotDistinctFrom(MS)).bind(MS, null);
        assertEquals(List.of(), db.exec(nullSafe));
        e = assertThrows(IllegalArgumentException.class, () -> db.exec(nullSafe.where(PLAY.ms.lt(MS))));
        assertTrue(e.getMessage().contains("lt(:ms) on \"plays\".\"ms\": :ms is bound to null"), e.getMessage());
    }
}
