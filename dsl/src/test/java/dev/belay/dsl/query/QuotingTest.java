package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Identifiers are always quoted with embedded quotes doubled, so a name is never read as SQL and keeps its
 * case. No such table exists in the fixture schema, which is why this is not a golden case (those must
 * run on PostgreSQL); the goldens cover the same quoting through aliases.
 */
final class QuotingTest {

    record Weird(String mixedCase) {}

    static final class WeirdTable extends Table<Weird> {
        static final WeirdTable WEIRD = new WeirdTable();
        final Column<Weird, String> MIXED = column("Mixed\"Case", PgType.TEXT);

        private WeirdTable() {
            super("we\"ird", Weird.class);
        }
    }

    static final class SchemaWeirdTable extends Table<Weird> {
        final Column<Weird, String> MIXED = column("Mixed\"Case", PgType.TEXT);

        SchemaWeirdTable() {
            super("My\"Schema", "we\"ird", Weird.class);
        }

        SchemaWeirdTable(Alias alias) {
            super(alias);
        }
    }

    @Test
    void tableAndColumnNamesWithQuotesAndCapitals() {
        var q = select(WeirdTable.WEIRD).where(WeirdTable.WEIRD.MIXED.eq("x\"y"));
        assertEquals("SELECT \"we\"\"ird\".\"Mixed\"\"Case\" FROM \"we\"\"ird\" WHERE \"we\"\"ird\".\"Mixed\"\"Case\" = ?",
                q.render().sql());
        assertEquals(List.of("x\"y"), q.render().params());
        assertEquals("\"we\"\"ird\"", WeirdTable.WEIRD.toString());
    }

    @Test
    void schemaAliasAndOutputNames() {
        SchemaWeirdTable t = new SchemaWeirdTable();
        Table<Weird> a = t.as("A\"lias");
        assertEquals("SELECT \"A\"\"lias\".\"Mixed\"\"Case\" AS \"O\"\"ut\" FROM \"My\"\"Schema\".\"we\"\"ird\" AS \"A\"\"lias\" "
                + "ORDER BY \"A\"\"lias\".\"Mixed\"\"Case\" ASC FOR UPDATE OF \"A\"\"lias\"",
                select(a.field(t.MIXED).as("O\"ut")).from(a).orderBy(a.field(t.MIXED)).forUpdate().of(a).render().sql());
        assertEquals("\"My\"\"Schema\".\"we\"\"ird\" AS \"A\"\"lias\"", a.toString());
    }

    @Test
    void derivedTableOfAQuotedColumnKeepsItsName() {
        var sub = select(WeirdTable.WEIRD.MIXED).from(WeirdTable.WEIRD).asTable("s");
        assertEquals("SELECT \"s\".\"Mixed\"\"Case\" FROM (SELECT \"we\"\"ird\".\"Mixed\"\"Case\" FROM \"we\"\"ird\") AS \"s\"",
                select(sub.field(WeirdTable.WEIRD.MIXED)).from(sub).render().sql());
    }

    @Test
    void aQuoteInAnInlinedValueIsDoubledToo() {
        assertEquals("SELECT \"we\"\"ird\".\"Mixed\"\"Case\" FROM \"we\"\"ird\" WHERE \"we\"\"ird\".\"Mixed\"\"Case\" = 'it''s'",
                select(WeirdTable.WEIRD).where(WeirdTable.WEIRD.MIXED.eq("it's")).toString());
    }
}
