package dev.belay.it;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.executor.DBConnection;
import dev.belay.test.TestDatabase;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ways a query's declared types could be lost on the way through the executor, found while moving the golden
 * and execution tests onto it: a row-mapping plan reused for a query that has the same SQL text but other field
 * or parameter types, and a typed NULL that reaches the server without its type.
 */
@FixtureDatabase
final class ExecTypeFidelityTest {
    private static DBConnection dbc;

    @BeforeAll
    static void open(TestDatabase db) {
        dbc = db.open();
    }

    /**
     * Both queries render {@code SELECT ?, ?} and both have result type Tuple2, but their fields are
     * (text, int4) and (int4, text): each must be read with its own field types, not the first one's plan.
     */
    @Test
    void twoQueriesWithTheSameSqlButOtherFieldTypesEachMapByTheirOwnFields() {
        Select<Tuple2<String, Integer>> textThenInt = select(value("1"), value(2));
        Select<Tuple2<Integer, String>> intThenText = select(value(3), value("4"));
        assertEquals(textThenInt.render().sql(), intThenText.render().sql());
        assertEquals(List.of(new Tuple2<>("1", 2)), dbc.exec(textThenInt));
        List<Tuple2<Integer, String>> rows = dbc.exec(intThenText);
        Tuple2<?, ?> row = rows.get(0); // read through wildcards, so a wrongly typed value shows instead of throwing
        assertEquals(List.of(Integer.class, String.class), List.of(row.v1().getClass(), row.v2().getClass()),
                "the Java types of " + row);
        assertEquals(List.of(new Tuple2<>(3, "4")), rows);
    }

    /** Raw SQL maps by the result's columns, whose types follow what is bound: the plan is per parameter type. */
    @Test
    void rawSqlWithOneTextAndOtherBoundTypesMapsEachByItsOwnColumns() {
        String sql = "SELECT :v AS v";
        assertEquals(Integer.valueOf(7), dbc.sql(sql).bind("v", 7).one(Row.class).get("v"));
        assertEquals("seven", dbc.sql(sql).bind("v", "seven").one(Row.class).get("v"));
        assertEquals(Long.valueOf(7L), dbc.sql(sql).bind("v", 7L).one(Row.class).get("v"));
    }

    /** A jsonb NULL sent untyped makes {@code ? ->> ?} ambiguous (42725); sent as jsonb it is simply NULL. */
    @Test
    void aNullJsonbValueReachesTheServerAsJsonb() {
        List<String> rows = dbc.exec(select(value(null, PgType.JSONB).jsonGetText("k")));
        assertEquals(Arrays.asList((String) null), rows);
    }
}
