package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import org.junit.jupiter.api.Test;

/** ORDER BY and GROUP BY by result column name or position, checked against the select list while building. */
final class ResultColumnTest {
    private static final Select<Tuple2<String, Long>> PER_NAME = select(USER.NAME, count().as("n")).from(USER);

    @Test
    void anUnknownNameIsRefusedNamingItAndListingTheColumns() {
        assertFails(IllegalArgumentException.class, () -> PER_NAME.orderBy(resultColumn("total").desc()),
                "orderBy(resultColumn(\"total\"))", "no column named \"total\"", "[1: \"name\", 2: \"n\"]",
                ".as(\"total\")");
        assertFails(IllegalArgumentException.class, () -> PER_NAME.groupBy(resultColumn("total")),
                "groupBy(resultColumn(\"total\"))", "[1: \"name\", 2: \"n\"]");
    }

    @Test
    void anUnnamedExpressionIsListedByItsSql() {
        assertFails(IllegalArgumentException.class,
                () -> select(USER.NAME, USER.AGE.plus(1)).from(USER).orderBy(resultColumn("x")),
                "[1: \"name\", 2: (no name) \"users\".\"age\" + 1]");
    }

    @Test
    void aPositionPastTheSelectListIsRefused() {
        assertFails(IllegalArgumentException.class, () -> PER_NAME.orderBy(3),
                "orderBy(resultColumn(3))", "selects 2 columns", "positions count from 1");
        assertFails(IllegalArgumentException.class, () -> PER_NAME.groupBy(1, 3), "groupBy(resultColumn(3))");
        assertFails(IllegalArgumentException.class, () -> PER_NAME.orderBy(0), "resultColumn(0)", "count from 1");
        assertFails(IllegalArgumentException.class, () -> resultColumn(-1), "resultColumn(-1)");
    }

    @Test
    void aNameTwoColumnsShareIsRefusedAsAmbiguous() {
        Select<Tuple3<String, String, Long>> twice = select(USER.NAME, USER.EMAIL.as("name"), count()).from(USER);
        assertFails(IllegalArgumentException.class, () -> twice.orderBy(resultColumn("name")),
                "positions 1 and 2 are both named \"name\"");
    }

    @Test
    void aWindowCannotOrderByAResultColumn() {
        assertFails(IllegalArgumentException.class, () -> window().orderBy(resultColumn(1)),
                "a window's orderBy(...) cannot use resultColumn(1)");
        assertFails(IllegalArgumentException.class, () -> window().orderBy(resultColumn("n").desc()),
                "resultColumn(\"n\") DESC");
    }

    @Test
    void directionsAndNullsOrders() {
        assertEquals("SELECT \"users\".\"name\", count(*) AS \"n\" FROM \"users\" GROUP BY 1 "
                        + "ORDER BY \"n\" DESC NULLS LAST, 1 ASC NULLS FIRST, \"name\" ASC",
                PER_NAME.groupBy(1).orderBy(resultColumn("n").desc().nullsLast(), resultColumn(1).asc().nullsFirst(),
                        resultColumn("name")).render().sql());
    }

    @Test
    void seekCompareswithTheSelectedFields() {
        Select<Tuple2<String, Long>> page = select(USER.NAME, USER.ID).from(USER)
                .orderBy(resultColumn("name"), resultColumn(2)).seek("Bob", 7L);
        assertEquals("SELECT \"users\".\"name\", \"users\".\"id\" FROM \"users\" WHERE (\"users\".\"name\", "
                + "\"users\".\"id\") > (?, ?) ORDER BY \"name\" ASC, 2 ASC", page.render().sql());
    }

    @Test
    void theBaseQueryIsUnchanged() {
        Select<Tuple2<String, Long>> grouped = PER_NAME.groupBy(1);
        grouped.orderBy(2);
        assertEquals("SELECT \"users\".\"name\", count(*) AS \"n\" FROM \"users\" GROUP BY 1", grouped.render().sql());
        assertEquals("SELECT \"users\".\"name\", count(*) AS \"n\" FROM \"users\"", PER_NAME.render().sql());
    }
}
