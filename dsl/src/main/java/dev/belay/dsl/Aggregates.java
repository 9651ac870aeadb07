package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Expr.Func;
import dev.belay.dsl.internal.FunctionName.Builtin;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregate functions beyond counting, reached through {@link Sql}. Every one is an {@link AggregateField}, so
 * each takes {@code filter}, {@code orderBy}, {@code distinct} and {@code over} where PostgreSQL allows them.
 *
 * <h2>Result types of sum and avg</h2>
 * PostgreSQL's {@code sum} and {@code avg} return a type that depends on the argument's: sum of int2 or int4 is
 * bigint, of int8 or numeric numeric, of float8 double precision, of interval interval; avg of any integer or
 * numeric is numeric, of float8 double precision. A field here always declares the type PostgreSQL returns, or the
 * SQL casts to the declared one where that is exact. Java cannot give {@code sum(Field<Integer>)} and
 * {@code sum(Field<Long>)} different results (the two have the same erasure), and a result type inferred from the
 * assignment would be a guess, so the result type is in the name, as JPA's {@code sumAsLong} does:
 * <ul>
 *   <li>{@code sum(f)}: numeric ({@code BigDecimal}) for any integer or numeric {@code f}; exact for all of them.
 *       For int2 and int4, whose sum is bigint, it renders {@code CAST(sum(f) AS numeric)}.</li>
 *   <li>{@code sumLong(f)}: bigint ({@code Long}) for an int4 {@code f}, as PostgreSQL returns it.</li>
 *   <li>{@code sumDouble(f)}, {@code sumInterval(f)}: float8 and interval, for fields of those types.</li>
 *   <li>{@code avg(f)}: numeric for any integer or numeric {@code f}; {@code avgDouble(f)} and
 *       {@code avgInterval(f)} for float8 and interval.</li>
 * </ul>
 * A field whose sum the chosen variant would not return exactly (a float8 to {@code sum}) is refused while the
 * query is built, naming the variant that fits.
 */
abstract class Aggregates extends Analytics {
    Aggregates() {}

    // ---- sum and avg -------------------------------------------------------------------------

    /**
     * {@code sum(ORDER.TOTAL)} renders {@code sum("orders"."total")}, a numeric; {@code sum(USER.AGE)} (int4) renders
     * {@code CAST(sum("users"."age") AS numeric)}. See the class comment for the other result types.
     *
     * @throws IllegalArgumentException for a float or other non-integer, non-numeric field, naming the variant to use
     */
    public static AggregateField<BigDecimal> sum(Field<? extends Number> field) {
        String type = field.type().sqlName();
        // PostgreSQL sums int2 and int4 as bigint; every bigint is exactly a numeric
        return numeric("sum", Builtin.SUM, field, "sumDouble", type.equals("int2") || type.equals("int4"));
    }

    /** {@code sumLong(USER.AGE)} renders {@code sum("users"."age")}, which PostgreSQL returns as bigint. */
    public static AggregateField<Long> sumLong(Field<Integer> field) {
        return typed("sumLong", Builtin.SUM, field, "int4", PgType.INT8);
    }

    /** {@code sumDouble(f)} over a float8 field renders {@code sum(f)}, a double precision. */
    public static AggregateField<Double> sumDouble(Field<Double> field) {
        return typed("sumDouble", Builtin.SUM, field, "float8", PgType.FLOAT8);
    }

    /** {@code sumInterval(f)} over an interval field renders {@code sum(f)}, an interval. */
    public static AggregateField<Duration> sumInterval(Field<Duration> field) {
        return typed("sumInterval", Builtin.SUM, field, "interval", field.type());
    }

    /**
     * {@code avg(USER.AGE)} renders {@code avg("users"."age")}, which PostgreSQL returns as numeric for every integer
     * and numeric argument.
     *
     * @throws IllegalArgumentException for a float field (use {@code avgDouble}) or another non-numeric type
     */
    public static AggregateField<BigDecimal> avg(Field<? extends Number> field) {
        return numeric("avg", Builtin.AVG, field, "avgDouble", false);
    }

    /** {@code avgDouble(f)} over a float8 field renders {@code avg(f)}, a double precision. */
    public static AggregateField<Double> avgDouble(Field<Double> field) {
        return typed("avgDouble", Builtin.AVG, field, "float8", PgType.FLOAT8);
    }

    /** {@code avgInterval(f)} over an interval field renders {@code avg(f)}, an interval. */
    public static AggregateField<Duration> avgInterval(Field<Duration> field) {
        return typed("avgInterval", Builtin.AVG, field, "interval", field.type());
    }

    // ---- text, arrays, json ------------------------------------------------------------------

