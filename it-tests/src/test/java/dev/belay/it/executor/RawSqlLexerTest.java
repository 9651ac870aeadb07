package dev.belay.it.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Row;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code db.sql(...)} finds placeholders where PostgreSQL's lexer would, and nowhere else. PostgreSQL is the
 * judge: each statement returns text that proves the literal, comment or slice was left intact, next to the
 * value of the one placeholder that was really bound. A placeholder taken from inside a literal would fail the
 * {@code bind} or change the result; one missed would leave {@code :name} in the SQL, a syntax error.
 */
@FixtureDatabase
final class RawSqlLexerTest {
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        db = t.open();
    }

    @Test
    void escapeStringsKeepQuotesEscapedWithABackslash() {
        Row row = db.sql("select E'it\\'s :x' as s, :y as t").bind("y", "v").one(Row.class);
        assertEquals("it's :x", row.get("s"));
        assertEquals("v", row.get("t"));
        assertEquals("a\\b'c :x ?!", db.sql("select e'a\\\\b\\'c :x ?' || :y").bind("y", "!").one(String.class));
        assertEquals("it's ?!", db.sql("select (E'it\\'s ?') || ?").bind(1, "!").one(String.class));
        // a string continued on the next line stays an escape string
        assertEquals("a':x'!", db.sql("select E'a'\n'\\':x\\'' || :y").bind("y", "!").one(String.class));
    }

    @Test
    void otherStringsHaveNoBackslashEscapes() {
        // name'a\' is a literal of type name ending in a backslash, not an E'' string
        assertEquals("a\\!", db.sql("select name'a\\' || :y").bind("y", "!").one(String.class));
        assertEquals("a\\:x!", db.sql("select 'a\\:x' || :y").bind("y", "!").one(String.class));
        assertEquals("A :x|5|255|!", db.sql("select U&'\\0041 :x' || '|' || B'101'::int4 || '|' || X'ff'::int4 "
                + "|| '|' || :y").bind("y", "!").one(String.class));
    }

    @Test
    void blockCommentsNest() {
        assertEquals("v", db.sql("select /* a /* b */ :x ? */ :y").bind("y", "v").one(String.class));
        assertEquals("v", db.sql("select /**/ :y /*/ :x */").bind("y", "v").one(String.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> db.sql("select /* a /* b */ :x"));
        assertTrue(e.getMessage().contains("unterminated /* comment starting at index 7"), e.getMessage());
    }

    @Test
    void lineCommentsEndAtTheLineEnd() {
        assertEquals("v", db.sql("select :y -- :x ?\n").bind("y", "v").one(String.class));
        assertEquals("vw", db.sql("select :y -- :x ?\r|| :z").bind("y", "v").bind("z", "w").one(String.class));
    }

    @Test
    void arraySlicesAreNotPlaceholders() {
        assertEquals("{2,3}", db.sql("select ((array[1,2,3,4])[2:n])::text from (select 3 as n) s")
                .one(String.class));
        assertEquals("{2,3}|{1,2,3}|{2,3}", db.sql("select a[lo:hi]::text || '|' || a[1:3]::text || '|' "
                + "|| a[abs(-2):hi]::text from (select array[1,2,3,4] as a, 2 as lo, 3 as hi) s").one(String.class));
        // an omitted lower bound before a column: a[:hi] would be a placeholder, a[:(hi)] is not
        assertEquals("{1,2,3}|{2,3,4}", db.sql("select a[:(hi)]::text || '|' || a[lo:]::text "
                + "from (select array[1,2,3,4] as a, 2 as lo, 3 as hi) s").one(String.class));
    }

    @Test
    void aColonAfterAnythingElseIsAPlaceholder() {
        assertEquals(20, db.sql("select (array[10,20,30])[:i]").bind("i", 2).one(Integer.class));
        assertEquals("{10,20}", db.sql("select ((array[10,20,30])[1: :hi])::text").bind("hi", 2).one(String.class));
        assertEquals("{20,30}", db.sql("select ((array[10,20,30])[:lo:3])::text").bind("lo", 2).one(String.class));
        assertEquals(3, db.sql("select coalesce(:a,:b)+(:c)").bind("a", 1).bind("b", 5).bind("c", 2)
                .one(Integer.class));
    }

    @Test
    void castsFollowingPlaceholders() {
        assertEquals(42, db.sql("select :v::int4 + 1").bind("v", "41").one(Integer.class));
        assertEquals("7!", db.sql("select n::text || :s from (select 7 as n) t").bind("s", "!").one(String.class));
    }

    @Test
    void dollarQuotes() {
        Row row = db.sql("select $q$ :x ? $$ $q$ as d, $$:z$$ as e, $a$:w $ab$a$ as f, :y as t").bind("y", "v")
                .one(Row.class);
        assertEquals(" :x ? $$ ", row.get("d"));
        assertEquals(":z", row.get("e"));
        assertEquals(":w $ab", row.get("f"));
        assertEquals("v", row.get("t"));
    }

    @Test
    void dollarSignsInsideIdentifiers() {
        // read as dollar quotes, b$$ ... c$$ would hide :y
        Row row = db.sql("select 1 as foo$bar, 2 as a$1$, 3 as b$$, :y as t, 4 as c$$x").bind("y", "v")
                .one(Row.class);
        assertEquals(1, row.get("foo$bar"));
        assertEquals("v", row.get("t"));
        assertEquals(2, row.get("a$1$"));
        assertEquals(3, row.get("b$$"));
        assertEquals(4, row.get("c$$x"));
    }

    @Test
    void quotedIdentifiersAndEscapedJsonbOperators() {
        Row row = db.sql("select 1 as \"a\"\":x\"\"b\", '{\"a\":1}'::jsonb ?? 'a' as has, "
                + "'{\"a\":1}'::jsonb ??| array['b','a'] as some, '{\"a\":1}'::jsonb ??& array['a','b'] as every, "
                + ":y as t").bind("y", "v").one(Row.class);
        assertEquals(1, row.get("a\":x\"b"));
        assertEquals(true, row.get("has"));
        assertEquals(true, row.get("some"));
        assertEquals(false, row.get("every"));
        assertEquals("v", row.get("t"));
        assertEquals(true, db.sql("select '{\"a\":1}'::jsonb ?? ?").bind(1, "a").one(Boolean.class));
    }

    @Test
    void loneSurrogatesAreRefused() {
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> db.sql("select '\uD800' as s"));
        assertTrue(high.getMessage().contains("lone UTF-16 surrogate \\uD800 at index 8"), high.getMessage());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> db.sql("select 1 as \"x\uDC00\""));
        assertTrue(low.getMessage().contains("\\uDC00 at index 14"), low.getMessage());
        // a whole pair is one character, sent as it is
        assertEquals("\uD83D\uDE00!", db.sql("select '\uD83D\uDE00' || :y").bind("y", "!").one(String.class));
    }

    @Test
    void errorsKeepTheirMeaning() {
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, () -> db.sql("select :a, ?"));
        assertTrue(mixed.getMessage().contains("mixes :name and ?"), mixed.getMessage());
        assertEquals("?!", db.sql("select '?' || :a").bind("a", "!").one(String.class));
        IllegalArgumentException string = assertThrows(IllegalArgumentException.class,
                () -> db.sql("select E'it\\'s"));
        assertTrue(string.getMessage().contains("unterminated escape string E'...' starting at index 7"),
                string.getMessage());
        IllegalArgumentException dollar = assertThrows(IllegalArgumentException.class,
                () -> db.sql("select $q$ :x $Q$"));
        assertTrue(dollar.getMessage().contains("unterminated $q$ quote starting at index 7"), dollar.getMessage());
        assertEquals(0, db.poolStats().active());
    }
}
