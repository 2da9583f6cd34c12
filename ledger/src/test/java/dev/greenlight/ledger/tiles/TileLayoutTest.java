package dev.greenlight.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TileLayoutTest {
    @Test
    void treeOfSeventyThousandHasTheTilesTheSpecificationLists() {
        List<HashTileAddress> tiles = TileLayout.hashTilesBetween(0, 70_000);

        assertThat(tiles.stream().filter(t -> t.level() == 0 && !t.isPartial())).hasSize(273);
        assertThat(tiles.stream().filter(t -> t.level() == 0 && t.isPartial())).containsExactly(new HashTileAddress(0, 273, 112));
        assertThat(tiles.stream().filter(t -> t.level() == 1)).containsExactly(new HashTileAddress(1, 0, 256), new HashTileAddress(1, 1, 17));
        assertThat(tiles.stream().filter(t -> t.level() == 2)).containsExactly(new HashTileAddress(2, 0, 1));
        assertThat(tiles).hasSize(273 + 1 + 2 + 1);
    }

    @Test
    void treeOf256HasAFullTileAndAPartialTileOfWidthOneAbove() {
        assertThat(TileLayout.hashTilesBetween(0, 256)).containsExactly(new HashTileAddress(0, 0, 256), new HashTileAddress(1, 0, 1));
        assertThat(TileLayout.entryBundlesBetween(0, 256)).containsExactly(new EntryBundleAddress(0, 256));
    }

    @Test
    void emptyTreeHasNoTiles() {
        assertThat(TileLayout.hashTilesBetween(0, 0)).isEmpty();
        assertThat(TileLayout.entryBundlesBetween(0, 0)).isEmpty();
    }

    @Test
    void growingListsOnlyNewAndGrownTiles() {
        assertThat(TileLayout.hashTilesBetween(300, 310)).containsExactly(new HashTileAddress(0, 1, 54));
        assertThat(TileLayout.hashTilesBetween(255, 257))
                .containsExactly(new HashTileAddress(0, 0, 256), new HashTileAddress(0, 1, 1), new HashTileAddress(1, 0, 1));
        assertThat(TileLayout.entryBundlesBetween(255, 513))
                .containsExactly(new EntryBundleAddress(0, 256), new EntryBundleAddress(1, 256), new EntryBundleAddress(2, 1));
        assertThat(TileLayout.hashTilesBetween(310, 310)).isEmpty();
    }

    @Test
    void widthOfATileDependsOnTheTreeSize() {
        assertThat(TileLayout.hashTile(0, 0, 10)).isEqualTo(new HashTileAddress(0, 0, 10));
        assertThat(TileLayout.hashTile(0, 0, 1000)).isEqualTo(new HashTileAddress(0, 0, 256));
        assertThat(TileLayout.hashTile(1, 0, 1000)).isEqualTo(new HashTileAddress(1, 0, 3));
        assertThat(TileLayout.entryBundle(3, 1000)).isEqualTo(new EntryBundleAddress(3, 232));
        assertThatThrownBy(() -> TileLayout.hashTile(1, 0, 255)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileLayout.entryBundle(4, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileLayout.hashTile(8, 0, Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largestTreeHasHashesUpToTileLevelSeven() {
        assertThat(TileLayout.hashesAtLevel(7, Long.MAX_VALUE)).isEqualTo(127);
        assertThat(TileLayout.hashesAtLevel(8, Long.MAX_VALUE)).isZero();
    }

    @Test
    void partialTilesStayAvailableAsPrefixesOfGrownTiles() {
        assertThat(TileLayout.isAvailable(new HashTileAddress(0, 0, 5), 5)).isTrue();
        assertThat(TileLayout.isAvailable(new HashTileAddress(0, 0, 5), 300)).isTrue();
        assertThat(TileLayout.isAvailable(new HashTileAddress(0, 0, 6), 5)).isFalse();
        assertThat(TileLayout.isAvailable(new HashTileAddress(0, 0, 256), 255)).isFalse();
        assertThat(TileLayout.isAvailable(new HashTileAddress(0, 1, 1), 256)).isFalse();
        assertThat(TileLayout.isAvailable(new HashTileAddress(1, 0, 1), 256)).isTrue();
        assertThat(TileLayout.isAvailable(new HashTileAddress(1, 0, 2), 511)).isFalse();
        assertThat(TileLayout.isAvailable(new EntryBundleAddress(1, 44), 300)).isTrue();
        assertThat(TileLayout.isAvailable(new EntryBundleAddress(1, 45), 300)).isFalse();
        assertThat(TileLayout.isAvailable(new HashTileAddress(9, 0, 1), Long.MAX_VALUE)).isFalse();
        assertThat(TileLayout.isAvailable(new EntryBundleAddress(Long.MAX_VALUE, 1), Long.MAX_VALUE)).isFalse();
    }
}