    /**
     * {@code stringAgg(USER.NAME, ", ").orderBy(USER.NAME.asc())} renders
     * {@code string_agg("users"."name", ? ORDER BY "users"."name" ASC)}: the values joined by the bound delimiter,
     * NULLs skipped; NULL when there are none.
     */
    public static AggregateField<String> stringAgg(Field<String> field, String delimiter) {
        Operands.requireKind(field, "stringAgg", PgType.Kind.TEXT);
        if (delimiter == null) {
            throw new IllegalArgumentException("stringAgg(" + field + ", null): give a delimiter; \"\" joins the "
                    + "values with nothing between them");
        }
        Expr separator = NulText.bind(() -> "stringAgg(" + field + ", ...) delimiter", delimiter, PgType.TEXT);
        return new AggregateField<>(Func.of(Builtin.STRING_AGG, field.unaliased(), separator), PgType.TEXT);
    }

    /**
     * {@code arrayAgg(USER.NAME)} renders {@code array_agg("users"."name")}, a {@code text[]} read as a
     * {@code List<String>}; NULL values are kept as null elements.
     *
     * @throws IllegalArgumentException for an array field: its array_agg is two-dimensional, which Belay does not map
     */
    public static <T> AggregateField<List<T>> arrayAgg(Field<T> field) {
        if (field.type().kind() == PgType.Kind.ARRAY) {
            throw new IllegalArgumentException("arrayAgg(" + field + "): the field is already an array ("
                    + field.type().sqlName() + "); array_agg of arrays is a two-dimensional array, which Belay does "
                    + "not map. Aggregate the elements: unnest the array first");
        }
        return new AggregateField<>(call(Builtin.ARRAY_AGG, field), PgType.arrayOf(field.type()));
    }

    /** {@code jsonAgg(USER.NAME)} renders {@code json_agg("users"."name")}: a json array of the values, as text. */
    public static AggregateField<String> jsonAgg(Field<?> field) {
        return new AggregateField<>(call(Builtin.JSON_AGG, field), PgType.JSON);
    }

    /** {@code jsonbAgg(USER.NAME)} renders {@code jsonb_agg("users"."name")}: a jsonb array of the values, as text. */
    public static AggregateField<String> jsonbAgg(Field<?> field) {
        return new AggregateField<>(call(Builtin.JSONB_AGG, field), PgType.JSONB);
    }

    /**
     * {@code jsonbBuildObject("name", USER.NAME)} renders {@code jsonb_build_object(CAST(? AS text), "users"."name")}
     * with the key bound; a jsonb object, as text. Keys are values, so they are bound (typed, because the function
     * takes arguments of any type).
     */
    public static Field<String> jsonbBuildObject(String key, Field<?> value) {
        return buildObject(Builtin.JSONB_BUILD_OBJECT, PgType.JSONB, pairs(key, value));
    }

    /** {@code jsonbBuildObject("a", f1, "b", f2)} renders {@code jsonb_build_object(CAST(? AS text), f1, CAST(? AS text), f2)}. */
    public static Field<String> jsonbBuildObject(String key1, Field<?> value1, String key2, Field<?> value2) {
        return buildObject(Builtin.JSONB_BUILD_OBJECT, PgType.JSONB, pairs(key1, value1, key2, value2));
    }

    /**
     * Any number of keys and values, in the map's iteration order (use a {@code LinkedHashMap}):
     * {@code jsonbBuildObject(entries)} renders {@code jsonb_build_object(CAST(? AS text), f1, ...)}.
     */
    public static Field<String> jsonbBuildObject(Map<String, ? extends Field<?>> entries) {
        return buildObject(Builtin.JSONB_BUILD_OBJECT, PgType.JSONB, entries);
    }

    /** {@code jsonBuildObject("name", USER.NAME)} renders {@code json_build_object(CAST(? AS text), "users"."name")}. */
    public static Field<String> jsonBuildObject(String key, Field<?> value) {
        return buildObject(Builtin.JSON_BUILD_OBJECT, PgType.JSON, pairs(key, value));
    }

    /** Two keys and values; see {@link #jsonBuildObject(String, Field)}. */
    public static Field<String> jsonBuildObject(String key1, Field<?> value1, String key2, Field<?> value2) {
        return buildObject(Builtin.JSON_BUILD_OBJECT, PgType.JSON, pairs(key1, value1, key2, value2));
    }

    /** Any number of keys and values, in the map's iteration order; see {@link #jsonbBuildObject(Map)}. */
    public static Field<String> jsonBuildObject(Map<String, ? extends Field<?>> entries) {
        return buildObject(Builtin.JSON_BUILD_OBJECT, PgType.JSON, entries);
    }

    // ---- booleans ----------------------------------------------------------------------------

    /** {@code every(USER.AGE.ge(18))} renders {@code every("users"."age" >= ?)}: true when it holds for every row. */
    public static AggregateField<Boolean> every(Field<Boolean> condition) {
        return new AggregateField<>(call(Builtin.EVERY, condition), PgType.BOOL);
    }

    /** {@code boolAnd(c)} renders {@code bool_and(c)}, the same as {@code every(c)}. */
    public static AggregateField<Boolean> boolAnd(Field<Boolean> condition) {
        return new AggregateField<>(call(Builtin.BOOL_AND, condition), PgType.BOOL);
    }

