package dev.belay.executor;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Values PostgreSQL would store as something else, refused before they are sent (DESIGN §4, "no silent
 * conversion"). Each check throws {@link Refused} saying what is wrong and what to do; the value itself is
 * not quoted, since it may be a secret.
 *
 * <ul>
 *   <li>text: NUL (0x00) is rejected by the server; an unpaired UTF-16 surrogate would be encoded as '?'.</li>
 *   <li>numeric: at most 131,072 digits before the decimal point and 16,383 after.</li>
 *   <li>date: 4714-11-24 BC to 5874897-12-31; timestamp(tz): 4714-11-24 BC to 294276-12-31 (the MIN/MAX
 *       constants stand for -infinity/infinity).</li>
 *   <li>interval: an exact {@link Duration} below the microsecond would be rounded. Timestamps and times
 *       are not refused for that: {@code Instant.now()} carries nanoseconds on common JVMs, and PostgreSQL
 *       rounding them to the microsecond is the documented, expected storage of a timestamp.</li>
 * </ul>
 */
final class ValueRules {
    private ValueRules() {}

    private static final int NUMERIC_MAX_INTEGER_DIGITS = 131_072;
    private static final int NUMERIC_MAX_SCALE = 16_383;
    /** 4714-11-24 BC (Julian day 0) in the proleptic ISO calendar Java uses, where 1 BC is year 0. */
    private static final LocalDate MIN_DATE = LocalDate.of(-4713, 11, 24);
    private static final LocalDate MAX_DATE = LocalDate.of(5_874_897, 12, 31);
    private static final LocalDateTime MIN_TIMESTAMP = MIN_DATE.atStartOfDay();
    private static final LocalDateTime MAX_TIMESTAMP = LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000);
    private static final Instant MIN_INSTANT = MIN_TIMESTAMP.toInstant(ZoneOffset.UTC);
    private static final Instant MAX_INSTANT = MAX_TIMESTAMP.toInstant(ZoneOffset.UTC);

    static String text(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                throw new Refused("the text contains a NUL character (0x00) at index " + i + "; PostgreSQL cannot "
                        + "store NUL in text or json. Strip it, or store the data as bytea");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new Refused("the text has an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(c)
                            + ") at index " + i + "; it has no UTF-8 form and would be stored as '?'. Fix the "
                            + "string where it was cut (a surrogate pair split in two)");
                }
            }
        }
        return s;
    }

    static BigDecimal numeric(BigDecimal d) {
        if (d.scale() > NUMERIC_MAX_SCALE) {
            throw new Refused("the numeric " + shape(d) + " has " + d.scale() + " digits after the decimal point; "
                    + "PostgreSQL keeps at most " + NUMERIC_MAX_SCALE + " (round it with setScale)");
        }
        if (d.signum() != 0 && d.precision() - d.scale() > NUMERIC_MAX_INTEGER_DIGITS) {
            throw new Refused("the numeric " + shape(d) + " has " + (d.precision() - d.scale()) + " digits before "
                    + "the decimal point; PostgreSQL's numeric holds at most " + NUMERIC_MAX_INTEGER_DIGITS);
        }
        return d;
    }

    /** Describes a number by its size, never its digits. */
    private static String shape(BigDecimal d) {
        return "of precision " + d.precision() + " and scale " + d.scale();
    }

    static LocalDate date(LocalDate d) {
        if (!d.equals(LocalDate.MIN) && !d.equals(LocalDate.MAX) && (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE))) {
            throw new Refused("the date is outside PostgreSQL's range 4714-11-24 BC to 5874897-12-31 "
                    + "(LocalDate.MIN and MAX stand for -infinity and infinity)");
        }
        return d;
    }

    static LocalDateTime timestamp(LocalDateTime t) {
        if (t.equals(LocalDateTime.MIN) || t.equals(LocalDateTime.MAX)) {
            return t;
        }
        if (t.isBefore(MIN_TIMESTAMP) || t.isAfter(MAX_TIMESTAMP)) {
            throw new Refused("the timestamp is outside PostgreSQL's range 4714-11-24 BC to 294276-12-31 "
                    + "(LocalDateTime.MIN and MAX stand for -infinity and infinity)");
        }
        return t;
    }

    static OffsetDateTime timestamptz(OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MIN) || t.equals(OffsetDateTime.MAX)) {
            return t;
        }
        instant(t.toInstant());
        return t;
    }

    static Instant instant(Instant t) {
        if (t.equals(Instant.MIN) || t.equals(Instant.MAX)) {
            return t;
        }
        if (t.isBefore(MIN_INSTANT) || t.isAfter(MAX_INSTANT)) {
            throw new Refused("the instant is outside PostgreSQL's timestamptz range 4714-11-24 BC to "
                    + "294276-12-31 UTC (Instant.MIN and MAX stand for -infinity and infinity)");
        }
        return t;
    }

    static Duration interval(Duration d) {
        if (d.getNano() % 1000 != 0) {
            throw new Refused("the duration has " + d.getNano() % 1000 + " nanoseconds below the microsecond; "
                    + "PostgreSQL's interval keeps microseconds and would round it. Truncate it first: "
                    + "duration.truncatedTo(ChronoUnit.MICROS)");
        }
        return d;
    }
}
