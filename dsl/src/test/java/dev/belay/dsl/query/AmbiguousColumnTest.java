package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Cte;
import dev.belay.dsl.DerivedTable;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import org.junit.jupiter.api.Test;

/**
 * Two result columns of one name in a derived table or CTE: PostgreSQL accepts the subquery but rejects a
 * reference to that name as ambiguous, so the reference is refused while building, naming the fix.
 */
final class AmbiguousColumnTest {
    private static Select<Tuple2<Long, Long>> bothIds() {
        return select(USER.ID, ORDER.ID).from(USER).join(ORDER).on(ORDER.USER_ID.eq(USER.ID));
    }

    @Test
    void aDerivedTableColumnSelectedTwiceUnderOneNameIsRefusedAtTheReference() {
        DerivedTable<Tuple2<Long, Long>> x = bothIds().asTable("x");
        for (var column : java.util.List.of(USER.ID, ORDER.ID)) {
            assertFails(IllegalArgumentException.class, () -> x.field(column), "derived table x", "column \"id\"",
                    "ambiguous", "\"users\".\"id\"", "\"orders\".\"id\"", ".as(\"other_name\")");
        }
        // unreferenced, the duplicate is legal SQL
        assertEquals("SELECT count(*) FROM (SELECT \"users\".\"id\", \"orders\".\"id\" FROM \"users\" JOIN \"orders\" "
                + "ON \"orders\".\"user_id\" = \"users\".\"id\") AS \"x\"", select(count()).from(x).render().sql());
    }

    @Test
    void renamingOneOfThemResolvesIt() {
        DerivedTable<Tuple2<Long, Long>> x = select(USER.ID, ORDER.ID.as("order_id")).from(USER).join(ORDER)
                .on(ORDER.USER_ID.eq(USER.ID)).asTable("x");
        assertEquals("\"x\".\"id\"", x.field(USER.ID).toString());
        assertEquals("\"x\".\"order_id\"", x.field(ORDER.ID).toString());
    }

    @Test
    void anExplicitAliasCanCollideToo() {
        DerivedTable<Tuple2<String, String>> x = select(USER.NAME, USER.EMAIL.as("name")).from(USER).asTable("x");
        assertFails(IllegalArgumentException.class, () -> x.field(USER.NAME), "derived table x", "\"name\"",
                "ambiguous");
    }

    @Test
    void aCteColumnSelectedTwiceUnderOneNameIsRefused() {
        Cte<Tuple2<Long, Long>> c = cte("c").as(bothIds());
        assertFails(IllegalArgumentException.class, () -> c.field(ORDER.ID), "cte c", "column \"id\"", "ambiguous",
                ".as(\"other_name\")");
    }

    @Test
    void cteColumnNamesDecideAndMayCollideThemselves() {
        Cte<Tuple2<Long, Long>> named = cte("c", "user_id", "order_id").as(bothIds());
        assertEquals("\"c\".\"order_id\"", named.field(ORDER.ID).toString());
        Cte<Tuple2<Long, Long>> twice = cte("c", "k", "k").as(bothIds());
        assertFails(IllegalArgumentException.class, () -> twice.field(USER.ID), "cte c", "column \"k\"", "ambiguous");
    }

    @Test
    void orderByAfterAUnionOfDuplicateNamesIsRefused() {
        Select<Tuple2<Long, Long>> union = bothIds().union(bothIds());
        assertFails(IllegalArgumentException.class, () -> union.orderBy(ORDER.ID), "column \"id\"", "ambiguous");
    }
}
