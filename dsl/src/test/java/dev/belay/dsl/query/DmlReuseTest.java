package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.fixtures.WideTable.WIDE;
import static dev.belay.dsl.query.QueryAssertions.assertBranches;
import static dev.belay.dsl.query.QueryAssertions.assertRenders;
import static dev.belay.dsl.query.QueryAssertions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.Cte;
import dev.belay.dsl.Delete;
import dev.belay.dsl.DeleteStep;
import dev.belay.dsl.Insert;
import dev.belay.dsl.InsertConflict;
import dev.belay.dsl.InsertDoUpdate;
import dev.belay.dsl.InsertInto;
import dev.belay.dsl.InsertValues2;
import dev.belay.dsl.InsertValuesN;
import dev.belay.dsl.Param;
import dev.belay.dsl.Placeholders;
import dev.belay.dsl.Query;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Returning;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Update;
import dev.belay.dsl.UpdateStep;
import dev.belay.dsl.With;
import dev.belay.dsl.fixtures.User;
import dev.belay.dsl.fixtures.WideTable.Wide;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every INSERT, UPDATE and DELETE builder leaves its receiver untouched: a base (or a step that is not a
 * query yet) branched two ways keeps its own SQL and parameters, and binding never changes the text.
 */
final class DmlReuseTest {
    private static final User BOB = new User(null, "Bob", "bob@x.org", 30, null);
    private static final String INSERT_BOB = "INSERT INTO \"users\" (\"name\", \"email\", \"age\") VALUES (?, ?, ?)";
    private static final Object[] BOB_PARAMS = {"Bob", "bob@x.org", 30};
    private static final String ON_EMAIL = INSERT_BOB + " ON CONFLICT (\"email\")";
    private static final String BY_USER = "\"orders\".\"user_id\" = \"users\".\"id\"";

    private static Object[] bobAnd(Object... more) {
        Object[] all = new Object[BOB_PARAMS.length + more.length];
        System.arraycopy(BOB_PARAMS, 0, all, 0, BOB_PARAMS.length);
        System.arraycopy(more, 0, all, BOB_PARAMS.length, more.length);
        return all;
    }

    // ---- INSERT ------------------------------------------------------------------------------

    @Test
    void insertIntoStep() {
        InsertInto<User> step = insertInto(USER);
        Insert<User> a = step.overridingSystemValue().values(new User(7L, "Bob", "bob@x.org", 30, null));
        InsertValues2<User, String, String> b = step.columns(USER.NAME, USER.EMAIL).values("Ann", "ann@x.org");
        Insert<User> base = step.values(BOB);
        assertBranches(base, expect(INSERT_BOB, BOB_PARAMS),
                a, expect("INSERT INTO \"users\" (\"id\", \"name\", \"email\", \"age\") OVERRIDING SYSTEM VALUE "
                        + "VALUES (?, ?, ?, ?)", 7L, "Bob", "bob@x.org", 30),
                b, expect("INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?)", "Ann", "ann@x.org"));
    }

    @Test
    void insertIntoStepSetAndDefaultValues() {
        InsertInto<User> step = insertInto(USER);
        Insert<User> a = step.set(USER.NAME, "Ann");
        Insert<User> b = step.setNull(USER.AGE);
        Insert<User> base = step.defaultValues();
        assertBranches(base, expect("INSERT INTO \"users\" DEFAULT VALUES"),
                a, expect("INSERT INTO \"users\" (\"name\") VALUES (?)", "Ann"),
                b, expect("INSERT INTO \"users\" (\"age\") VALUES (?)", (Object) null));
    }

    @Test
    void insertSetStyle() {
        Insert<User> base = insertInto(USER).set(USER.NAME, "Ann");
        assertBranches(base, expect("INSERT INTO \"users\" (\"name\") VALUES (?)", "Ann"),
                base.set(USER.EMAIL, "ann@x.org"),
                expect("INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?)", "Ann", "ann@x.org"),
                base.setNull(USER.AGE).set(USER.CREATED_AT, now()),
                expect("INSERT INTO \"users\" (\"name\", \"age\", \"created_at\") VALUES (?, ?, now())", "Ann", null));
    }

