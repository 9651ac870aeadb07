package dev.belay.bench;

import dev.belay.dsl.RenderedSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * What a rendered statement does on the database, so that the render benchmarks can check that Belay's text and
 * jOOQ's text (which differ in spelling) mean the same thing: each is run with its parameters in a transaction that
 * is rolled back, and its rows compared. A statement that returns new people's ids is compared by the rows those
 * ids name, since each run draws other ids.
 */
final class Outcome {
    private Outcome() {}

    static List<List<Object>> of(RenderedSql sql, boolean returnsPersonIds) throws SQLException {
        return of(sql.sql(), sql.params(), returnsPersonIds);
    }

    static List<List<Object>> of(DSLContext render, Query query, boolean returnsPersonIds) throws SQLException {
        return of(render.render(query), render.extractBindValues(query), returnsPersonIds);
    }

    /** Checks that Belay's and jOOQ's renders of one statement do the same, and that it does something. */
    static void same(String work, RenderedSql belay, DSLContext render, Query jooq, boolean returnsPersonIds)
            throws SQLException {
        List<List<Object>> expected = of(belay, returnsPersonIds);
        Check.that(!expected.isEmpty(), work, "belay", "returns no row: the check would prove nothing");
        Check.same(work, "belay", expected, "jooq", of(render, jooq, returnsPersonIds));
    }

    private static List<List<Object>> of(String sql, List<?> params, boolean returnsPersonIds) throws SQLException {
        try (Connection c = BenchDb.connect()) {
            c.setAutoCommit(false);
            try {
                List<List<Object>> rows = rows(c, sql, params);
                if (!returnsPersonIds) {
                    return rows;
                }
                List<List<Object>> people = new ArrayList<>(rows.size());
                for (List<Object> row : rows) {
                    people.addAll(rows(c, "SELECT name, email, age FROM bench_person WHERE id = ?", row));
                }
                return people;
            } finally {
                c.rollback();
            }
        }
    }

    private static List<List<Object>> rows(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
