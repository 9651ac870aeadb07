package dev.belay.dsl;

/**
 * A unit of a date or time, for {@link Sql#dateTrunc} and {@link Sql#extract}:
 * {@code dateTrunc(DatePart.MONTH, ORDER.CREATED_AT)} renders {@code date_trunc('month', "orders"."created_at")}.
 * The part is written into the SQL as a literal, never bound, so the same expression in SELECT, GROUP BY and
 * ORDER BY is one expression to PostgreSQL. The constants run from the smallest unit to the largest.
 */
public enum DatePart {
    MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY, MILLENNIUM;

    /** A date has no time of day: PostgreSQL refuses to extract a part below a day from one. */
    boolean ofDate() {
        return compareTo(DAY) >= 0;
    }

    /** A time of day has no calendar: PostgreSQL refuses to extract a part above an hour from one. */
    boolean ofTime() {
        return compareTo(HOUR) <= 0;
    }
}
