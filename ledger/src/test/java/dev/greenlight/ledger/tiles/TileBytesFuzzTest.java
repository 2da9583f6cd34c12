package dev.greenlight.ledger.tiles;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.testing.TestLog;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/** Entry bundles and hash tiles parse back to their bytes or fail with the declared exception. */
class TileBytesFuzzTest {
    static Stream<byte[]> seeds() {
        return Stream.of(
                EntryBundles.write(TestLog.numberedEntries(0, 3)),
                EntryBundles.write(List.of(new byte[0], new byte[] {1})),
                new byte[64]);
    }

    @MethodSource("seeds")
    @FuzzTest
    void parsesOrRejectsAnyBundleOrTile(byte[] input) {
        try {
            List<byte[]> entries = EntryBundles.parse(input);
            if (!Arrays.equals(EntryBundles.write(entries), input)) {
                throw new AssertionError("a parsed bundle does not write back to its bytes");
            }
            EntryBundles.parse(input, entries.size());
        } catch (LedgerFormatException e) {
            // Rejected.
        }
        int width = 1 + Math.floorMod(input.length / 32 + (input.length % 32 == 0 ? -1 : 0), 256);
        try {
            if (!Arrays.equals(HashTiles.concat(HashTiles.parse(input, width)), input)) {
                throw new AssertionError("a parsed hash tile does not write back to its bytes");
            }
        } catch (LedgerFormatException e) {
            // Rejected.
        }
    }
}
