package dev.belay.dsl.internal;

import dev.belay.dsl.PgInterval;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's interval text, both ways: the iso_8601 form {@link PgInterval#toString()} writes, and every form
 * PostgreSQL writes, whatever the session's {@code IntervalStyle}, for {@link PgInterval#parse}:
 *
 * <pre>
 * postgres          1 year 2 mons -3 days +04:05:06.5
 * postgres_verbose  @ 1 year 2 mons -3 days 4 hours 5 mins 6.5 secs ago
 * sql_standard      +1-2 -3 +4:05:06.5     -1 2:03:04     1-2
 * iso_8601          P1Y2M-3DT4H5M6.5S
 * </pre>
 *
 * Every field is added with its own sign applied, so the extremes PostgreSQL itself cannot read back in its
 * other styles ({@code -2562047788:00:54.775808}) are read. Fractions of years, months, weeks and days are
 * refused (PostgreSQL spreads them by 30-day months and 24-hour days, which is no part of the value it prints),
 * and so are fractions below the microsecond, which PostgreSQL would round.
 */
public final class IntervalText {
    private IntervalText() {}

    private static final String OUT_OF_RANGE =
            "it is out of PostgreSQL's range (months and days are int4, the time int8 microseconds)";
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    private enum Field { MONTHS, DAYS, MICROS }

    private record Unit(Field field, long factor) {}

    private static final Unit YEARS = new Unit(Field.MONTHS, 12);
    private static final Unit MONTHS = new Unit(Field.MONTHS, 1);
    private static final Unit WEEKS = new Unit(Field.DAYS, 7);
    private static final Unit DAYS = new Unit(Field.DAYS, 1);
    private static final Unit HOURS = new Unit(Field.MICROS, MICROS_PER_HOUR);
    private static final Unit MINUTES = new Unit(Field.MICROS, MICROS_PER_MINUTE);
    private static final Unit SECONDS = new Unit(Field.MICROS, MICROS_PER_SECOND);

    /** The unit words and abbreviations PostgreSQL's interval input takes, lower case. */
    private static final Map<String, Unit> UNITS = units();

    private static Map<String, Unit> units() {
        Map<String, Unit> units = new HashMap<>();
        words(units, new Unit(Field.MONTHS, 12_000), "millennium", "millennia", "millenniums");
        words(units, new Unit(Field.MONTHS, 1_200), "century", "centuries");
        words(units, new Unit(Field.MONTHS, 120), "decade", "decades");
        words(units, YEARS, "year", "years", "yr", "yrs", "y");
        words(units, MONTHS, "month", "months", "mon", "mons");
        words(units, WEEKS, "week", "weeks", "w");
        words(units, DAYS, "day", "days", "d");
        words(units, HOURS, "hour", "hours", "hr", "hrs", "h");
        words(units, MINUTES, "minute", "minutes", "min", "mins", "m");
        words(units, SECONDS, "second", "seconds", "sec", "secs", "s");
        words(units, new Unit(Field.MICROS, 1_000), "millisecond", "milliseconds", "msec", "msecs", "ms");
        words(units, new Unit(Field.MICROS, 1), "microsecond", "microseconds", "usec", "usecs", "us");
        return Map.copyOf(units);
    }

    private static void words(Map<String, Unit> units, Unit unit, String... words) {
        for (String word : words) {
            units.put(word, unit);
        }
    }

    // ---- writing --------------------------------------------------------------------------------------------

