package dev.belay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
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
