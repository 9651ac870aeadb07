package dev.belay.it.reliability;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeded generators for the reliability suite. Every value generated is one PostgreSQL stores exactly: no
 * NUL, no unpaired surrogate, numerics within numeric's limits, times to the microsecond, dates and
 * timestamps from 4713-01-01 BC to the ends of PostgreSQL's ranges ({@link #insertAtBoundary} is how the
 * refusal tests plant the others). The same seed gives the same values, so a failure printed with its seed can be replayed with
 * {@code -Dbelay.fuzz.seed=N}.
 */
final class Fuzz {
    /** SQL and driver syntax a value must never be taken for: quotes, comments, placeholders, casts, wildcards. */
    static final List<String> SQL_TOKENS = List.of("'", "''", "\"", "\"\"", "\\", "\\'", ";", "--", "/*", "*/", "$$",
            "$tag$", "$1", "?", "??", "?|", "?&", ":name", ":v", ":txt", "::", "::text", "%", "_", "\\%", "\\_", "E'\\x41'",
            "U&'\\0000'", "\\x00", "\\0", "'; DROP TABLE fuzz_values; --", "' OR '1'='1", "\" OR \"\"=\"", "') --",
            "{", "}", "{\"a\",NULL}", "[", "]", "(", ")", ",", "NULL", "null", "\\N", "${x}", "#{x}", "%s", "%%", "`",
            "@", "#", "^", "|", "&&", "<>", "!=", "*", "SELECT", "select 1;", "COMMIT;", "ROLLBACK", "\\.", "\\\\");

    /** Whitespace and control characters other than NUL: C0, DEL, C1, and Unicode spaces and separators. */
    static final int[] CONTROLS = {0x01, 0x02, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B, 0x1F, 0x20, 0x7F,
        0x80, 0x85, 0x9F, 0xA0, 0x1680, 0x2000, 0x200B, 0x200C, 0x200D, 0x2028, 0x2029, 0x202F, 0x3000, 0xFEFF};

    /** Scripts, combining marks, bidirectional text and controls, special code points of the BMP. */
    static final List<String> UNICODE = List.of("é", "e\u0301", "ß", "ẞ", "İ", "ı", "ǅ", "Ω", "Ω", "Å", "Å", "ﬁ",
            "Ж", "中文", "日本語", "한국어", "ไทย", "नमस्ते", "שלום", "مرحبا", "\u200F", "\u200E", "\u202E", "\u202B",
            "\u2066", "\u2069", "\u0610", "Z\u0324\u0354\u0367\u0311\u0313", "\uFFFD", "\uFFFE", "\uFFFF", "\uFDD0",
            "\uE000", "\uF8FF", "№", "€", "½", "²", "∞", "≠", "→");

    /** Code points outside the BMP, written as surrogate pairs in Java: emoji and their sequences, symbols. */
    static final List<String> SUPPLEMENTARY = List.of("😀", "👍🏽", "👨‍👩‍👧", "🇺🇳", "🏳️‍🌈", "𝄞", "𝕏", "𠀋",
            "\uD800\uDC00", "\uDBFF\uDFFF", "\uDB40\uDC41", "🜁", "🀄");

    /** PostgreSQL's first day, 4714-11-24 BC (year -4713 in java.time), and the last of date and of timestamp. */
    static final LocalDate FIRST_DAY = LocalDate.of(-4713, 11, 24);
    static final LocalDate LAST_DATE = LocalDate.of(5_874_897, 12, 31);
    static final LocalDate LAST_TIMESTAMP_DAY = LocalDate.of(294_276, 12, 31);
    /**
     * The first day generated: the days before 4713-01-01 BC, and February 29 of BC leap years, fail today
     * and have their own tests in {@link TemporalRangeTest}.
     */
    static final LocalDate FIRST_GENERATED_DAY = LocalDate.of(-4712, 1, 1);
    private static final long YEAR_1 = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long YEAR_9999 = LocalDate.of(9999, 12, 31).toEpochDay();

