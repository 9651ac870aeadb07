package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FunctionName.Builtin;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Row values, VALUES lists and set-returning functions as FROM items, and MERGE; reached through {@link Sql}
 * ({@code import static dev.belay.dsl.Sql.*}). Kept apart so that each file stays readable.
 */
abstract class FromItemFunctions extends ScalarFunctions {
    FromItemFunctions() {}

    // ---- row values --------------------------------------------------------------------------

    /** A row of fields: {@code row(USER.NAME, USER.AGE)} renders {@code ("users"."name", "users"."age")}. */
    public static <A, B> RowValue2<A, B> row(Field<A> a, Field<B> b) {
        RowValue.fields(a, b);
        return new RowValue2<>(a, b);
    }

    /**
     * A row of values, each bound with its class's default type: {@code row("Alice", 30)} renders {@code (?, ?)}.
     * For a NULL, an enum or a type of your choice, write every item as a field: {@code row(value("a"),
     * value(null, PgType.INT4))}.
     */
    @SuppressWarnings("unchecked") // values() typed each item by its own class
    public static <A, B> RowValue2<A, B> row(A a, B b) {
        List<Field<?>> items = RowValue.values(a, b);
        return new RowValue2<>((Field<A>) items.get(0), (Field<B>) items.get(1));
    }

    /** Three fields: {@code row(USER.NAME, USER.AGE, USER.ID)}. */
    public static <A, B, C> RowValue3<A, B, C> row(Field<A> a, Field<B> b, Field<C> c) {
        RowValue.fields(a, b, c);
        return new RowValue3<>(a, b, c);
    }

    /** Three values: {@code row("Alice", 30, 1L)} renders {@code (?, ?, ?)}. */
    @SuppressWarnings("unchecked") // values() typed each item by its own class
    public static <A, B, C> RowValue3<A, B, C> row(A a, B b, C c) {
        List<Field<?>> items = RowValue.values(a, b, c);
        return new RowValue3<>((Field<A>) items.get(0), (Field<B>) items.get(1), (Field<C>) items.get(2));
    }

    /** Four fields: {@code row(T.A, T.B, ...)}, typed item by item. */
    public static <A, B, C, D> RowValue4<A, B, C, D> row(Field<A> a, Field<B> b, Field<C> c, Field<D> d) {
        RowValue.fields(a, b, c, d);
        return new RowValue4<>(a, b, c, d);
    }

    /** Four values: {@code row(1, 2, 3, 4)} renders {@code (?, ?, ?, ?)}. */
    @SuppressWarnings("unchecked") // values() typed each item by its own class
    public static <A, B, C, D> RowValue4<A, B, C, D> row(A a, B b, C c, D d) {
        List<Field<?>> items = RowValue.values(a, b, c, d);
        return new RowValue4<>((Field<A>) items.get(0), (Field<B>) items.get(1),
                (Field<C>) items.get(2), (Field<D>) items.get(3));
    }

    /** Five fields: {@code row(T.A, T.B, ...)}, typed item by item. */
    public static <A, B, C, D, E> RowValue5<A, B, C, D, E> row(Field<A> a, Field<B> b, Field<C> c, Field<D> d,
                                                             Field<E> e) {
        RowValue.fields(a, b, c, d, e);
        return new RowValue5<>(a, b, c, d, e);
    }

    /** Five values: {@code row(1, 2, 3, 4, 5)} renders {@code (?, ?, ?, ?, ?)}. */
    @SuppressWarnings("unchecked") // values() typed each item by its own class
    public static <A, B, C, D, E> RowValue5<A, B, C, D, E> row(A a, B b, C c, D d, E e) {
        List<Field<?>> items = RowValue.values(a, b, c, d, e);
        return new RowValue5<>((Field<A>) items.get(0), (Field<B>) items.get(1), (Field<C>) items.get(2),
                (Field<D>) items.get(3), (Field<E>) items.get(4));
    }

    /** Six fields: {@code row(T.A, T.B, ...)}, typed item by item. */
    public static <A, B, C, D, E, F> RowValue6<A, B, C, D, E, F> row(Field<A> a, Field<B> b, Field<C> c, Field<D> d,
                                                                   Field<E> e, Field<F> f) {
        RowValue.fields(a, b, c, d, e, f);
        return new RowValue6<>(a, b, c, d, e, f);
    }