    /**
     * PostgreSQL's iso_8601 output, character for character: years and months split from the months, hours,
     * minutes and seconds from the microseconds (both truncating toward zero, as PostgreSQL does), zero fields
     * left out, the fraction without trailing zeros, {@code PT0S} for zero.
     */
    public static String iso(int months, int days, long micros) {
        if (months == 0 && days == 0 && micros == 0) {
            return "PT0S";
        }
        StringBuilder b = new StringBuilder(40).append('P');
        part(b, months / 12, 'Y');
        part(b, months % 12, 'M');
        part(b, days, 'D');
        if (micros != 0) {
            b.append('T');
        }
        part(b, micros / MICROS_PER_HOUR, 'H');
        part(b, micros % MICROS_PER_HOUR / MICROS_PER_MINUTE, 'M');
        long second = micros % MICROS_PER_MINUTE / MICROS_PER_SECOND;
        long fraction = micros % MICROS_PER_SECOND;
        if (second != 0 || fraction != 0) {
            b.append(second < 0 || fraction < 0 ? "-" : "").append(Math.abs(second));
            if (fraction != 0) {
                String digits = Long.toString(1_000_000 + Math.abs(fraction)).substring(1);
                int end = digits.length();
                while (digits.charAt(end - 1) == '0') {
                    end--;
                }
                b.append('.').append(digits, 0, end);
            }
            b.append('S');
        }
        return b.toString();
    }

    private static void part(StringBuilder b, long value, char designator) {
        if (value != 0) {
            b.append(value).append(designator);
        }
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** @throws IllegalArgumentException naming the text when it is no interval or out of PostgreSQL's range */
    public static PgInterval parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        if (s.isEmpty()) {
            throw bad(text, "it is empty");
        }
        Sum sum = new Sum(text);
        try {
            if (s.charAt(0) == 'P') {
                iso(s, sum);
            } else {
                words(s, sum);
            }
        } catch (ArithmeticException e) {
            throw bad(text, OUT_OF_RANGE);
        }
        return sum.result();
    }

    /** The three fields, each added with its sign applied, so no total is negated after an overflow-free sum. */
    private static final class Sum {
        final String text;
        long months;
        long days;
        long micros;
        boolean any;

        Sum(String text) {
            this.text = text;
        }

        void add(Unit unit, Num n, boolean negative) {
            any = true;
            if (unit.field != Field.MICROS) {
                if (n.fractionDigits != null && n.fractionDigits.chars().anyMatch(c -> c != '0')) {
                    String of = unit.field == Field.MONTHS ? "a month or year" : "a day or week";
                    throw bad(text, "a fraction of " + of + " has no exact value (PostgreSQL spreads it by 30-day "
                            + "months and 24-hour days); write it in smaller whole units");
                }
                long value = Math.multiplyExact(n.whole, unit.factor);
                long signed = negative ? -value : value;
                if (unit.field == Field.MONTHS) {
                    months = Math.addExact(months, signed);
                } else {
                    days = Math.addExact(days, signed);
                }
                return;
            }
            long value = Math.addExact(Math.multiplyExact(n.whole, unit.factor), fraction(n, unit.factor));
            micros = Math.addExact(micros, negative ? -value : value);
        }

        /** The fraction of a time unit in microseconds, which must be whole: nothing is rounded. */
        long fraction(Num n, long factor) {
            if (n.fractionDigits == null || n.fractionDigits.isEmpty()) {
                return 0;
            }
            BigDecimal micros = new BigDecimal("0." + n.fractionDigits).multiply(BigDecimal.valueOf(factor));
            if (micros.stripTrailingZeros().scale() > 0) {
                throw bad(text, "it has a part below the microsecond, which PostgreSQL would round; "
                        + "intervals keep whole microseconds");
            }
            return micros.longValueExact();
        }

        PgInterval result() {
            if (!any) {
                throw bad(text, "it has no fields");
            }
            if (months != (int) months || days != (int) days) {
                throw bad(text, OUT_OF_RANGE);
            }
            return PgInterval.of((int) months, (int) days, micros);
        }
    }

    /** A number as written: its sign, whole part and the digits after the point (null: no point). */
    private record Num(boolean negative, boolean signed, long whole, @Nullable String fractionDigits) {}

