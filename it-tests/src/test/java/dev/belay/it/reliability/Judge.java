package dev.belay.it.reliability;

import dev.belay.it.reliability.ValueTable.Val;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * PostgreSQL as the judge of what was stored: rows read back over plain JDBC (not Belay) and compared
 * exactly with the generated values, and digests the server computes (md5 of the UTF-8 bytes, lengths,
 * canonical text forms) compared with the same digests computed in Java.
 */
final class Judge {
    private Judge() {}

    /** Collects mismatches and fails once with the count and the first few, each with the seed to replay it. */
    static final class Mismatches {
        private final String context;
        private final List<String> found = new ArrayList<>();

        Mismatches(String context) {
            this.context = context;
        }

        void check(boolean ok, String what) {
            if (!ok) {
                found.add(what);
            }
        }

        void equal(Object expected, Object actual, String what) {
            check(Objects.equals(expected, actual), what + ": expected " + render(expected) + ", got " + render(actual));
        }

        void assertNone() {
            if (!found.isEmpty()) {
                throw new AssertionError(context + ": " + found.size() + " mismatches, the first:\n  "
                        + String.join("\n  ", found.subList(0, Math.min(10, found.size()))));
            }
        }
    }

    /** The row's fields that differ from {@code expected}, with PostgreSQL's equality for each type. */
    static void compare(Mismatches m, String where, Val expected, Val actual) {
        String at = where + " id " + expected.id();
        m.equal(expected.id(), actual.id(), at + " id");
        m.equal(expected.textVal(), actual.textVal(), at + " text_val");
        m.equal(stored(expected.num()), actual.num(), at + " num");
        m.equal(expected.i4(), actual.i4(), at + " i4");
        m.equal(expected.i8(), actual.i8(), at + " i8");
        m.check(actual.f8() != null && Double.compare(expected.f8(), actual.f8()) == 0,
                at + " f8: expected " + expected.f8() + ", got " + actual.f8());
        m.equal(expected.flag(), actual.flag(), at + " flag");
        m.equal(expected.uid(), actual.uid(), at + " uid");
        m.equal(expected.day(), actual.day(), at + " day");
        m.equal(expected.ts(), actual.ts(), at + " ts");
        m.equal(expected.tstz(), actual.tstz(), at + " tstz");
        m.check(Arrays.equals(expected.bin(), actual.bin()), at + " bin: expected " + render(expected.bin()) + ", got "
                + render(actual.bin()));
    }