    /** Six values: {@code row(1, 2, 3, 4, 5, 6)} renders {@code (?, ?, ?, ?, ?, ?)}. */
    @SuppressWarnings("unchecked") // values() typed each item by its own class
    public static <A, B, C, D, E, F> RowValue6<A, B, C, D, E, F> row(A a, B b, C c, D d, E e, F f) {
        List<Field<?>> items = RowValue.values(a, b, c, d, e, f);
        return new RowValue6<>((Field<A>) items.get(0), (Field<B>) items.get(1), (Field<C>) items.get(2),
                (Field<D>) items.get(3), (Field<E>) items.get(4), (Field<F>) items.get(5));
    }

    // ---- VALUES ------------------------------------------------------------------------------

    /**
     * A VALUES list for FROM, JOIN or MERGE ... USING; every row has the same item types:
     * {@code values(row("a", 1), row("b", 2)).as("v", "name", "n")} renders
     * {@code (VALUES (CAST(? AS text), CAST(? AS int4)), (?, ?)) AS "v"("name", "n")}.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public static <A, B> Values<ValuesTable2<A, B>> values(RowValue2<A, B> first, RowValue2<A, B>... more) {
        List<RowValue2<A, B>> rows = rows(first, more);
        return new Values<>(2, (alias, columns) -> new ValuesTable2<>(rows, alias, columns));
    }

    /** A VALUES list of three-item rows: {@code values(row("a", 1, 2L)).as("v", "name", "n", "id")}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public static <A, B, C> Values<ValuesTable3<A, B, C>> values(RowValue3<A, B, C> first,
                                                                  RowValue3<A, B, C>... more) {
        List<RowValue3<A, B, C>> rows = rows(first, more);
        return new Values<>(3, (alias, columns) -> new ValuesTable3<>(rows, alias, columns));
    }

    /** A VALUES list of 4-item rows: {@code values(row(...), row(...)).as("v", "a", ...)}, one name per item. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public static <A, B, C, D> Values<ValuesTable4<A, B, C, D>> values(RowValue4<A, B, C, D> first,
            RowValue4<A, B, C, D>... more) {
        List<RowValue4<A, B, C, D>> rows = rows(first, more);
        return new Values<>(4, (alias, columns) -> new ValuesTable4<>(rows, alias, columns));
    }

    /** A VALUES list of 5-item rows: {@code values(row(...), row(...)).as("v", "a", ...)}, one name per item. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public static <A, B, C, D, E> Values<ValuesTable5<A, B, C, D, E>> values(RowValue5<A, B, C, D, E> first,
            RowValue5<A, B, C, D, E>... more) {
        List<RowValue5<A, B, C, D, E>> rows = rows(first, more);
        return new Values<>(5, (alias, columns) -> new ValuesTable5<>(rows, alias, columns));
    }

    /** A VALUES list of 6-item rows: {@code values(row(...), row(...)).as("v", "a", ...)}, one name per item. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public static <A, B, C, D, E, F> Values<ValuesTable6<A, B, C, D, E, F>> values(RowValue6<A, B, C, D, E, F> first,
            RowValue6<A, B, C, D, E, F>... more) {
        List<RowValue6<A, B, C, D, E, F>> rows = rows(first, more);
        return new Values<>(6, (alias, columns) -> new ValuesTable6<>(rows, alias, columns));
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    private static <W extends RowValue<W>> List<W> rows(W first, W... more) {
        List<W> rows = new ArrayList<>(more.length + 1);
        rows.add(first);
        rows.addAll(Arrays.asList(more));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                throw new IllegalArgumentException("values(...): row " + (i + 1) + " is null");
            }
        }
        return List.copyOf(rows);
    }

    // ---- set-returning functions -------------------------------------------------------------

    /**
     * The elements of a list as rows, the list bound as one array parameter:
     * {@code unnest(List.of(1, 2, 3)).as("u")} renders {@code unnest(CAST(? AS int4[])) AS "u"("value")}. The element type is
     * the default of the elements' class; an empty list, or enums, need {@link #unnest(List, PgType)}.
     */
    @SuppressWarnings("unchecked")
    public static <T> SetFunction<T> unnest(List<T> values) {
        requireList(values);
        for (T v : values) {
            if (v != null) {
                return unnest(values, PgType.forClass((Class<T>) v.getClass()));
            }
        }
        throw new IllegalArgumentException("unnest(" + values + "): no element to take the array's type from; "
                + "name it: unnest(values, PgType.INT4)");
    }

