package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.PgType;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteStreamWriter;

/**
 * The exact COPY text Belay writes: each type's PostgreSQL input text ({@link CopyText}) and COPY's text-format
 * escaping and UTF-8 encoding ({@link CopySink}), through a buffer small enough to split rows and characters.
 * {@code CopyTest} in it-tests loads the same kinds of values into PostgreSQL.
 */
final class CopyTextTest {

    /** Collects what a COPY would send. */
    private static final class Collected implements CopyIn {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int messages;
        boolean active = true;
        boolean cancelled;

        @Override
        public void writeToCopy(byte[] buf, int off, int siz) {
            bytes.write(buf, off, siz);
            messages++;
        }

        @Override
        public void writeToCopy(ByteStreamWriter from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flushCopy() {}

        @Override
        public long endCopy() {
            active = false;
            return 1;
        }

        @Override
        public int getFieldCount() {
            return 0;
        }

        @Override
        public int getFormat() {
            return 0;
        }

        @Override
        public int getFieldFormat(int field) {
            return 0;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void cancelCopy() {
            active = false;
            cancelled = true;
        }

        @Override
        public long getHandledRowCount() {
            return 0;
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static String encode(PgType<?> type, Object value) {
        return CopyText.of(type, TypeRegistry.defaults()).text(value);
    }

    @Test
    void escapesWhatCopyTextFormatRequires() throws SQLException {
        Collected out = new Collected();
        CopySink sink = new CopySink(() -> out, 5); // splits escapes and multi-byte characters across messages
        sink.text("a\tb\nc\rd\\e\bf\fg\u000Bh\u0001\u007F ü€😀 \\N");
        sink.tab();
        sink.nul();
        sink.tab();
        sink.text("");
        sink.endRow();
        assertEquals(1, sink.finish());
        assertEquals("a\\tb\\nc\\rd\\\\e\\bf\\fg\\vh\u0001\u007F ü€😀 \\\\N\t\\N\t\n", out.text());
        assertTrue(out.messages > 5, "sent in buffer-sized messages: " + out.messages);
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedBeforeAnythingIsSent() {
        CopySink sink = new CopySink(() -> {
            throw new AssertionError("nothing may be sent");
        }, 64);
        for (String bad : List.of("a\0b", "end\uD83D", "\uDE00start", "x\uDBFFy")) {
            Refused e = assertThrows(Refused.class, () -> sink.text(bad), bad);
            assertTrue(e.getMessage().contains("NUL") || e.getMessage().contains("surrogate"), e.getMessage());
        }
    }

    @Test
    void cancelStopsACopyUnderWay() throws SQLException {
        Collected out = new Collected();
        CopySink sink = new CopySink(() -> out, 4);
        sink.text("more than one buffer");
        sink.cancel(new IllegalStateException("refused"));
        assertTrue(out.cancelled);
        assertFalse(out.active);
        CopySink unopened = new CopySink(() -> {
            throw new AssertionError("never opened");
        }, 64);
        unopened.cancel(new IllegalStateException("refused")); // nothing was sent: nothing to cancel
    }

    @Test
    void scalarsAsPostgresqlReadsThem() {
        assertEquals("t", encode(PgType.BOOL, true));
        assertEquals("-32768", encode(PgType.INT2, Short.MIN_VALUE));
        assertEquals("NaN", encode(PgType.FLOAT8, Double.NaN));
        assertEquals("-Infinity", encode(PgType.FLOAT4, Float.NEGATIVE_INFINITY));
        assertEquals("1" + "0".repeat(1000), encode(PgType.NUMERIC, new BigDecimal("1E+1000")));
        assertEquals("0.0100", encode(PgType.NUMERIC, new BigDecimal("0.0100")));
        assertEquals("\\x00ff10", encode(PgType.BYTEA, new byte[] {0, -1, 16}));
        assertEquals("0044-03-15 BC", encode(PgType.DATE, LocalDate.of(-43, 3, 15)));
        assertEquals("infinity", encode(PgType.DATE, LocalDate.MAX));
        assertEquals("12345-06-07 00:00:00.000000000", encode(PgType.TIMESTAMP, LocalDateTime.of(12345, 6, 7, 0, 0)));
        assertEquals("-infinity", encode(PgType.TIMESTAMPTZ, Instant.MIN));
        assertEquals("2020-01-01 00:00:00.000001000+00", encode(PgType.TIMESTAMPTZ,
                Instant.parse("2020-01-01T00:00:00.000001Z")));
        assertEquals("-1 hours -0.5 secs", encode(PgType.INTERVAL, Duration.ofSeconds(-3601, 500_000_000)));
    }

    @Test
    void valuesPostgresqlWouldChangeAreRefused() {
        assertThrows(Refused.class, () -> encode(PgType.INTERVAL, Duration.ofNanos(1500)));
        assertThrows(Refused.class, () -> encode(PgType.NUMERIC, new BigDecimal("1E+131072")));
        assertThrows(Refused.class, () -> encode(PgType.DATE, LocalDate.of(-4713, 11, 23)));
        assertThrows(Refused.class, () -> encode(PgType.TEXT, "nul\0"));
        assertThrows(Refused.class, () -> encode(PgType.JSONB, "{\"a\": \"\uD800\"}"));
    }

    @Test
    void arraysQuoteEveryElement() {
        assertEquals("{\"\",\"NULL\",NULL,\"a\\\"b\",\"c\\\\d\",\"{,}\",\" x \"}", encode(PgType.arrayOf(PgType.TEXT),
                Arrays.asList("", "NULL", null, "a\"b", "c\\d", "{,}", " x ")));
        assertEquals("{}", encode(PgType.arrayOf(PgType.INT4), List.of()));
        assertEquals("{\"1\",NULL,\"-2\"}", encode(PgType.arrayOf(PgType.INT4), Arrays.asList(1, null, -2)));
        assertEquals("{\"-infinity\",\"0005-02-29 BC\"}", encode(PgType.arrayOf(PgType.DATE),
                List.of(LocalDate.MIN, LocalDate.of(-4, 2, 29))));
        assertEquals("{\"NaN\",\"-0.0\"}", encode(PgType.arrayOf(PgType.FLOAT8),
                List.of(Double.NaN, -0.0)));
        Refused e = assertThrows(Refused.class, () -> encode(PgType.arrayOf(PgType.TEXT), List.of("ok", "\0")));
        assertTrue(e.getMessage().startsWith("element 1: "), e.getMessage());
    }
}
