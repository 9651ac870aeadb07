package dev.belay.it.docs;

import static org.junit.jupiter.api.Assertions.fail;

import dev.belay.dsl.Query;

/** The golden check behind every SQL block in the documentation. */
final class DocSql {
    private DocSql() {}

    /**
     * Asserts the exact SQL a query renders. {@code expected} is a text block as the documentation shows it,
     * broken over lines at spaces: its lines are joined with one space. DocSnippetsTest checks that every
     * ```sql block of docs/ and README.md is one of these text blocks.
     */
    static void assertSql(Query query, String expected) {
        String want = expected.strip().replaceAll("\\s*\\n\\s*", " ");
        String got = query.render().sql();
        if (!want.equals(got)) {
            fail("rendered SQL differs from the documentation\n  want: " + want + "\n  got:  " + got);
        }
    }
}
