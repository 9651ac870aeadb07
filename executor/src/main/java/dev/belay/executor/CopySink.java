package dev.belay.executor;

import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.copy.CopyIn;

/**
 * Rows in COPY's text format, UTF-8 encoded into a fixed buffer that is sent as a CopyData message each time
 * it fills, so memory stays the buffer's size however many rows pass through. The COPY itself starts only
 * when the first buffer is sent: input refused within the first buffer never reaches the server.
 *
 * <p>Field text is escaped as COPY's text format requires: backslash, newline, carriage return and the tab
 * delimiter are written as {@code \\ \n \r \t}, and the other control characters COPY TO escapes
 * ({@code \b \f \v}) likewise. NUL and unpaired UTF-16 surrogates have no place in it and are refused by
 * {@link ValueRules#text}, whatever type the text came from.
 */
final class CopySink {
    /** Opens the COPY on the server. */
    @FunctionalInterface
    interface Opener {
        CopyIn open() throws SQLException;
    }

    private final Opener opener;
    private final byte[] buf;
    private int pos;
    private @Nullable CopyIn copy;

    CopySink(Opener opener, int bufferSize) {
        this.opener = opener;
        this.buf = new byte[bufferSize];
    }

    /** One field's text, escaped; an unsendable character throws {@link Refused}. */
    void text(String s) throws SQLException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (buf.length - pos < 4) { // the longest a char or a pair becomes: 4 UTF-8 bytes
                flush();
            }
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '\\') { // printable ASCII, most of any text: as it is
                buf[pos++] = (byte) c;
            } else if (c < 0x80) {
                byte escape = escape(c);
                if (escape != 0) {
                    buf[pos++] = '\\';
                    buf[pos++] = escape;
                } else if (c == 0) {
                    throw unsendable(s);
                } else {
                    buf[pos++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < n ? s.charAt(i + 1) : 0;
                if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
                    throw unsendable(s);
                }
                int cp = Character.toCodePoint(c, low);
                i++;
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /** The refusal of text with NUL or an unpaired surrogate, said by the rule every bound value follows. */
    private static Refused unsendable(String s) {
        ValueRules.text(s); // throws, naming the character and its index
        return new Refused("unreachable: ValueRules.text accepted text with NUL or an unpaired surrogate");
    }

    /** The escape letter of a char COPY's text format must escape, else 0. */
    private static byte escape(char c) {
        return switch (c) {
            case '\\' -> '\\';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\f' -> 'f';
            case 0x0B -> 'v';
            default -> 0;
        };
    }

    /** SQL NULL: {@code \N}. */
    void nul() throws SQLException {
        if (buf.length - pos < 2) {
            flush();
        }
        buf[pos++] = '\\';
        buf[pos++] = 'N';
    }

    /** The delimiter between two fields. */
    void tab() throws SQLException {
        put('\t');
    }

    /** The end of a row. */
    void endRow() throws SQLException {
        put('\n');
    }

    private void put(char ascii) throws SQLException {
        if (pos == buf.length) {
            flush();
        }
        buf[pos++] = (byte) ascii;
    }

    private void flush() throws SQLException {
        if (pos == 0) {
            return;
        }
        CopyIn open = copy;
        if (open == null) {
            open = opener.open();
            copy = open;
        }
        open.writeToCopy(buf, 0, pos);
        pos = 0;
    }

    /** Sends what is left and ends the COPY: the number of rows the server stored. */
    long finish() throws SQLException {
        flush();
        CopyIn open = copy;
        if (open == null) {
            open = opener.open(); // unreachable with at least one row, which always leaves bytes to send
            copy = open;
        }
        return open.endCopy();
    }

    /**
     * Abandons a COPY under way, so the server stores none of its rows (the transaction around it is rolled
     * back as well); a failure to cancel is added to {@code cause}.
     */
    void cancel(Throwable cause) {
        CopyIn open = copy;
        if (open != null && open.isActive()) {
            try {
                open.cancelCopy();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