    /** A number filling {@code s[from, to)}: an optional sign, digits, optionally a point and digits. */
    private static @Nullable Num number(String s, int from, int to, String text) {
        int i = from;
        boolean negative = false;
        boolean signed = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            signed = true;
            i++;
        }
        int digits = i;
        while (i < to && isDigit(s.charAt(i))) {
            i++;
        }
        int wholeEnd = i;
        String fraction = null;
        if (i < to && s.charAt(i) == '.') {
            int start = ++i;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
            }
            fraction = s.substring(start, i);
        }
        if (i != to || wholeEnd == digits && (fraction == null || fraction.isEmpty())) {
            return null;
        }
        return new Num(negative, signed, whole(s, digits, wholeEnd, text), fraction);
    }

    private static long whole(String s, int from, int to, String text) {
        if (from == to) {
            return 0;
        }
        try {
            return Long.parseLong(s, from, to, 10);
        } catch (NumberFormatException e) {
            throw bad(text, "the number " + s.substring(from, to) + " is out of range");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** ISO 8601 with designators: {@code P1Y2M3W4DT5H6M7.5S}, each number optionally negative. */
    private static void iso(String s, Sum sum) {
        boolean time = false;
        int i = 1;
        while (i < s.length()) {
            if (s.charAt(i) == 'T' && !time) {
                time = true;
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && (isDigit(s.charAt(i)) || "+-.".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            Num n = i < s.length() ? number(s, start, i, sum.text) : null;
            if (n == null) {
                throw bad(sum.text, "ISO 8601 needs a number and a designator (Y, M, W, D, then T and H, M, S) at "
                        + "\"" + s.substring(start) + "\"; the alternative format (P0001-02-03T04:05:06) is not read");
            }
            Unit unit = switch (s.charAt(i)) {
                case 'Y' -> time ? null : YEARS;
                case 'M' -> time ? MINUTES : MONTHS;
                case 'W' -> time ? null : WEEKS;
                case 'D' -> time ? null : DAYS;
                case 'H' -> time ? HOURS : null;
                case 'S' -> time ? SECONDS : null;
                default -> null;
            };
            if (unit == null) {
                throw bad(sum.text, "'" + s.charAt(i) + "' is no designator " + (time ? "after" : "before") + " T");
            }
            sum.add(unit, n, n.negative);
            i++;
        }
    }

    /**
     * The postgres, postgres_verbose and sql_standard forms (and hand-written input such as {@code 1 day 2 hours},
     * {@code 90 min}, {@code 1 week ago}). Text without unit words is read as sql_standard writes it: a leading
     * minus applies to every field when no other field has a sign of its own ({@code -1 2:03:04} is minus one
     * day, two hours, three minutes and four seconds), as PostgreSQL reads it when its IntervalStyle is
     * sql_standard. With unit words each field carries its own sign, as the other styles write them.
     */
    private static void words(String s, Sum sum) {
        String[] tokens = s.split("\\s+");
        int from = 0;
        int to = tokens.length;
        if (tokens[0].startsWith("@")) {
            tokens[0] = tokens[0].substring(1);
            if (tokens[0].isEmpty()) {
                from++;
            }
        }
        boolean ago = to - from > 1 && tokens[to - 1].equalsIgnoreCase("ago");
        if (ago) {
            to--;
        }
        if (from == to) {
            throw bad(sum.text, "it has no fields");
        }
        boolean allNegative = !hasLetters(tokens, from, to) && tokens[from].startsWith("-")
                && !hasSign(tokens, from + 1, to);
        for (int i = from; i < to; i++) {
            String t = tokens[i];
            if (t.indexOf(':') >= 0) {
                time(t, sum, allNegative, ago);
                continue;
            }
            int letters = firstLetter(t);
            if (letters > 0) {                                      // 1day, -1.5h
                addNumber(t.substring(0, letters), unit(t.substring(letters), sum.text), sum, allNegative, ago);
                continue;
            }
            if (letters == 0) {
                throw bad(sum.text, "the unit '" + t + "' has no number before it");
            }
            int dash = t.indexOf('-', 1);
            if (dash > 0) {                                         // sql_standard year-month: -1-2
                yearMonth(t, dash, sum, allNegative, ago);
                continue;
            }
            if (i + 1 < to && firstLetter(tokens[i + 1]) == 0) {   // 3 days
                addNumber(t, unit(tokens[++i], sum.text), sum, allNegative, ago);
            } else if (i + 1 < to && tokens[i + 1].indexOf(':') >= 0) { // sql_standard: 3 4:05:06
                addNumber(t, DAYS, sum, allNegative, ago);
            } else if (i + 1 == to) {                               // a lone number is seconds, as in PostgreSQL
                addNumber(t, SECONDS, sum, allNegative, ago);
            } else {
                throw bad(sum.text, "the number " + t + " has no unit");
            }
        }
    }

    private static boolean hasLetters(String[] tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (firstLetter(tokens[i]) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSign(String[] tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens[i].startsWith("-") || tokens[i].startsWith("+")) {
                return true;
            }
        }
        return false;
    }

    private static int firstLetter(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLetter(t.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Unit unit(String word, String text) {
        Unit unit = UNITS.get(word.toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw bad(text, "'" + word + "' is no interval unit");
        }
        return unit;
    }

    private static boolean negative(Num n, boolean allNegative, boolean ago) {
        return (n.negative || allNegative) != ago;
    }

    private static void addNumber(String token, Unit unit, Sum sum, boolean allNegative, boolean ago) {
        Num n = number(token, 0, token.length(), sum.text);
        if (n == null) {
            throw bad(sum.text, "'" + token + "' is no number");
        }
        sum.add(unit, n, negative(n, allNegative, ago));
    }

    /** {@code [+-]Y-M}: the sign is the year's and the month's. */
    private static void yearMonth(String t, int dash, Sum sum, boolean allNegative, boolean ago) {
        Num years = number(t, 0, dash, sum.text);
        Num months = number(t, dash + 1, t.length(), sum.text);
        if (years == null || months == null || months.signed || years.fractionDigits != null
                || months.fractionDigits != null) {
            throw bad(sum.text, "'" + t + "' is no year-month field (Y-M)");
        }
        if (months.whole > 11) {
            throw bad(sum.text, "the month of '" + t + "' is out of range 0 to 11");
        }
        boolean negative = negative(years, allNegative, ago);
        sum.add(YEARS, years, negative);
        sum.add(MONTHS, months, negative);
    }

    /** {@code [+-]H:MM}, {@code [+-]H:MM:SS[.f]} or {@code [+-]M:SS.f}: the sign is every part's. */
    private static void time(String t, Sum sum, boolean allNegative, boolean ago) {
        String[] parts = t.split(":", -1);
        boolean minutesSeconds = parts.length == 2 && parts[1].indexOf('.') >= 0;
        if (parts.length > 3 || parts[0].isEmpty()) {
            throw bad(sum.text, "'" + t + "' is no time field (H:MM:SS)");
        }
        Num first = number(parts[0], 0, parts[0].length(), sum.text);
        Num second = unsigned(parts[1], sum.text, t);
        Num third = parts.length == 3 ? unsigned(parts[2], sum.text, t) : null;
        if (first == null || first.fractionDigits != null || second == null
                || (third == null) != (parts.length == 2)
                || (minutesSeconds ? first.whole > 59 || second.whole > 60
                        : second.fractionDigits != null || second.whole > 59 || third != null && third.whole > 60)) {
            throw bad(sum.text, "'" + t + "' is no time field (H:MM:SS, minutes 0 to 59, seconds 0 to 60)");
        }
        boolean negative = negative(first, allNegative, ago);
        sum.add(minutesSeconds ? MINUTES : HOURS, first, negative);
        sum.add(minutesSeconds ? SECONDS : MINUTES, second, negative);
        if (third != null) {
            sum.add(SECONDS, third, negative);
        }
    }

    private static @Nullable Num unsigned(String part, String text, String token) {
        Num n = number(part, 0, part.length(), text);
        if (n != null && n.signed) {
            throw bad(text, "'" + token + "' is no time field (H:MM:SS)");
        }
        return n;
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("cannot read the interval '" + text + "': " + why);
    }
}
