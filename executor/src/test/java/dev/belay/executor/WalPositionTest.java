package dev.belay.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link WalPosition}: PostgreSQL's pg_lsn text form read and written back, and its order. */
final class WalPositionTest {

    @Test
    void readsAndWritesPostgresTextForm() {
        for (String text : List.of("0/0", "0/3000060", "16/B374D848", "FFFFFFFF/FFFFFFFF", "1/0")) {
            assertEquals(text, WalPosition.parse(text).toString());
        }
        assertEquals("16/B374D848", WalPosition.parse("16/b374d848").toString(), "lower-case hex is read too");
        assertEquals(WalPosition.parse("0/10"), WalPosition.parse("00/010"));
        assertEquals(WalPosition.parse("0/10").hashCode(), WalPosition.parse("00/010").hashCode());
    }

    @Test
    void ordersByHighThenLowWordUnsigned() {
        List<WalPosition> sorted = Stream.of("1/0", "0/FFFFFFFF", "FFFFFFFF/0", "0/1", "80000000/0")
                .map(WalPosition::parse).sorted().toList();
        assertEquals("[0/1, 0/FFFFFFFF, 1/0, 80000000/0, FFFFFFFF/0]", sorted.toString());
        WalPosition written = WalPosition.parse("0/3000060");
        assertTrue(WalPosition.parse("0/3000060").reached(written));
        assertTrue(WalPosition.parse("0/3000061").reached(written));
        assertFalse(WalPosition.parse("0/300005F").reached(written));
        assertNotEquals(written, WalPosition.parse("0/300005F"));
    }

    @Test
    void theWalEndIsMovedBackBeforeAPageHeaderTheInsertPositionPointsPast() {
        // 0/3000028 is 40 bytes into segment 3 (16 MB segments), just past its first page's long header
        assertEquals("0/3000000", new WalEnd("0/3000028", 40, 8192).position().toString());
        // 0/3002018 is 24 bytes into the segment's second page, just past a short header
        assertEquals("0/3002000", new WalEnd("0/3002018", 8192 + 24, 8192).position().toString());
        // anywhere else, the insert position is where the last record ended
        assertEquals("0/3002060", new WalEnd("0/3002060", 8192 + 96, 8192).position().toString());
        assertEquals("0/3000018", new WalEnd("0/3000018", 24, 8192).position().toString(),
                "24 bytes into a segment's first page is inside its 40-byte header: never an insert position");
    }

    @Test
    void refusesWhatIsNotAPosition() {
        for (String bad : List.of("", "0", "/0", "0/", "0/0/0", "G/0", "0/x", "-1/0", "0/+1", "123456789/0",
                "0/123456789", " 0/0")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WalPosition.parse(bad), bad);
            assertTrue(e.getMessage().contains("16/B374D848") && e.getMessage().contains('"' + bad + '"'),
                    e.getMessage());
        }
    }
}
