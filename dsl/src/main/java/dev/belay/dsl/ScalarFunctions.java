package dev.belay.dsl;

import dev.belay.dsl.internal.DatePartLiteral;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Expr.Func;
import dev.belay.dsl.internal.Extract;
import dev.belay.dsl.internal.FunctionName.Builtin;
import dev.belay.dsl.internal.Keyword;
import dev.belay.dsl.internal.Operator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Scalar functions, reached through {@link Sql} ({@code import static dev.belay.dsl.Sql.*}): CASE, nullif,
 * greatest and least with values, casts of bound values, dates and times, LIKE escaping.
 */
abstract class ScalarFunctions extends Aggregates {
    ScalarFunctions() {}

    // ---- CASE, nullif, greatest, least, cast ----------------------------------------------------

    /**
     * A searched CASE: {@code case_().when(USER.AGE.lt(18), "minor").otherwise("adult")} renders
     * {@code CASE WHEN "users"."age" < ? THEN ? ELSE ? END}. Named with an underscore: {@code case} is a Java keyword.
     */
    public static CaseStart case_() {
        return CaseStart.INSTANCE;
    }

    /**
     * A simple CASE on an operand: {@code case_(ORDER.STATUS).when(Status.PAID, 1).otherwise(0)} renders
     * {@code CASE "orders"."status" WHEN ? THEN CAST(? AS int4) ELSE CAST(? AS int4) END}.
     */
    public static <V> SimpleCaseStart<V> case_(Field<V> operand) {
        Cases.field(() -> "case_(null)", operand);
        return new SimpleCaseStart<>(operand);
    }

    /** {@code nullif(USER.NAME, "")} renders {@code nullif("users"."name", ?)}: NULL where the name is empty. */
    public static <T> Field<T> nullif(Field<T> field, T value) {
        if (value == null) {
            throw new IllegalArgumentException("nullif(" + field + ", null): nullif with NULL is the field itself; "
                    + "give the value that should become NULL");
        }
        return new Expression<>(Func.of(Builtin.NULLIF, field.unaliased(),
                NulText.bind(() -> "nullif(" + field + ", ...)", value, field.type())), field.type());
    }

    /** {@code nullif(a, b)} renders {@code nullif(a, b)}: NULL where they are equal, else {@code a}. */
    public static <T> Field<T> nullif(Field<T> field, Field<T> other) {
        return new Expression<>(Func.of(Builtin.NULLIF, field.unaliased(), other.unaliased()), field.type());
    }

    /** {@code greatest(USER.AGE, 18)} renders {@code greatest("users"."age", ?)}: at least 18 (NULL ages stay 18). */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public static <T> Field<T> greatest(Field<T> first, T value, T... more) {
        return new Expression<>(withValues(Builtin.GREATEST, "greatest", first, value, more), first.type());
    }

    /** {@code least(ORDER.TOTAL, cap)} renders {@code least("orders"."total", ?)}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public static <T> Field<T> least(Field<T> first, T value, T... more) {
        return new Expression<>(withValues(Builtin.LEAST, "least", first, value, more), first.type());
    }

    /**
     * A bound value typed in the SQL: {@code cast(5L, PgType.INT8)} renders {@code CAST(? AS int8)}, where an
     * untyped parameter would leave PostgreSQL to guess (a select list, a CASE of parameters, an overloaded
     * function). {@code cast(null, PgType.INT8)} is a typed NULL. A field is cast with
     * {@link Field#cast}: {@code USER.AGE.cast(PgType.TEXT)}.
     */
    public static <T> Field<T> cast(@Nullable T value, PgType<T> type) {
        if (value instanceof Field<?> f) {
            throw new IllegalArgumentException("cast(" + f + ", " + type + "): the value is a field, which is not "
                    + "bound; cast a field with field.cast(type)");
        }
        return new Expression<>(new Expr.Cast(NulText.bind(() -> "cast(..., " + type + ")", value, type), type), type);
    }

    // ---- dates and times ---------------------------------------------------------------------

