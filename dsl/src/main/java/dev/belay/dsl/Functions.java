package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Expr.Func;
import dev.belay.dsl.internal.FunctionName;
import dev.belay.dsl.internal.FunctionName.Builtin;
import dev.belay.dsl.internal.Identifiers;
import dev.belay.dsl.internal.Keyword;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL functions, reached through {@link Sql} ({@code import static dev.belay.dsl.Sql.*}). Kept apart so
 * that neither file grows past reading length.
 */
abstract class Functions extends FromItemFunctions {
    Functions() {}

    /** {@code count()} renders {@code count(*)}. */
    public static AggregateField<Long> count() {
        return new AggregateField<>(new Func(Builtin.COUNT, List.of(), false, true, null, null), PgType.INT8);
    }

    /** {@code count(USER.AGE)} renders {@code count("users"."age")}: rows where it is not null. */
    public static AggregateField<Long> count(Field<?> field) {
        return new AggregateField<>(call(Builtin.COUNT, false, field), PgType.INT8);
    }

    /** {@code countDistinct(USER.AGE)} renders {@code count(DISTINCT "users"."age")}. */
    public static AggregateField<Long> countDistinct(Field<?> field) {
        return new AggregateField<>(call(Builtin.COUNT, true, field), PgType.INT8);
    }

    /** {@code min(USER.AGE)} renders {@code min("users"."age")}. */
    public static <T> AggregateField<T> min(Field<T> field) {
        return new AggregateField<>(call(Builtin.MIN, false, field), field.type());
    }

    /** {@code max(USER.AGE)} renders {@code max("users"."age")}. */
    public static <T> AggregateField<T> max(Field<T> field) {
        return new AggregateField<>(call(Builtin.MAX, false, field), field.type());
    }

    /** {@code coalesce(USER.AGE, 0)} renders {@code coalesce("users"."age", ?)}. */
    public static <T> Field<T> coalesce(Field<T> field, T fallback) {
        if (fallback == null) {
            throw new IllegalArgumentException("coalesce(" + field + ", null): a NULL fallback changes nothing; "
                    + "give a non-null value or use the field on its own");
        }
        return new Expression<>(Func.of(Builtin.COALESCE, field.unaliased(),
                NulText.bind(() -> "coalesce(" + field + ", ...)", fallback, field.type())), field.type());
    }

    /** {@code coalesce(a, b, c)} renders {@code coalesce(a, b, c)}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public static <T> Field<T> coalesce(Field<T> first, Field<T>... rest) {
        return new Expression<>(variadic(Builtin.COALESCE, first, rest), first.type());
    }

    /** {@code greatest(a, b)} renders {@code greatest(a, b)}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public static <T> Field<T> greatest(Field<T> first, Field<T>... rest) {
        return new Expression<>(variadic(Builtin.GREATEST, first, rest), first.type());
    }

    /** {@code least(a, b)} renders {@code least(a, b)}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public static <T> Field<T> least(Field<T> first, Field<T>... rest) {
        return new Expression<>(variadic(Builtin.LEAST, first, rest), first.type());
    }

    /** {@code lower(USER.NAME)} renders {@code lower("users"."name")}. */
    public static Field<String> lower(Field<String> field) {
        refuseJson("lower", field);
        return new Expression<>(call(Builtin.LOWER, false, field), PgType.TEXT);
    }

    /** {@code upper(USER.NAME)} renders {@code upper("users"."name")}. */
    public static Field<String> upper(Field<String> field) {
        refuseJson("upper", field);
        return new Expression<>(call(Builtin.UPPER, false, field), PgType.TEXT);
    }

    /** {@code length(USER.NAME)} renders {@code length("users"."name")}. */
    public static Field<Integer> length(Field<String> field) {
        refuseJson("length", field);
        return new Expression<>(call(Builtin.LENGTH, false, field), PgType.INT4);
    }

    /** {@code now()} renders {@code now()}: the transaction's start time. */
    public static Field<Instant> now() {
        return new Expression<>(Func.of(Builtin.NOW), PgType.TIMESTAMPTZ);
    }

    /** {@code currentDate()} renders {@code CURRENT_DATE}. */
    public static Field<LocalDate> currentDate() {
        return new Expression<>(Keyword.CURRENT_DATE, PgType.DATE);
    }

