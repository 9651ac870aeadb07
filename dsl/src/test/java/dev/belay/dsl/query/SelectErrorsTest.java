package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.DerivedTable;
import dev.belay.dsl.Field;
import dev.belay.dsl.Placeholders;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.fixtures.User;
import dev.belay.dsl.fixtures.UserTable;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Misuse fails when the query is built, with a message that names the problem and the fix. */
final class SelectErrorsTest {

    private static Select<String> union() {
        return select(USER.NAME).from(USER).union(select(NODE.LABEL).from(NODE));
    }

    static Stream<Arguments> clausesThatCannotFollowASetOperation() {
        List<Object[]> calls = List.of(
                new Object[] {"where", (Function<Select<String>, Object>) q -> q.where(USER.AGE.gt(1))},
                new Object[] {"from", (Function<Select<String>, Object>) q -> q.from(NODE)},
                new Object[] {"join", (Function<Select<String>, Object>) q -> q.crossJoin(NODE)},
                new Object[] {"groupBy", (Function<Select<String>, Object>) q -> q.groupBy(USER.NAME)},
                new Object[] {"having", (Function<Select<String>, Object>) q -> q.having(count().gt(1L))},
                new Object[] {"distinct", (Function<Select<String>, Object>) Select::distinct},
                new Object[] {"distinctOn", (Function<Select<String>, Object>) q -> q.distinctOn(USER.NAME)},
                new Object[] {"forUpdate", (Function<Select<String>, Object>) Select::forUpdate},
                new Object[] {"forKeyShare", (Function<Select<String>, Object>) Select::forKeyShare},
                new Object[] {"seek", (Function<Select<String>, Object>) q -> q.orderBy(USER.NAME).seek("a")});
        return calls.stream().map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clausesThatCannotFollowASetOperation")
    void clauseAfterASetOperationPointsToADerivedTable(String method, Function<Select<String>, Object> call) {
        assertFails(IllegalStateException.class, () -> call.apply(union()), method + "()", "union", "asTable");
    }

    @Test
    void aNameTheFromHasAlreadyIsRefusedWhenTheQueryIsBuilt() {
        // select(table) selects from its table itself; PostgreSQL refuses a name twice in one FROM
        assertFails(IllegalArgumentException.class, () -> select(USER).from(USER), "from(\"users\")",
                "the query's FROM has \"users\" already", "table.as(\"other\")");
        assertFails(IllegalArgumentException.class, () -> select(USER.NAME).from(USER, USER), "from(\"users\")");
        assertFails(IllegalArgumentException.class, () -> select(USER.NAME).from(USER).join(USER)
                .on(USER.ID.eq(USER.ID)), "join(\"users\")");
        assertFails(IllegalArgumentException.class, () -> select(USER.NAME).from(USER).crossJoin(USER),
                "crossJoin(\"users\")");
        UserTable other = USER.as("other");
        assertFails(IllegalArgumentException.class, () -> select(USER.NAME).from(USER).crossJoin(other).from(other),
                "from(\"other\")");
        // under another name the same table is a self-join
        assertEquals("SELECT \"users\".\"name\" FROM \"users\" JOIN \"users\" AS \"other\" ON \"other\".\"id\" = "
                + "\"users\".\"id\"", select(USER.NAME).from(USER).join(other).on(other.ID.eq(USER.ID)).render(
                Placeholders.JDBC).sql());
    }

    @Test
    void lockRefinementsNeedALock() {
        Select<String> q = select(USER.NAME).from(USER);
        assertFails(IllegalStateException.class, q::skipLocked, "skipLocked()", "forUpdate()");
        assertFails(IllegalStateException.class, q::noWait, "noWait()", "forUpdate()");
        assertFails(IllegalStateException.class, () -> q.of(USER), "of()", "forUpdate()");
    }

    @Test
    void seekNeedsAnOrdering() {
        assertFails(IllegalStateException.class, () -> select(User.class).seek(1L), "seek()", "orderBy()");
    }

    @Test
    void seekNeedsOneValuePerOrderingField() {
        Select<User> q = select(User.class).orderBy(USER.NAME, USER.ID);
        assertFails(IllegalArgumentException.class, () -> q.seek("a"), "2 fields", "1 values");
        assertFails(IllegalArgumentException.class, () -> q.seek("a", 1L, 2L), "2 fields", "3 values");
    }

    @Test
    void seekValuesMustHaveTheFieldsType() {
        Select<User> q = select(User.class).orderBy(USER.NAME, USER.ID);
        assertFails(IllegalArgumentException.class, () -> q.seek("a", 1), "value 1", "\"users\".\"id\"", "Integer", "Long");
    }

    @Test
    void seekValuesMustNotBeNull() {
        Select<User> q = select(User.class).orderBy(USER.AGE, USER.ID);
        assertFails(IllegalArgumentException.class, () -> q.seek(null, 1L), "value 0", "\"users\".\"age\"", "null");
    }

    @Test
    void seekRefusesAnExplicitNullsOrdering() {
        assertFails(IllegalArgumentException.class,
                () -> select(User.class).orderBy(USER.AGE.asc().nullsFirst(), USER.ID).seek(3, 1L), "NULLS FIRST");
        assertFails(IllegalArgumentException.class,
                () -> select(User.class).orderBy(USER.ID, USER.AGE.desc().nullsLast()).seek(1L, 3), "NULLS");
    }

    @Test
    void setOperationsNeedTheSameColumnCount() {
        // Rows of select(Field...) share one Java type whatever their width, so only the count can catch this.
        Select<Row> wide = select(new Field<?>[] {USER.ID, USER.NAME, USER.EMAIL});
        Select<Row> narrow = select(new Field<?>[] {NODE.ID, NODE.LABEL});
        assertFails(IllegalArgumentException.class, () -> wide.union(narrow), "UNION", "3 and 2 columns");
        assertFails(IllegalArgumentException.class, () -> narrow.unionAll(wide), "UNION ALL", "2 and 3 columns");
        assertFails(IllegalArgumentException.class, () -> wide.intersect(narrow), "INTERSECT");
        assertFails(IllegalArgumentException.class, () -> wide.except(narrow), "EXCEPT");
        assertFails(IllegalArgumentException.class, () -> wide.intersectAll(narrow), "INTERSECT ALL", "3 and 2");
        assertFails(IllegalArgumentException.class, () -> narrow.exceptAll(wide), "EXCEPT ALL", "2 and 3");
    }

    record ThreeParts(Long id, String name, String email) {}

    record WrongType(Long id, Integer name) {}

    @Test
    void intoChecksArity() {
        Select<Tuple2<Long, String>> q = select(USER.ID, USER.NAME).from(USER);
        assertFails(IllegalArgumentException.class, () -> q.into(ThreeParts.class), "ThreeParts", "3 components",
                "2 fields");
    }

    @Test
    void intoChecksComponentTypesNamingComponentAndField() {
        Select<Tuple2<Long, String>> q = select(USER.ID, USER.NAME).from(USER);
        assertFails(IllegalArgumentException.class, () -> q.into(WrongType.class), "WrongType", "component name",
                "position 1", "Integer", "\"users\".\"name\"", "String");
    }

    @Test
    void intoNeedsARecord() {
        assertFails(IllegalArgumentException.class, () -> select(USER.NAME).from(USER).into(StringBuilder.class),
                "StringBuilder", "records");
    }

    @Test
    void derivedTableFieldMustBeSelected() {
        DerivedTable<String> t = select(USER.NAME).from(USER).asTable("t");
        assertFails(IllegalArgumentException.class, () -> t.field(USER.AGE), "t does not select", "\"users\".\"age\"");
    }

    @Test
    void derivedTableFieldMustHaveAName() {
        DerivedTable<Tuple2<String, Long>> t = select(USER.NAME, count()).from(USER).groupBy(USER.NAME).asTable("t");
        assertFails(IllegalArgumentException.class, () -> t.field(count()), "count(*)", "no column name", ".as(");
    }

    @Test
    void cteColumnsMustMatchItsQuery() {
        assertFails(IllegalArgumentException.class, () -> cte("c", "a", "b").as(select(USER.ID).from(USER)),
                "names 2 columns", "selects 1");
        assertFails(IllegalArgumentException.class, () -> cte("c", "a").field("b", PgType.INT8), "no column b");
    }

    @Test
    void orderByAfterASetOperationNeedsASelectedField() {
        assertFails(IllegalArgumentException.class, () -> union().orderBy(USER.AGE), "does not select");
    }

    @Test
    void limitAndOffsetMustNotBeNegative() {
        Select<User> q = select(User.class);
        assertFails(IllegalArgumentException.class, () -> q.limit(-1), "limit(-1)", "negative");
        assertFails(IllegalArgumentException.class, () -> q.offset(-5), "offset(-5)", "negative");
    }

    @Test
    void distinctOnNeedsAField() {
        assertFails(IllegalArgumentException.class, () -> select(User.class).distinctOn(), "distinctOn()");
    }

    @Test
    void nullConditionsPointToTrueCondition() {
        assertFails(IllegalArgumentException.class, () -> select(User.class).where(null), "trueCondition()");
        assertFails(IllegalArgumentException.class, () -> select(User.class).join(NODE.as("n")).on(null),
                "JOIN \"n\"", "trueCondition()");
    }

    @Test
    void scalarSubqueryNeedsOneColumn() {
        Select<Tuple2<Long, String>> two = select(USER.ID, USER.NAME).from(USER);
        assertFails(IllegalArgumentException.class, () -> field(two), "exactly one column", "2");
    }

    @Test
    void withNeedsACte() {
        assertFails(IllegalArgumentException.class, () -> with(), "at least one cte");
    }
}