    /**
     * {@code dateTrunc(DatePart.MONTH, ORDER.CREATED_AT)} renders {@code date_trunc('month', "orders"."created_at")}:
     * the timestamp (or timestamptz, truncated in the session's time zone) at the start of its month, of the same
     * type. A date is refused, since PostgreSQL gives a timestamptz for one: truncate {@code d.cast(PgType.TIMESTAMP)}.
     */
    public static <T extends TemporalAccessor> Field<T> dateTrunc(DatePart part, Field<T> source) {
        Temporals.requireNotDate(source, "dateTrunc", "date_trunc of a date is a timestamptz in PostgreSQL; truncate "
                + source + ".cast(PgType.TIMESTAMP), and cast(PgType.DATE) after it for a date", Temporals.TIMESTAMPS);
        return new Expression<>(Func.of(Builtin.DATE_TRUNC, new DatePartLiteral(part), source.unaliased()),
                source.type());
    }

    /**
     * {@code extract(DatePart.YEAR, ORDER.CREATED_AT)} renders {@code EXTRACT(YEAR FROM "orders"."created_at")}, a
     * numeric (PostgreSQL 14 and later). A part the type does not have (the hour of a date) is refused.
     */
    public static Field<BigDecimal> extract(DatePart part, Field<? extends TemporalAccessor> source) {
        Temporals.requirePart(source, part);
        return new Expression<>(new Extract(part, source.unaliased()), PgType.NUMERIC);
    }

    /**
     * {@code age(USER.CREATED_AT)} renders {@code age("users"."created_at")}: the interval from it to today's
     * midnight. PostgreSQL counts it in years, months and days, so it is a {@link PgInterval}
     * ({@code P1Y2M3D}), which a {@code Duration} could not hold.
     */
    public static Field<PgInterval> age(Field<? extends TemporalAccessor> timestamp) {
        Temporals.require(timestamp, "age", Temporals.DATED);
        return new Expression<>(Func.of(Builtin.AGE, timestamp.unaliased()), PgType.INTERVAL_FULL);
    }

    /** {@code age(a, b)} renders {@code age(a, b)}: {@code a} minus {@code b} in years, months and days; see {@link #age(Field)}. */
    public static <T extends TemporalAccessor> Field<PgInterval> age(Field<T> later, Field<T> earlier) {
        Temporals.require(later, "age", Temporals.DATED);
        return new Expression<>(Func.of(Builtin.AGE, later.unaliased(), earlier.unaliased()), PgType.INTERVAL_FULL);
    }

    /**
     * {@code timestampDiff(ORDER.SHIPPED_AT, ORDER.CREATED_AT)} renders {@code "orders"."shipped_at" - "orders"."created_at"},
     * the interval between two timestamps (or times), in days and time. Dates subtract to a day count: {@link #dateDiff}.
     */
    public static <T extends TemporalAccessor> Field<Duration> timestampDiff(Field<T> end, Field<T> start) {
        Temporals.requireNotDate(end, "timestampDiff", "date - date is a number of days in PostgreSQL; use "
                + "dateDiff(end, start)", Temporals.CLOCKED);
        return new Expression<>(new Expr.Binary(end.unaliased(), Operator.MINUS, start.unaliased()), PgType.INTERVAL);
    }

    /** {@code dateDiff(a, b)} renders {@code a - b} for two dates: the number of days from {@code b} to {@code a}. */
    public static Field<Integer> dateDiff(Field<LocalDate> end, Field<LocalDate> start) {
        Temporals.require(end, "dateDiff", Set.of("date"));
        return new Expression<>(new Expr.Binary(end.unaliased(), Operator.MINUS, start.unaliased()), PgType.INT4);
    }

    /**
     * {@code dateAdd(ORDER.DUE, PgInterval.ofMonths(1))} renders {@code "orders"."due" + CAST(? AS interval)}: a
     * timestamp, as PostgreSQL's {@code date + interval} is (a date plus a month at midnight).
     */
    public static Field<LocalDateTime> dateAdd(Field<LocalDate> date, PgInterval interval) {
        return dateShift(date, Operator.PLUS, "dateAdd", Temporals.interval(date, "dateAdd", interval));
    }

