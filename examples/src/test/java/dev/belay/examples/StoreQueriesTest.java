package dev.belay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How to test your own queries without a database: render them and compare the SQL text and the parameters.
 * Queries are immutable values, so these tests are plain JUnit, fast, and they fail the moment a query changes.
 */
final class StoreQueriesTest {

    @Test
    void theLongestTracksOfAGenre() {
        RenderedSql sql = StoreQueries.longest("Jazz", 400_000, 5).render();
        assertEquals("SELECT \"track\".\"id\", \"track\".\"album_id\", \"track\".\"title\", \"track\".\"genre\", "
                + "\"track\".\"millis\", \"track\".\"price\" FROM \"belay_tour\".\"track\" WHERE (\"track\".\"genre\" = ?) "
                + "AND (\"track\".\"millis\" > ?) ORDER BY \"track\".\"millis\" DESC LIMIT ?", sql.sql());
        assertEquals(List.of("Jazz", 400_000, 5L), sql.params());
    }

    @Test
    void revenuePerGenre() {
        RenderedSql sql = StoreQueries.revenuePerGenre(100L).render();
        assertEquals("SELECT \"track\".\"genre\", count(*), sum(\"purchase\".\"price\") FROM \"belay_tour\".\"purchase\" "
                + "JOIN \"belay_tour\".\"track\" ON \"purchase\".\"track_id\" = \"track\".\"id\" GROUP BY \"track\".\"genre\" "
                + "HAVING count(*) > ? ORDER BY sum(\"purchase\".\"price\") DESC", sql.sql());
        assertEquals(List.of(100L), sql.params());
    }

    /** date_trunc's part is a keyword, not a parameter, so the month is one expression in every clause. */
    @Test
    void monthlySales() {
        RenderedSql sql = StoreQueries.monthlySales(Instant.parse("2024-05-01T00:00:00Z")).render();
        String month = "date_trunc('month', \"purchase\".\"bought_at\")";
        assertEquals("SELECT " + month + ", count(*), sum(\"purchase\".\"price\"), count(*) FILTER (WHERE "
                + "\"purchase\".\"price\" > ?) FROM \"belay_tour\".\"purchase\" WHERE \"purchase\".\"bought_at\" < ? "
                + "GROUP BY " + month + " ORDER BY " + month + " ASC", sql.sql());
        assertEquals(List.of(new BigDecimal("1.00"), Instant.parse("2024-05-01T00:00:00Z")), sql.params());
    }

    /** A CASE holds bound values; grouped by itself it is written by its position, so PostgreSQL sees one expression. */
    @Test
    void lengthBuckets() {
        RenderedSql sql = StoreQueries.lengthBuckets().render();
        assertEquals("SELECT CASE WHEN \"track\".\"millis\" < ? THEN ? WHEN \"track\".\"millis\" < ? THEN ? ELSE ? END, "
                + "count(*) FROM \"belay_tour\".\"track\" GROUP BY 1 ORDER BY count(*) DESC", sql.sql());
        assertEquals(List.of(180_000, "short", 300_000, "medium", "long"), sql.params());
    }

    /** Keyset pagination: the next page is the same query with the last row's values; the base stays as it was. */
    @Test
    void theNextPageStartsAfterTheLastRow() {
        Select<Tuple2<String, Long>> page = StoreQueries.CUSTOMERS_BY_NAME;
        RenderedSql next = page.seek("Fan 100", 101L).render();
        assertEquals("SELECT \"customer\".\"name\", \"customer\".\"id\" FROM \"belay_tour\".\"customer\" WHERE "
                + "(\"customer\".\"name\", \"customer\".\"id\") > (?, ?) ORDER BY \"customer\".\"name\" ASC, "
                + "\"customer\".\"id\" ASC LIMIT ?", next.sql());
        assertEquals(List.of("Fan 100", 101L, 4L), next.params());
        assertEquals("SELECT \"customer\".\"name\", \"customer\".\"id\" FROM \"belay_tour\".\"customer\" ORDER BY "
                + "\"customer\".\"name\" ASC, \"customer\".\"id\" ASC LIMIT ?", page.render().sql(), "unchanged");
    }

    /** A query's SQL is rendered once: the same text for every call and every value bound. */
    @Test
    void theSqlTextIsTheSameForOtherValues() {
        assertSame(StoreQueries.CUSTOMERS_BY_NAME.render().sql(), StoreQueries.CUSTOMERS_BY_NAME.render().sql());
        assertEquals(StoreQueries.revenuePerGenre(1L).render().sql(), StoreQueries.revenuePerGenre(999L).render().sql());
    }
}