    @Test
    void insertSetStyleTakesTheSameColumnInEachBranch() {
        Insert<User> base = insertInto(USER).set(USER.NAME, "Ann");
        Insert<User> a = base.set(USER.EMAIL, "a@x.org");
        Insert<User> b = base.set(USER.EMAIL, "b@x.org");
        String sql = "INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?)";
        assertBranches(base, expect("INSERT INTO \"users\" (\"name\") VALUES (?)", "Ann"),
                a, expect(sql, "Ann", "a@x.org"), b, expect(sql, "Ann", "b@x.org"));
        assertEquals(List.of(USER.NAME), base.columns());
        assertEquals(List.of(USER.NAME, USER.EMAIL), a.columns());
    }

    @Test
    void insertFromRowsBranchesIntoConflictAndReturning() {
        Insert<User> base = insertInto(USER).values(BOB);
        assertBranches(base, expect(INSERT_BOB, BOB_PARAMS),
                base.onConflict(USER.EMAIL).doNothing(), expect(ON_EMAIL + " DO NOTHING", BOB_PARAMS),
                base.returning(USER.ID), expect(INSERT_BOB + " RETURNING \"users\".\"id\"", BOB_PARAMS));
    }

    @Test
    void insertValues2AddingRows() {
        InsertValues2<User, String, String> base = insertInto(USER).columns(USER.NAME, USER.EMAIL).values("a", "a@x");
        String sql = "INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?)";
        assertBranches(base, expect(sql, "a", "a@x"),
                base.values("b", "b@x"), expect(sql + ", (?, ?)", "a", "a@x", "b", "b@x"),
                base.values("c", "c@x").values("d", "d@x"), expect(sql + ", (?, ?), (?, ?)", "a", "a@x", "c", "c@x", "d", "d@x"));
    }

    @Test
    void insertValues2WithoutRowsTakesRowsOrAQuery() {
        InsertValues2<User, String, String> columns = insertInto(USER).columns(USER.NAME, USER.EMAIL);
        InsertValues2<User, String, String> a = columns.values("a", "a@x");
        Insert<User> b = columns.select(select(USER.NAME, USER.EMAIL).from(USER).where(USER.AGE.gt(1)));
        assertRenders(expect("INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?)", "a", "a@x"), a);
        assertRenders(expect("INSERT INTO \"users\" (\"name\", \"email\") SELECT \"users\".\"name\", \"users\".\"email\" "
                + "FROM \"users\" WHERE \"users\".\"age\" > ?", 1), b);
        assertThrows(IllegalStateException.class, columns::render, "the column list still has no rows");
        assertRenders(expect("INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?)", "z", "z@x"), columns.values("z", "z@x"));
    }

    @Test
    void insertValuesNAddingRows() {
        InsertValuesN<Wide> base = insertInto(WIDE)
                .columns(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5, WIDE.C6, WIDE.N7)
                .values(1L, "a", null, null, null, null, null, 7);
        String sql = "INSERT INTO \"wide\" (\"id\", \"c1\", \"c2\", \"c3\", \"c4\", \"c5\", \"c6\", \"n7\") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        String row = ", (?, ?, ?, ?, ?, ?, ?, ?)";
        assertBranches(base, expect(sql, 1L, "a", null, null, null, null, null, 7),
                base.values(2L, "b", "2", null, null, null, null, null),
                expect(sql + row, 1L, "a", null, null, null, null, null, 7, 2L, "b", "2", null, null, null, null, null),
                base.onConflict(WIDE.ID).doUpdateSet(WIDE.C1),
                expect(sql + " ON CONFLICT (\"id\") DO UPDATE SET \"c1\" = EXCLUDED.\"c1\"",
                        1L, "a", null, null, null, null, null, 7));
    }

    // ---- ON CONFLICT -------------------------------------------------------------------------

