package dev.belay.dsl.typesafety;

import static dev.belay.dsl.typesafety.CompileFailTest.TypeError.AMBIGUOUS;
import static dev.belay.dsl.typesafety.CompileFailTest.TypeError.CANNOT_BE_APPLIED;
import static dev.belay.dsl.typesafety.CompileFailTest.TypeError.INCOMPATIBLE_TYPES;
import static dev.belay.dsl.typesafety.CompileFailTest.TypeError.NO_SUCH_METHOD;
import static dev.belay.dsl.typesafety.CompileFailTest.TypeError.NO_SUITABLE_METHOD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.typesafety.SnippetCompiler.CompileError;
import dev.belay.dsl.typesafety.SnippetCompiler.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DSL's type safety, proven with the compiler: each case is a pair of snippets that differ in one
 * statement. The wrong twin must be rejected with the expected kind of type error on that statement; the
 * right twin must compile. The twin is what keeps a rejection honest: if the harness could not see the DSL
 * (a class path or import problem), the right twin would fail too.
 */
final class CompileFailTest {

    /**
     * javac's stable keys for the type errors the DSL should cause, and the words its English message uses;
     * a missing symbol or import has other keys.
     */
    enum TypeError {
        /** No overload accepts the arguments. */
        NO_SUITABLE_METHOD("compiler.err.cant.apply.symbols", "no suitable method found"),
        /** The one candidate of that arity rejects them; javac says so for generic and varargs methods. */
        CANNOT_BE_APPLIED("compiler.err.cant.apply.symbol", "cannot be applied to given types"),
        /** An assignment, or the one non-generic candidate's argument, does not fit. */
        INCOMPATIBLE_TYPES("compiler.err.prob.found.req", "incompatible types"),
        /** Two overloads fit equally well. */
        AMBIGUOUS("compiler.err.ref.ambiguous", "is ambiguous"),
        /** The builder step offers no such method: a clause that cannot follow, e.g. INSERT for a matched row. */
        NO_SUCH_METHOD("compiler.err.cant.resolve.location.args", "cannot find symbol");

        final String code;
        final String phrase;

        TypeError(String code, String phrase) {
            this.code = code;
            this.phrase = phrase;
        }
    }

    /** {@code setup} lines are shared; {@code wrong} and {@code right} are the one statement that differs. */
    record Case(int id, String name, TypeError expected, List<String> setup, String wrong, String right) {
        Unit wrongUnit() {
            return unit("Wrong", wrong);
        }

        Unit rightUnit() {
            return unit("Right", right);
        }

