package dev.belay.executor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.util.ByteConverter;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * A bulk write's text or varchar column as one array parameter in PostgreSQL's binary array format, built row by row
 * as the rows are read. Each string is checked ({@link ValueRules#text}) and encoded to UTF-8 in the same pass over its
 * characters, so a bulk write reads each string once: with {@code createArrayOf}, pgjdbc would read it again after the
 * check, encode it into a byte[] of its own and copy that into a growing buffer. pgjdbc copies a
 * {@link PGBinaryObject} into the Bind message as it is.
 *
 * <p>Not for {@code preferQueryMode=simple}, where pgjdbc writes parameters into the SQL text: {@link BulkBatch}
 * leaves such a connection's strings to {@code createArrayOf}.
 */
final class TextArray extends PGobject implements PGBinaryObject {
    private static final long serialVersionUID = 1L;
    /** Dimensions, has-nulls flag, element type, then the one dimension's length and lower bound. */
    private static final int HEADER = 20;
    /** The header of an empty array: no dimensions. */
    private static final int EMPTY_HEADER = 12;
    private static final int TEXT = 25;
    private static final int VARCHAR = 1043;

    private final int elementOid;
    /** The header's room, then per element its length in bytes (-1 for NULL) and its UTF-8 bytes. */
    private byte[] data;
    private int size = HEADER;
    /** A string's chars (or a slice of a long one's), copied out to be checked and narrowed in one pass. */
    private final char[] scratch = new char[1024];
    private int count;
    private boolean hasNull;

    /** Bytes per value, with the length prefix, when nothing is known of the column yet. */
    private static final int GUESS = 16;
    /** The most an array takes before its first value: a chunk holds about 16 MB, and a guess may be far off. */
    static final int MAX_INITIAL = 16 << 20;

    private TextArray(String element, int elementOid, int capacity, int bytesPerValue) {
        this.type = element + "[]";
        this.elementOid = elementOid;
        long room = HEADER + (long) (bytesPerValue > 0 ? bytesPerValue : GUESS) * Math.max(1, capacity);
        this.data = new byte[(int) Math.min(room, MAX_INITIAL)];
    }

    /**
     * An empty array for {@code capacity} values of a text or varchar column, with room for {@code bytesPerValue}
     * bytes each ({@link #bytesPerValue()} of an earlier array; 0 when there is none), or null for other element types.
     */
    static @Nullable TextArray of(String element, int capacity, int bytesPerValue) {
        return switch (element) {
            case "text" -> new TextArray(element, TEXT, capacity, bytesPerValue);
            case "varchar" -> new TextArray(element, VARCHAR, capacity, bytesPerValue);
            default -> null;
        };
    }

    /** The bytes it has room for before it grows. */
    int capacity() {
        return data.length;
    }

    /** The bytes this array's values took on average, with their length prefixes, rounded up; 0 when it is empty. */
    int bytesPerValue() {
        return count == 0 ? 0 : (int) (((long) size - HEADER + count - 1) / count);
    }

    int count() {
        return count;
    }

    void addNull() {
        room(4);
        ByteConverter.int4(data, size, -1);
        size += 4;
        count++;
        hasNull = true;
    }

    /**
     * Appends {@code s}; one PostgreSQL would refuse or store changed throws {@link Refused} and leaves the array as
     * it was.
     */
    void add(String s) {
        int n = s.length();
        room(4 + n);
        int at = size + 4;
        char[] chars = scratch;
        int outside;
        // getChars copies a Latin-1 string's bytes with a vectorized stub, and narrow has no branch: a scan with
        // charAt that stopped at the first char outside ASCII took half as long again on the bench's rows. A string
        // longer than the scratch array goes a slice at a time, so the copy never takes more memory than that; the
        // slice loop for every string was 15 % slower on the bench's short ones.
        if (n <= chars.length) {
            s.getChars(0, n, chars, 0);
            outside = narrow(chars, n, data, at);
        } else {
            outside = 0;
            for (int from = 0; from < n && outside >= 0; from += chars.length) {
                int length = Math.min(chars.length, n - from);
                s.getChars(from, from + length, chars, 0);
                outside |= narrow(chars, length, data, at + from);
            }
        }
        if (outside < 0) {
            addEncoded(s);
            return;
        }
        ByteConverter.int4(data, size, n);
        size = at + n;
        count++;
    }

    /**
     * Writes {@code chars[0 ..< length]} into {@code d} from {@code to}, one byte each; negative when one of them is NUL
     * ({@code 0 - 1}) or above 0x7F, whose bytes are then not these.
     */
    private static int narrow(char[] chars, int length, byte[] d, int to) {
        int outside = 0;
        for (int i = 0; i < length; i++) {
            int c = chars[i] - 1;
            outside |= c | (0x7E - c);
            d[to + i] = (byte) chars[i];
        }
        return outside;
    }

    private void addEncoded(String s) {
        byte[] utf8 = ValueRules.text(s).getBytes(StandardCharsets.UTF_8);
        room(4 + utf8.length);
        ByteConverter.int4(data, size, utf8.length);
        System.arraycopy(utf8, 0, data, size + 4, utf8.length);
        size += 4 + utf8.length;
        count++;
    }

    private void room(int more) {
        if (data.length - size < more) {
            data = Arrays.copyOf(data, Math.max(size + more, data.length + (data.length >> 1)));
        }
    }

    @Override
    public int lengthInBytes() {
        return count == 0 ? EMPTY_HEADER : size;
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        ByteConverter.int4(data, 0, count == 0 ? 0 : 1);
        ByteConverter.int4(data, 4, hasNull ? 1 : 0);
        ByteConverter.int4(data, 8, elementOid);
        if (count == 0) {
            System.arraycopy(data, 0, bytes, offset, EMPTY_HEADER);
            return;
        }
        ByteConverter.int4(data, 12, count);
        ByteConverter.int4(data, 16, 1);
        System.arraycopy(data, 0, bytes, offset, size);
    }

    @Override
    public void setByteValue(byte[] value, int offset) {
        throw new UnsupportedOperationException("a bulk write's array parameter is only sent, never read");
    }

    /** The array's text form, as PostgreSQL would print it: for logs and {@link #toString()}; never sent. */
    @Override
    public String getValue() {
        StringBuilder b = new StringBuilder(size + 2 * count + 2).append('{');
        for (int at = HEADER, i = 0; i < count; i++) {
            int length = ByteConverter.int4(data, at);
            at += 4;
            b.append(i == 0 ? "" : ",");
            if (length < 0) {
                b.append("NULL");
                continue;
            }
            String s = new String(data, at, length, StandardCharsets.UTF_8);
            at += length;
            b.append('"');
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                b.append(c == '"' || c == '\\' ? "\\" : "").append(c);
            }
            b.append('"');
        }
        return b.append('}').toString();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
