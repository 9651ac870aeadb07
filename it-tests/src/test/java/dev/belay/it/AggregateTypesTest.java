package dev.belay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.golden.AggregateGoldens;
import dev.belay.dsl.golden.Golden;
import dev.belay.test.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The executor reads a bigint into a BigDecimal without complaint, so running a query does not show a field that
 * declares another type than PostgreSQL returns. Here the server describes each aggregate golden's result columns,
 * and every column's type must be the one its field declares: {@code sum(int4)} is cast to numeric,
 * {@code sumLong} is int8, {@code percentile_cont} float8 or interval, {@code grouping} int4, and so on.
 */
@FixtureDatabase
final class AggregateTypesTest {
    /** pgjdbc names a plain column of an identity or serial column's table by the serial pseudo-type. */
    private static final Map<String, String> SERIAL = Map.of("bigserial", "int8", "serial", "int4", "smallserial", "int2");

    private static Connection connection;

    @BeforeAll
    static void open(TestDatabase db) throws SQLException {
        connection = db.connect();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    static List<Golden> selects() {
        return AggregateGoldens.cases().stream().filter(g -> g.query() instanceof Select<?>).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selects")
    void eachColumnHasTheDeclaredType(Golden golden) throws SQLException {
        Select<?> query = (Select<?>) golden.query();
        RenderedSql rendered = query.render();
        List<String> declared = new ArrayList<>();
        for (Field<?> f : query.fields()) {
            declared.add(describedName(f.type()));
        }
        List<String> described = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(connection, rendered)) {
            ResultSetMetaData meta = ps.getMetaData(); // Parse + Describe only
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                described.add(SERIAL.getOrDefault(meta.getColumnTypeName(i), meta.getColumnTypeName(i)));
            }
        }
        assertEquals(declared, described, golden.name() + ": " + rendered.sql());
    }

    /** pgjdbc names an array type by its element with a leading underscore, and an enum without quotes. */
    private static String describedName(PgType<?> type) {
        PgType<?> element = type.elementType();
        return element != null ? "_" + describedName(element) : type.sqlName().replace("\"", "");
    }
}
