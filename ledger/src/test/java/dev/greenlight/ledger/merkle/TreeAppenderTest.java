package dev.greenlight.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.HashUnavailableException;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.testing.TestLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeAppenderTest {
    @Test
    void batchAppendStoresTheSameHashesAsOneByOne() {
        List<byte[]> entries = TestLog.numberedEntries(0, 1000);
        InMemoryHashStore batched = new InMemoryHashStore();
        AppendResult batch = TreeAppender.appendEntries(0, entries, batched);
        batched.write(batch.hashesToStore());

        InMemoryHashStore single = new InMemoryHashStore();
        List<StoredHash> singles = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AppendResult result = TreeAppender.appendEntries(i, List.of(entries.get(i)), single);
            single.write(result.hashesToStore());
            singles.addAll(result.hashesToStore());
        }

        assertThat(batch.hashesToStore()).isEqualTo(singles);
        assertThat(batch.newRoot()).isEqualTo(new MerkleTree(single).root(1000));
        assertThat(batch.leafHashes()).hasSize(1000);
        assertThat(batch.oldSize()).isZero();
        assertThat(batch.newSize()).isEqualTo(1000);
    }

    @Test
    void createsOneHashPerCompletedSubtreeAndReadsOnlyTheRightEdge() {
        InMemoryHashStore store = new InMemoryHashStore();
        store.write(TreeAppender.appendEntries(0, TestLog.numberedEntries(0, 1234), store).hashesToStore());
        List<NodeAddress> reads = new ArrayList<>();
        HashReader counting = addresses -> {
            reads.addAll(addresses);
            return store.readHashes(addresses);
        };

        AppendResult result = TreeAppender.appendEntries(1234, TestLog.numberedEntries(1234, 1300), counting);

        assertThat(result.hashesToStore())
                .hasSize((int) (NodeAddress.storedHashCount(1300) - NodeAddress.storedHashCount(1234)));
        assertThat(reads).containsExactlyElementsOf(CompactRange.addressesFor(1234));
        assertThat(reads).hasSize(Long.bitCount(1234));
    }

    @Test
    void storedHashesAreWrittenInStoredIndexOrder() {
        InMemoryHashStore store = new InMemoryHashStore();
        AppendResult result = TreeAppender.appendEntries(0, TestLog.numberedEntries(0, 777), store);
        for (int i = 0; i < result.hashesToStore().size(); i++) {
            NodeAddress address = result.hashesToStore().get(i).address();
            assertThat(address.storedIndex()).isEqualTo(i);
            assertThat(NodeAddress.fromStoredIndex(i)).isEqualTo(address);
        }
    }

    @Test
    void rejectsEntriesLongerThanABundleCanCarry() {
        InMemoryHashStore store = new InMemoryHashStore();
        assertThat(TreeAppender.appendEntries(0, List.of(new byte[65_535]), store).newSize()).isEqualTo(1);
        assertThatThrownBy(() -> TreeAppender.appendEntries(0, List.of(new byte[65_536]), store))
                .isInstanceOf(LedgerFormatException.class)
                .extracting(e -> ((LedgerFormatException) e).errorCode())
                .isEqualTo(LedgerErrorCode.ENTRY_TOO_LARGE);
    }

    @Test
    void failsWhenTheStoreLacksTheExistingTree() {
        assertThatThrownBy(() -> TreeAppender.appendEntries(5, TestLog.numberedEntries(5, 6), new InMemoryHashStore()))
                .isInstanceOf(HashUnavailableException.class);
    }

    @Test
    void emptyBatchChangesNothing() {
        InMemoryHashStore store = new InMemoryHashStore();
        store.write(TreeAppender.appendEntries(0, TestLog.numberedEntries(0, 3), store).hashesToStore());
        AppendResult result = TreeAppender.appendEntries(3, List.of(), store);
        assertThat(result.hashesToStore()).isEmpty();
        assertThat(result.newRoot()).isEqualTo(new MerkleTree(store).root(3));
    }

    @Test
    void inMemoryStoreRefusesGapsAndConflictingRewrites() {
        InMemoryHashStore store = new InMemoryHashStore();
        Hash hash = Rfc6962.leafHash(new byte[0]);
        assertThatThrownBy(() -> store.write(List.of(new StoredHash(NodeAddress.leaf(1), hash))))
                .isInstanceOf(IllegalStateException.class);
        store.write(List.of(new StoredHash(NodeAddress.leaf(0), hash)));
        store.write(List.of(new StoredHash(NodeAddress.leaf(0), hash)));
        assertThatThrownBy(() -> store.write(List.of(new StoredHash(NodeAddress.leaf(0), Rfc6962.EMPTY_ROOT))))
                .isInstanceOf(IllegalStateException.class);
    }
}
