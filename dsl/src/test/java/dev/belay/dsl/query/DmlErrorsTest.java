package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.DmlErrorFixtures.USERS;
import static dev.belay.dsl.query.QueryAssertions.assertFails;
import static dev.belay.dsl.query.DmlErrorFixtures.bob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.Cte;
import dev.belay.dsl.Insert;
import dev.belay.dsl.InsertConflict;
import dev.belay.dsl.InsertDoUpdate;
import dev.belay.dsl.InsertValues5;
import dev.belay.dsl.Param;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Placeholders;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Returning;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.fixtures.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Misuse of INSERT, UPDATE and DELETE fails while the statement is built (or, for an incomplete one, when
 * it renders), with the exception type that says whose fault it is and a message naming the table, the
 * column or value at fault and the fix. Here: ON CONFLICT, UPDATE and RETURNING, a column of another table
 * with the same row type, parameters and the 65,535-parameter limit; the errors in building an INSERT's rows,
 * values, set(...), column lists and insert ... select are in {@link InsertErrorsTest}.
 */
final class DmlErrorsTest {

    // ---- descriptors made for these tests ----------------------------------------------------

    /** A second table of User rows with only some of the columns: users' other columns are not its own. */
    static final class UserArchive extends Table<User> {
        static final UserArchive ARCHIVE = new UserArchive();
        final Column<User, Long> ID = column("id", PgType.INT8).primaryKey();
        final Column<User, String> NAME = column("name", PgType.TEXT);

        private UserArchive() {
            super("user_archive", User.class);
        }
    }

    // ---- ON CONFLICT -------------------------------------------------------------------------

    @Test
    void aConflictTargetNamesEachColumnOnce() {
        assertFails(IllegalArgumentException.class, () -> bob().onConflict(USER.EMAIL, USER.EMAIL),
                USERS, "onConflict", "email twice");
    }

    @Test
    void anIndexPredicateNeedsTargetColumns() {
        String[] fragments = {USERS, "where(...)", "onConflict(columns)"};
        assertFails(IllegalStateException.class, () -> bob().onConflict().where(USER.AGE.gt(0)), fragments);
        assertFails(IllegalStateException.class, () -> bob().onConstraint("users_email_key").where(USER.AGE.gt(0)),
                fragments);
    }

