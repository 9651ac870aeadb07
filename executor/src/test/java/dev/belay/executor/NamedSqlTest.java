package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link NamedSql} reads raw SQL: the exact text handed to pgjdbc and the placeholder names, case by case
 * along PostgreSQL's lexer rules, and the {@code modifiesData} classification. {@code RawSqlLexerTest} in
 * it-tests runs the same kinds of statements on PostgreSQL.
 */
final class NamedSqlTest {

    /** Asserts the pgjdbc text and the placeholder names of {@code sql}. */
    private static void assertParsed(String sql, String jdbc, String... names) {
        NamedSql parsed = NamedSql.parse(sql);
        assertEquals(sql, parsed.original());
        assertEquals(jdbc, parsed.jdbc(), sql);
        assertEquals(List.of(names), parsed.names(), sql);
    }

    /** Asserts the text is left as it is and has exactly these named placeholders, in order. */
    private static void assertNames(String sql, String... names) {
        assertEquals(List.of(names), NamedSql.parse(sql).names(), sql);
    }

    private static void assertRefused(String sql, String... messageParts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NamedSql.parse(sql));
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    // ---- placeholders --------------------------------------------------------------------------

    @Test
    void namedAndPositionalPlaceholders() {
        assertParsed("select :a, :b_2, :a", "select ?, ?, ?", "a", "b_2", "a");
        assertParsed("select ?, ?", "select ?, ?", "", "");
        assertParsed("select :naïve$1", "select ?", "naïve$1");
        assertParsed("select x from t where x=:v", "select x from t where x=?", "v");
    }

    @Test
    void blankMixedAndLoneColonsAreHandledAsBefore() {
        assertRefused("   \n", "needs SQL text");
        assertRefused("select :a, ?", "mixes :name and ?");
        assertParsed("select a := 1, x : y", "select a := 1, x : y");
    }

    @Test
    void escapeStringsTakeBackslashEscapes() {
        assertParsed("select E'it\\'s :x' as s, :y", "select E'it\\'s :x' as s, ?", "y");
        assertParsed("select e'it\\'s :x', :y", "select e'it\\'s :x', ?", "y");
        assertNames("select E'a''b :x', :y", "y");
        // an escaped backslash does not escape the closing quote
        assertNames("select E'\\\\', :y", "y");
        // (E'..' after a parenthesis, an operator or a comma
        assertNames("select (E'\\' :x'), 1||E'\\' :x', :y", "y");
    }

    @Test
    void plainStringsHaveNoBackslashEscapes() {
        assertNames("select '\\', :y", "y");
        assertNames("select U&'\\', :y, B'1', X'ff', N'\\'", "y");
        // an E that ends an identifier is no E'' prefix: xE'\' is the identifier xE, then the string '\'
        assertNames("select xE'\\', :y, ''", "y");
    }

    @Test
    void aContinuedEscapeStringKeepsItsEscapes() {
        // PostgreSQL joins string constants separated by whitespace with a newline, and E'' mode carries over
        assertNames("select E'a'\n'\\' :x' as s, :y", "y");
        assertNames("select E'a' -- note :z\n  '\\' :x', :y", "y");
        assertNames("select E'a'\r\n\t'\\' :x', :y", "y");
        // without a newline there is no continuation, so the second string is plain
        assertNames("select E'a' '\\', :y", "y");
        // a continued plain string stays plain
        assertNames("select 'a'\n'\\', :y", "y");
    }

    @Test
    void unterminatedStringsNameTheirPosition() {
        assertRefused("select E'it\\'s", "unterminated escape string", "index 7");
        assertRefused("select E'ends in a backslash\\", "unterminated escape string", "index 7");
        assertRefused("select 'abc", "unterminated string", "index 7");
        assertRefused("select \"abc", "unterminated quoted identifier", "index 7");
        assertRefused("select $q$ abc $Q$", "unterminated $q$ quote", "index 7");
    }