    @Test
    void insertConflict() {
        InsertConflict<User> conflict = insertInto(USER).values(BOB).onConflict(USER.EMAIL);
        Insert<User> a = conflict.where(USER.AGE.gt(0)).doNothing();
        Insert<User> b = conflict.doUpdateSet(USER.NAME, USER.AGE);
        Insert<User> base = conflict.doNothing();
        assertBranches(base, expect(ON_EMAIL + " DO NOTHING", BOB_PARAMS),
                a, expect(ON_EMAIL + " WHERE \"users\".\"age\" > ? DO NOTHING", bobAnd(0)),
                b, expect(ON_EMAIL + " DO UPDATE SET \"name\" = EXCLUDED.\"name\", \"age\" = EXCLUDED.\"age\"", BOB_PARAMS));
    }

    @Test
    void insertConflictWhereAndAllExcept() {
        InsertConflict<User> conflict = insertInto(USER).values(BOB).onConflict(USER.EMAIL).where(USER.AGE.gt(0));
        Insert<User> a = conflict.where(USER.NAME.ne("x")).doNothing();
        Insert<User> b = conflict.doUpdateAllExcept(USER.AGE);
        Insert<User> base = conflict.doNothing();
        String target = ON_EMAIL + " WHERE ";
        assertBranches(base, expect(target + "\"users\".\"age\" > ? DO NOTHING", bobAnd(0)),
                a, expect(target + "(\"users\".\"age\" > ?) AND (\"users\".\"name\" <> ?) DO NOTHING", bobAnd(0, "x")),
                b, expect(target + "\"users\".\"age\" > ? DO UPDATE SET \"name\" = EXCLUDED.\"name\"", bobAnd(0)));
    }

    @Test
    void onConstraintAndAnyConflict() {
        Insert<User> base = insertInto(USER).values(BOB);
        assertBranches(base, expect(INSERT_BOB, BOB_PARAMS),
                base.onConstraint("users_email_key").doUpdateSet(USER.NAME),
                expect(INSERT_BOB + " ON CONFLICT ON CONSTRAINT \"users_email_key\" DO UPDATE SET \"name\" = EXCLUDED.\"name\"",
                        BOB_PARAMS),
                base.onConflict().doNothing(), expect(INSERT_BOB + " ON CONFLICT DO NOTHING", BOB_PARAMS));
    }

    @Test
    void insertDoUpdate() {
        InsertDoUpdate<User> base = insertInto(USER).values(BOB).onConflict(USER.EMAIL).doUpdate()
                .set(USER.NAME, excluded(USER.NAME));
        String set = ON_EMAIL + " DO UPDATE SET \"name\" = EXCLUDED.\"name\"";
        assertBranches(base, expect(set, BOB_PARAMS),
                base.set(USER.AGE, excluded(USER.AGE)), expect(set + ", \"age\" = EXCLUDED.\"age\"", BOB_PARAMS),
                base.where(USER.AGE.lt(excluded(USER.AGE))), expect(set + " WHERE \"users\".\"age\" < EXCLUDED.\"age\"", BOB_PARAMS));
    }

    @Test
    void insertDoUpdateWhereAndValues() {
        InsertDoUpdate<User> base = insertInto(USER).values(BOB).onConflict(USER.EMAIL).doUpdate()
                .setNull(USER.AGE).where(USER.AGE.gt(1));
        String set = ON_EMAIL + " DO UPDATE SET \"age\" = ?";
        assertBranches(base, expect(set + " WHERE \"users\".\"age\" > ?", bobAnd(null, 1)),
                base.where(USER.NAME.eq("a")),
                expect(set + " WHERE (\"users\".\"age\" > ?) AND (\"users\".\"name\" = ?)", bobAnd(null, 1, "a")),
                base.set(USER.NAME, "b"), expect(set + ", \"name\" = ? WHERE \"users\".\"age\" > ?", bobAnd(null, "b", 1)));
    }

    @Test
    void anEmptyDoUpdateStaysEmptyAfterItsBranchesSetColumns() {
        InsertDoUpdate<User> empty = insertInto(USER).values(BOB).onConflict(USER.EMAIL).doUpdate();
        InsertDoUpdate<User> a = empty.set(USER.NAME, "a");
        InsertDoUpdate<User> b = empty.setNull(USER.AGE);
        assertRenders(expect(ON_EMAIL + " DO UPDATE SET \"name\" = ?", bobAnd("a")), a);
        assertRenders(expect(ON_EMAIL + " DO UPDATE SET \"age\" = ?", bobAnd((Object) null)), b);
        assertThrows(IllegalStateException.class, empty::render, "the step sets nothing yet");
    }

