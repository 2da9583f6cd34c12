package dev.greenlight.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.merkle.Rfc6962;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryBundlesTest {
    @Test
    void writesEachEntryWithABigEndianLengthPrefix() {
        byte[] bundle = EntryBundles.write(List.of(new byte[0], new byte[] {0x41}, new byte[300]));

        assertThat(HexFormat.of().formatHex(bundle, 0, 7)).isEqualTo("0000000141012c");
        assertThat(bundle).hasSize(2 + 3 + 2 + 300);
    }

    @Test
    void roundTripsFullBundlesAndLargestEntries() {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            entries.add(new byte[i == 7 ? 65_535 : i]);
        }
        List<byte[]> parsed = EntryBundles.parse(EntryBundles.write(entries), 256);

        assertThat(parsed).hasSize(256);
        for (int i = 0; i < 256; i++) {
            assertThat(parsed.get(i)).isEqualTo(entries.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "0001", "000141ff", "00014100", "0002410000", "ffff"})
    void rejectsTruncatedOrTrailingBytes(String hex) {
        assertThatThrownBy(() -> EntryBundles.parse(HexFormat.of().parseHex(hex)))
                .isInstanceOf(LedgerFormatException.class)
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.MALFORMED_ENTRY_BUNDLE);
    }

    @Test
    void rejectsBundleOfTheWrongWidthOrOverFull() {
        byte[] three = EntryBundles.write(List.of(new byte[1], new byte[2], new byte[3]));
        assertThatThrownBy(() -> EntryBundles.parse(three, 4)).isInstanceOf(LedgerFormatException.class).hasMessageContaining("4 entries");
        byte[] tooMany = new byte[257 * 2];
        assertThatThrownBy(() -> EntryBundles.parse(tooMany)).isInstanceOf(LedgerFormatException.class).hasMessageContaining("more than 256");
    }

    @Test
    void refusesToWriteWhatCannotBeParsed() {
        assertThatThrownBy(() -> EntryBundles.write(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryBundles.write(List.of(new byte[65_536]))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashTilesRoundTripAndRejectWrongLengths() {
        List<Hash> hashes = List.of(Rfc6962.EMPTY_ROOT, Rfc6962.leafHash(new byte[0]));
        byte[] tile = HashTiles.concat(hashes);

        assertThat(HashTiles.parse(tile, 2)).isEqualTo(hashes);
        assertThatThrownBy(() -> HashTiles.parse(tile, 3)).isInstanceOf(LedgerFormatException.class);
        assertThatThrownBy(() -> HashTiles.parse(new byte[63], 2))
                .isInstanceOf(LedgerFormatException.class)
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.MALFORMED_TILE);
    }
}