    static Stream<Named<Function<InsertConflict<User>, Object>>> updateActions() {
        return Stream.of(
                Named.of("doUpdate", InsertConflict::doUpdate),
                Named.of("doUpdateSet", c -> c.doUpdateSet(USER.NAME)),
                Named.of("doUpdateAllExcept", c -> c.doUpdateAllExcept()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updateActions")
    void doUpdateNeedsAConflictTarget(Function<InsertConflict<User>, Object> action) {
        InsertConflict<User> any = bob().onConflict();
        assertFails(IllegalStateException.class, () -> action.apply(any),
                USERS, "needs a conflict target", "DO NOTHING", "onConflict(columns)", "onConstraint(name)");
    }

    @Test
    void doUpdateSetNeedsAColumn() {
        assertFails(IllegalArgumentException.class, () -> bob().onConflict(USER.EMAIL).doUpdateSet(),
                USERS, "doUpdateSet() needs at least one column", "doNothing()");
    }

    @Test
    void doUpdateAllExceptMustLeaveAColumn() {
        assertFails(IllegalArgumentException.class,
                () -> insertInto(USER).set(USER.NAME, "a").set(USER.EMAIL, "e").onConflict(USER.EMAIL)
                        .doUpdateAllExcept(USER.NAME),
                USERS, "leaves no column to update", "[name, email]", "doNothing()");
        // the primary key is skipped too
        assertFails(IllegalArgumentException.class,
                () -> insertInto(USER).overridingSystemValue().set(USER.ID, 1L).set(USER.EMAIL, "e")
                        .onConflict(USER.EMAIL).doUpdateAllExcept(),
                USERS, "leaves no column to update", "[id, email]");
    }

    @Test
    void doUpdateWithoutAssignmentsIsRefusedWhenUsed() {
        InsertDoUpdate<User> empty = bob().onConflict(USER.EMAIL).doUpdate();
        String[] fragments = {USERS, "sets nothing", "set(column, value)", "doNothing()"};
        assertFails(IllegalStateException.class, empty::render, fragments);
        assertFails(IllegalStateException.class, () -> empty.render(Placeholders.NUMBERED), fragments);
        assertFails(IllegalStateException.class, () -> empty.returning(USER.ID), fragments);
        assertFails(IllegalStateException.class, () -> empty.returning(USER.ID, inserted(USER)), fragments);
        assertFails(IllegalStateException.class, empty::returningAll, fragments);
        assertFails(IllegalStateException.class, () -> empty.where(USER.AGE.gt(1)).render(), fragments);
    }

    @Test
    void onConstraintNeedsAName() {
        assertFails(IllegalArgumentException.class, () -> bob().onConstraint(""), "constraint name", "non-empty");
    }

    // ---- UPDATE and RETURNING ----------------------------------------------------------------

    @Test
    void anUpdateWithoutAssignmentsIsNoStatement() {
        String[] fragments = {"update " + USERS, "sets nothing", "set(column, value)"};
        assertFails(IllegalStateException.class, () -> update(USER).where(USER.ID.eq(1L)), fragments);
        assertFails(IllegalStateException.class, () -> update(USER).all(), fragments);
        assertFails(IllegalStateException.class, () -> update(USER).from(ORDER).where(ORDER.USER_ID.eq(USER.ID)),
                fragments);
    }

    @Test
    void returningNeedsAField() {
        // the message names the call and what it needs
        String[] fragments = {"returning()", "at least one field"};
        assertFails(IllegalArgumentException.class, () -> deleteFrom(USER).all().returning(), fragments);
        assertFails(IllegalArgumentException.class, () -> update(USER).set(USER.AGE, 1).all().returning(), fragments);
        assertFails(IllegalArgumentException.class, () -> bob().returning(), fragments);
        assertFails(IllegalArgumentException.class, () -> bob().onConflict(USER.EMAIL).doUpdate().set(USER.AGE, 1)
                .returning(), fragments);
    }

    record IdAndAge(Long id, String age) {}

    @Test
    void returningIntoChecksTheRecord() {
        Returning<Tuple2<Long, Integer>> r = deleteFrom(USER).all().returning(USER.ID, USER.AGE);
        assertFails(IllegalArgumentException.class, () -> r.into(IdAndAge.class),
                "into(IdAndAge)", "component age", "String", "\"users\".\"age\"", "Integer");
        assertFails(IllegalArgumentException.class, () -> deleteFrom(USER).all().returning(USER.ID).into(IdAndAge.class),
                "into(IdAndAge)", "2 components", "1 fields");
    }

    static final class NotARecord {}

    @Test
    void intoRefusesAClassThatIsNotARecordEveryTime() {
        // the second call finds the class in the cache of checked classes and must refuse it all the same
        for (int i = 0; i < 2; i++) {
            assertFails(IllegalArgumentException.class,
                    () -> deleteFrom(USER).all().returning(USER.ID).into(NotARecord.class),
                    "into(NotARecord)", "only records");
        }
    }

    // ---- a column of another table with the same row type ------------------------------------

    static Stream<Named<Executable>> columnsTheTargetLacks() {
        UserArchive a = UserArchive.ARCHIVE;
        return Stream.of(
                Named.of("insert set", () -> insertInto(a).set(USER.EMAIL, "e")),
                Named.of("insert set field", () -> insertInto(a).set(a.NAME, "n").set(USER.EMAIL, lower(a.NAME))),
                Named.of("insert setNull", () -> insertInto(a).setNull(USER.AGE)),
                Named.of("typed columns", () -> insertInto(a).columns(a.NAME, USER.EMAIL)),
                Named.of("one typed column", () -> insertInto(a).columns(USER.EMAIL)),
                Named.of("onConflict", () -> insertInto(a).set(a.NAME, "n").onConflict(USER.EMAIL)),
                Named.of("doUpdateSet", () -> insertInto(a).set(a.NAME, "n").onConflict(a.ID).doUpdateSet(USER.EMAIL)),
                Named.of("doUpdateAllExcept", () -> insertInto(a).set(a.NAME, "n").onConflict(a.ID)
                        .doUpdateAllExcept(USER.EMAIL)),
                Named.of("doUpdate set", () -> insertInto(a).set(a.NAME, "n").onConflict(a.ID).doUpdate()
                        .set(USER.EMAIL, "e")),
                Named.of("doUpdate setNull", () -> insertInto(a).set(a.NAME, "n").onConflict(a.ID).doUpdate()
                        .setNull(USER.AGE)),
                Named.of("update set", () -> update(a).set(USER.EMAIL, "e")),
                Named.of("update set field", () -> update(a).set(USER.EMAIL, a.NAME)),
                Named.of("update setNull", () -> update(a).setNull(USER.AGE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columnsTheTargetLacks")
    void aColumnOfAnotherTableWithTheSameRowTypeMustExistInTheTarget(Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains("table \"user_archive\" has no column \"email\"")
                || e.getMessage().contains("table \"user_archive\" has no column \"age\""), e.getMessage());
    }

    @Test
    void aNullColumnIsNamedAsSuch() {
        Column<User, String> none = null;
        assertFails(IllegalArgumentException.class, () -> bob().onConflict(none), USERS, "a column is null");
        assertFails(IllegalArgumentException.class, () -> update(USER).set(none, USER.EMAIL), USERS, "a column is null");
    }

    // ---- parameters --------------------------------------------------------------------------

    @Test
    void bindingAParamTheStatementDoesNotHaveIsRefused() {
        Param<String> name = param("name", String.class);
        Param<String> other = param("name", String.class);
        Param<Long> id = param("id", Long.class);
        String[] fragments = {":id", "has no parameter", "identity"};
        assertFails(IllegalArgumentException.class, () -> bob().bind(id, 1L), fragments);
        assertFails(IllegalArgumentException.class, () -> update(USER).set(USER.NAME, name).all().bind(id, 1L), fragments);
        assertFails(IllegalArgumentException.class, () -> deleteFrom(USER).where(USER.NAME.eq(name)).bind(id, 1L),
                fragments);
        assertFails(IllegalArgumentException.class,
                () -> deleteFrom(USER).where(USER.NAME.eq(name)).returning(USER.ID).bind(id, 1L), fragments);
        assertFails(IllegalArgumentException.class,
                () -> bob().onConflict(USER.EMAIL).doUpdate().set(USER.NAME, name).bind(id, 1L), fragments);
        assertFails(IllegalArgumentException.class,
                () -> insertInto(USER).columns(USER.NAME).values("a").bind(id, 1L), fragments);
        // same name, another slot
        assertFails(IllegalArgumentException.class, () -> deleteFrom(USER).where(USER.NAME.eq(name)).bind(other, "x"),
                ":name", "has no parameter");
    }

    @Test
    void renderingWithAnUnboundParamNamesItAndTheFix() {
        Param<String> name = param("name", String.class);
        Param<Long> id = param("id", Long.class);
        String[] fragments = {"parameter :name is not bound", "bind(name, value)"};
        assertFails(IllegalStateException.class, () -> insertInto(USER).set(USER.NAME, name).render(), fragments);
        assertFails(IllegalStateException.class,
                () -> update(USER).set(USER.NAME, name).where(USER.ID.eq(id)).bind(id, 1L).render(), fragments);
        assertFails(IllegalStateException.class,
                () -> deleteFrom(USER).where(USER.NAME.eq(name)).render(Placeholders.NUMBERED), fragments);
        assertFails(IllegalStateException.class,
                () -> deleteFrom(USER).where(USER.NAME.eq(name)).returning(USER.ID).render(), fragments);
        assertFails(IllegalStateException.class,
                () -> bob().onConflict(USER.EMAIL).doUpdate().set(USER.NAME, name).render(), fragments);
    }

    @Test
    void aBoundReturningCannotBeACte() {
        Param<String> name = param("name", String.class);
        Returning<Long> gone = deleteFrom(USER).where(USER.NAME.eq(name)).returning(USER.ID);
        String[] fragments = {"cte gone", "already has bound parameters", "bind(...) on the outer statement"};
        assertFails(IllegalArgumentException.class, () -> cte("gone").as(gone.bind(name, "a")), fragments);
        // bound before returning(): the values travel with the statement, so it is refused the same way
        assertFails(IllegalArgumentException.class,
                () -> cte("gone").as(deleteFrom(USER).where(USER.NAME.eq(name)).bind(name, "a").returning(USER.ID)),
                fragments);
        // the unbound one nests, and the outer statement binds its slot
        Cte<Long> moved = cte("gone").as(gone);
        RenderedSql r = with(moved).select(moved.field(USER.ID)).from(moved).bind(name, "a").render();
        assertEquals(List.of("a"), r.params());
    }

    /**
     * PostgreSQL accepts a WITH holding an INSERT, UPDATE or DELETE only at the top level of the statement
     * (SQLSTATE 0A000, "WITH clause containing a data-modifying statement must be at the top level"), so nesting
     * such a query as a subquery or as the source of INSERT ... SELECT is refused while building, naming the CTE.
     */
    @Test
    void aDataModifyingCteCannotBeNested() {
        UserArchive a = UserArchive.ARCHIVE;
        Cte<Tuple2<Long, String>> moved = cte("moved").as(deleteFrom(USER).where(USER.AGE.lt(18))
                .returning(USER.ID, USER.NAME));
        Select<Tuple2<Long, String>> fromMoved = with(moved).select(moved.field(USER.ID), moved.field(USER.NAME))
                .from(moved);
        // the right way, at the top level, is fine
        assertEquals("WITH \"moved\" AS (DELETE FROM \"users\" WHERE \"users\".\"age\" < ? RETURNING \"users\".\"id\", "
                + "\"users\".\"name\") INSERT INTO \"user_archive\" (\"id\", \"name\") SELECT \"moved\".\"id\", "
                + "\"moved\".\"name\" FROM \"moved\"",
                with(moved).insertInto(a).columns(a.ID, a.NAME)
                        .select(select(moved.field(USER.ID), moved.field(USER.NAME)).from(moved)).render().sql());
        assertFails(IllegalArgumentException.class, () -> insertInto(a).columns(a.ID, a.NAME).select(fromMoved),
                "moved");
        Select<Long> ids = with(moved).select(moved.field(USER.ID)).from(moved);
        assertFails(IllegalArgumentException.class, () -> select(ORDER.ID).from(ORDER).where(ORDER.USER_ID.in(ids)),
                "moved");
    }

    // ---- the 65,535-parameter limit ----------------------------------------------------------

    private static List<User> users(int count) {
        List<User> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new User((long) i, "u" + i, "u" + i + "@x.org", i, Instant.EPOCH));
        }
        return rows;
    }

    @Test
    void aMultiRowInsertOverTheParameterLimitNamesTableRowsAndTheFix() {
        Insert<User> tooMany = insertInto(USER).overridingSystemValue().values(users(13_108));
        String[] fragments = {USERS, "13108 rows", "5 columns", "65540 parameters", "at most 65535",
            "db.insert(table, rows)", "no such limit"};
        assertFails(IllegalStateException.class, tooMany::render, fragments);
        assertFails(IllegalStateException.class, () -> tooMany.render(Placeholders.NUMBERED), fragments);
        assertFails(IllegalStateException.class, () -> tooMany.returning(USER.ID).render(), fragments);
    }

    @Test
    void aMultiRowInsertAtTheParameterLimitRenders() {
        RenderedSql r = insertInto(USER).overridingSystemValue().values(users(13_107)).render();
        assertEquals(65_535, r.params().size());
        assertTrue(r.sql().endsWith(", (?, ?, ?, ?, ?)"), "ends with the last row");
        RenderedSql numbered = insertInto(USER).overridingSystemValue().values(users(13_107)).render(Placeholders.NUMBERED);
        assertTrue(numbered.sql().endsWith("($65531, $65532, $65533, $65534, $65535)"), "numbered up to $65535");
    }

    @Test
    void theLimitCountsPlaceholdersNotRowsTimesColumns() {
        // 21,844 rows of 4 columns, but DEFAULT takes no parameter: 1 + 21,844 * 3 = 65,533 parameters.
        List<User> rows = new ArrayList<>();
        rows.add(new User(1L, "first", "first@x.org", 1, null));
        for (int i = 1; i < 21_844; i++) {
            rows.add(new User(null, "u" + i, "u" + i + "@x.org", i, null));
        }
        RenderedSql r = insertInto(USER).overridingSystemValue().values(rows).render();
        assertEquals(65_533, r.params().size());
        assertTrue(r.sql().endsWith("(DEFAULT, ?, ?, ?)"), "the last row");
    }

    @Test
    void typedColumnRowsOverTheLimitAreRefusedToo() {
        InsertValues5<User, Long, String, String, Integer, Instant> q = insertInto(USER).overridingSystemValue()
                .columns(USER.ID, USER.NAME, USER.EMAIL, USER.AGE, USER.CREATED_AT);
        for (long i = 0; i < 13_107; i++) {
            q = q.values(i, "n", "e", 1, Instant.EPOCH);
        }
        assertEquals(65_535, q.render().params().size());
        InsertValues5<User, Long, String, String, Integer, Instant> tooMany = q.values(-1L, "n", "e", 1, Instant.EPOCH);
        assertFails(IllegalStateException.class, tooMany::render,
                USERS, "13108 rows", "5 columns", "65540 parameters", "at most 65535", "db.insert(table, rows)");
    }
}