        private Unit unit(String prefix, String statement) {
            List<String> body = new ArrayList<>(setup);
            body.add(statement);
            return new Unit(prefix + id, body);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void pair(String name, TypeError expected, String wrong, String right) {
        pair(name, expected, List.of(), wrong, right);
    }

    private static void pair(String name, TypeError expected, List<String> setup, String wrong, String right) {
        CASES.add(new Case(CASES.size(), name, expected, setup, wrong, right));
    }

    static {
        // comparisons
        pair("eq with a value of another type", NO_SUITABLE_METHOD,
                "Condition c = USER.AGE.eq(\"x\");",
                "Condition c = USER.AGE.eq(5);");
        pair("eq with a field of another type", NO_SUITABLE_METHOD,
                "Condition c = USER.NAME.eq(USER.AGE);",
                "Condition c = USER.NAME.eq(USER.EMAIL);");
        pair("eq on an int8 column with an int literal (no widening to Long)", NO_SUITABLE_METHOD,
                "Condition c = USER.ID.eq(7);",
                "Condition c = USER.ID.eq(7L);");
        pair("join condition between columns of different types", NO_SUITABLE_METHOD,
                "Condition c = ORDER.USER_ID.eq(USER.AGE);",
                "Condition c = ORDER.USER_ID.eq(USER.ID);");
        pair("eq with a bound value() of another type", NO_SUITABLE_METHOD,
                "Condition c = USER.NAME.eq(value(5));",
                "Condition c = USER.NAME.eq(value(\"x\"));");
        pair("enum column compared with a string", NO_SUITABLE_METHOD,
                "Condition c = ORDER.STATUS.eq(\"PAID\");",
                "Condition c = ORDER.STATUS.eq(Order.Status.PAID);");
        pair("gt between integer and numeric columns", NO_SUITABLE_METHOD,
                "Condition c = USER.AGE.gt(ORDER.TOTAL);",
                "Condition c = ORDER.TOTAL.gt(new BigDecimal(\"1\"));");
        pair("between with a bound of another type", NO_SUITABLE_METHOD,
                "Condition c = USER.AGE.between(1, \"x\");",
                "Condition c = USER.AGE.between(1, 9);");
        pair("eq(null) is ambiguous, isNull() is the way", AMBIGUOUS,
                "Condition c = USER.NAME.eq(null);",
                "Condition c = USER.NAME.isNull();");

        // IN and ANY
        pair("in with varargs of another type", CANNOT_BE_APPLIED,
                "Condition c = USER.AGE.in(\"a\", \"b\");",
                "Condition c = USER.AGE.in(1, 2);");
        pair("in with a list of another type", NO_SUITABLE_METHOD,
                "Condition c = USER.AGE.in(List.of(\"a\"));",
                "Condition c = USER.AGE.in(List.of(1));");
        pair("in with a subquery selecting another type", NO_SUITABLE_METHOD,
                "Condition c = USER.ID.in(select(USER.NAME).from(USER));",
                "Condition c = USER.ID.in(select(ORDER.USER_ID).from(ORDER));");
        pair("eqAny against an array of another element type", INCOMPATIBLE_TYPES,
                "Condition c = USER.AGE.eqAny(ORDER.TAGS);",
                "Condition c = USER.NAME.eqAny(ORDER.TAGS);");
        pair("array contains takes an array, not an element", INCOMPATIBLE_TYPES,
                "Condition c = ORDER.TAGS.contains(\"x\");",
                "Condition c = ORDER.TAGS.contains(List.of(\"x\"));");

        // arithmetic and functions
        pair("plus on a text column", NO_SUITABLE_METHOD,
                "Field<String> f = USER.NAME.plus(1);",
                "Field<Integer> f = USER.AGE.plus(1);");
        pair("sum of a text column", INCOMPATIBLE_TYPES,
                "Field<BigDecimal> f = sum(USER.NAME);",
                "Field<BigDecimal> f = sum(USER.AGE);");
        pair("lower of an integer column", INCOMPATIBLE_TYPES,
                "Field<String> f = lower(USER.AGE);",
                "Field<String> f = lower(USER.NAME);");
        pair("coalesce with a fallback of another type", NO_SUITABLE_METHOD,
                "Field<Integer> f = coalesce(USER.AGE, \"x\");",
                "Field<Integer> f = coalesce(USER.AGE, 0);");
        pair("max keeps its argument's type", INCOMPATIBLE_TYPES,
                "Field<Integer> f = max(USER.NAME);",
                "Field<String> f = max(USER.NAME);");
        pair("where takes a condition, not an integer field", INCOMPATIBLE_TYPES,
                "Select<String> q = select(USER.NAME).from(USER).where(USER.AGE);",
                "Select<String> q = select(USER.NAME).from(USER).where(USER.AGE.isNotNull());");

        // aggregates, windows and grouping sets
        pair("sum of an int4 is numeric, not a long", INCOMPATIBLE_TYPES,
                "Field<Long> f = sum(USER.AGE);",
                "Field<BigDecimal> f = sum(USER.AGE);");
        pair("sumLong takes an int4 field", INCOMPATIBLE_TYPES,
                "Field<Long> f = sumLong(ORDER.TOTAL);",
                "Field<Long> f = sumLong(USER.AGE);");
        pair("sumInterval takes an interval field", INCOMPATIBLE_TYPES,
                "Field<java.time.Duration> f = sumInterval(USER.AGE);",
                "Field<java.time.Duration> f = sumInterval(value(java.time.Duration.ZERO));");
        pair("avgDouble takes a float8 field", INCOMPATIBLE_TYPES,
                "Field<Double> f = avgDouble(USER.AGE);",
                "Field<Double> f = avgDouble(USER.AGE.cast(PgType.FLOAT8));");
        pair("stringAgg aggregates text", INCOMPATIBLE_TYPES,
                "Field<String> f = stringAgg(USER.AGE, \",\");",
                "Field<String> f = stringAgg(USER.NAME, \",\");");
        pair("arrayAgg is a list of the field's type", INCOMPATIBLE_TYPES,
                "Field<List<Integer>> f = arrayAgg(USER.NAME);",
                "Field<List<String>> f = arrayAgg(USER.NAME);");
        pair("every takes a condition", INCOMPATIBLE_TYPES,
                "Field<Boolean> f = every(USER.AGE);",
                "Field<Boolean> f = every(USER.AGE.ge(18));");
        pair("percentile_cont over a number is a double", INCOMPATIBLE_TYPES,
                "Field<BigDecimal> f = percentileCont(0.5).withinGroup(ORDER.TOTAL);",
                "Field<Double> f = percentileCont(0.5).withinGroup(ORDER.TOTAL);");
        pair("percentile_cont orders by a number", NO_SUITABLE_METHOD,
                "Field<Double> f = percentileCont(0.5).withinGroup(USER.NAME.asc());",
                "Field<Double> f = percentileCont(0.5).withinGroup(USER.AGE.asc());");
        pair("percentile_cont over an interval orders by an interval", NO_SUITABLE_METHOD,
                "Field<java.time.Duration> f = percentileCont(0.5).withinGroupInterval(USER.AGE);",
                "Field<java.time.Duration> f = percentileCont(0.5).withinGroupInterval(value(java.time.Duration.ZERO));");
        pair("percentile_disc keeps the key's type", INCOMPATIBLE_TYPES,
                "Field<String> f = percentileDisc(0.9).withinGroup(ORDER.TOTAL);",
                "Field<BigDecimal> f = percentileDisc(0.9).withinGroup(ORDER.TOTAL);");
        pair("mode keeps the key's type", INCOMPATIBLE_TYPES,
                "Field<String> f = mode().withinGroup(ORDER.STATUS);",
                "Field<Order.Status> f = mode().withinGroup(ORDER.STATUS);");
        pair("jsonbBuildObject keys are strings", INCOMPATIBLE_TYPES,
                "Field<String> f = jsonbBuildObject(1, USER.NAME);",
                "Field<String> f = jsonbBuildObject(\"n\", USER.NAME);");
        pair("ntile is an integer", INCOMPATIBLE_TYPES,
                "Field<Long> f = ntile(4).over(window());",
                "Field<Integer> f = ntile(4).over(window());");
        pair("percent_rank is a double", INCOMPATIBLE_TYPES,
                "Field<BigDecimal> f = percentRank().over(window());",
                "Field<Double> f = percentRank().over(window());");
        pair("nth_value keeps its argument's type", INCOMPATIBLE_TYPES,
                "Field<Integer> f = nthValue(USER.NAME, 2).over(window());",
                "Field<String> f = nthValue(USER.NAME, 2).over(window());");
        pair("grouping is an integer", INCOMPATIBLE_TYPES,
                "Field<Long> f = grouping(USER.NAME);",
                "Field<Integer> f = grouping(USER.NAME);");
        pair("groupBy takes fields and grouping sets, not a sort", NO_SUITABLE_METHOD,
                "Select<String> q = select(USER.NAME).from(USER).groupBy(USER.NAME.asc());",
                "Select<String> q = select(USER.NAME).from(USER).groupBy(rollup(USER.NAME));");
        pair("groupingSets takes sets, not fields", CANNOT_BE_APPLIED,
                "GroupingSet g = groupingSets(USER.NAME);",
                "GroupingSet g = groupingSets(set(USER.NAME));");
        pair("a frame offset is a count or a Duration", NO_SUITABLE_METHOD,
                "FrameBound b = FrameBound.preceding(\"7 days\");",
                "FrameBound b = FrameBound.preceding(java.time.Duration.ofDays(7));");

        // result types
        pair("tuple of the selected field types", INCOMPATIBLE_TYPES,
                "Select<Tuple2<String, String>> q = select(USER.NAME, USER.AGE);",
                "Select<Tuple2<String, Integer>> q = select(USER.NAME, USER.AGE);");
        pair("count() is a Long", INCOMPATIBLE_TYPES,
                "Select<Tuple2<String, Integer>> q = select(USER.NAME, count()).from(USER).groupBy(USER.NAME);",
                "Select<Tuple2<String, Long>> q = select(USER.NAME, count()).from(USER).groupBy(USER.NAME);");
        pair("one selected field is a scalar, not the table's row", INCOMPATIBLE_TYPES,
                "Select<User> q = select(USER.NAME).from(USER);",
                "Select<String> q = select(USER.NAME).from(USER);");
        pair("union of queries with different row types", INCOMPATIBLE_TYPES,
                List.of("Select<String> a = select(USER.NAME).from(USER);"),
                "Select<String> u = a.union(select(USER.AGE).from(USER));",
                "Select<String> u = a.union(select(USER.EMAIL).from(USER));");

        // parameters and tables
        pair("bind a value of another type than the param", CANNOT_BE_APPLIED,
                List.of("Param<String> n = param(\"n\", String.class);"),
                "Select<String> q = select(USER.NAME).from(USER).where(USER.NAME.eq(n)).bind(n, 5);",
                "Select<String> q = select(USER.NAME).from(USER).where(USER.NAME.eq(n)).bind(n, \"x\");");
        pair("limit takes a Long param", NO_SUITABLE_METHOD,
                "Select<String> q = select(USER.NAME).from(USER).limit(param(\"n\", Integer.class));",
                "Select<String> q = select(USER.NAME).from(USER).limit(param(\"n\", Long.class));");
        pair("an aliased table only resolves its own columns", NO_SUITABLE_METHOD,
                "Column<User, BigDecimal> c = USER.as(\"u\").field(ORDER.TOTAL);",
                "Column<User, String> c = USER.as(\"u\").field(USER.NAME);");
        pair("a typed alias is of its own descriptor's class", INCOMPATIBLE_TYPES,
                "OrderTable o = USER.as(\"o\");",
                "UserTable u = USER.as(\"u\");");
        pair("a typed alias's columns keep their types", NO_SUITABLE_METHOD,
                List.of("UserTable u = USER.as(\"u\");"),
                "Condition c = u.AGE.eq(\"x\");",
                "Condition c = u.AGE.eq(5);");
        pair("a recursive step selects the anchor's row type", INCOMPATIBLE_TYPES,
                "Cte<Tuple2<Long, String>> t = cte(\"t\").asRecursive(select(USER.ID, USER.NAME).from(USER), "
                        + "s -> select(USER.ID, USER.AGE).from(USER).join(s).on(USER.ID.eq(s.field(USER.ID))));",
                "Cte<Tuple2<Long, String>> t = cte(\"t\").asRecursive(select(USER.ID, USER.NAME).from(USER), "
                        + "s -> select(USER.ID, USER.EMAIL).from(USER).join(s).on(USER.ID.eq(s.field(USER.ID))));");
        pair("a recursive step's columns have the anchor's types", NO_SUITABLE_METHOD,
                "Cte<Tuple2<Long, String>> t = cte(\"t\").asRecursive(select(USER.ID, USER.NAME).from(USER), "
                        + "s -> select(USER.ID, USER.NAME).from(USER).join(s).on(USER.AGE.eq(s.field(USER.ID))));",
                "Cte<Tuple2<Long, String>> t = cte(\"t\").asRecursive(select(USER.ID, USER.NAME).from(USER), "
                        + "s -> select(USER.ID, USER.NAME).from(USER).join(s).on(USER.ID.eq(s.field(USER.ID))));");

        // INSERT
        pair("insert set with a column of another table", NO_SUITABLE_METHOD,
                "Insert<User> q = insertInto(USER).set(ORDER.TOTAL, new BigDecimal(\"1\"));",
                "Insert<User> q = insertInto(USER).set(USER.NAME, \"Ann\");");
        pair("insert set with a value of another type", NO_SUITABLE_METHOD,
                "Insert<User> q = insertInto(USER).set(USER.NAME, \"Ann\").set(USER.AGE, \"x\");",
                "Insert<User> q = insertInto(USER).set(USER.NAME, \"Ann\").set(USER.AGE, 3);");
        pair("insert setNull with a column of another table", INCOMPATIBLE_TYPES,
                "Insert<User> q = insertInto(USER).setNull(ORDER.TOTAL);",
                "Insert<User> q = insertInto(USER).setNull(USER.AGE);");
        pair("typed insert values follow the column types", INCOMPATIBLE_TYPES,
                "InsertValues2<User, String, Integer> q = insertInto(USER).columns(USER.NAME, USER.AGE).values(\"a\", \"b\");",
                "InsertValues2<User, String, Integer> q = insertInto(USER).columns(USER.NAME, USER.AGE).values(\"a\", 3);");
        pair("insert columns of two tables", NO_SUITABLE_METHOD,
                "var q = insertInto(USER).columns(USER.NAME, ORDER.TOTAL);",
                "var q = insertInto(USER).columns(USER.NAME, USER.AGE);");
        pair("insert select with another tuple type", INCOMPATIBLE_TYPES,
                "Insert<User> q = insertInto(USER).columns(USER.NAME, USER.AGE).select(select(USER.NAME, USER.NAME).from(USER));",
                "Insert<User> q = insertInto(USER).columns(USER.NAME, USER.AGE).select(select(USER.NAME, USER.AGE).from(USER));");
        pair("insert select of another table's rows", INCOMPATIBLE_TYPES,
                "Insert<User> q = insertInto(USER).select(select(ORDER));",
                "Insert<User> q = insertInto(USER).select(select(USER));");
        pair("insert values with a row of another type", NO_SUITABLE_METHOD,
                "Insert<User> q = insertInto(USER).values(new Order(null, 1L, BigDecimal.ONE, Order.Status.NEW, List.of(), null));",
                "Insert<User> q = insertInto(USER).values(new User(null, \"a\", \"a@x.org\", 3, null));");
        pair("insert values with a list of rows of another type", NO_SUITABLE_METHOD,
                List.of("List<Order> orders = List.of();"),
                "Insert<User> q = insertInto(USER).values(orders);",
                "Insert<Order> q = insertInto(ORDER).values(orders);");

        // ON CONFLICT
        pair("conflict target of another table", CANNOT_BE_APPLIED,
                "InsertConflict<User> c = insertInto(USER).set(USER.NAME, \"a\").onConflict(ORDER.ID);",
                "InsertConflict<User> c = insertInto(USER).set(USER.NAME, \"a\").onConflict(USER.EMAIL);");
        pair("doUpdateSet with a column of another table", CANNOT_BE_APPLIED,
                "Insert<User> q = insertInto(USER).set(USER.NAME, \"a\").onConflict(USER.EMAIL).doUpdateSet(ORDER.TOTAL);",
                "Insert<User> q = insertInto(USER).set(USER.NAME, \"a\").onConflict(USER.EMAIL).doUpdateSet(USER.NAME);");
        pair("doUpdate set from excluded of another type", NO_SUITABLE_METHOD,
                List.of("InsertConflict<User> c = insertInto(USER).set(USER.NAME, \"a\").onConflict(USER.EMAIL);"),
                "InsertDoUpdate<User> q = c.doUpdate().set(USER.AGE, excluded(USER.NAME));",
                "InsertDoUpdate<User> q = c.doUpdate().set(USER.AGE, excluded(USER.AGE));");

        // UPDATE
        pair("update set with a column of another table", NO_SUITABLE_METHOD,
                "UpdateStep<User> u = update(USER).set(ORDER.TOTAL, new BigDecimal(\"1\"));",
                "UpdateStep<User> u = update(USER).set(USER.AGE, 31);");
        pair("update set with a value of another type", NO_SUITABLE_METHOD,
                "UpdateStep<User> u = update(USER).set(USER.AGE, \"x\");",
                "UpdateStep<User> u = update(USER).set(USER.AGE, 31);");
        pair("update set with a field of another type", NO_SUITABLE_METHOD,
                "UpdateStep<User> u = update(USER).set(USER.AGE, USER.NAME);",
                "UpdateStep<User> u = update(USER).set(USER.AGE, USER.AGE.plus(1));");
        pair("update setNull with a column of another table", INCOMPATIBLE_TYPES,
                "UpdateStep<User> u = update(USER).setNull(ORDER.TOTAL);",
                "UpdateStep<User> u = update(USER).setNull(USER.AGE);");

        // no WHERE, no query
        pair("a delete without where() or all() is not a query", INCOMPATIBLE_TYPES,
                "Query q = deleteFrom(USER);",
                "Query q = deleteFrom(USER).all();");
        pair("an update without where() or all() is not a query", INCOMPATIBLE_TYPES,
                "Query q = update(USER).set(USER.AGE, 1);",
                "Query q = update(USER).set(USER.AGE, 1).all();");
        pair("a delete step is not a row-count query", INCOMPATIBLE_TYPES,
                "RowCountQuery q = deleteFrom(USER).using(ORDER);",
                "RowCountQuery q = deleteFrom(USER).using(ORDER).where(ORDER.USER_ID.eq(USER.ID));");
        pair("insertInto alone is not a query", INCOMPATIBLE_TYPES,
                "Query q = insertInto(USER);",
                "Query q = insertInto(USER).defaultValues();");

        // RETURNING
        pair("returning makes a result query, not a row count", INCOMPATIBLE_TYPES,
                "RowCountQuery q = deleteFrom(USER).all().returning(USER.ID);",
                "ResultQuery<Long> q = deleteFrom(USER).all().returning(USER.ID);");
        pair("returning keeps the field's type", INCOMPATIBLE_TYPES,
                "Returning<String> r = deleteFrom(USER).all().returning(USER.ID);",
                "Returning<Long> r = deleteFrom(USER).all().returning(USER.ID);");
        pair("returning two fields gives their tuple", INCOMPATIBLE_TYPES,
                "Returning<Tuple2<Long, Integer>> r = update(USER).set(USER.AGE, 1).all().returning(USER.ID, USER.NAME);",
                "Returning<Tuple2<Long, String>> r = update(USER).set(USER.AGE, 1).all().returning(USER.ID, USER.NAME);");
        pair("returningAll gives the table's row type", INCOMPATIBLE_TYPES,
                "Returning<Order> r = insertInto(USER).set(USER.NAME, \"a\").returningAll();",
                "Returning<User> r = insertInto(USER).set(USER.NAME, \"a\").returningAll();");
        pair("a DML query binds a value of its param's type", CANNOT_BE_APPLIED,
                List.of("Param<Long> id = param(\"id\", Long.class);"),
                "Delete<User> q = deleteFrom(USER).where(USER.ID.eq(id)).bind(id, \"x\");",
                "Delete<User> q = deleteFrom(USER).where(USER.ID.eq(id)).bind(id, 1L);");

        // CASE, nullif, greatest, casts
        pair("case results of two types", NO_SUITABLE_METHOD,
                "Field<Integer> f = case_().when(USER.AGE.lt(18), 1).otherwise(\"x\");",
                "Field<Integer> f = case_().when(USER.AGE.lt(18), 1).otherwise(2);");
        pair("case branches of two types", NO_SUITABLE_METHOD,
                "CaseField<Integer> f = case_().when(USER.AGE.lt(18), 1).when(USER.AGE.lt(65), \"x\");",
                "CaseField<Integer> f = case_().when(USER.AGE.lt(18), 1).when(USER.AGE.lt(65), 2);");
        pair("case result fields of two types", NO_SUITABLE_METHOD,
                "Field<String> f = case_().when(USER.AGE.isNull(), USER.NAME).otherwise(USER.AGE);",
                "Field<String> f = case_().when(USER.AGE.isNull(), USER.NAME).otherwise(USER.EMAIL);");
        pair("case keeps its result type", INCOMPATIBLE_TYPES,
                "Field<String> f = case_().when(USER.AGE.lt(18), 1);",
                "Field<Integer> f = case_().when(USER.AGE.lt(18), 1);");
        pair("case when takes a condition", NO_SUITABLE_METHOD,
                "CaseField<Integer> f = case_().when(USER.AGE, 1);",
                "CaseField<Integer> f = case_().when(USER.AGE.gt(1), 1);");
        pair("simple case matches values of the operand's type", NO_SUITABLE_METHOD,
                "SimpleCaseField<Order.Status, Integer> f = case_(ORDER.STATUS).when(\"PAID\", 1);",
                "SimpleCaseField<Order.Status, Integer> f = case_(ORDER.STATUS).when(Order.Status.PAID, 1);");
        pair("simple case results of two types", NO_SUITABLE_METHOD,
                "Field<Integer> f = case_(ORDER.STATUS).when(Order.Status.PAID, 1).otherwise(\"x\");",
                "Field<Integer> f = case_(ORDER.STATUS).when(Order.Status.PAID, 1).otherwise(0);");
        pair("nullif with a value of another type", NO_SUITABLE_METHOD,
                "Field<Integer> f = nullif(USER.AGE, \"x\");",
                "Field<Integer> f = nullif(USER.AGE, 0);");
        pair("greatest with a value of another type", NO_SUITABLE_METHOD,
                "Field<Integer> f = greatest(USER.AGE, \"x\");",
                "Field<Integer> f = greatest(USER.AGE, 18);");
        pair("cast of a value of another type than the target", CANNOT_BE_APPLIED,
                "Field<Long> f = cast(\"5\", PgType.INT8);",
                "Field<Long> f = cast(5L, PgType.INT8);");

        // dates and times
        pair("dateTrunc keeps its argument's type", INCOMPATIBLE_TYPES,
                "Field<java.time.LocalDateTime> f = dateTrunc(DatePart.MONTH, ORDER.CREATED_AT);",
                "Field<java.time.Instant> f = dateTrunc(DatePart.MONTH, ORDER.CREATED_AT);");
        pair("dateTrunc of text", CANNOT_BE_APPLIED,
                "Field<String> f = dateTrunc(DatePart.MONTH, USER.NAME);",
                "Field<java.time.Instant> f = dateTrunc(DatePart.MONTH, USER.CREATED_AT);");
        pair("extract is numeric", INCOMPATIBLE_TYPES,
                "Field<Integer> f = extract(DatePart.YEAR, ORDER.CREATED_AT);",
                "Field<BigDecimal> f = extract(DatePart.YEAR, ORDER.CREATED_AT);");
        pair("extract of text", INCOMPATIBLE_TYPES,
                "Field<BigDecimal> f = extract(DatePart.YEAR, USER.NAME);",
                "Field<BigDecimal> f = extract(DatePart.YEAR, USER.CREATED_AT);");
        pair("plusInterval with a number", NO_SUITABLE_METHOD,
                "Field<java.time.Instant> f = ORDER.CREATED_AT.plusInterval(5);",
                "Field<java.time.Instant> f = ORDER.CREATED_AT.plusInterval(java.time.Duration.ofDays(5));");
        pair("plusInterval with a timestamp field", NO_SUITABLE_METHOD,
                "Field<java.time.Instant> f = ORDER.CREATED_AT.plusInterval(USER.CREATED_AT);",
                "Field<java.time.Instant> f = ORDER.CREATED_AT.plusInterval(value(java.time.Duration.ofDays(5)));");
        pair("timestampDiff is an interval", INCOMPATIBLE_TYPES,
                "Field<java.time.Instant> f = timestampDiff(now(), ORDER.CREATED_AT);",
                "Field<java.time.Duration> f = timestampDiff(now(), ORDER.CREATED_AT);");
        pair("timestampDiff of two timestamp types", CANNOT_BE_APPLIED,
                "Field<java.time.Duration> f = timestampDiff(now(), localTimestamp());",
                "Field<java.time.Duration> f = timestampDiff(localTimestamp(), localTimestamp());");
        pair("dateDiff of timestamps", INCOMPATIBLE_TYPES,
                "Field<Integer> f = dateDiff(now(), ORDER.CREATED_AT);",
                "Field<Integer> f = dateDiff(currentDate(), ORDER.CREATED_AT.cast(PgType.DATE));");

        // regular expressions
        pair("matches takes a pattern string", INCOMPATIBLE_TYPES,
                "Condition c = USER.NAME.matches(5);",
                "Condition c = USER.NAME.matches(\"^5\");");

        // scoped tables and schema copies keep the descriptor's class and row type
        pair("a scoped table assigned to another descriptor class", INCOMPATIBLE_TYPES,
                "OrderTable t = USER.scoped(USER.ID.eq(1L));",
                "UserTable t = USER.scoped(USER.ID.eq(1L));");
        pair("a scope that is not a condition", INCOMPATIBLE_TYPES,
                "UserTable t = USER.scoped(USER.NAME);",
                "UserTable t = USER.scoped(USER.NAME.eq(\"x\"));");
        pair("a table in a schema assigned to another descriptor class", INCOMPATIBLE_TYPES,
                "OrderTable t = USER.inSchema(\"a\");",
                "UserTable t = USER.inSchema(\"a\");");
    }

    static {
        // row values, VALUES lists, set-returning functions, MERGE
        List<String> rows = List.of("RowValue2<String, Integer> r = row(USER.NAME, USER.AGE);");
        pair("row compared with a row of other item types", INCOMPATIBLE_TYPES, rows,
                "Condition c = r.eq(row(3, \"a\"));",
                "Condition c = r.eq(row(\"a\", 3));");
        pair("row compared with a row of another arity", INCOMPATIBLE_TYPES, rows,
                "Condition c = r.lt(row(\"a\", 3, 4L));",
                "Condition c = r.lt(row(\"a\", 3));");
        pair("row in a subquery of other column types", NO_SUITABLE_METHOD, rows,
                "Condition c = r.in(select(USER.NAME, USER.ID).from(USER));",
                "Condition c = r.in(select(USER.NAME, USER.AGE).from(USER));");
        pair("row in a list of rows of other types", NO_SUITABLE_METHOD, rows,
                "Condition c = r.in(List.of(row(\"a\", 3L)));",
                "Condition c = r.in(List.of(row(\"a\", 3)));");
        List<String> wide = List.of("RowValue6<Long, String, String, Integer, Long, String> r = "
                + "row(USER.ID, USER.NAME, USER.EMAIL, USER.AGE, USER.ID, USER.NAME);");
        pair("a row of six compared with a row whose fifth item is of another type", INCOMPATIBLE_TYPES, wide,
                "Condition c = r.ge(row(1L, \"a\", \"b\", 3, 4, \"c\"));",
                "Condition c = r.ge(row(1L, \"a\", \"b\", 3, 4L, \"c\"));");
        pair("a row of six in a subquery of five columns", NO_SUITABLE_METHOD, wide,
                "Condition c = r.in(select(USER.ID, USER.NAME, USER.EMAIL, USER.AGE, USER.ID).from(USER));",
                "Condition c = r.in(select(USER.ID, USER.NAME, USER.EMAIL, USER.AGE, USER.ID, USER.NAME).from(USER));");
        pair("a values column of a list of four keeps its type", INCOMPATIBLE_TYPES,
                "Field<String> d = values(row(\"a\", 1, 2L, true)).as(\"v\", \"s\", \"i\", \"l\", \"b\").v4();",
                "Field<Boolean> d = values(row(\"a\", 1, 2L, true)).as(\"v\", \"s\", \"i\", \"l\", \"b\").v4();");
        // untyped, the items' common supertype is inferred (Number), and values(...).as(...) refuses the rows
        pair("values rows of different types", INCOMPATIBLE_TYPES,
                "ValuesTable2<String, Integer> t = values(row(\"a\", 1), row(\"b\", 2L)).as(\"t\", \"s\", \"n\");",
                "ValuesTable2<String, Integer> t = values(row(\"a\", 1), row(\"b\", 2)).as(\"t\", \"s\", \"n\");");
        List<String> v = List.of("ValuesTable2<String, Integer> v = values(row(\"a\", 1)).as(\"v\", \"s\", \"n\");");
        pair("a values column keeps its type", INCOMPATIBLE_TYPES, v,
                "Field<Long> n = v.v2();",
                "Field<Integer> n = v.v2();");
        pair("a values column compared with another type", NO_SUITABLE_METHOD, v,
                "Condition c = USER.NAME.eq(v.v2());",
                "Condition c = USER.AGE.eq(v.v2());");
        pair("unnest keeps the element type", INCOMPATIBLE_TYPES,
                "FunctionTable<String> t = unnest(List.of(1, 2)).as(\"t\");",
                "FunctionTable<Integer> t = unnest(List.of(1, 2)).as(\"t\");");
        pair("generateSeries of longs gives longs", INCOMPATIBLE_TYPES,
                "Field<Integer> x = generateSeries(1L, 3L).as(\"s\").value();",
                "Field<Long> x = generateSeries(1L, 3L).as(\"s\").value();");
        List<String> merge = List.of("MergeOn<User> m = mergeInto(USER).using(v).on(USER.NAME.eq(v.v1()));");
        List<String> vm = new ArrayList<>(v);
        vm.addAll(merge);
        pair("a MERGE without a WHEN clause is not a query", INCOMPATIBLE_TYPES, vm,
                "RowCountQuery q = m;",
                "RowCountQuery q = m.whenMatched().thenDelete();");
        pair("no INSERT for a matched row", NO_SUCH_METHOD, vm,
                "Merge<User> q = m.whenMatched().thenInsert(USER.NAME, v.v1());",
                "Merge<User> q = m.whenNotMatched().thenInsert(USER.NAME, v.v1());");
        pair("no UPDATE for an unmatched row", NO_SUCH_METHOD, vm,
                "Merge<User> q = m.whenNotMatched().thenUpdate(USER.NAME, v.v1());",
                "Merge<User> q = m.whenMatched().thenUpdate(USER.NAME, v.v1());");
        pair("merge UPDATE with a value of another type", NO_SUITABLE_METHOD, vm,
                "Merge<User> q = m.whenMatched().thenUpdate(USER.AGE, v.v1());",
                "Merge<User> q = m.whenMatched().thenUpdate(USER.AGE, v.v2());");
        pair("merge INSERT into a column of another table", NO_SUITABLE_METHOD, vm,
                "Merge<User> q = m.whenNotMatched().thenInsert(ORDER.STATUS, Order.Status.NEW);",
                "Merge<User> q = m.whenNotMatched().thenInsert(USER.AGE, 3);");
    }

    private static Map<String, List<CompileError>> wrongErrors;
    private static Map<String, List<CompileError>> rightErrors;

    static List<Case> cases() {
        return CASES;
    }

    /**
     * Two javac runs for the whole suite (1.0 s here, against 3.2 s for a run per snippet). Batching hides
     * nothing: javac ties each error to its unit, and a unit whose error went unreported fails its case.
     */
    @BeforeAll
    static void compileAllTwins() {
        List<Unit> wrong = new ArrayList<>();
        List<Unit> right = new ArrayList<>();
        for (Case c : CASES) {
            wrong.add(c.wrongUnit());
            right.add(c.rightUnit());
        }
        wrongErrors = SnippetCompiler.compile(wrong);
        rightErrors = SnippetCompiler.compile(right);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wrongTwinIsATypeErrorRightTwinCompiles(Case c) {
        Unit right = c.rightUnit();
        assertEquals(List.of(), rightErrors.get(right.name()), () -> "the right twin must compile:\n" + right.source());

        Unit wrong = c.wrongUnit();
        List<CompileError> errors = wrongErrors.get(wrong.name());
        assertFalse(errors.isEmpty(), () -> "the wrong twin compiled:\n" + wrong.source());
        long line = wrong.lineOf(c.setup().size());
        for (CompileError e : errors) {
            assertEquals(line, e.line(), () -> "error off the differing statement " + c.wrong() + ": " + e);
            assertEquals(c.expected().code, e.code(), () -> "not the expected " + c.expected() + ": " + e);
            assertTrue(e.message().contains(c.expected().phrase), () -> "not the expected " + c.expected() + ": " + e);
        }
    }

    @Test
    void caseNamesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Case c : CASES) {
            assertTrue(seen.add(c.name()), "duplicate case name: " + c.name());
        }
    }