    // ---- UPDATE ------------------------------------------------------------------------------

    @Test
    void updateStep() {
        UpdateStep<User> step = update(USER).set(USER.AGE, 31);
        Update<User> a = step.set(USER.NAME, "x").where(USER.ID.eq(1L));
        Update<User> b = step.from(ORDER).where(ORDER.USER_ID.eq(USER.ID));
        Update<User> base = step.all();
        assertBranches(base, expect("UPDATE \"users\" SET \"age\" = ?", 31),
                a, expect("UPDATE \"users\" SET \"age\" = ?, \"name\" = ? WHERE \"users\".\"id\" = ?", 31, "x", 1L),
                b, expect("UPDATE \"users\" SET \"age\" = ? FROM \"orders\" WHERE " + BY_USER, 31));
    }

    @Test
    void anEmptyUpdateStepStaysEmpty() {
        UpdateStep<User> empty = update(USER);
        Update<User> a = empty.set(USER.NAME, "a").all();
        Update<User> b = empty.setNull(USER.AGE).where(USER.ID.eq(2L));
        assertRenders(expect("UPDATE \"users\" SET \"name\" = ?", "a"), a);
        assertRenders(expect("UPDATE \"users\" SET \"age\" = ? WHERE \"users\".\"id\" = ?", null, 2L), b);
        assertThrows(IllegalStateException.class, empty::all, "the step still sets nothing");
        UpdateStep<User> from = empty.from(ORDER);
        assertRenders(expect("UPDATE \"users\" SET \"age\" = ? FROM \"orders\" WHERE " + BY_USER, 5),
                from.set(USER.AGE, 5).where(ORDER.USER_ID.eq(USER.ID)));
        assertRenders(expect("UPDATE \"users\" SET \"age\" = ?", 6), empty.set(USER.AGE, 6).all());
    }

    @Test
    void updateWhere() {
        Update<User> base = update(USER).set(USER.AGE, USER.AGE.plus(1)).where(USER.ID.eq(1L));
        String u = "UPDATE \"users\" SET \"age\" = \"users\".\"age\" + ? WHERE ";
        assertBranches(base, expect(u + "\"users\".\"id\" = ?", 1, 1L),
                base.where(USER.NAME.eq("a")), expect(u + "(\"users\".\"id\" = ?) AND (\"users\".\"name\" = ?)", 1, 1L, "a"),
                base.where(USER.AGE.isNull()), expect(u + "(\"users\".\"id\" = ?) AND (\"users\".\"age\" IS NULL)", 1, 1L));
    }

    @Test
    void updateReturning() {
        Update<User> base = update(USER).set(USER.AGE, 3).all();
        assertBranches(base, expect("UPDATE \"users\" SET \"age\" = ?", 3),
                base.returning(USER.ID), expect("UPDATE \"users\" SET \"age\" = ? RETURNING \"users\".\"id\"", 3),
                base.returningAll(), expect("UPDATE \"users\" SET \"age\" = ? RETURNING " + QueryAssertions.USER_COLS, 3));
    }

    // ---- DELETE ------------------------------------------------------------------------------

    @Test
    void deleteStep() {
        DeleteStep<User> step = deleteFrom(USER);
        Delete<User> a = step.using(ORDER).where(ORDER.USER_ID.eq(USER.ID));
        Delete<User> b = step.where(USER.AGE.lt(18));
        Delete<User> base = step.all();
        assertBranches(base, expect("DELETE FROM \"users\""),
                a, expect("DELETE FROM \"users\" USING \"orders\" WHERE " + BY_USER),
                b, expect("DELETE FROM \"users\" WHERE \"users\".\"age\" < ?", 18));
    }