    private final SplittableRandom random;

    Fuzz(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The run's seed: {@code -Dbelay.fuzz.seed=N} replays a run, else the class's fixed seed is used. */
    static long seed(long fallback) {
        String given = System.getProperty("belay.fuzz.seed");
        return given == null || given.isBlank() ? fallback : Long.parseLong(given.strip());
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    // ---- text ---------------------------------------------------------------------------------

    /** A string mixing ASCII, SQL syntax, controls and Unicode; about one in thirty is 1 to 6 KB long. */
    String text() {
        int pieces = chance(0.03) ? 200 + random.nextInt(1_400) : random.nextInt(14);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            appendPiece(out);
        }
        return out.toString();
    }

    private void appendPiece(StringBuilder out) {
        switch (random.nextInt(8)) {
            case 0, 1 -> {
                int n = 1 + random.nextInt(8);
                for (int i = 0; i < n; i++) {
                    out.append((char) (0x20 + random.nextInt(0x5F)));
                }
            }
            case 2, 3 -> out.append(pick(SQL_TOKENS));
            case 4 -> out.appendCodePoint(CONTROLS[random.nextInt(CONTROLS.length)]);
            case 5 -> out.append(pick(UNICODE));
            case 6 -> out.append(pick(SUPPLEMENTARY));
            default -> out.appendCodePoint(anyCodePoint());
        }
    }

    /** Any Unicode scalar value but NUL: every code point from U+0001 to U+10FFFF except the surrogates. */
    int anyCodePoint() {
        while (true) {
            int cp = random.nextInt(4) == 0 ? 1 + random.nextInt(0xFFFF) : 1 + random.nextInt(0x10FFFF);
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                return cp;
            }
        }
    }