    /** {@code unnest(ids, PgType.INT8)} renders {@code unnest(CAST(? AS int8[]))}: one array parameter. */
    public static <T> SetFunction<T> unnest(List<T> values, PgType<T> elementType) {
        requireList(values);
        Objects.requireNonNull(elementType, "elementType");
        PgType<List<T>> array = PgType.arrayOf(elementType);
        List<@Nullable T> copy = new ArrayList<>(values); // arrays may hold NULL, which List.copyOf refuses
        Expr.Bind bind = NulText.bind(() -> "unnest(...)", java.util.Collections.unmodifiableList(copy), array);
        return new SetFunction<>(Expr.Func.of(Builtin.UNNEST, typed(bind, array)), elementType, false, false);
    }

    /**
     * The elements of an array column, one row each: {@code crossJoin(unnest(ORDER.TAGS).as("t"))} renders
     * {@code CROSS JOIN unnest("orders"."tags") AS "t"("value")}.
     */
    @SuppressWarnings("unchecked") // an array type's element type carries T
    public static <T> SetFunction<T> unnest(Field<List<T>> array) {
        Objects.requireNonNull(array, "array");
        PgType<?> element = array.type().elementType();
        if (element == null) {
            throw new IllegalArgumentException("unnest(" + array + "): the field has type " + array.type()
                    + ", not an array type");
        }
        Expr node = typed(array.unaliased(), array.type());
        return new SetFunction<>(Expr.Func.of(Builtin.UNNEST, node), (PgType<T>) element, false, false);
    }

    /** {@code generateSeries(1, 10).as("s")} renders {@code generate_series(CAST(? AS int4), CAST(? AS int4)) AS "s"("value")}:
     * 1 to 10. The placeholders are cast because generate_series is overloaded. */
    public static SetFunction<Integer> generateSeries(int from, int to) {
        return series(PgType.INT4, false, new Expr.Bind(from, PgType.INT4), new Expr.Bind(to, PgType.INT4));
    }

    /** {@code generateSeries(10, 0, -5)} renders {@code generate_series(CAST(? AS int4), ...)} for 10, 5, 0. */
    public static SetFunction<Integer> generateSeries(int from, int to, int step) {
        requireStep(step == 0, step);
        return series(PgType.INT4, false, new Expr.Bind(from, PgType.INT4), new Expr.Bind(to, PgType.INT4),
                new Expr.Bind(step, PgType.INT4));
    }

    /** {@code generateSeries(1L, 3L)} renders {@code generate_series(CAST(? AS int8), CAST(? AS int8))}. */
    public static SetFunction<Long> generateSeries(long from, long to) {
        return series(PgType.INT8, false, new Expr.Bind(from, PgType.INT8), new Expr.Bind(to, PgType.INT8));
    }

    /** {@code generateSeries(0L, 100L, 10L)}: 0, 10, ..., 100 as int8. */
    public static SetFunction<Long> generateSeries(long from, long to, long step) {
        requireStep(step == 0, step);
        return series(PgType.INT8, false, new Expr.Bind(from, PgType.INT8), new Expr.Bind(to, PgType.INT8),
                new Expr.Bind(step, PgType.INT8));
    }

    /**
     * A series between two fields of int4, int8 or numeric, e.g. up to a column of an earlier FROM item:
     * {@code crossJoin(generateSeries(value(1), USER.AGE).as("s"))} renders
     * {@code CROSS JOIN generate_series(CAST(? AS int4), "users"."age") AS "s"("value")}.
     */
    public static <T extends Number> SetFunction<T> generateSeries(Field<T> from, Field<T> to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        PgType<T> type = from.type();
        if (!type.equals(PgType.INT4) && !type.equals(PgType.INT8) && !type.equals(PgType.NUMERIC)) {
            throw new IllegalArgumentException("generateSeries(" + from + ", " + to + "): PostgreSQL has series of "
                    + "int4, int8 and numeric, not " + type + "; cast the bounds first");
        }
        return series(type, false, typed(from.unaliased(), type), typed(to.unaliased(), type));
    }