    /** {@code dateAdd(d, Duration.ofHours(36))} renders {@code d + CAST(? AS interval)}, a timestamp. */
    public static Field<LocalDateTime> dateAdd(Field<LocalDate> date, Duration interval) {
        return dateShift(date, Operator.PLUS, "dateAdd", Temporals.interval(date, "dateAdd", interval));
    }

    /** {@code dateSubtract(d, PgInterval.ofYears(1))} renders {@code d - CAST(? AS interval)}, a timestamp. */
    public static Field<LocalDateTime> dateSubtract(Field<LocalDate> date, PgInterval interval) {
        return dateShift(date, Operator.MINUS, "dateSubtract", Temporals.interval(date, "dateSubtract", interval));
    }

    /** {@code dateSubtract(d, Duration.ofDays(1))} renders {@code d - CAST(? AS interval)}, a timestamp. */
    public static Field<LocalDateTime> dateSubtract(Field<LocalDate> date, Duration interval) {
        return dateShift(date, Operator.MINUS, "dateSubtract", Temporals.interval(date, "dateSubtract", interval));
    }

    /** {@code datePlusDays(ORDER.DUE, 3)} renders {@code "orders"."due" + CAST(? AS int4)}: {@code date + integer} is a date. */
    public static Field<LocalDate> datePlusDays(Field<LocalDate> date, int days) {
        Temporals.require(date, "datePlusDays", Set.of("date"));
        // cast: an untyped parameter after date + is ambiguous between integer and interval
        return new Expression<>(new Expr.Binary(date.unaliased(), Operator.PLUS,
                new Expr.Cast(new Expr.Bind(days, PgType.INT4), PgType.INT4)), PgType.DATE);
    }

    private static Field<LocalDateTime> dateShift(Field<LocalDate> date, Operator op, String name, Expr interval) {
        Temporals.require(date, name, Set.of("date"));
        return new Expression<>(new Expr.Binary(date.unaliased(), op, interval), PgType.TIMESTAMP);
    }

    /** {@code currentTimestamp()} renders {@code CURRENT_TIMESTAMP}: the transaction's start, as {@link Sql#now()}. */
    public static Field<Instant> currentTimestamp() {
        return new Expression<>(Keyword.CURRENT_TIMESTAMP, PgType.TIMESTAMPTZ);
    }

    /** {@code localTimestamp()} renders {@code LOCALTIMESTAMP}: the transaction's start in the session's time zone. */
    public static Field<LocalDateTime> localTimestamp() {
        return new Expression<>(Keyword.LOCALTIMESTAMP, PgType.TIMESTAMP);
    }

    // ---- text --------------------------------------------------------------------------------

    /**
     * Escapes LIKE's wildcards so that {@code text} matches only itself: {@code escapeLike("50%_off")} is
     * {@code 50\%\_off}, for a pattern of your own such as {@code USER.NAME.like(escapeLike(prefix) + "%_")}.
     * {@code contains}, {@code startsWith} and {@code endsWith} (and their IgnoreCase forms) escape already.
     */
    public static String escapeLike(String text) {
        if (text == null) {
            throw new IllegalArgumentException("escapeLike(null): give the text to escape");
        }
        return Operands.escapeLike(text);
    }

    private static <T> Func withValues(Builtin name, String call, Field<T> first, T value, T[] more) {
        List<Expr> args = new ArrayList<>(more.length + 2);
        args.add(first.unaliased());
        List<T> values = new ArrayList<>(more.length + 1);
        values.add(value);
        values.addAll(Arrays.asList(more));
        for (int i = 0; i < values.size(); i++) {
            T v = values.get(i);
            if (v == null) {
                throw new IllegalArgumentException(call + "(" + first + ", ...): value " + i + " is null; "
                        + call + " ignores NULLs, so leave it out");
            }
            args.add(NulText.bind(() -> call + "(" + first + ", ...)", v, first.type()));
        }
        return Func.of(name, args);
    }
}