    /**
     * Any other function, by its exact (case-sensitive) name, quoted:
     * {@code function("date_trunc", PgType.TIMESTAMPTZ, value("day"), ORDER.CREATED_AT)} renders
     * {@code "date_trunc"(?, "orders"."created_at")}. A dotted name is schema-qualified:
     * {@code "pg_catalog"."now"()}.
     */
    public static <T> Field<T> function(String name, PgType<T> type, Field<?>... args) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("\\.", -1)) {
            parts.add(Identifiers.check(part, "function name part of '" + name + "'"));
        }
        List<Expr> nodes = new ArrayList<>();
        for (Field<?> a : args) {
            nodes.add(a.unaliased());
        }
        return new Expression<>(Func.of(new FunctionName.UserFunction(parts), nodes), type);
    }

    /** {@code rowNumber().over(w)} renders {@code row_number() OVER (w)}. */
    public static WindowFunction<Long> rowNumber() {
        return new WindowFunction<>(Func.of(Builtin.ROW_NUMBER), PgType.INT8);
    }

    /** {@code rank().over(w)} renders {@code rank() OVER (w)}. */
    public static WindowFunction<Long> rank() {
        return new WindowFunction<>(Func.of(Builtin.RANK), PgType.INT8);
    }

    /** {@code denseRank().over(w)} renders {@code dense_rank() OVER (w)}. */
    public static WindowFunction<Long> denseRank() {
        return new WindowFunction<>(Func.of(Builtin.DENSE_RANK), PgType.INT8);
    }

    /** {@code lag(ORDER.TOTAL).over(w)} renders {@code lag("orders"."total") OVER (w)}: the previous row's value. */
    public static <T> WindowFunction<T> lag(Field<T> field) {
        return new WindowFunction<>(call(Builtin.LAG, false, field), field.type());
    }

    /** {@code lag(f, 2)} renders {@code lag(f, ?)}: the value {@code offset} rows back. */
    public static <T> WindowFunction<T> lag(Field<T> field, int offset) {
        return new WindowFunction<>(offsetCall(Builtin.LAG, field, offset), field.type());
    }

    /** {@code lead(ORDER.TOTAL).over(w)} renders {@code lead("orders"."total") OVER (w)}: the next row's value. */
    public static <T> WindowFunction<T> lead(Field<T> field) {
        return new WindowFunction<>(call(Builtin.LEAD, false, field), field.type());
    }

    /** {@code lead(f, 2)} renders {@code lead(f, ?)}. */
    public static <T> WindowFunction<T> lead(Field<T> field, int offset) {
        return new WindowFunction<>(offsetCall(Builtin.LEAD, field, offset), field.type());
    }

    /** The empty window: {@code over(window())} renders {@code OVER ()}. */
    public static WindowSpec window() {
        return WindowSpec.EMPTY;
    }

    /** {@code partitionBy(ORDER.USER_ID)} starts a window: {@code PARTITION BY "orders"."user_id"}. */
    public static WindowSpec partitionBy(Field<?>... fields) {
        return WindowSpec.EMPTY.partitionBy(fields);
    }

    /** Text functions take any text-like type (text, varchar, citext), but not json held in a String. */
    private static void refuseJson(String name, Field<String> field) {
        if (field.type().kind() == PgType.Kind.JSON) {
            throw new IllegalArgumentException(name + "(" + field + "): the field is " + field.type().sqlName()
                    + ", not text; use jsonGetText(...) or cast(PgType.TEXT) first");
        }
    }

    private static Func call(Builtin name, boolean distinct, Field<?> field) {
        return new Func(name, List.of(field.unaliased()), distinct, false, null, null);
    }

    private static Func offsetCall(Builtin name, Field<?> field, int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException(name.name().toLowerCase(Locale.ROOT) + "(" + field + ", " + offset + "): offset must not be negative");
        }
        return Func.of(name, field.unaliased(), new Expr.Bind(offset, PgType.INT4));
    }

    private static Func variadic(Builtin name, Field<?> first, Field<?>[] rest) {
        List<Expr> nodes = new ArrayList<>(rest.length + 1);
        nodes.add(first.unaliased());
        for (Field<?> f : rest) {
            nodes.add(f.unaliased());
        }
        return Func.of(name, nodes);
    }
}