    @Test
    void deleteStepWithUsing() {
        DeleteStep<User> step = deleteFrom(USER).using(ORDER);
        Delete<User> a = step.where(ORDER.USER_ID.eq(USER.ID));
        Delete<User> b = step.using(USER.as("u")).all();
        Delete<User> base = step.all();
        assertBranches(base, expect("DELETE FROM \"users\" USING \"orders\""),
                a, expect("DELETE FROM \"users\" USING \"orders\" WHERE " + BY_USER),
                b, expect("DELETE FROM \"users\" USING \"orders\", \"users\" AS \"u\""));
    }

    @Test
    void deleteWhere() {
        Delete<User> base = deleteFrom(USER).where(USER.AGE.lt(18));
        String d = "DELETE FROM \"users\" WHERE ";
        assertBranches(base, expect(d + "\"users\".\"age\" < ?", 18),
                base.where(USER.NAME.eq("a")), expect(d + "(\"users\".\"age\" < ?) AND (\"users\".\"name\" = ?)", 18, "a"),
                base.returning(USER.ID, USER.NAME),
                expect(d + "\"users\".\"age\" < ? RETURNING \"users\".\"id\", \"users\".\"name\"", 18));
    }

    // ---- RETURNING ---------------------------------------------------------------------------

    record IdName(Long id, String name) {}

    record Keyed(Long key, String label) {}

    @Test
    void returningInto() {
        Returning<Tuple2<Long, String>> base = deleteFrom(USER).where(USER.AGE.lt(18)).returning(USER.ID, USER.NAME);
        Returning<IdName> a = base.into(IdName.class);
        Returning<Keyed> b = base.into(Keyed.class);
        String sql = "DELETE FROM \"users\" WHERE \"users\".\"age\" < ? RETURNING \"users\".\"id\", \"users\".\"name\"";
        assertBranches(base, expect(sql, 18), a, expect(sql, 18), b, expect(sql, 18));
        assertEquals(Tuple2.class, base.resultType());
        assertEquals(IdName.class, a.resultType());
        assertEquals(Keyed.class, b.resultType());
        assertEquals(List.of(USER.ID, USER.NAME), a.fields());
    }

    @Test
    void returningBind() {
        Param<String> name = param("name", String.class);
        Returning<Tuple2<Long, String>> base = deleteFrom(USER).where(USER.NAME.eq(name)).returning(USER.ID, USER.NAME);
        Returning<Tuple2<Long, String>> a = base.bind(name, "a");
        Returning<IdName> b = base.bind(name, "b").into(IdName.class);
        Returning<IdName> c = base.into(IdName.class).bind(name, "c");
        String sql = "DELETE FROM \"users\" WHERE \"users\".\"name\" = ? RETURNING \"users\".\"id\", \"users\".\"name\"";
        assertRenders(expect(sql, "a"), a);
        assertRenders(expect(sql, "b"), b);
        assertRenders(expect(sql, "c"), c);
        assertRenders(expect(sql, "d"), a.bind(name, "d"));
        assertRenders(expect(sql, "a"), a);
        assertThrows(IllegalStateException.class, base::render, "the base is still unbound");
        assertSame(a.render().sql(), b.render().sql());
        assertSame(a.render().sql(), c.render().sql());
        assertEquals(Tuple2.class, a.resultType());
        assertEquals(IdName.class, b.resultType());
        assertEquals(IdName.class, c.resultType());
    }

    @Test
    void oneReturningFeedsTwoCtes() {
        Returning<Long> gone = deleteFrom(USER).where(USER.AGE.lt(18)).returning(USER.ID);
        Cte<Long> x = cte("x").as(gone);
        Cte<Long> y = cte("y").as(gone);
        String del = "DELETE FROM \"users\" WHERE \"users\".\"age\" < ? RETURNING \"users\".\"id\"";
        assertBranches(gone, expect(del, 18),
                with(x).select(x.field(USER.ID)).from(x),
                expect("WITH \"x\" AS (" + del + ") SELECT \"x\".\"id\" FROM \"x\"", 18),
                with(y).deleteFrom(ORDER).where(ORDER.USER_ID.in(select(y.field(USER.ID)).from(y))),
                expect("WITH \"y\" AS (" + del + ") DELETE FROM \"orders\" WHERE \"orders\".\"user_id\" IN "
                        + "(SELECT \"y\".\"id\" FROM \"y\")", 18));
    }

