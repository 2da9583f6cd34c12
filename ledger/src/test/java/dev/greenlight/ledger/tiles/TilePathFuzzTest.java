package dev.greenlight.ledger.tiles;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.greenlight.ledger.LedgerFormatException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/** Tile paths parse back to themselves or fail with the declared exception. */
class TilePathFuzzTest {
    static Stream<byte[]> seeds() {
        return Stream.of("tile/0/000", "tile/1/x001/x234/067.p/5", "tile/entries/x001/234", "tile/entries/005.p/255")
                .map(path -> path.getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest
    void parsesOrRejectsAnyPath(byte[] input) {
        String path = new String(input, StandardCharsets.UTF_8);
        try {
            TileAddress address = TileAddress.parse(path);
            if (!address.path().equals(path)) {
                throw new AssertionError("a parsed tile path does not write back to itself");
            }
        } catch (LedgerFormatException e) {
            // Rejected.
        }
    }
}
