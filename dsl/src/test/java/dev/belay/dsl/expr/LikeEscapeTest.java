package dev.belay.dsl.expr;

import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Condition;
import dev.belay.dsl.RenderedSql;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * contains/startsWith/endsWith match the value literally: LIKE's wildcards {@code %} and {@code _} and
 * PostgreSQL's default LIKE escape character {@code \} are each preceded by a backslash. like() and its
 * siblings take a pattern and pass it through untouched.
 */
final class LikeEscapeTest {

    private static RenderedSql where(Condition c) {
        return select(USER.ID).from(USER).where(c).render();
    }

    // Columns: the literal value, then the escaped value (what must appear between the added wildcards).
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""           | ""
            plain        | plain
            %            | \\%
            _            | \\_
            \\           | \\\\
            50%_\\       | 50\\%\\_\\\\
            a\\%b        | a\\\\\\%b
            %%__         | \\%\\%\\_\\_
            it's         | it's
            ä_ö%ü        | ä\\_ö\\%ü
            \\\\n        | \\\\\\\\n
            [a-z]*       | [a-z]*
            """)
    void escapesWildcardsAndBackslash(String value, String escaped) {
        assertEquals("SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"name\" LIKE ?",
                where(USER.NAME.contains(value)).sql());
        assertEquals(List.of("%" + escaped + "%"), where(USER.NAME.contains(value)).params());
        assertEquals(List.of(escaped + "%"), where(USER.NAME.startsWith(value)).params());
        assertEquals(List.of("%" + escaped), where(USER.NAME.endsWith(value)).params());
    }

    @Test
    void containsEscapesTheBriefsExample() {
        assertEquals(List.of("%50\\%\\_\\\\%"), where(USER.NAME.contains("50%_\\")).params());
    }

    @Test
    void patternsArePassedAsGiven() {
        String pattern = "a%_\\%";
        assertEquals(List.of(pattern), where(USER.NAME.like(pattern)).params());
        assertEquals(List.of(pattern), where(USER.NAME.notLike(pattern)).params());
        assertEquals(List.of(pattern), where(USER.NAME.ilike(pattern)).params());
        assertEquals(List.of(pattern), where(USER.NAME.notIlike(pattern)).params());
    }

    @Test
    void operatorsOfTheMatchers() {
        assertEquals("\"users\".\"name\" LIKE '%x\\_%'", USER.NAME.contains("x_").toString());
        assertEquals("\"users\".\"name\" LIKE 'x\\%%'", USER.NAME.startsWith("x%").toString());
        assertEquals("\"users\".\"name\" LIKE '%x\\\\'", USER.NAME.endsWith("x\\").toString());
        assertEquals("\"users\".\"name\" NOT ILIKE 'A%'", USER.NAME.notIlike("A%").toString());
    }
}
