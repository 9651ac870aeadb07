package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Param;
import dev.belay.dsl.Select;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reused query keeps one SQL text, so pgjdbc's per-connection statement cache turns it into a named
 * server-side prepared statement after its prepare threshold (5 executions): the server then parses and
 * plans it once. Checked on the server itself through {@code pg_prepared_statements}, on a one-connection
 * pool so every call lands on the same session.
 */
@FixtureDatabase
final class PreparedStatementTest {
    private static final Param<Integer> MIN_AGE = param("minAge", Integer.class);
    private static final Select<String> NAMES_OVER =
            select(USER.NAME).from(USER).where(USER.AGE.ge(MIN_AGE)).orderBy(USER.NAME.asc());

    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) throws SQLException {
        t.runScript(FixtureDatabase.SEED);
        db = t.open(b -> b.poolSize(1));
    }

    @Test
    void aReusedQueryBecomesAServerPreparedStatement() {
        String sql = NAMES_OVER.bind(MIN_AGE, 0).render().sql().replace("?", "$1");
        assertEquals(0L, prepared(sql), "nothing is prepared before the first call");
        for (int age = 10; age < 20; age++) {
            List<String> names = db.exec(NAMES_OVER.bind(MIN_AGE, age));
            assertEquals(age <= 17 ? List.of("Alice", "Bob") : List.of("Alice"), names, "age " + age);
        }
        assertEquals(1L, prepared(sql), "ten executions with different values share one server statement");
    }

    @Test
    void differentValuesInTheSameShapeShareOneStatementText() {
        String first = select(USER.NAME).from(USER).where(USER.NAME.eq("Alice")).render().sql();
        String second = select(USER.NAME).from(USER).where(USER.NAME.eq("Bob")).render().sql();
        assertEquals(first, second);
        for (int i = 0; i < 6; i++) {
            db.exec(select(USER.NAME).from(USER).where(USER.NAME.eq(i % 2 == 0 ? "Alice" : "Bob")));
        }
        assertEquals(1L, prepared(first.replace("?", "$1")), "queries built anew each call still hit one statement");
    }

    /** How many statements with this text the pool's one session holds prepared. */
    private static long prepared(String sql) {
        return db.sql("select count(*) from pg_prepared_statements where statement = :sql").bind("sql", sql)
                .one(Long.class);
    }
}