    /**
     * Timestamps a step apart: {@code generateSeries(start, end, Duration.ofHours(1))} renders
     * {@code generate_series(CAST(? AS timestamp), CAST(? AS timestamp), CAST(? AS interval))}.
     */
    public static SetFunction<LocalDateTime> generateSeries(LocalDateTime from, LocalDateTime to, Duration step) {
        return temporal(PgType.TIMESTAMP, false, from, to, step, PgType.TIMESTAMP);
    }

    /** Instants a step apart: {@code generateSeries(start, end, Duration.ofMinutes(15))} over timestamptz. */
    public static SetFunction<Instant> generateSeries(Instant from, Instant to, Duration step) {
        return temporal(PgType.TIMESTAMPTZ, false, from, to, step, PgType.TIMESTAMPTZ);
    }

    /**
     * Dates a step apart, read as dates: {@code generateSeries(first, last, Duration.ofDays(1)).as("d")} renders
     * {@code generate_series(CAST(? AS timestamp), CAST(? AS timestamp), CAST(? AS interval)) AS "d"("value")}, and
     * {@code d.value()}
     * renders {@code CAST("d"."value" AS date)}. PostgreSQL has no date series: given dates it picks the
     * timestamptz one, whose days follow the session's time zone; in timestamp a day is always 24 hours.
     */
    public static SetFunction<LocalDate> generateSeries(LocalDate from, LocalDate to, Duration step) {
        return temporal(PgType.DATE, true, from, to, step, PgType.TIMESTAMP);
    }

    private static <T> SetFunction<T> temporal(PgType<T> type, boolean cast, T from, T to, Duration step,
                                               PgType<?> computedIn) {
        if (from == null || to == null || step == null) {
            throw new IllegalArgumentException("generateSeries(" + from + ", " + to + ", " + step + "): bounds and "
                    + "step are required");
        }
        requireStep(step.isZero(), step);
        Expr start = new Expr.Bind(from, type);
        Expr end = new Expr.Bind(to, type);
        if (cast) {
            start = new Expr.Cast(start, computedIn);
            end = new Expr.Cast(end, computedIn);
        }
        return series(type, cast, start, end, new Expr.Bind(step, PgType.INTERVAL));
    }

    private static <T> SetFunction<T> series(PgType<T> type, boolean cast, Expr... args) {
        List<Expr> typed = new ArrayList<>(args.length);
        for (Expr a : args) {
            typed.add(a instanceof Expr.Bind b ? typed(b, b.type()) : a);
        }
        return new SetFunction<>(Expr.Func.of(Builtin.GENERATE_SERIES, typed), type, cast, false);
    }

    /**
     * A placeholder cast to its type, {@code CAST(? AS int4)}, where PostgreSQL cannot infer it: the overloaded
     * {@code generate_series} and {@code unnest}, and the first row of a VALUES list, which types its columns.
     */
    static Expr typed(Expr node, PgType<?> type) {
        return node instanceof Expr.Bind || node instanceof Expr.Slot ? new Expr.Cast(node, type) : node;
    }

    private static void requireStep(boolean zero, Object step) {
        if (zero) {
            throw new IllegalArgumentException("generateSeries(...): the step is " + step
                    + "; PostgreSQL refuses a zero step, give a positive one (or a negative one to count down)");
        }
    }

    private static void requireList(@Nullable List<?> values) {
        if (values == null) {
            throw new IllegalArgumentException("unnest(null): pass a list (an empty one gives no row)");
        }
    }

    // ---- MERGE -------------------------------------------------------------------------------

    /**
     * {@code mergeInto(USER).using(v).on(USER.EMAIL.eq(v.v2())).whenMatched().thenUpdate(USER.NAME, v.v1())}
     * renders {@code MERGE INTO "users" USING ... ON ... WHEN MATCHED THEN UPDATE SET "name" = "v"."name"}; see
     * {@link Merge}.
     */
    public static <R> MergeInto<R> mergeInto(Table<R> target) {
        Objects.requireNonNull(target, "target");
        target.columns(); // a descriptor with no columns fails here, naming the table
        return new MergeInto<>(target);
    }
}