    @Test
    void blockCommentsNest() {
        assertParsed("select /* a /* b */ :x */ :y", "select /* a /* b */ :x */ ?", "y");
        assertNames("select /**/ :y /*/ :x */", "y");
        assertNames("select /* :x ? -- */ :y", "y");
        assertNames("select /* * / :x **/ :y", "y");
        assertRefused("select /* a /* b */ :x", "unterminated /* comment", "index 7", "nest");
    }

    @Test
    void lineCommentsEndAtEitherNewline() {
        assertParsed("select :y -- :x ?\n, :z", "select ? -- :x ?\n, ?", "y", "z");
        assertNames("select :y -- :x\r, :z", "y", "z");
        assertNames("select 1 -- :x ? at the very end");
        assertNames("select 2 --:x\n-:y", "y");
    }

    @Test
    void arraySlicesAreNotPlaceholders() {
        assertParsed("select a[2:n], a[lo:hi], a[1:3]", "select a[2:n], a[lo:hi], a[1:3]");
        assertNames("select (f(x))[2:n], a[f(x):n], a[b[1]:n], a[é:n]");
        // the documented consequences: no placeholder right after a keyword, and a[:(hi)] for a column bound
        assertNames("select case when true then 1 else:v end, a[:(hi)], a[lo:]");
        // a colon after anything else starts one
        assertParsed("select x = :v, (:v), f(1,:w), a[:i], a[1: :hi], a[:lo:hi]",
                "select x = ?, (?), f(1,?), a[?], a[1: ?], a[?:hi]", "v", "v", "w", "i", "hi", "lo");
    }

    @Test
    void castsAreNotPlaceholders() {
        assertParsed("select :v::int4 + 1, x::text, '1'::int, (:w)::text",
                "select ?::int4 + 1, x::text, '1'::int, (?)::text", "v", "w");
        assertParsed("select ?::int4", "select ?::int4", "");
    }

    @Test
    void dollarQuotes() {
        assertParsed("select $$ :x ? $$, :y", "select $$ :x ? $$, ?", "y");
        assertNames("select $q$ :x $$ ? $q$, :y", "y");
        assertNames("select $a$ :x $ab$a$, :y", "y");
        assertNames("select $é_1$ :x $é_1$, :y", "y");
        // $1 is a parameter, not a tag: $1$ opens nothing, and $1$$..$$ is $1 then a dollar quote
        assertNames("select $1$, :y, $1$", "y");
        assertNames("select $1$$ :x $$, :y", "y");
    }

    @Test
    void dollarSignsInsideIdentifiersOpenNoQuote() {
        assertNames("select a$$, :y, b$$", "y");
        assertNames("select 1 as foo$bar, :y, 2 as a$1$, :z", "y", "z");
    }

    @Test
    void quotedIdentifiers() {
        assertParsed("select 1 as \"a\"\":x\"\"b\", :y", "select 1 as \"a\"\":x\"\"b\", ?", "y");
        assertNames("select U&\"d:x\", :y", "y");
    }

    @Test
    void escapedJsonbOperatorsPassThrough() {
        String sql = "select j ?? 'a', j ??| array['a'], j ??& array['b'] from t where id = ?";
        assertParsed(sql, sql, "");
        assertParsed("select j ??| array[:k]", "select j ??| array[?]", "k");
    }

    @Test
    void loneSurrogatesAreRefused() {
        assertRefused("select '\uD800' as s", "lone UTF-16 surrogate \\uD800", "index 8");
        assertRefused("select \uDC00", "\\uDC00", "index 7");
        assertRefused("select 1 -- \uD83D", "index 12");
        assertRefused("select '\uDE00\uD83D'", "\\uDE00", "index 8");
        assertParsed("select '\uD83D\uDE00', :x", "select '\uD83D\uDE00', ?", "x");
    }

    // ---- modifiesData ------------------------------------------------------------------------------

