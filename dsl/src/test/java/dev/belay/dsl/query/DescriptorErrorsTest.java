package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.cte;
import static dev.belay.dsl.Sql.param;
import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Descriptors refuse what PostgreSQL or the mapper could not handle, naming the class and the reason. */
final class DescriptorErrorsTest {

    interface Shape {}

    abstract static class Base {}

    static final class NoDefaultConstructor {
        final String name;

        NoDefaultConstructor(String name) {
            this.name = name;
        }
    }

    record WithObject(Long id, Object payload) {}

    record WithWildcardList(Long id, List<?> items) {}

    record Empty() {}

    @Test
    void anInterfaceIsNotATable() {
        assertFails(IllegalArgumentException.class, () -> Table.of(Shape.class), Shape.class.getName(),
                "not a record or a concrete class");
        assertFails(IllegalArgumentException.class, () -> Table.of(Base.class), Base.class.getName());
    }

    @Test
    void aClassNeedsANoArgConstructor() {
        assertFails(IllegalArgumentException.class, () -> Table.of(NoDefaultConstructor.class),
                NoDefaultConstructor.class.getName(), "no-argument constructor");
    }

    @Test
    void aComponentNeedsAPostgresType() {
        assertFails(IllegalArgumentException.class, () -> Table.of(WithObject.class), WithObject.class.getName(),
                "'payload'", "java.lang.Object", "@Column(type");
    }

    @Test
    void aListNeedsAnElementType() {
        assertFails(IllegalArgumentException.class, () -> Table.of(WithWildcardList.class),
                WithWildcardList.class.getName(), "'items'", "element type");
    }

    @Test
    void aRecordNeedsComponents() {
        assertFails(IllegalArgumentException.class, () -> Table.of(Empty.class), Empty.class.getName(), "no components");
    }

