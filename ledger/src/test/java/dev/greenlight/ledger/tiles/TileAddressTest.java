package dev.greenlight.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.LedgerFormatException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TileAddressTest {
    @ParameterizedTest
    @CsvSource({
        "0, 000",
        "5, 005",
        "999, 999",
        "1000, x001/000",
        "1234067, x001/x234/067",
        "9223372036854775807, x009/x223/x372/x036/x854/x775/807",
    })
    void encodesIndexInThreeDigitGroups(long index, String encoded) {
        assertThat(new HashTileAddress(0, index, 256).path()).isEqualTo("tile/0/" + encoded);
    }

    @Test
    void writesPartialAndEntryPaths() {
        assertThat(new HashTileAddress(1, 1234067, 5).path()).isEqualTo("tile/1/x001/x234/067.p/5");
        assertThat(new EntryBundleAddress(5, 256).path()).isEqualTo("tile/entries/005");
        assertThat(new EntryBundleAddress(1234067, 112).path()).isEqualTo("tile/entries/x001/x234/067.p/112");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "tile/0/000", "tile/0/005.p/1", "tile/63/x001/x234/067", "tile/2/x001/000.p/255",
        "tile/entries/x001/x234/067.p/112", "tile/entries/000", "tile/7/x009/x223/x372/x036/x854/x775/807",
    })
    void parsesCanonicalPathsBackToThemselves(String path) {
        assertThat(TileAddress.parse(path).path()).isEqualTo(path);
    }

    @Test
    void parsesIntoTheRightKind() {
        assertThat(TileAddress.parse("tile/3/x001/234.p/9")).isEqualTo(new HashTileAddress(3, 1234, 9));
        assertThat(TileAddress.parse("tile/entries/x001/234")).isEqualTo(new EntryBundleAddress(1234, 256));
    }

    @Test
    void randomAddressesRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long index = (random.nextLong() >>> 1) >>> random.nextInt(63);
            int width = 1 + random.nextInt(256);
            TileAddress address = random.nextBoolean()
                    ? new HashTileAddress(random.nextInt(64), index, width)
                    : new EntryBundleAddress(index, width);
            assertThat(TileAddress.parse(address.path())).isEqualTo(address);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "tile", "tile/", "tile/0", "tile/0/", "/tile/0/000", "tiles/0/000", "tile/0/5", "tile/0/0005", "tile/0/00a",
        "tile/00/000", "tile/01/000", "tile/64/000", "tile/-1/000", "tile/+1/000", "tile/x/000", "tile/0/001/234",
        "tile/0/x001", "tile/0/x000/001", "tile/0/x01/234", "tile/0/X001/234", "tile/0/x001/x234", "tile/0/000.p/0",
        "tile/0/000.p/256", "tile/0/000.p/05", "tile/0/000.p/", "tile/0/000.p", "tile/0/000.q/5", "tile/0/000.p/5/",
        "tile/0/000/", "tile/entries", "tile/entries/", "tile/entries/5", "tile/entry/000",
        "tile/0/x009/x223/x372/x036/x854/x775/808", "tile/0/x999/x999/x999/x999/x999/x999/x999/999",
        "tile/0/\u0661\u0662\u0663", "tile/\u0661/000",
    })
    void rejectsNonCanonicalPaths(String path) {
        assertThatThrownBy(() -> TileAddress.parse(path))
                .isInstanceOf(LedgerFormatException.class)
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.MALFORMED_TILE_PATH);
    }
}