    private static void assertReads(String sql) {
        assertFalse(NamedSql.parse(sql).modifiesData(), sql);
    }

    private static void assertModifies(String sql) {
        assertTrue(NamedSql.parse(sql).modifiesData(), sql);
    }

    @Test
    void plainReadsDoNotModifyData() {
        assertReads("select 1");
        assertReads("  SeLeCt * from t");
        assertReads("-- a comment\n/* another /* nested */ */ ( (select 1) union (select 2))");
        assertReads("values (1), (2)");
        assertReads("table users");
        assertReads("show search_path");
        assertReads("explain select * from users");
        assertReads("explain (format json) select 1");
        assertReads("select * from users for update");
        assertReads("select * from users for no key update of users skip locked");
        assertReads("select 1;");
        assertReads("select 1; -- done\n");
        assertReads("select insert_count, updated, deleted_at, into_x from t");
    }

    @Test
    void withIsAReadUnlessItHoldsADataChangingKeyword() {
        assertReads("with x as (select 1) select * from x");
        assertReads("WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x WHERE n < 3) SELECT n FROM x");
        assertReads("with x as (select * from t for update) select * from x");
        assertReads("with x as (select * from t for no key update) select * from x");
        assertReads("with x as (select 'insert' as \"delete\", $$update$$, E'merge\\'') -- insert\n"
                + "select /* delete */ * from x");
        assertModifies("with x as (delete from t returning *) select * from x");
        assertModifies("with x as (insert into t values (1) returning *) select * from x");
        assertModifies("WITH x AS (UPDATE t SET a = 1 RETURNING *) SELECT * FROM x");
        assertModifies("with s as (select 1 as id) merge into t using s on t.id = s.id when matched then delete");
        assertModifies("with x as (select 1) update t set a = 2");
    }

    @Test
    void everythingElseModifiesData() {
        for (String sql : List.of("insert into t values (1)", "UPDATE t SET a = 1", "delete from t",
                "merge into t using s on t.id = s.id when matched then delete", "call p()",
                "do $$ begin end $$", "copy t to stdout", "create table t (a int)", "set local search_path = x",
                "\"select\" 1", "-- just a comment", "(insert into t values (1))")) {
            assertModifies(sql);
        }
    }

    @Test
    void transactionControlIsRefused() {
        for (String sql : List.of("begin", "BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE", "start transaction",
                "commit", "COMMIT AND CHAIN", "end", "rollback", "ROLLBACK TO SAVEPOINT s", "abort", "savepoint s",
                "release savepoint s", "  -- comment\n commit")) {
            assertRefused(sql, "controls the transaction, which Belay does", "db.transaction(");
        }
        assertEquals("select 'commit'", NamedSql.parse("select 'commit'").original());
    }

    @Test
    void aSetOfTheSessionIsRefusedAndOneOfTheTransactionPasses() {
        for (String sql : List.of("SET search_path TO x", "set statement_timeout = 5", "/* c */ SET SESSION work_mem = '1MB'",
                "SET ROLE app", "set session authorization app", "SET TIME ZONE 'UTC'", "SET myapp.user_id = '7'",
                "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")) {
            assertRefused(sql, "a SET of the session would stay on the pooled connection", "SET LOCAL");
        }
        for (String sql : List.of("SET LOCAL search_path TO x", "set local statement_timeout = 5",
                "SET CONSTRAINTS ALL DEFERRED", "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", "select set_config('a.b', 'c', true)",
                "update t set a = 1", "-- SET x = 1\nselect 1", "RESET search_path")) {
            assertEquals(sql, NamedSql.parse(sql).original());
        }
    }

    @Test
    void readsThatStillChangeDataAreCaught() {
        assertModifies("select * into t2 from t");
        assertModifies("explain analyze delete from t");
        assertModifies("explain (analyze, buffers) select 1");
        assertModifies("explain delete from t");
        assertModifies("select 1; delete from t");
        assertModifies("select 1;; select 2");
    }
}