    @Test
    void oneWithStartsEachKindOfStatement() {
        Cte<Long> adults = cte("adults").as(select(USER.ID).from(USER).where(USER.AGE.ge(18)));
        With w = with(adults);
        String prefix = "WITH \"adults\" AS (SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"age\" >= ?) ";
        String inAdults = " IN (SELECT \"adults\".\"id\" FROM \"adults\")";
        Query insert = w.insertInto(USER).set(USER.NAME, "a");
        Query update = w.update(USER).set(USER.AGE, 1).where(USER.ID.in(select(adults.field(USER.ID)).from(adults)));
        Query delete = w.deleteFrom(ORDER).where(ORDER.USER_ID.in(select(adults.field(USER.ID)).from(adults)));
        assertBranches(insert, expect(prefix + "INSERT INTO \"users\" (\"name\") VALUES (?)", 18, "a"),
                update, expect(prefix + "UPDATE \"users\" SET \"age\" = ? WHERE \"users\".\"id\"" + inAdults, 18, 1),
                delete, expect(prefix + "DELETE FROM \"orders\" WHERE \"orders\".\"user_id\"" + inAdults, 18));
    }

    // ---- bind on every kind of DmlQuery ------------------------------------------------------

    @Test
    void bindInsert() {
        Param<String> name = param("name", String.class);
        Insert<User> base = insertInto(USER).set(USER.NAME, name).set(USER.EMAIL, "e");
        String sql = "INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?)";
        bound(base, base.bind(name, "a"), expect(sql, "a", "e"), base.bind(name, "b"), expect(sql, "b", "e"));
        assertRenders(expect(sql + " RETURNING \"users\".\"id\"", "c", "e"), base.bind(name, "c").returning(USER.ID));
    }

    @Test
    void bindInsertValues() {
        Param<String> name = param("name", String.class);
        Cte<Long> named = cte("named").as(select(USER.ID).from(USER).where(USER.NAME.eq(name)));
        InsertValues2<User, String, String> base = with(named).insertInto(USER).columns(USER.NAME, USER.EMAIL).values("x", "x@x");
        String sql = "WITH \"named\" AS (SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"name\" = ?) "
                + "INSERT INTO \"users\" (\"name\", \"email\") VALUES (?, ?)";
        InsertValues2<User, String, String> a = base.bind(name, "a");
        bound(base, a, expect(sql, "a", "x", "x@x"), base.bind(name, "b"), expect(sql, "b", "x", "x@x"));
        // a row added after bind keeps the bound value
        assertRenders(expect(sql + ", (?, ?)", "a", "x", "x@x", "y", "y@x"), a.values("y", "y@x"));
    }

