package dev.belay.it.docs;

import static dev.belay.dsl.Sql.*;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/testing.md: a query's SQL tested without a database. */
final class SqlUnitTestDocTest {

    // tag::testing-unit[]
    static Select<User> adultsNamed(String prefix) {
        return select(User.class).where(USER.AGE.ge(18)).where(USER.NAME.startsWith(prefix));
    }

    @Test
    void adultsNamedRendersOneStatementWithTwoParameters() {
        RenderedSql sql = adultsNamed("A_").render();
        assertEquals("SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"email\", \"users\".\"age\", "
                + "\"users\".\"created_at\" FROM \"users\" "
                + "WHERE (\"users\".\"age\" >= ?) AND (\"users\".\"name\" LIKE ?)", sql.sql());
        assertEquals(List.of(18, "A\\_%"), sql.params());          // LIKE wildcards in the value are escaped
        assertEquals(sql.sql(), adultsNamed("B").render().sql());  // one SQL text for every prefix
    }
    // end::testing-unit[]

    @Test
    void inlinedForLogs() {
        // tag::testing-inline[]
        String forLogs = adultsNamed("A").toString();   // values inlined as literals: for logs only, never to run
        // end::testing-inline[]
        assertEquals(true, forLogs.contains("'A%'"), forLogs);
    }
}
