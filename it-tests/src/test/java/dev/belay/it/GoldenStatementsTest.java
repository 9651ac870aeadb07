package dev.belay.it;

import static dev.belay.dsl.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.annotations.Table;
import dev.belay.dsl.golden.Golden;
import dev.belay.dsl.golden.Goldens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends every golden statement of the dsl's catalogs to PostgreSQL, so each golden SQL text is proven
 * valid against the fixture schema, not only equal to what someone wrote down.
 */
@ExtendWith(TestDatabase.class)
final class GoldenStatementsTest {
    private static Connection connection;

    @BeforeAll
    static void open(TestDb db) throws SQLException {
        connection = db.connect();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    static List<Golden> goldens() {
        return Goldens.all();
    }

    /** Parse + Describe with untyped parameters: the server checks names and infers every parameter's type. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void serverAcceptsTheStatement(Golden golden) {
        assertEquals(golden.params().size(), describe(golden.name(), golden.sql()), golden.name());
    }

    /**
     * Parse + Describe again with the parameters bound as the executor will bind them (each with its
     * PgType), which catches a value type the statement's operators do not accept.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void serverAcceptsTheBoundParameters(Golden golden) throws SQLException {
        RenderedSql rendered = golden.query().render();
        try (PreparedStatement ps = Jdbc.prepare(connection, rendered)) {
            assertEquals(golden.params().size(), ps.getParameterMetaData().getParameterCount(), golden.name());
        } catch (SQLException e) {
            throw new AssertionError(golden.name() + ": PostgreSQL rejected the bound parameters "
                    + rendered.paramTypes() + " of " + rendered.sql() + ": " + e.getMessage(), e);
        }
    }

    static List<Golden> selectGoldens() {
        return Goldens.all().stream().filter(g -> g.query() instanceof Select<?>).toList();
    }

    /** SELECTs also run (on the empty tables, so nothing depends on data): the server converts every bound value. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("selectGoldens")
    void selectsExecute(Golden golden) {
        try {
            Jdbc.query(connection, golden.query());
        } catch (SQLException e) {
            throw new AssertionError(golden.name() + ": executing " + golden.sql() + " failed: " + e.getMessage(), e);
        }
    }

    @Test
    void describeReachesTheServerAndRejectsAnUnknownColumn() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> describe("bad column", "SELECT \"users\".\"nope\" FROM \"users\" WHERE \"users\".\"id\" = ?"));
        assertTrue(e.getMessage().contains("42703"), e.getMessage()); // undefined_column
    }

    @Table("no_such_table")
    record Ghost(Long id) {}

    @Test
    void rejectsARenderedQueryOnAMissingTable() {
        String sql = select(Ghost.class).render().sql();
        AssertionError e = assertThrows(AssertionError.class, () -> describe("missing table", sql));
        assertTrue(e.getMessage().contains("42P01"), e.getMessage()); // undefined_table
    }

    /** The server's parameter count for the statement; an AssertionError naming the SQLSTATE if it is rejected. */
    private static int describe(String name, String sql) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            // pgjdbc answers this with a Parse/Describe round trip, so the statement is checked by the server
            return ps.getParameterMetaData().getParameterCount();
        } catch (SQLException e) {
            throw new AssertionError(name + ": PostgreSQL rejected " + sql + " [SQLSTATE " + e.getSQLState() + "]: "
                    + e.getMessage(), e);
        }
    }
}
