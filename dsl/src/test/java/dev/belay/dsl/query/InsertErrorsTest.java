package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.fixtures.WideTable.WIDE;
import static dev.belay.dsl.query.DmlErrorFixtures.BOB;
import static dev.belay.dsl.query.DmlErrorFixtures.USERS;
import static dev.belay.dsl.query.QueryAssertions.assertFails;
import static dev.belay.dsl.query.DmlErrorFixtures.bob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.Field;
import dev.belay.dsl.InsertValues1;
import dev.belay.dsl.InsertValues2;
import dev.belay.dsl.InsertValuesN;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Placeholders;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Doc;
import dev.belay.dsl.fixtures.Event;
import dev.belay.dsl.fixtures.User;
import dev.belay.dsl.fixtures.WideTable.Wide;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Misuse while building an INSERT (its rows, values, set(...), column lists and insert ... select) fails while
 * the statement is built (or, for one without rows, when it renders), with the exception type that says whose
 * fault it is and a message naming the table, the column or value at fault and the fix. Where UPDATE and
 * ON CONFLICT DO UPDATE share a check (NULL into a non-nullable column, a column set twice, a null field), their
 * cases are here too. ON CONFLICT, UPDATE, RETURNING and parameters are in {@link DmlErrorsTest}.
 */
final class InsertErrorsTest {

    // ---- descriptors made for these tests ----------------------------------------------------

    /** A descriptor that maps the Integer property {@code age} to a text column. */
    static final class TextAges extends Table<User> {
        static final TextAges TEXT_AGES = new TextAges();
        final Column<User, String> AGE = column("age", PgType.TEXT).nullable();

        private TextAges() {
            super("user_text_ages", User.class);
        }
    }

    /** A descriptor with a column the row type has no property for. */
    static final class Nicks extends Table<User> {
        static final Nicks NICKS = new Nicks();
        final Column<User, String> NICK = column("nick", PgType.TEXT);

        private Nicks() {
            super("user_nicks", User.class);
        }
    }

    /** Only the generated identity of events: a row that leaves it null sets no column at all. */
    static final class EventIds extends Table<Event> {
        static final EventIds EVENT_IDS = new EventIds();
        final Column<Event, Long> ID = column("id", PgType.INT8).primaryKey().generated();

        private EventIds() {
            super("event_ids", Event.class);
        }
    }

    /**
     * Rows read from any object's {@code size()}: a JDK list's class is not public and java.util is not open
     * to dev.belay.dsl, so the accessor cannot be made accessible.
     */
    static final class Sizes extends Table<Object> {
        static final Sizes SIZES = new Sizes();
        final Column<Object, Integer> SIZE = column("size", PgType.INT4);

        private Sizes() {
            super("sizes", Object.class);
        }
    }

    /** A row class whose getter throws. */
    public static final class Exploding {
        public String getName() {
            throw new IllegalStateException("boom");
        }
    }

    static final class Explodings extends Table<Exploding> {
        static final Explodings EXPLODINGS = new Explodings();
        final Column<Exploding, String> NAME = column("name", PgType.TEXT);

        private Explodings() {
            super("explodings", Exploding.class);
        }
    }

    // ---- NULL into a non-nullable column -----------------------------------------------------