    /** numeric keeps the scale it is given, but has no negative scale: 1E+5 is stored as 100000. */
    static BigDecimal stored(BigDecimal n) {
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    /**
     * Every row of {@code table}, ordered by id, read with plain JDBC. Dates and timestamps are read as
     * PostgreSQL's text and parsed here, independently of pgjdbc's java.time conversions, which Belay uses and
     * which {@link TemporalRangeTest} shows wrong at the start of the range and on BC leap days.
     */
    static List<Val> readJdbc(Connection c, String table) throws SQLException {
        List<Val> rows = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
            try (ResultSet rs = st.executeQuery("SELECT id, text_val, num, i4, i8, f8, flag, uid, day::text, ts::text, "
                    + "tstz::text, bin FROM " + table + " ORDER BY id")) {
                while (rs.next()) {
                    rows.add(new Val(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4), rs.getLong(5),
                            rs.getDouble(6), rs.getBoolean(7), rs.getObject(8, UUID.class), parseDate(rs.getString(9)),
                            parseTimestamp(rs.getString(10), ""),
                            parseTimestamp(rs.getString(11), "+00").toInstant(ZoneOffset.UTC), rs.getBytes(12)));
                }
            }
        }
        return rows;
    }

    /** The inverse of {@link #date}: {@code 0001-02-29 BC} is year 0 of java.time. */
    static LocalDate parseDate(String text) {
        boolean bc = text.endsWith(" BC");
        String[] ymd = (bc ? text.substring(0, text.length() - 3) : text).split("-");
        if (ymd.length != 3 || ymd[0].isEmpty()) {
            throw new IllegalArgumentException("not a finite date: " + text);
        }
        int year = Integer.parseInt(ymd[0]);
        return LocalDate.of(bc ? 1 - year : year, Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2]));
    }

    /** The inverse of {@link #timestamp}. */
    static LocalDateTime parseTimestamp(String text, String offset) {
        boolean bc = text.endsWith(" BC");
        String s = bc ? text.substring(0, text.length() - 3) : text;
        if (!s.endsWith(offset)) {
            throw new IllegalArgumentException("expected the offset " + offset + " in " + text);
        }
        String[] dateTime = s.substring(0, s.length() - offset.length()).split(" ");
        return parseDate(dateTime[0] + (bc ? " BC" : "")).atTime(LocalTime.parse(dateTime[1]));
    }

    /** Compares what the server computes from each stored row with the same computation on the generated row. */
    static void assertServerDigests(Connection c, String table, List<Val> expected, String context) throws SQLException {
        Mismatches m = new Mismatches(context + ", server digests of " + table);
        try (Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'UTC'");
            try (ResultSet rs = st.executeQuery("SELECT id, md5(convert_to(text_val, 'UTF8')), octet_length(text_val), "
                    + "char_length(text_val), num::text, i4::text, i8::text, f8::text, flag::text, uid::text, day::text, "
                    + "ts::text, tstz::text, md5(bin), length(bin) FROM " + table + " ORDER BY id")) {
                int i = 0;
                while (rs.next()) {
                    if (i >= expected.size()) {
                        m.check(false, "an extra row with id " + rs.getLong(1));
                        break;
                    }
                    Val v = expected.get(i++);
                    byte[] utf8 = v.textVal().getBytes(StandardCharsets.UTF_8);
                    String at = "id " + v.id();
                    m.equal(v.id(), rs.getLong(1), at + " id");
                    m.equal(md5(utf8), rs.getString(2), at + " md5(text_val) " + show(v.textVal()));
                    m.equal(utf8.length, rs.getInt(3), at + " octet_length(text_val)");
                    m.equal(v.textVal().codePointCount(0, v.textVal().length()), rs.getInt(4), at + " char_length");
                    m.equal(stored(v.num()).toPlainString(), rs.getString(5), at + " num::text");
                    m.equal(v.i4().toString(), rs.getString(6), at + " i4::text");
                    m.equal(v.i8().toString(), rs.getString(7), at + " i8::text");
                    m.check(Double.compare(v.f8(), Double.parseDouble(rs.getString(8))) == 0,
                            at + " f8::text: " + rs.getString(8) + " for " + v.f8());
                    m.equal(v.flag().toString(), rs.getString(9), at + " flag::text");
                    m.equal(v.uid().toString(), rs.getString(10), at + " uid::text");
                    m.equal(date(v.day()), rs.getString(11), at + " day::text");
                    m.equal(timestamp(v.ts(), ""), rs.getString(12), at + " ts::text");
                    m.equal(timestamp(LocalDateTime.ofInstant(v.tstz(), ZoneOffset.UTC), "+00"), rs.getString(13),
                            at + " tstz::text");
                    m.equal(md5(v.bin()), rs.getString(14), at + " md5(bin)");
                    m.equal(v.bin().length, rs.getInt(15), at + " length(bin)");
                }
                m.equal(expected.size(), i, "rows");
            }
        }
        m.assertNone();
    }

    /** PostgreSQL's ISO text of a date: at least four year digits, and year 0 and before as 1 BC and before. */
    static String date(LocalDate d) {
        return ymd(d) + (d.getYear() <= 0 ? " BC" : "");
    }

    private static String ymd(LocalDate d) {
        int year = d.getYear() <= 0 ? 1 - d.getYear() : d.getYear();
        return String.format("%04d-%02d-%02d", year, d.getMonthValue(), d.getDayOfMonth());
    }

    /** PostgreSQL's ISO text of a timestamp: microseconds without trailing zeros, then the offset, then BC. */
    static String timestamp(LocalDateTime t, String offset) {
        String s = ymd(t.toLocalDate()) + " " + String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1_000;
        if (micros != 0) {
            s += "." + String.format("%06d", micros).replaceAll("0+$", "");
        }
        return s + offset + (t.getYear() <= 0 ? " BC" : "");
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value for a message: strings escaped to printable ASCII and shortened, so a failure shows what was sent. */
    static String render(Object value) {
        if (value instanceof String s) {
            return show(s);
        }
        if (value instanceof byte[] b) {
            return "bytes[" + b.length + "] md5 " + md5(b);
        }
        if (value instanceof BigDecimal n && n.precision() > 60) {
            return "numeric of " + n.precision() + " digits, scale " + n.scale();
        }
        if (value instanceof Instant || value instanceof UUID) {
            return value.toString();
        }
        return String.valueOf(value);
    }

    /** A string with every character outside printable ASCII (and the quote and backslash) as a Java escape. */
    static String show(String s) {
        StringBuilder out = new StringBuilder("\"");
        int limit = Math.min(s.length(), 60);
        for (int i = 0; i < limit; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x20 && ch < 0x7F && ch != '\\' && ch != '"') {
                out.append(ch);
            } else {
                out.append(String.format("\\u%04X", (int) ch));
            }
        }
        out.append('"');
        return s.length() > limit ? out + "... (" + s.length() + " chars)" : out.toString();
    }
}