    @Test
    void harnessRejectsASyntaxError() {
        Unit unit = new Unit("Broken", List.of("int x = ;"));
        List<CompileError> errors = SnippetCompiler.compile(List.of(unit)).get("Broken");
        assertFalse(errors.isEmpty(), "a snippet that does not parse must not pass");
        assertEquals(unit.lineOf(0), errors.get(0).line(), errors.toString());
    }

    @Test
    void harnessCompilesACorrectSnippet() {
        Unit unit = new Unit("Fine", List.of(
                "Select<String> q = select(USER.NAME).from(USER).where(USER.AGE.ge(18).and(USER.NAME.eq(\"A\")));",
                "Select<User> all = select(User.class).where(ORDER.USER_ID.eq(USER.ID));"));
        assertEquals(List.of(), SnippetCompiler.compile(List.of(unit)).get("Fine"));
    }

    /** A typo is not a type error: the key check tells the two apart, so a broken snippet cannot pass as a case. */
    @Test
    void harnessTellsAnUnknownSymbolFromATypeError() {
        Unit unit = new Unit("Typo", List.of("Condition c = USER.AGEX.eq(5);"));
        List<CompileError> errors = SnippetCompiler.compile(List.of(unit)).get("Typo");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).code().startsWith("compiler.err.cant.resolve"), errors.toString());
        for (TypeError t : TypeError.values()) {
            assertFalse(errors.get(0).code().equals(t.code), errors.toString());
        }
    }
}