    @Test
    void identifiersLongerThan63BytesAreRefused() {
        String max = "a".repeat(63);
        assertEquals(max, USER.as(max).alias());
        assertFails(IllegalArgumentException.class, () -> USER.as("a".repeat(64)), "64 bytes", "63");
        // Bytes, not characters: 32 two-byte letters are 64 bytes.
        assertEquals(31 * 2 + 1, ("é".repeat(31) + "a").getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        USER.as("é".repeat(31) + "a");
        assertFails(IllegalArgumentException.class, () -> USER.as("é".repeat(32)), "64 bytes");
        assertFails(IllegalArgumentException.class, () -> cte("c".repeat(64)), "cte name");
        assertFails(IllegalArgumentException.class, () -> param("p".repeat(64), String.class), "parameter name");
        assertFails(IllegalArgumentException.class, () -> select(USER.NAME).from(USER).asTable("t".repeat(64)),
                "derived table alias");
        assertFails(IllegalArgumentException.class, () -> USER.NAME.as("n".repeat(64)), "alias");
    }

    @Test
    void identifiersWithNulAreRefused() {
        assertFails(IllegalArgumentException.class, () -> USER.as("a\0b"), "NUL");
        assertFails(IllegalArgumentException.class, () -> cte("c", "x\0"), "cte column name", "NUL");
        assertFails(IllegalArgumentException.class, () -> new OneColumn("col\0"), "column name", "NUL");
    }

    @Test
    void emptyIdentifiersAreRefused() {
        assertFails(IllegalArgumentException.class, () -> USER.as(""), "table alias", "non-empty");
        assertFails(IllegalArgumentException.class, () -> param("", String.class), "parameter name");
        assertFails(IllegalArgumentException.class, () -> new OneColumn(""), "column name");
        assertFails(IllegalArgumentException.class, () -> new Named(""), "table name");
    }

    record LongColumnName(@dev.belay.dsl.annotations.Column("abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefghij")
                          String x) {}

    record SameColumnTwice(@dev.belay.dsl.annotations.Column("x") String a, @dev.belay.dsl.annotations.Column("x") String b) {}

    @dev.belay.dsl.annotations.Table("")
    record EmptyTableName(String a) {}

    @dev.belay.dsl.annotations.Table(value = "t", schema = "bad\0schema")
    record NulSchema(String a) {}

    @Test
    void derivedNamesAreCheckedAndReportedAgainstTheClass() {
        assertFails(IllegalArgumentException.class, () -> Table.of(LongColumnName.class),
                LongColumnName.class.getName(), "component 'x'", "65 bytes");
        assertFails(IllegalArgumentException.class, () -> Table.of(SameColumnTwice.class),
                SameColumnTwice.class.getName(), "component 'b'", "\"x\" twice");
        assertFails(IllegalArgumentException.class, () -> Table.of(EmptyTableName.class),
                EmptyTableName.class.getName(), "table name");
        assertFails(IllegalArgumentException.class, () -> Table.of(NulSchema.class), NulSchema.class.getName(),
                "schema name", "NUL");
    }

    record Row1(String value) {}

    /** A descriptor with one column of any name. */
    static final class OneColumn extends Table<Row1> {
        final Column<Row1, String> value;

        OneColumn(String column) {
            super("things", Row1.class);
            value = column(column, PgType.TEXT);
        }

        Column<Row1, String> declareAnother() {
            return column("another", PgType.TEXT);
        }
    }

    static final class Named extends Table<Row1> {
        final Column<Row1, String> value = column("value", PgType.TEXT);

        Named(String name) {
            super(name, Row1.class);
        }

        Named(Alias alias) {
            super(alias);
        }
    }

    @Test
    void columnsAndFlagsCannotChangeOnceTheTableIsInUse() {
        OneColumn t = new OneColumn("value");
        String before = select(t).render().sql();
        assertFails(IllegalStateException.class, () -> t.value.nullable(), "already in use", "\"value\"");
        assertFails(IllegalStateException.class, () -> t.value.primaryKey(), "already in use");
        assertFails(IllegalStateException.class, () -> t.value.generated(), "already in use");
        assertFails(IllegalStateException.class, t::declareAnother, "already in use", "\"another\"");
        assertEquals(before, select(t).render().sql());
        assertEquals(false, t.columns().get(0).isNullable());
    }

    static final class Unchained extends Table<Row1> {
        final Column<Row1, String> first = column("first", PgType.TEXT);
        final Column<Row1, String> second = column("second", PgType.TEXT);

        Unchained() {
            super("unchained", Row1.class);
            first.nullable();
        }
    }

    @Test
    void flagsMustBeChainedOnTheirDeclaration() {
        assertFails(IllegalStateException.class, Unchained::new, "must be chained", "column(\"id\", PgType.INT8)");
    }

    static final class Twice extends Table<Row1> {
        final Column<Row1, String> a = column("value", PgType.TEXT);
        final Column<Row1, String> b = column("value", PgType.TEXT);

        Twice() {
            super("twice", Row1.class);
        }
    }

    @Test
    void aColumnNameIsDeclaredOnce() {
        assertFails(IllegalStateException.class, Twice::new, "\"twice\"", "\"value\" twice");
    }

    static final class NoColumns extends Table<Row1> {
        NoColumns() {
            super("none", Row1.class);
        }
    }

    @Test
    void aTableNeedsColumns() {
        assertFails(IllegalStateException.class, () -> select(new NoColumns()), "declares no columns");
    }

    @Test
    void anAliasedTableOnlyHasTheOriginalsColumns() {
        Table<Row1> aliased = new Named("other").as("o");
        assertFails(IllegalArgumentException.class, () -> aliased.field(new OneColumn("x").value), "\"other\" AS \"o\"",
                "has no column x");
    }

    @Test
    void fieldByNameChecksNameAndType() {
        Table<dev.belay.dsl.fixtures.Doc> docs = Table.of(dev.belay.dsl.fixtures.Doc.class);
        assertEquals("\"docs\".\"body\"", docs.field("body", PgType.JSONB).toString());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> docs.field("body", PgType.TEXT));
        assertTrue(wrongType.getMessage().contains("has type jsonb, not text"), wrongType.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> docs.field("nope", PgType.TEXT));
        assertEquals("table \"app\".\"docs\" has no column \"nope\"", missing.getMessage());
    }
}
