package dev.belay.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Row;
import dev.belay.executor.DBConnection;
import dev.belay.executor.MappingException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 16, case 15: one mapping rule for records and classes (raw SQL, by label): extra columns are ignored,
 * every record component, public setter and public field needs a column (a missing one is named), non-public
 * fields are filled only when a column names them, and two columns for one property are an error naming it.
 */
@FixtureDatabase
final class MappingRuleTest {
    record Pair(Integer a, Integer b) {}

    /** Properties by public setters. */
    static final class PairBean {
        private Integer a;
        private Integer b;

        public void setA(Integer a) {
            this.a = a;
        }

        public void setB(Integer b) {
            this.b = b;
        }

        List<Integer> values() {
            return java.util.Arrays.asList(a, b);
        }
    }

    /** Properties by public fields. */
    static final class PairFields {
        public Integer a;
        public Integer b;
    }

    /** A public field plus a private one without a setter, initialised by the class itself. */
    static final class Noted {
        public Integer a;
        private String note = "as constructed";

        String note() {
            return note;
        }
    }

    record X(Integer x) {}

    static final class XBean {
        public Integer x;
    }

    record Stamp(Integer createdAt) {}

    static final class StampBean {
        private Integer createdAt;

        public void setCreatedAt(Integer createdAt) {
            this.createdAt = createdAt;
        }
    }

    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        db = t.open();
    }

    private static MappingException refused(Executable call, String... named) {
        MappingException e = assertThrows(MappingException.class, call);
        for (String n : named) {
            assertTrue(e.getMessage().contains(n), "the message names " + n + ": " + e.getMessage());
        }
        assertEquals(0, db.poolStats().active());
        return e;
    }

    @Test
    void extraColumnsAreIgnoredByRecordsAndClassesAlike() {
        String sql = "select 1 as a, 2 as b, 'unused' as extra, 3 as another";
        assertEquals(new Pair(1, 2), db.sql(sql).one(Pair.class));
        assertEquals(List.of(1, 2), db.sql(sql).one(PairBean.class).values());
        PairFields fields = db.sql(sql).one(PairFields.class);
        assertEquals(List.of(1, 2), List.of(fields.a, fields.b));
        // in any order
        assertEquals(new Pair(1, 2), db.sql("select 'unused' as extra, 2 as b, 1 as a").one(Pair.class));
        assertEquals(List.of(new Pair(1, 2), new Pair(3, 4)),
                db.sql("select a, b, a * 10 as extra from (values (1, 2), (3, 4)) v(a, b) order by a")
                        .fetch(Pair.class));
    }

    @Test
    void aMissingRequiredPropertyIsNamed() {
        refused(() -> db.sql("select 1 as a").one(Pair.class), "Pair.b");
        refused(() -> db.sql("select 1 as a, 9 as extra").one(PairBean.class), "PairBean.b");
        refused(() -> db.sql("select 2 as b").one(PairFields.class), "PairFields.a");
        MappingException both = refused(() -> db.sql("select 9 as extra").one(Pair.class), "Pair.a", "Pair.b");
        assertTrue(both.getMessage().contains("extra"), "the message shows the result's columns: " + both.getMessage());
        // checked before any row is read: an empty result is refused too
        refused(() -> db.sql("select 1 as a where false").fetch(Pair.class), "Pair.b");
    }

    @Test
    void aPrivateFieldWithoutSetterIsOptional() {
        Noted untouched = db.sql("select 1 as a").one(Noted.class);
        assertEquals(1, untouched.a);
        assertEquals("as constructed", untouched.note());
        // ...and filled when a column names it
        Noted filled = db.sql("select 1 as a, 'from the row' as note").one(Noted.class);
        assertEquals("from the row", filled.note());
        // the public field is still required
        refused(() -> db.sql("select 'only a note' as note").one(Noted.class), "Noted.a");
    }

    @Test
    void twoColumnsForOnePropertyAreRefusedNamingTheLabel() {
        String sql = "select 1 as x, 3 as x";
        MappingException record = refused(() -> db.sql(sql).one(X.class), "\"x\"", "X.x");
        assertEquals("\"x\"", record.column());
        refused(() -> db.sql(sql).one(XBean.class), "\"x\"", "XBean.x");
        // Row keeps both: by index they read, by the shared label they are refused
        Row row = db.sql(sql).one(Row.class);
        assertEquals(List.of(1, 3), List.of(row.get(0), row.get(1)));
        IllegalArgumentException byLabel = assertThrows(IllegalArgumentException.class, () -> row.get("x"));
        assertTrue(byLabel.getMessage().contains("'x'"), byLabel.getMessage());
    }

    @Test
    void snakeCaseLabelsFillCamelCasePropertiesOnce() {
        assertEquals(new Stamp(7), db.sql("select 7 as created_at").one(Stamp.class));
        assertEquals(7, db.sql("select 7 as created_at, 1 as extra").one(StampBean.class).createdAt);
        assertEquals(new Stamp(8), db.sql("select 8 as \"createdAt\"").one(Stamp.class));
        // created_at and createdAt are one property: two columns for it
        refused(() -> db.sql("select 1 as created_at, 2 as \"createdAt\"").one(Stamp.class),
                "Stamp.createdAt", "\"created_at\"", "\"createdAt\"");
        refused(() -> db.sql("select 1 as created_at, 2 as \"createdAt\"").one(StampBean.class),
                "StampBean.createdAt");
        assertNull(db.sql("select null::int4 as created_at").one(Stamp.class).createdAt());
    }
}
