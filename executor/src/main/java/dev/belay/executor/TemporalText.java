package dev.belay.executor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Dates and timestamps in PostgreSQL's own input syntax ({@code 4714-11-24 BC}, {@code 12345-06-07},
 * {@code infinity}). pgjdbc writes java.time values with {@code toString()} inside arrays, which PostgreSQL
 * misreads for years before 1 or after 9999, and sends single dates before 4713 BC as {@code -infinity}; these
 * texts are what Belay sends instead, so every date PostgreSQL can hold arrives as itself.
 */
final class TemporalText {
    private TemporalText() {}

    /** Years pgjdbc's own encoding carries correctly as single values. */
    static boolean ordinaryYear(int year) {
        return year >= 1 && year <= 9999;
    }

    static String date(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (d.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        return day(new StringBuilder(16), d).append(era(d.getYear())).toString();
    }

    static String timestamp(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (t.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        StringBuilder b = day(new StringBuilder(35), t.toLocalDate()).append(' ');
        return time(b, t).append(era(t.getYear())).toString();
    }

    static String timestamptz(Instant i) {
        if (i.equals(Instant.MAX)) {
            return "infinity";
        }
        if (i.equals(Instant.MIN)) {
            return "-infinity";
        }
        LocalDateTime utc = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        StringBuilder b = day(new StringBuilder(38), utc.toLocalDate()).append(' ');
        return time(b, utc).append("+00").append(era(utc.getYear())).toString();
    }

    static String timestamptz(OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MAX)) {
            return "infinity";
        }
        return t.equals(OffsetDateTime.MIN) ? "-infinity" : timestamptz(t.toInstant());
    }

    /** ISO year-month-day; the proleptic year 0 is 1 BC, -1 is 2 BC and so on. */
    private static StringBuilder day(StringBuilder b, LocalDate d) {
        int year = d.getYear() > 0 ? d.getYear() : 1 - d.getYear();
        pad(b, year, 4).append('-');
        pad(b, d.getMonthValue(), 2).append('-');
        return pad(b, d.getDayOfMonth(), 2);
    }

    /** Nanoseconds written out in full; PostgreSQL rounds them to microseconds as it does for every timestamp. */
    private static StringBuilder time(StringBuilder b, LocalDateTime t) {
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2).append('.');
        return pad(b, t.getNano(), 9);
    }

    /**
     * {@code value} (not negative) in at least {@code width} digits, as {@code %0<width>d} writes it; by hand
     * because String.format costs microseconds, which a bulk COPY pays for every timestamp.
     */
    private static StringBuilder pad(StringBuilder b, int value, int width) {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            b.append('0');
        }
        return b.append(value);
    }

    private static String era(int year) {
        return year > 0 ? "" : " BC";
    }

    // ---- reading: PostgreSQL's ISO output, for the dates pgjdbc's parser gets wrong (February 29 of BC leap years)

    static LocalDate parseDate(String text) {
        if (text.equals("infinity")) {
            return LocalDate.MAX;
        }
        if (text.equals("-infinity")) {
            return LocalDate.MIN;
        }
        boolean bc = text.endsWith(" BC");
        String[] ymd = (bc ? text.substring(0, text.length() - 3) : text).split("-");
        int year = Integer.parseInt(ymd[0]);
        return LocalDate.of(bc ? 1 - year : year, Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2]));
    }

    static LocalDateTime parseTimestamp(String text) {
        if (text.equals("infinity")) {
            return LocalDateTime.MAX;
        }
        if (text.equals("-infinity")) {
            return LocalDateTime.MIN;
        }
        boolean bc = text.endsWith(" BC");
        String body = bc ? text.substring(0, text.length() - 3) : text;
        int space = body.indexOf(' ');
        LocalDate day = parseDate(body.substring(0, space) + (bc ? " BC" : ""));
        return LocalDateTime.of(day, java.time.LocalTime.parse(body.substring(space + 1)));
    }

    /** {@code 0001-02-29 10:00:00+05:30 BC}: the offset is the session time zone's. */
    static OffsetDateTime parseTimestamptz(String text) {
        if (text.equals("infinity")) {
            return OffsetDateTime.MAX;
        }
        if (text.equals("-infinity")) {
            return OffsetDateTime.MIN;
        }
        boolean bc = text.endsWith(" BC");
        String body = bc ? text.substring(0, text.length() - 3) : text;
        int sign = Math.max(body.lastIndexOf('+'), body.lastIndexOf('-'));
        String[] parts = body.substring(sign + 1).split(":");
        int seconds = Integer.parseInt(parts[0]) * 3600 + (parts.length > 1 ? Integer.parseInt(parts[1]) * 60 : 0)
                + (parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(body.charAt(sign) == '-' ? -seconds : seconds);
        LocalDateTime local = parseTimestamp(body.substring(0, sign) + (bc ? " BC" : ""));
        return OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
