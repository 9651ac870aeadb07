package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Operator;
import java.time.Duration;
import java.time.temporal.TemporalAmount;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The checks behind the date and time API. PostgreSQL's result types decide what is allowed: a typed method
 * returns its operand's type, so an operand whose result would be of another type is refused with the way to
 * the right one (date + interval is a timestamp, date_trunc of a date a timestamptz).
 */
final class Temporals {
    private Temporals() {}

    static final Set<String> TIMESTAMPS = Set.of("timestamp", "timestamptz");
    static final Set<String> DATED = Set.of("date", "timestamp", "timestamptz");
    static final Set<String> CLOCKED = Set.of("time", "timestamp", "timestamptz");
    private static final Set<String> SHIFTABLE = Set.of("timestamp", "timestamptz", "time", "interval");

    static boolean isDate(Field<?> field) {
        return field.type().sqlName().equals("date");
    }

    /**
     * A {@code Duration} bound as an interval and cast to it in the SQL: an untyped parameter after
     * {@code timestamp -} would be read as a timestamp, making the difference of two timestamps.
     */
    static Expr interval(Field<?> on, String op, @Nullable Duration interval) {
        if (interval == null) {
            throw new IllegalArgumentException(op + "(null) on " + on + ": an interval is required; NULL would "
                    + "make the result NULL");
        }
        return new Expr.Cast(new Expr.Bind(interval, PgType.INTERVAL), PgType.INTERVAL);
    }

    /** A {@link PgInterval}, with months, bound and cast as an interval; see {@link #interval(Field, String, Duration)}. */
    static Expr interval(Field<?> on, String op, @Nullable PgInterval interval) {
        if (interval == null) {
            throw new IllegalArgumentException(op + "(null) on " + on + ": an interval is required; NULL would "
                    + "make the result NULL");
        }
        return new Expr.Cast(new Expr.Bind(interval, PgType.INTERVAL_FULL), PgType.INTERVAL_FULL);
    }

    /** An interval-typed field, read as a {@code Duration} or as a {@link PgInterval}. */
    static Expr interval(Field<?> on, String op, @Nullable Field<? extends TemporalAmount> interval) {
        if (interval == null || !interval.type().sqlName().equals("interval")) {
            throw new IllegalArgumentException(op + "(" + interval + ") on " + on + ": the argument must be an "
                    + "interval, not " + (interval == null ? "null" : interval.type().sqlName()));
        }
        return interval.unaliased();
    }

    /** {@code field op interval}, of the field's own type. */
    static <T> Field<T> shift(Field<T> field, Operator op, String name, Expr interval) {
        if (isDate(field)) {
            throw new IllegalArgumentException(name + "(...) on date " + field + ": date + interval is a timestamp in "
                    + "PostgreSQL, not a date; use dateAdd/dateSubtract(date, interval), which give the timestamp, or "
                    + "datePlusDays(date, n) for a date");
        }
        require(field, name, SHIFTABLE);
        return new Expression<>(new Expr.Binary(field.unaliased(), op, interval), field.type());
    }

    /** A function of timestamps that PostgreSQL gives another result type for a date; the advice says which. */
    static void requireNotDate(Field<?> field, String name, String advice, Set<String> types) {
        if (isDate(field)) {
            throw new IllegalArgumentException(name + "(...) of date " + field + ": " + advice);
        }
        require(field, name, types);
    }

    /** EXTRACT refuses parts a date or a time does not have. */
    static void requirePart(Field<?> field, DatePart part) {
        String type = field.type().sqlName();
        boolean ok = switch (type) {
            case "date" -> part.ofDate();
            case "time" -> part.ofTime();
            case "timestamp", "timestamptz" -> true;
            default -> throw new IllegalArgumentException("extract(" + part + ", " + field + "): " + field
                    + " has type " + type + "; extract applies to date, time, timestamp and timestamptz");
        };
        if (!ok) {
            throw new IllegalArgumentException("extract(" + part + ", " + field + "): a " + type + " has no "
                    + part.name().toLowerCase(java.util.Locale.ROOT) + " part; PostgreSQL would refuse it");
        }
    }

    static void require(Field<?> field, String name, Set<String> types) {
        if (!types.contains(field.type().sqlName())) {
            throw new IllegalArgumentException(name + "(...) applies to " + String.join(", ", types.stream().sorted()
                    .toList()) + " values, but " + field + " has type " + field.type().sqlName());
        }
    }
}