    static Stream<Named<Executable>> nullIntoNotNullName() {
        String none = null;
        return Stream.of(
                Named.of("insert values(row)", () -> insertInto(USER).values(new User(null, null, "e@x", 1, null))),
                Named.of("insert set", () -> insertInto(USER).set(USER.NAME, none)),
                Named.of("insert setNull", () -> insertInto(USER).setNull(USER.NAME)),
                Named.of("insert set after set", () -> insertInto(USER).set(USER.EMAIL, "e").set(USER.NAME, none)),
                Named.of("insert setNull after set", () -> insertInto(USER).set(USER.EMAIL, "e").setNull(USER.NAME)),
                Named.of("typed values", () -> insertInto(USER).columns(USER.EMAIL, USER.NAME).values("e", null)),
                Named.of("typed values, one column", () -> insertInto(USER).columns(USER.NAME).values(null)),
                Named.of("update set", () -> update(USER).set(USER.NAME, none)),
                Named.of("update setNull", () -> update(USER).setNull(USER.NAME)),
                Named.of("do update set", () -> bob().onConflict(USER.EMAIL).doUpdate().set(USER.NAME, none)),
                Named.of("do update setNull", () -> bob().onConflict(USER.EMAIL).doUpdate().setNull(USER.NAME)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullIntoNotNullName")
    void nullIntoANonNullableColumnNamesTableColumnAndFix(Executable call) {
        assertFails(IllegalArgumentException.class, call, USERS, "users.name", "not nullable", "nullable()");
    }

    @Test
    void nullInOneOfSeveralRowsNamesTheRow() {
        List<User> rows = List.of(BOB, BOB, new User(null, "Carl", null, null, null));
        assertFails(IllegalArgumentException.class, () -> insertInto(USER).values(rows),
                "insert into " + USERS + " row 2", "users.email", "not nullable");
    }

    @Test
    void aGeneratedColumnLeftNullIsNotANull() {
        // id and created_at are not nullable but generated: left null they are omitted or DEFAULT, never NULL
        RenderedSql r = insertInto(USER).values(List.of(BOB, new User(5L, "Ann", "ann@x.org", null, null))).render();
        assertEquals("INSERT INTO \"users\" (\"id\", \"name\", \"email\", \"age\") VALUES (DEFAULT, ?, ?, ?), (?, ?, ?, ?)",
                r.sql());
        assertEquals(Arrays.asList("Bob", "bob@x.org", 30, 5L, "Ann", "ann@x.org", null), r.params());
    }

    // ---- wrong Java type ---------------------------------------------------------------------

    @Test
    void untypedValuesCheckEachValueAgainstItsColumn() {
        InsertValuesN<Wide> wide = insertInto(WIDE).columns(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5,
                WIDE.C6, WIDE.N7);
        assertFails(IllegalArgumentException.class, () -> wide.values(1L, 2, null, null, null, null, null, null),
                "\"wide\"", "wide.c1", "String", "java.lang.Integer", ": 2");
        assertFails(IllegalArgumentException.class, () -> wide.values(1, "a", null, null, null, null, null, null),
                "\"wide\"", "wide.id", "Long", "java.lang.Integer", ": 1");
        assertFails(IllegalArgumentException.class, () -> wide.values(1L, "a", null, null, null, null, null, "7"),
                "\"wide\"", "wide.n7", "Integer", "java.lang.String", ": 7");
        assertFails(IllegalArgumentException.class, () -> wide.values(1L, null, null, null, null, null, null, null),
                "\"wide\"", "wide.c1", "not nullable", "nullable()");
    }

    @Test
    void aDescriptorWhosePropertyHasAnotherTypeIsRefusedNamingTheValue() {
        assertFails(IllegalArgumentException.class, () -> insertInto(TextAges.TEXT_AGES).values(BOB),
                "\"user_text_ages\"", "user_text_ages.age", "String", "java.lang.Integer", ": 30");
    }

    // ---- values(...) from row objects --------------------------------------------------------

    @Test
    void valuesNeedsRows() {
        assertFails(IllegalArgumentException.class, () -> insertInto(USER).values(List.of()), USERS, "at least one row");
        List<User> none = null;
        assertFails(IllegalArgumentException.class, () -> insertInto(USER).values(none), USERS, "at least one row");
    }

    @Test
    void aNullRowIsNamedByItsIndex() {
        assertFails(IllegalArgumentException.class, () -> insertInto(USER).values(Arrays.asList(BOB, null)),
                USERS, "row 1 is null");
        User nobody = null;
        assertFails(IllegalArgumentException.class, () -> insertInto(USER).values(nobody), USERS, "row 0 is null");
    }

    @Test
    void aRowWithoutTheColumnsPropertyNamesItAndTheFix() {
        assertFails(IllegalArgumentException.class, () -> insertInto(Nicks.NICKS).values(BOB),
                User.class.getName(), "no property \"nick\"", "user_nicks.nick", "property(\"javaName\")");
    }

    @Test
    void rowsThatSetNoColumnPointToDefaultValues() {
        assertFails(IllegalArgumentException.class,
                () -> insertInto(EventIds.EVENT_IDS).values(new Event(null, null, "x")),
                "\"event_ids\"", "set no column", "defaultValues()");
    }

    @Test
    void anUnreadablePropertyNamesTheTypeAndTheFix() {
        Object row = List.of(1, 2, 3);
        IllegalArgumentException e = assertFails(IllegalArgumentException.class,
                () -> insertInto(Sizes.SIZES).values(row),
                "cannot read " + row.getClass().getName() + ".size", "sizes.size", "open its package to dev.belay.dsl");
        assertTrue(e.getCause() instanceof RuntimeException, "the reflection failure is the cause");
    }

    @Test
    void aThrowingGetterIsReportedWithItsCause() {
        IllegalArgumentException e = assertFails(IllegalArgumentException.class,
                () -> insertInto(Explodings.EXPLODINGS).values(new Exploding()),
                "Exploding.name", "explodings.name", "boom");
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
    }

    // ---- set(...) ----------------------------------------------------------------------------

    @Test
    void aColumnIsSetOnce() {
        assertFails(IllegalArgumentException.class, () -> insertInto(USER).set(USER.NAME, "a").set(USER.NAME, "b"),
                USERS, "users.name", "set twice");
        assertFails(IllegalArgumentException.class, () -> insertInto(USER).setNull(USER.AGE).set(USER.AGE, 2),
                USERS, "users.age", "set twice");
        assertFails(IllegalArgumentException.class, () -> update(USER).set(USER.AGE, 1).setNull(USER.AGE),
                "update " + USERS, "users.age", "set twice");
        assertFails(IllegalArgumentException.class, () -> update(USER).set(USER.AGE, 1).set(USER.AGE, USER.AGE.plus(1)),
                "update " + USERS, "users.age", "set twice");
        assertFails(IllegalArgumentException.class,
                () -> bob().onConflict(USER.EMAIL).doUpdate().set(USER.AGE, 1).set(USER.AGE, excluded(USER.AGE)),
                USERS, "on conflict do update", "users.age", "set twice");
        assertFails(IllegalArgumentException.class, () -> bob().onConflict(USER.EMAIL).doUpdateSet(USER.NAME, USER.NAME),
                USERS, "users.name", "set twice");
    }

    static Stream<Named<Executable>> setAfterRows() {
        return Stream.of(
                Named.of("values(row)", () -> bob().set(USER.AGE, 1)),
                Named.of("values(rows)", () -> insertInto(USER).values(List.of(BOB)).setNull(USER.AGE)),
                Named.of("select", () -> insertInto(USER).columns(USER.NAME).select(select(USER.NAME).from(USER))
                        .set(USER.AGE, 1)),
                Named.of("defaultValues", () -> insertInto(USER).defaultValues().set(USER.AGE, 1)),
                Named.of("onConflict", () -> insertInto(USER).set(USER.NAME, "a").onConflict(USER.NAME).doNothing()
                        .set(USER.AGE, 1)),
                Named.of("onConflict then field", () -> insertInto(USER).set(USER.NAME, "a").onConflict().doNothing()
                        .set(USER.CREATED_AT, now())));
    }

    @ParameterizedTest(name = "set after {0}")
    @MethodSource("setAfterRows")
    void setBuildsOneRowAndCannotFollowRows(Executable call) {
        assertFails(IllegalStateException.class, call, USERS, "set(...)", "cannot follow values(...)", "onConflict(...)");
    }

    @Test
    void aFieldValueIsNeverNull() {
        Field<String> none = null;
        assertFails(IllegalArgumentException.class, () -> insertInto(USER).set(USER.NAME, none), USERS, "setNull(column)");
        assertFails(IllegalArgumentException.class, () -> update(USER).set(USER.NAME, none), USERS, "setNull(column)");
        assertFails(IllegalArgumentException.class, () -> bob().onConflict(USER.EMAIL).doUpdate().set(USER.NAME, none),
                USERS, "setNull(column)");
    }

    // ---- column lists ------------------------------------------------------------------------

    @Test
    void columnsNeedsAtLeastOneColumn() {
        assertFails(IllegalArgumentException.class, () -> insertInto(USER).columns(), USERS, "at least one column");
    }

    @Test
    void columnsNamesEachColumnOnce() {
        assertFails(IllegalArgumentException.class, () -> insertInto(USER).columns(USER.NAME, USER.NAME),
                USERS, "name twice");
        assertFails(IllegalArgumentException.class, () -> insertInto(WIDE).columns(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3,
                WIDE.C4, WIDE.C5, WIDE.C6, WIDE.C2), "\"wide\"", "c2 twice");
    }

    @Test
    void untypedValuesNeedOneValuePerColumn() {
        InsertValuesN<Wide> wide = insertInto(WIDE).columns(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5,
                WIDE.C6, WIDE.N7);
        assertFails(IllegalArgumentException.class, () -> wide.values(1L, "a", null),
                "\"wide\"", "got 3 values for the 8 columns", "[id, c1, c2, c3, c4, c5, c6, n7]");
        assertFails(IllegalArgumentException.class, () -> wide.values(1L, "a", null, null, null, null, null, null, null),
                "\"wide\"", "got 9 values for the 8 columns");
        assertFails(IllegalArgumentException.class, () -> wide.values((Object[]) null), "\"wide\"", "got 0 values");
    }

    // ---- insert ... select -------------------------------------------------------------------

    @Test
    void insertSelectChecksTheNumberOfFields() {
        InsertValuesN<Wide> wide = insertInto(WIDE).columns(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5,
                WIDE.C6, WIDE.N7);
        assertFails(IllegalArgumentException.class, () -> wide.select(select(WIDE.ID, WIDE.C1).from(WIDE)),
                "\"wide\"", "selects 2 fields but 8 columns are inserted", "[id, c1, c2, c3, c4, c5, c6, n7]");
    }

    @Test
    void insertSelectChecksEachFieldsType() {
        InsertValuesN<Wide> swapped = insertInto(WIDE).columns(WIDE.C1, WIDE.ID, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5,
                WIDE.C6, WIDE.N7);
        assertFails(IllegalArgumentException.class, () -> swapped.select(select(WIDE)),
                "\"wide\"", "column c1 is text", "field 1 (\"wide\".\"id\") is int8");
        // The same Java type is not enough: a jsonb field does not go into a text column unchecked.
        Field<String> body = Table.of(Doc.class).field("body", PgType.JSONB);
        InsertValues1<User, String> names = insertInto(USER).columns(USER.NAME);
        assertFails(IllegalArgumentException.class, () -> names.select(select(body).from(Table.of(Doc.class))),
                USERS, "column name is text", "is jsonb");
    }

    @Test
    void selectCannotFollowValues() {
        InsertValues2<User, String, String> rows = insertInto(USER).columns(USER.NAME, USER.EMAIL).values("a", "b");
        assertFails(IllegalStateException.class, () -> rows.select(select(USER.NAME, USER.EMAIL).from(USER)),
                USERS, "select(...) replaces VALUES", "cannot follow values(...)");
    }

    // ---- an insert without rows --------------------------------------------------------------

    @Test
    void aColumnListWithoutRowsDoesNotRender() {
        InsertValues2<User, String, String> empty = insertInto(USER).columns(USER.NAME, USER.EMAIL);
        String[] fragments = {USERS, "[name, email]", "has no rows yet", "values(...)", "select(...)"};
        assertFails(IllegalStateException.class, empty::render, fragments);
        assertFails(IllegalStateException.class, () -> empty.render(Placeholders.NUMBERED), fragments);
        assertFails(IllegalStateException.class, () -> empty.returning(USER.ID), fragments);
        assertFails(IllegalStateException.class, empty::returningAll, fragments);
        assertFails(IllegalStateException.class, () -> empty.onConflict(USER.EMAIL).doNothing(), fragments);
        assertFails(IllegalStateException.class, () -> empty.onConflict(USER.EMAIL).doUpdate(), fragments);
        assertFails(IllegalStateException.class, () -> empty.onConflict(USER.EMAIL).doUpdateSet(USER.NAME), fragments);
        InsertValuesN<Wide> wide = insertInto(WIDE).columns(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5,
                WIDE.C6, WIDE.N7);
        assertFails(IllegalStateException.class, wide::render, "\"wide\"", "has no rows yet");
    }
}
