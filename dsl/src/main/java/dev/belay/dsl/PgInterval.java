package dev.belay.dsl;

import dev.belay.dsl.internal.IntervalText;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.time.temporal.TemporalUnit;
import java.time.temporal.UnsupportedTemporalTypeException;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A PostgreSQL {@code interval} as PostgreSQL stores it: months, days and microseconds, three fields that do not
 * convert into each other (a month is 28 to 31 days, a day 23 to 25 hours across a DST change), each with its own
 * sign. It carries every interval, unlike {@link Duration}, which cannot hold months; columns of type
 * {@link PgType#INTERVAL_FULL} read and bind it.
 *
 * <pre>{@code
 * PgInterval.ofMonths(14).plus(PgInterval.ofDays(3))   // P1Y2M3D, SQL '1 year 2 mons 3 days'
 * PgInterval.parse("-1 days +02:03:04")              // what PostgreSQL prints, in any IntervalStyle
 * column("billing_period", PgType.INTERVAL_FULL)     // Column<Plan, PgInterval>, SQL type interval
 * }</pre>
 *
 * <p><b>Equality is structural</b>, field by field: {@code ofMonths(1).equals(ofDays(30))} is false. PostgreSQL
 * compares intervals by a length that counts a month as 30 days and a day as 24 hours, so in SQL
 * {@code interval '1 month' = interval '30 days'} is true; compare in SQL, or normalise both sides there with
 * {@code justify_interval(..)}, when that is the equality you mean.
 *
 * <p>Every value of the three fields is an interval PostgreSQL 15 stores. Immutable and thread-safe.
 */
public final class PgInterval implements TemporalAmount {
    /** The zero interval, {@code PT0S}. */
    public static final PgInterval ZERO = new PgInterval(0, 0, 0);

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final int months;
    private final int days;
    private final long micros;

    private PgInterval(int months, int days, long micros) {
        this.months = months;
        this.days = days;
        this.micros = micros;
    }

    /**
     * The interval of these three fields, as PostgreSQL stores them: {@code of(14, -3, 1_500_000)} is
     * {@code P1Y2M-3DT1.5S}, SQL {@code '1 year 2 mons -3 days +00:00:01.5'}.
     */
    public static PgInterval of(int months, int days, long micros) {
        return months == 0 && days == 0 && micros == 0 ? ZERO : new PgInterval(months, days, micros);
    }

    /**
     * {@code ofYears(2)} is {@code P2Y}, 24 months.
     *
     * @throws IllegalArgumentException when the months do not fit an {@code int} (past 178,956,970 years)
     */
    public static PgInterval ofYears(int years) {
        return of((int) exact(() -> Math.toIntExact(years * 12L), years + " years"), 0, 0);
    }

    /** {@code ofMonths(14)} is {@code P1Y2M}, SQL {@code '1 year 2 mons'}. */
    public static PgInterval ofMonths(int months) {
        return of(months, 0, 0);
    }

    /** {@code ofDays(3)} is {@code P3D}: calendar days, which PostgreSQL adds to a timestamp by the calendar. */
    public static PgInterval ofDays(int days) {
        return of(0, days, 0);
    }

    /** {@code ofHours(30)} is {@code PT30H} (not one day and 6 hours: hours are time). */
    public static PgInterval ofHours(long hours) {
        return ofMicros(exact(() -> Math.multiplyExact(hours, 3_600 * MICROS_PER_SECOND), hours + " hours"));
    }

    /** {@code ofMinutes(90)} is {@code PT1H30M}. */
    public static PgInterval ofMinutes(long minutes) {
        return ofMicros(exact(() -> Math.multiplyExact(minutes, 60 * MICROS_PER_SECOND), minutes + " minutes"));
    }

    /** {@code ofSeconds(-5)} is {@code PT-5S}. */
    public static PgInterval ofSeconds(long seconds) {
        return ofMicros(exact(() -> Math.multiplyExact(seconds, MICROS_PER_SECOND), seconds + " seconds"));
    }

    /** {@code ofMicros(1)} is {@code PT0.000001S}, the smallest step of an interval. */
    public static PgInterval ofMicros(long micros) {
        return of(0, 0, micros);
    }

    /**
     * The months and days of {@code period} and the exact time of {@code duration}:
     * {@code of(Period.of(1, 2, 3), Duration.ofHours(4))} is {@code P1Y2M3DT4H}.
     *
     * @throws IllegalArgumentException when the duration has a part below the microsecond, or a field
     *                                  exceeds PostgreSQL's range
     */
    public static PgInterval of(Period period, Duration duration) {
        Objects.requireNonNull(period, "period");
        int months = (int) exact(() -> Math.toIntExact(period.toTotalMonths()), period.toString());
        return of(months, period.getDays(), micros(duration));
    }

    /**
     * An exact length of time, all of it in the time field (never days, which PostgreSQL applies by calendar):
     * {@code of(Duration.ofDays(1))} is {@code PT24H}.
     *
     * @throws IllegalArgumentException when the duration has a part below the microsecond or is longer than
     *                                  about 292,000 years
     */
    public static PgInterval of(Duration duration) {
        return ofMicros(micros(duration));
    }

    /**
     * Reads PostgreSQL's text of an interval in every {@code IntervalStyle}: {@code postgres}
     * ({@code 1 year 2 mons -3 days +04:05:06.5}), {@code postgres_verbose} ({@code @ 1 year 2 mons ago}),
     * {@code sql_standard} ({@code +1-2 -3 +4:05:06.5}, {@code -1 2:03:04}) and {@code iso_8601}
     * ({@code P1Y2M-3DT4H5M6.5S}), and hand-written input such as {@code 90 min} or {@code 1 week ago}.
     * Text without unit words is read as sql_standard writes it: a leading minus applies to every field unless
     * another field has a sign ({@code -1 2:03:04} is minus 1 day 2:03:04).
     *
     * @throws IllegalArgumentException naming the text when it is no interval, is out of PostgreSQL's range, has
     *                                  a fraction below the microsecond or a fraction of a day, month or year
     */
    public static PgInterval parse(String text) {
        return IntervalText.parse(text);
    }

    /** The months (a year is 12), PostgreSQL's month field. */
    public int months() {
        return months;
    }

    /** The days, PostgreSQL's day field. */
    public int days() {
        return days;
    }

    /** The time in microseconds, PostgreSQL's time field. */
    public long micros() {
        return micros;
    }

    /**
     * Field-wise sum, as PostgreSQL's {@code interval + interval}: {@code ofMonths(1).plus(ofDays(2))} is
     * {@code P1M2D}.
     *
     * @throws ArithmeticException when a field overflows
     */
    public PgInterval plus(PgInterval other) {
        Objects.requireNonNull(other, "other");
        try {
            return of(Math.addExact(months, other.months), Math.addExact(days, other.days),
                    Math.addExact(micros, other.micros));
        } catch (ArithmeticException e) {
            throw new ArithmeticException(this + " plus " + other + " overflows an interval field");
        }
    }

    /**
     * Every field negated, as PostgreSQL's unary minus: {@code P1M-2D} becomes {@code P-1M2D}.
     *
     * @throws ArithmeticException when a field is at its minimum, whose negation does not fit
     */
    public PgInterval negated() {
        try {
            return of(Math.negateExact(months), Math.negateExact(days), Math.negateExact(micros));
        } catch (ArithmeticException e) {
            throw new ArithmeticException(this + " cannot be negated: a field is at its minimum");
        }
    }

    /**
     * The years, months and days, when there is no time: {@code parse("P1Y2M3D").toPeriod()} is {@code P1Y2M3D}.
     *
     * @throws DateTimeException when the interval has a time part, which a Period cannot hold
     */
    public Period toPeriod() {
        if (micros != 0) {
            throw new DateTimeException("the interval " + this + " has a time part, which a Period cannot hold; "
                    + "use toDuration() for time, or keep the PgInterval");
        }
        return Period.of(months / 12, months % 12, days);
    }

    /**
     * The exact length, when there are no months: days count 24 hours, as when an interval column is read as a
     * Duration. {@code parse("1 day 02:00:00").toDuration()} is {@code PT26H}.
     *
     * @throws DateTimeException when the interval has months or years, which have no fixed length
     */
    public Duration toDuration() {
        if (months != 0) {
            throw new DateTimeException("the interval " + this + " has months or years, which have no fixed length, "
                    + "so it cannot be a Duration; use toPeriod() for a calendar length, or keep the PgInterval");
        }
        return Duration.ofDays(days).plusSeconds(micros / MICROS_PER_SECOND)
                .plusNanos(micros % MICROS_PER_SECOND * 1_000);
    }

    /** Structural: the same months, days and microseconds (so {@code ofMonths(1)} is not {@code ofDays(30)}). */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PgInterval other && months == other.months && days == other.days && micros == other.micros;
    }

    @Override
    public int hashCode() {
        return (months * 31 + days) * 31 + Long.hashCode(micros);
    }

    /**
     * PostgreSQL's {@code iso_8601} text, exactly as PostgreSQL prints the same value with
     * {@code SET intervalstyle = iso_8601}: {@code P1Y2M3DT4H5M6.5S}, {@code P-1M1DT-0.000001S}, {@code PT0S}.
     * {@link #parse} reads it back, and so does PostgreSQL in any IntervalStyle.
     */
    @Override
    public String toString() {
        return IntervalText.iso(months, days, micros);
    }

    private static long micros(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException("the duration " + duration + " has a part below the microsecond, "
                    + "which an interval cannot hold; truncate it first: duration.truncatedTo(ChronoUnit.MICROS)");
        }
        // a negative Duration is negative seconds plus positive nanos; summed from second + 1 (as
        // Duration.toNanos does) so that the most negative interval does not overflow on the way
        long seconds = duration.getSeconds();
        long micros = duration.getNano() / 1_000;
        long whole = seconds < 0 && micros > 0 ? seconds + 1 : seconds;
        long part = seconds < 0 && micros > 0 ? micros - MICROS_PER_SECOND : micros;
        return exact(() -> Math.addExact(Math.multiplyExact(whole, MICROS_PER_SECOND), part), duration.toString());
    }

    /** The value, or an IllegalArgumentException saying what left PostgreSQL's range. */
    private static long exact(LongSupplier value, String what) {
        try {
            return value.getAsLong();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " is out of PostgreSQL's interval range (months and days are "
                    + "int4, the time int8 microseconds)", e);
        }
    }

    // ---- TemporalAmount: so a PgInterval goes where java.time and Belay take any amount of time ----------------

    /** {@code MONTHS}, {@code DAYS} and {@code MICROS}: the three parts PostgreSQL keeps apart. */
    @Override
    public List<TemporalUnit> getUnits() {
        return List.of(ChronoUnit.MONTHS, ChronoUnit.DAYS, ChronoUnit.MICROS);
    }

    /** The months, days or microseconds part. */
    @Override
    public long get(TemporalUnit unit) {
        if (unit == ChronoUnit.MONTHS) {
            return months;
        }
        if (unit == ChronoUnit.DAYS) {
            return days;
        }
        if (unit == ChronoUnit.MICROS) {
            return micros;
        }
        throw new UnsupportedTemporalTypeException("a PgInterval has months, days and micros, not " + unit);
    }

    /**
     * Adds months, then days, then the time, as PostgreSQL does: {@code LocalDate.of(2024, 1, 31).plus(ofMonths(1))}
     * is February 29. An {@code Instant} has no months or days; add to a zoned or local date-time instead.
     */
    @Override
    public Temporal addTo(Temporal temporal) {
        Temporal t = months == 0 ? temporal : temporal.plus(months, ChronoUnit.MONTHS);
        t = days == 0 ? t : t.plus(days, ChronoUnit.DAYS);
        return micros == 0 ? t : t.plus(micros, ChronoUnit.MICROS);
    }

    /** Subtracts months, then days, then the time, as PostgreSQL's {@code timestamp - interval} does. */
    @Override
    public Temporal subtractFrom(Temporal temporal) {
        Temporal t = months == 0 ? temporal : temporal.minus(months, ChronoUnit.MONTHS);
        t = days == 0 ? t : t.minus(days, ChronoUnit.DAYS);
        return micros == 0 ? t : t.minus(micros, ChronoUnit.MICROS);
    }
}