    @Test
    void bindInsertValuesN() {
        Param<String> name = param("name", String.class);
        Cte<Long> named = cte("named").as(select(USER.ID).from(USER).where(USER.NAME.eq(name)));
        InsertValuesN<Wide> base = with(named).insertInto(WIDE)
                .columns(WIDE.ID, WIDE.C1, WIDE.C2, WIDE.C3, WIDE.C4, WIDE.C5, WIDE.C6, WIDE.N7)
                .values(1L, "a", null, null, null, null, null, 7);
        String sql = "WITH \"named\" AS (SELECT \"users\".\"id\" FROM \"users\" WHERE \"users\".\"name\" = ?) "
                + "INSERT INTO \"wide\" (\"id\", \"c1\", \"c2\", \"c3\", \"c4\", \"c5\", \"c6\", \"n7\") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        bound(base, base.bind(name, "a"), expect(sql, "a", 1L, "a", null, null, null, null, null, 7),
                base.bind(name, "b"), expect(sql, "b", 1L, "a", null, null, null, null, null, 7));
    }

    @Test
    void bindInsertDoUpdate() {
        Param<Integer> age = param("age", Integer.class);
        InsertDoUpdate<User> base = insertInto(USER).values(BOB).onConflict(USER.EMAIL).doUpdate().set(USER.AGE, age);
        String sql = ON_EMAIL + " DO UPDATE SET \"age\" = ?";
        bound(base, base.bind(age, 1), expect(sql, bobAnd(1)), base.bind(age, 2), expect(sql, bobAnd(2)));
        assertRenders(expect(sql + " WHERE \"users\".\"age\" < $4", bobAnd(3)),
                base.where(USER.AGE.lt(age)).bind(age, 3));
    }

    @Test
    void bindUpdate() {
        Param<Integer> age = param("age", Integer.class);
        Param<Long> id = param("id", Long.class);
        Update<User> base = update(USER).set(USER.AGE, age).where(USER.ID.eq(id));
        Update<User> a = base.bind(age, 1).bind(id, 10L);
        String sql = "UPDATE \"users\" SET \"age\" = ? WHERE \"users\".\"id\" = ?";
        bound(base, a, expect(sql, 1, 10L), base.bind(id, 20L).bind(age, 2), expect(sql, 2, 20L));
        assertThrows(IllegalStateException.class, () -> base.bind(age, 1).render(), ":id is still unbound");
        assertRenders(expect(sql + " RETURNING \"users\".\"age\"", 1, 10L), a.returning(USER.AGE));
        assertRenders(expect("UPDATE \"users\" SET \"age\" = ? WHERE (\"users\".\"id\" = ?) AND (\"users\".\"name\" = ?)",
                1, 10L, "n"), a.where(USER.NAME.eq("n")));
    }

    @Test
    void bindDelete() {
        Param<Long> id = param("id", Long.class);
        Delete<User> base = deleteFrom(USER).where(USER.ID.eq(id));
        String sql = "DELETE FROM \"users\" WHERE \"users\".\"id\" = ?";
        bound(base, base.bind(id, 1L), expect(sql, 1L), base.bind(id, 2L), expect(sql, 2L));
        assertRenders(expect(sql, 3L), base.bind(id, 1L).bind(id, 3L));
    }

    /** a and b are the base bound two ways: the base stays unbound, and all share one SQL text. */
    private static void bound(Query base, Query a, QueryAssertions.Expect aSql, Query b, QueryAssertions.Expect bSql) {
        assertRenders(aSql, a);
        assertRenders(bSql, b);
        assertThrows(IllegalStateException.class, base::render, "the base is still unbound");
        assertRenders(aSql, a);
        assertSame(a.render().sql(), b.render().sql());
    }

    // ---- render cache ------------------------------------------------------------------------

    @Test
    void rebindingADmlStatementReusesItsSqlText() {
        Param<Integer> age = param("age", Integer.class);
        Param<Long> id = param("id", Long.class);
        Update<User> q = update(USER).set(USER.AGE, age).where(USER.ID.eq(id));
        Update<User> a = q.bind(age, 1).bind(id, 1L);
        Update<User> b = a.bind(age, 2);
        RenderedSql ra = a.render();
        RenderedSql rb = b.render();
        assertSame(ra.sql(), rb.sql());
        assertSame(ra.sql(), q.bind(id, 9L).bind(age, 9).render().sql());
        assertSame(ra.sql(), a.render().sql());
        assertEquals(List.of(1, 1L), ra.params());
        assertEquals(List.of(2, 1L), rb.params());
        assertSame(a.render(Placeholders.NUMBERED).sql(), b.render(Placeholders.NUMBERED).sql());
        assertEquals("UPDATE \"users\" SET \"age\" = $1 WHERE \"users\".\"id\" = $2", b.render(Placeholders.NUMBERED).sql());

        Returning<Long> ret = q.returning(USER.ID);
        assertSame(ret.bind(age, 1).bind(id, 1L).render().sql(), ret.bind(age, 2).bind(id, 2L).render().sql());
        // a builder call makes a new shape with its own text, even when the text is equal
        Update<User> same = update(USER).set(USER.AGE, age).where(USER.ID.eq(id)).bind(age, 1).bind(id, 1L);
        assertEquals(ra.sql(), same.render().sql());
        assertNotSame(ra.sql(), same.render().sql());
    }
}
