package dev.belay.it;

import static dev.belay.dsl.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.ResultQuery;
import dev.belay.dsl.Select;
import dev.belay.dsl.annotations.Table;
import dev.belay.dsl.golden.Golden;
import dev.belay.dsl.golden.Goldens;
import dev.belay.executor.DBConnection;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends every golden statement of the dsl's catalogs to PostgreSQL, so each golden SQL text is proven
 * valid against the fixture schema, not only equal to what someone wrote down. INSERT, UPDATE and DELETE
 * goldens are only parsed and described here (no Execute message is sent); their effects are checked on
 * seeded data by {@link GoldenEffectsTest}. The describe checks run on a plain JDBC connection (the executor
 * has no Parse/Describe API) in a transaction rolled back after each test; SELECTs run through the executor,
 * each in its own rolled-back transaction, so even a SELECT with a data-modifying CTE leaves the database as
 * it was.
 */
@FixtureDatabase
final class GoldenStatementsTest {
    /** For Parse/Describe only: the executor has no API that describes without executing. */
    private static Connection connection;

    /** Runs the SELECT goldens and maps their rows, as an application would. */
    private static DBConnection dbc;

    @BeforeAll
    static void open(TestDatabase db) throws SQLException {
        connection = db.connect();
        connection.setAutoCommit(false);
        dbc = db.open();
    }

    @AfterEach
    void rollback() throws SQLException {
        connection.rollback();
    }

    /** Nothing any golden did here may have reached the database: every table is still empty. */
    @AfterAll
    static void close() throws SQLException {
        connection.close();
        for (String table : FixtureDatabase.TABLES) {
            long count = dbc.sql("SELECT count(*) FROM " + table).one(Long.class);
            assertEquals(0L, count, table + " was changed by a golden statement; they must only "
                    + "be described (DML) or run in the rolled-back transaction (SELECT)");
        }
    }

    static List<Golden> dmlGoldens() {
        return Goldens.all().stream().filter(g -> !(g.query() instanceof Select<?>)).toList();
    }

    /**
     * INSERT, UPDATE and DELETE goldens are described with their bound parameters and their result shape is
     * checked: a row-count statement has no result columns, RETURNING has one per returned field.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dmlGoldens")
    void dmlIsDescribedWithItsResultShape(Golden golden) throws SQLException {
        RenderedSql rendered = golden.query().render();
        int expected = golden.query() instanceof ResultQuery<?> r ? r.fields().size() : 0;
        try (PreparedStatement ps = Jdbc.prepare(connection, rendered)) {
            ResultSetMetaData meta = ps.getMetaData(); // Parse + Describe only, no Execute
            assertEquals(expected, meta == null ? 0 : meta.getColumnCount(), golden.name() + ": result columns of "
                    + rendered.sql());
        }
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

    /**
     * SELECTs also run through the executor (on the empty tables, so nothing depends on data): the executor
     * binds every value, the server converts it, and the executor builds its row mapping from the result's
     * columns into the golden's declared result type, so a golden whose type cannot be read fails here even
     * with no row. A row that does come back (a SELECT without FROM) must be of that type. A data-modifying
     * CTE in one is undone by the rollback.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("selectGoldens")
    void selectsExecute(Golden golden) {
        ResultQuery<?> query = (ResultQuery<?>) golden.query();
        List<?> rows;
        try {
            rows = Rollback.rolledBack(dbc, tx -> tx.exec(query));
        } catch (RuntimeException e) {
            throw new AssertionError(golden.name() + ": executing " + golden.sql() + " into "
                    + query.resultType().getName() + " failed: " + e, e);
        }
        for (Object row : rows) {
            if (row != null || !scalar(query)) {
                assertInstanceOf(query.resultType(), row, () -> golden.name() + ": a row of " + golden.sql());
            }
        }
    }

    /** A one-field query read as that field's value, whose row is null when the value is SQL NULL. */
    private static boolean scalar(ResultQuery<?> query) {
        return query.fields().size() == 1 && query.resultType() == query.fields().get(0).type().javaType();
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
