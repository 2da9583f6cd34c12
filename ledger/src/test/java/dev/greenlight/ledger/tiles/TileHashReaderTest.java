package dev.greenlight.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.HashUnavailableException;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.merkle.MerkleTree;
import dev.greenlight.ledger.merkle.NodeAddress;
import dev.greenlight.ledger.testing.TestLog;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The same tree read from tiles and from the store that produced them gives the same roots and proofs. */
class TileHashReaderTest {
    @Test
    void tileBackedTreeMatchesStoreBackedTree() {
        Random random = new Random(99);
        TestLog log = TestLog.withExampleKey();
        int[] sizes = {1, 2, 255, 256, 257, 511, 512, 1000, 65_535, 65_536, 65_537, 70_000};
        for (int size : sizes) {
            log.growTo(size);
            MerkleTree fromStore = log.tree();
            MerkleTree fromTiles = new MerkleTree(new TileHashReader(size, log.fetcher()));

            assertThat(fromTiles.root(size)).as("root of %d", size).isEqualTo(fromStore.root(size));
            for (int round = 0; round < 40; round++) {
                long smaller = 1 + random.nextLong(size);
                long index = random.nextLong(smaller);
                assertThat(fromTiles.root(smaller)).isEqualTo(fromStore.root(smaller));
                assertThat(fromTiles.inclusionProof(index, smaller)).isEqualTo(fromStore.inclusionProof(index, smaller));
                long older = random.nextLong(smaller + 1);
                assertThat(fromTiles.consistencyProof(older, smaller)).isEqualTo(fromStore.consistencyProof(older, smaller));
            }
        }
    }

    @Test
    void everyStoredHashOfASmallTreeReadsTheSameFromTiles() {
        TestLog log = TestLog.withExampleKey();
        log.growTo(1300);
        TileHashReader reader = new TileHashReader(1300, log.fetcher());
        for (long stored = 0; stored < NodeAddress.storedHashCount(1300); stored++) {
            NodeAddress address = NodeAddress.fromStoredIndex(stored);
            assertThat(reader.readHashes(List.of(address))).isEqualTo(log.store().readHashes(List.of(address)));
        }
    }

    @Test
    void refusesHashesBeyondTheTreeSize() {
        TestLog log = TestLog.withExampleKey();
        log.growTo(10);
        TileHashReader reader = new TileHashReader(10, log.fetcher());

        assertThatThrownBy(() -> reader.readHashes(List.of(NodeAddress.leaf(10)))).isInstanceOf(HashUnavailableException.class);
        assertThatThrownBy(() -> reader.readHashes(List.of(new NodeAddress(4, 0)))).isInstanceOf(HashUnavailableException.class);
    }

    @Test
    void reportsMissingAndMalformedTiles() {
        TestLog log = TestLog.withExampleKey();
        log.growTo(10);

        assertThatThrownBy(() -> new TileHashReader(300, log.fetcher()).readHashes(List.of(NodeAddress.leaf(280))))
                .isInstanceOf(HashUnavailableException.class)
                .hasMessageContaining("tile/0/001.p/44");
        log.tamper(new HashTileAddress(0, 0, 10), new byte[5]);
        assertThatThrownBy(() -> new TileHashReader(10, log.fetcher()).readHashes(List.of(NodeAddress.leaf(0))))
                .isInstanceOf(LedgerFormatException.class);
    }
}