    /** {@code boolOr(USER.AGE.lt(18))} renders {@code bool_or("users"."age" < ?)}: true when it holds for some row. */
    public static AggregateField<Boolean> boolOr(Field<Boolean> condition) {
        return new AggregateField<>(call(Builtin.BOOL_OR, condition), PgType.BOOL);
    }

    // ---- ordered-set aggregates --------------------------------------------------------------

    /**
     * {@code percentileCont(0.5).withinGroup(ORDER.TOTAL.asc())} renders
     * {@code percentile_cont(CAST(? AS float8)) WITHIN GROUP (ORDER BY "orders"."total" ASC)}: the median, interpolated, as a
     * double (or an interval, with {@code withinGroupInterval}).
     *
     * @throws IllegalArgumentException when the fraction is not between 0 and 1
     */
    public static ContinuousPercentile percentileCont(double fraction) {
        return new ContinuousPercentile(fraction);
    }

    /**
     * {@code percentileDisc(0.9).withinGroup(ORDER.TOTAL)} renders
     * {@code percentile_disc(CAST(? AS float8)) WITHIN GROUP (ORDER BY "orders"."total" ASC)}: the first value at or past the
     * fraction, of the ordered field's type.
     *
     * @throws IllegalArgumentException when the fraction is not between 0 and 1
     */
    public static OrderedSetAggregate percentileDisc(double fraction) {
        return new OrderedSetAggregate(Builtin.PERCENTILE_DISC,
                List.of(OrderedSetAggregate.fraction("percentileDisc", fraction)));
    }

    /**
     * {@code mode().withinGroup(ORDER.STATUS)} renders {@code mode() WITHIN GROUP (ORDER BY "orders"."status" ASC)}:
     * the most frequent value (the first in that order among equally frequent ones).
     */
    public static OrderedSetAggregate mode() {
        return new OrderedSetAggregate(Builtin.MODE, List.of());
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static Func call(Builtin name, Field<?> field) {
        return Func.of(name, field.unaliased());
    }

    /** A numeric sum or average of an integer or numeric; a float's is not one, and a numeric cast would round it. */
    private static AggregateField<BigDecimal> numeric(String name, Builtin fn, Field<? extends Number> field,
                                                      String floatVariant, boolean castResult) {
        String type = field.type().sqlName();
        if (List.of("int2", "int4", "int8", "numeric").contains(type)) {
            return new AggregateField<>(call(fn, field), PgType.NUMERIC, castResult);
        }
        if (type.equals("float8") || type.equals("float4")) {
            throw new IllegalArgumentException(name + "(" + field + "): PostgreSQL's " + name + " of " + type
                    + " is a floating-point number, which a numeric result would round; use " + floatVariant + "("
                    + (type.equals("float4") ? "field.cast(PgType.FLOAT8)" : "field") + ")");
        }
        throw new IllegalArgumentException(name + "(" + field + "): the field is " + type + "; " + name + " takes "
                + "int2, int4, int8 or numeric here. Cast it to one of those first: field.cast(PgType.NUMERIC)");
    }

    /** A variant for exactly one argument type, whose result PostgreSQL returns as {@code result}. */
    private static <T> AggregateField<T> typed(String name, Builtin fn, Field<?> field, String argument,
                                               PgType<T> result) {
        if (!field.type().sqlName().equals(argument)) {
            throw new IllegalArgumentException(name + "(" + field + "): the field is " + field.type().sqlName()
                    + ", but " + name + " is for " + argument + " fields");
        }
        return new AggregateField<>(call(fn, field), result);
    }

    private static Map<String, Field<?>> pairs(Object... keysAndValues) {
        Map<String, Field<?>> entries = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            if (entries.containsKey(key)) {
                throw new IllegalArgumentException("json object key \"" + key + "\" is given twice");
            }
            entries.put(key, (Field<?>) keysAndValues[i + 1]);
        }
        return entries;
    }

    /**
     * The function takes {@code VARIADIC "any"}, which leaves an untyped parameter's type unknown (42P18): keys are
     * cast to text and bound values to their own types, so the statement is valid however it is prepared.
     */
    private static Field<String> buildObject(Builtin fn, PgType<String> type, Map<String, ? extends Field<?>> entries) {
        List<Expr> args = new ArrayList<>(entries.size() * 2);
        String name = fn == Builtin.JSONB_BUILD_OBJECT ? "jsonbBuildObject" : "jsonBuildObject";
        for (Map.Entry<String, ? extends Field<?>> e : entries.entrySet()) {
            String key = e.getKey();
            Field<?> value = e.getValue();
            if (key == null || value == null) {
                throw new IllegalArgumentException(name + "(...): " + (key == null ? "a key is null; json object "
                        + "keys must be text" : "the value of key \"" + key + "\" is null; use value(null, PgType.X) "
                        + "for a json null"));
            }
            args.add(new Expr.Cast(NulText.bind(() -> name + "(...) key", key, PgType.TEXT), PgType.TEXT));
            Expr node = value.unaliased();
            args.add(node instanceof Expr.Bind || node instanceof Expr.Slot ? new Expr.Cast(node, value.type()) : node);
        }
        return new Expression<>(Func.of(fn, args), type);
    }
}