    /** A part of {@code s} cut at code point boundaries, so it never splits a surrogate pair. */
    String slice(String s) {
        int points = s.codePointCount(0, s.length());
        int from = random.nextInt(points + 1);
        int to = from + random.nextInt(points - from + 1);
        return s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to));
    }

    /** {@code s} with a character inserted at a code point boundary: how the refusal tests plant NUL or a lone surrogate. */
    String insertAtBoundary(String s, String inserted) {
        int points = s.codePointCount(0, s.length());
        int at = s.offsetByCodePoints(0, random.nextInt(points + 1));
        return s.substring(0, at) + inserted + s.substring(at);
    }

    // ---- numbers ------------------------------------------------------------------------------

    int int4() {
        return chance(0.3) ? pick(List.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, Integer.MAX_VALUE - 1,
                Integer.MAX_VALUE)) : random.nextInt();
    }

    long int8() {
        return chance(0.3) ? pick(List.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L, (long) Integer.MAX_VALUE + 1,
                Long.MAX_VALUE - 1, Long.MAX_VALUE)) : random.nextLong();
    }

    /**
     * A numeric of up to 1,000 digits on either side of the point (rarely), or a common size; some with a
     * negative scale (1E+5), which PostgreSQL stores with scale 0. Values at numeric's limits come from
     * {@link #numericLimits}.
     */
    BigDecimal numeric() {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return pick(List.of(BigDecimal.ZERO, new BigDecimal("0.000"), new BigDecimal("-0.0"), BigDecimal.ONE,
                    new BigDecimal("-1"), new BigDecimal("0.5"), new BigDecimal("1.500")));
        }
        if (kind == 1) {
            return new BigDecimal(BigInteger.valueOf(random.nextLong()), -random.nextInt(30));
        }
        boolean large = kind == 2;
        int intDigits = large ? random.nextInt(1_001) : random.nextInt(40);
        int fracDigits = large ? random.nextInt(1_001) : random.nextInt(40);
        String digits = digits(intDigits) + "." + digits(fracDigits);
        BigDecimal value = new BigDecimal(digits.equals(".") ? "0" : (intDigits == 0 ? "0" : "") + digits);
        return random.nextBoolean() ? value.negate() : value;
    }

    /**
     * numeric at the limit of its scale, 16,383 digits after the point (the smallest positive value, and a full
     * fraction), and with 20,000 digits before it. The limit there, 131,072 digits, is left out: pgjdbc's binary
     * numeric encoder is quadratic and takes about two seconds per such value, every time it is bound.
     */
    List<BigDecimal> numericLimits() {
        return List.of(new BigDecimal(BigInteger.ONE, 16_383), new BigDecimal(BigInteger.ONE, 16_383).negate(),
                new BigDecimal(digits(3) + "." + digits(16_383)), new BigDecimal("-9" + digits(19_999)));
    }

    private String digits(int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** A double: the specials, signed zeros, subnormals and limits, any bit pattern (NaN payloads too), or common sizes. */
    double float8() {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                    Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1,
                    1.0 + Math.ulp(1.0), 1e-310, -2.2250738585072009e-308));
        }
        if (kind < 7) {
            return Double.longBitsToDouble(random.nextLong());
        }
        return (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
    }

    // ---- other types --------------------------------------------------------------------------

    UUID uuid() {
        return switch (random.nextInt(10)) {
            case 0 -> new UUID(0, 0);
            case 1 -> new UUID(-1L, -1L);
            case 2 -> UUID.nameUUIDFromBytes(bytes());
            default -> new UUID(random.nextLong(), random.nextLong());
        };
    }

    /** A date: mostly in years 1 to 9999, often where calendars or epochs meet, some BC or up to year 5874897. */
    LocalDate date() {
        return day(LAST_DATE);
    }

    private LocalDate day(LocalDate last) {
        LocalDate day;
        if (chance(0.2)) {
            day = pick(List.of(FIRST_GENERATED_DAY, last, LocalDate.of(0, 12, 31), LocalDate.of(0, 3, 1),
                    LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(10_000, 1, 1), LocalDate.of(1582, 10, 4),
                    LocalDate.of(1582, 10, 10), LocalDate.of(1582, 10, 15), LocalDate.of(1969, 12, 31),
                    LocalDate.of(1970, 1, 1), LocalDate.of(2000, 2, 29), LocalDate.of(1900, 3, 1)));
        } else if (chance(0.1)) {
            long first = FIRST_GENERATED_DAY.toEpochDay();
            day = LocalDate.ofEpochDay(first + random.nextLong(last.toEpochDay() - first + 1));
        } else {
            day = LocalDate.ofEpochDay(YEAR_1 + random.nextLong(YEAR_9999 - YEAR_1 + 1));
        }
        return day.getYear() <= 0 && day.getMonthValue() == 2 && day.getDayOfMonth() == 29 ? day.minusDays(1) : day;
    }

    /** A timestamp from 4713-01-01 BC to 294276-12-31 AD, PostgreSQL's end, to the microsecond, its precision. */
    LocalDateTime timestamp() {
        long micros = chance(0.2) ? pick(List.of(0L, 1L, 86_399_999_999L, 43_200_000_000L))
                : random.nextLong(86_400_000_000L);
        return day(LAST_TIMESTAMP_DAY).atTime(LocalTime.ofNanoOfDay(micros * 1_000));
    }

    Instant instant() {
        return timestamp().toInstant(ZoneOffset.UTC);
    }

    /** Bytes: empty, every value 0 to 255 (in order or shuffled), a few random ones, or up to 4 KB. */
    byte[] bytes() {
        int kind = random.nextInt(10);
        if (kind < 2) {
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            if (kind == 1) {
                for (int i = all.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    byte t = all[i];
                    all[i] = all[j];
                    all[j] = t;
                }
            }
            return all;
        }
        byte[] b = new byte[kind == 2 ? 0 : chance(0.05) ? random.nextInt(4_096) : random.nextInt(64)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}
