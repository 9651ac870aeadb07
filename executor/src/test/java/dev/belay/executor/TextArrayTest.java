package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The binary array format PostgreSQL's array_recv reads, checked by decoding what TextArray writes. */
class TextArrayTest {
    private record Decoded(int dimensions, boolean hasNull, int elementOid, List<String> values) {}

    private static Decoded decode(TextArray array) {
        byte[] bytes = new byte[array.lengthInBytes() + 3];
        array.toBytes(bytes, 3); // pgjdbc writes it into a larger message at an offset
        ByteBuffer b = ByteBuffer.wrap(bytes, 3, array.lengthInBytes());
        int dimensions = b.getInt();
        boolean hasNull = b.getInt() == 1;
        int oid = b.getInt();
        List<String> values = new ArrayList<>();
        if (dimensions == 1) {
            int n = b.getInt();
            assertEquals(1, b.getInt(), "lower bound");
            for (int i = 0; i < n; i++) {
                int length = b.getInt();
                if (length < 0) {
                    values.add(null);
                } else {
                    values.add(new String(bytes, b.position(), length, StandardCharsets.UTF_8));
                    b.position(b.position() + length);
                }
            }
        }
        assertEquals(0, b.remaining(), "lengthInBytes is exactly what toBytes writes");
        return new Decoded(dimensions, hasNull, oid, values);
    }

    private static TextArray of(String element, String... values) {
        TextArray a = Objects.requireNonNull(TextArray.of(element, 1, 0));
        for (String v : values) {
            if (v == null) {
                a.addNull();
            } else {
                a.add(v);
            }
        }
        return a;
    }

    @Test
    void encodesAsciiNonAsciiEmptyAndNullValuesAsUtf8() {
        String[] values = {"alice", "", null, "héllo ✓", "emoji 😀 pair", "\u007f del", "tab\tand \"quotes\""};
        Decoded d = decode(of("text", values));
        assertEquals(new Decoded(1, true, 25, Arrays.asList(values)), d);
    }

    /**
     * Each string is narrowed to bytes before it is known to be ASCII: a char whose low byte looks like ASCII (or like
     * NUL) must still be encoded as UTF-8, at any position, in short strings and in strings copied a slice at a time.
     */
    @Test
    void aCharOutsideAsciiIsEncodedWhateverItsLowByteLooksLike() {
        // longer than the 1,024 chars copied at a time: checked slice by slice
        String longAscii = "x".repeat(3_000);
        String[] values = {"\u0141ódź", "\u4e2d-", "a\u0100b", "\u0080", "\u00ff", "\u007f", longAscii,
                longAscii + "\u0141", "\u0141" + longAscii, "y".repeat(1_024), "z".repeat(1_023) + "\u0100",
                "w".repeat(1_024) + "\u0141", "ok"};
        assertEquals(Arrays.asList(values), decode(of("text", values)).values());
        TextArray a = of("text", "before");
        Refused nul = assertThrows(Refused.class, () -> a.add(longAscii + "\u0000"));
        assertTrue(nul.getMessage().contains("NUL"), nul.getMessage());
        a.add("after");
        assertEquals(List.of("before", "after"), decode(a).values(), "the refused string left nothing behind");
    }

    @Test
    void varcharCarriesItsOwnElementTypeAndOtherTypesAreNotEncoded() {
        Decoded d = decode(of("varchar", "a", "b"));
        assertEquals(new Decoded(1, false, 1043, List.of("a", "b")), d);
        assertEquals("varchar[]", of("varchar").getType());
        assertNull(TextArray.of("bpchar", 1, 0), "char(n) pads and is sent by createArrayOf");
        assertNull(TextArray.of("json", 1, 0));
    }

    @Test
    void anEmptyArrayHasNoDimensions() {
        TextArray empty = of("text");
        assertEquals(12, empty.lengthInBytes());
        assertEquals(new Decoded(0, false, 25, List.of()), decode(empty));
        assertEquals("{}", empty.getValue());
    }

    @Test
    void aRefusedStringLeavesTheArrayAsItWas() {
        TextArray a = of("text", "before");
        Refused nul = assertThrows(Refused.class, () -> a.add("a\u0000b"));
        assertTrue(nul.getMessage().contains("NUL character (0x00) at index 1"), nul.getMessage());
        Refused cut = assertThrows(Refused.class, () -> a.add("ok then \ud83d"));
        assertTrue(cut.getMessage().contains("unpaired UTF-16 surrogate (\\ud83d) at index 8"), cut.getMessage());
        assertThrows(Refused.class, () -> a.add("\udc00 low first"));
        a.add("after");
        assertEquals(new Decoded(1, false, 25, List.of("before", "after")), decode(a));
    }

    @Test
    void anArraySizedFromAnEarlierOneHoldsTheSameValuesWithoutGrowing() {
        String[] values = new String[1_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 7 == 0 ? null : "user" + i + "@example.org";
        }
        TextArray first = Objects.requireNonNull(TextArray.of("text", values.length, 0));
        fill(first, values);
        int perValue = first.bytesPerValue();
        assertEquals((first.lengthInBytes() - 20 + values.length - 1) / values.length, perValue);
        TextArray next = Objects.requireNonNull(TextArray.of("text", values.length, perValue));
        int room = next.capacity();
        assertTrue(room >= first.lengthInBytes(), room + " bytes for " + first.lengthInBytes());
        fill(next, values);
        assertEquals(room, next.capacity(), "sized from the first array, the second never grew");
        assertEquals(decode(first), decode(next));
        assertEquals(0, Objects.requireNonNull(TextArray.of("text", 5, 0)).bytesPerValue(), "empty: no guess");
    }

    @Test
    void aLargeGuessIsCappedAndTheArrayStillGrows() {
        TextArray a = Objects.requireNonNull(TextArray.of("text", 50_000, 5_000));
        assertEquals(TextArray.MAX_INITIAL, a.capacity());
        String big = "y".repeat(1 << 20);
        for (int i = 0; i < 20; i++) {
            a.add(big);
        }
        assertEquals(20, a.count());
        assertTrue(a.capacity() > TextArray.MAX_INITIAL);
    }

    private static void fill(TextArray a, String[] values) {
        for (String v : values) {
            if (v == null) {
                a.addNull();
            } else {
                a.add(v);
            }
        }
    }

    @Test
    void growsPastItsFirstGuessWithoutLosingAValue() {
        Random random = new Random(7);
        TextArray a = Objects.requireNonNull(TextArray.of("text", 2, 0));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String v = random.nextInt(10) == 0 ? null : "v" + i + "é".repeat(random.nextInt(40))
                    + "x".repeat(random.nextInt(200));
            expected.add(v);
            if (v == null) {
                a.addNull();
            } else {
                a.add(v);
            }
        }
        assertEquals(3_000, a.count());
        assertEquals(new Decoded(1, true, 25, expected), decode(a));
    }

    @Test
    void itsTextFormIsTheArrayLiteral() {
        assertEquals("{\"a\",NULL,\"say \\\"hi\\\"\",\"back\\\\slash\",\"é\"}",
                of("text", "a", null, "say \"hi\"", "back\\slash", "é").getValue());
    }
}
