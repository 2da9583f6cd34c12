package dev.greenlight.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.InconsistentCheckpointException;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.merkle.ConsistencyProof;
import dev.greenlight.ledger.merkle.InMemoryHashStore;
import dev.greenlight.ledger.merkle.MerkleTree;
import dev.greenlight.ledger.merkle.TreeAppender;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.ledger.testing.TestKeys;
import dev.greenlight.ledger.testing.TestLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointSignerTest {
    private final InMemoryHashStore store = new InMemoryHashStore();
    private final MerkleTree tree = new MerkleTree(store);
    private final InMemorySignedCheckpointStore lastSigned = new InMemorySignedCheckpointStore();
    private final CheckpointSigner signer = new CheckpointSigner(TestLog.ORIGIN, List.of(TestKeys.exampleSigner()), lastSigned);

    private void growTo(long size) {
        store.write(TreeAppender.appendEntries(store.size(), TestLog.numberedEntries(store.size(), size), store).hashesToStore());
    }

    @Test
    void signsTheFirstCheckpointAndRecordsIt() {
        growTo(10);

        byte[] note = signer.sign(tree.treeHead(10), tree::consistencyProof);

        assertThat(SignedCheckpoint.open(note, TestKeys.exampleVerifiers()).checkpoint().treeHead()).isEqualTo(tree.treeHead(10));
        assertThat(lastSigned.lastSigned()).contains(tree.treeHead(10));
        assertThat(lastSigned.lastSignedNote()).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(note));
    }

    @Test
    void signsCheckpointsThatExtendTheLastOne() {
        growTo(10);
        signer.sign(tree.treeHead(10), tree::consistencyProof);
        growTo(300);

        signer.sign(tree.treeHead(300), tree::consistencyProof);
        signer.sign(tree.treeHead(300), tree::consistencyProof);

        assertThat(lastSigned.lastSigned()).contains(tree.treeHead(300));
    }

    @Test
    void refusesASmallerTree() {
        growTo(10);
        signer.sign(tree.treeHead(10), tree::consistencyProof);

        assertThatThrownBy(() -> signer.sign(tree.treeHead(9), tree::consistencyProof))
                .isInstanceOf(InconsistentCheckpointException.class)
                .hasMessageContaining("larger size 10");
        assertThat(lastSigned.lastSigned()).contains(tree.treeHead(10));
    }

    @Test
    void refusesAnotherRootForTheSameSize() {
        growTo(10);
        signer.sign(tree.treeHead(10), tree::consistencyProof);

        assertThatThrownBy(() -> signer.sign(new TreeHead(10, tree.root(9)), tree::consistencyProof))
                .isInstanceOf(InconsistentCheckpointException.class);
    }

    @Test
    void refusesATreeThatDoesNotExtendTheLastOne() {
        growTo(10);
        signer.sign(tree.treeHead(10), tree::consistencyProof);
        // A forked log: the same first 9 entries, then different ones.
        InMemoryHashStore fork = new InMemoryHashStore();
        fork.write(TreeAppender.appendEntries(0, TestLog.numberedEntries(0, 9), fork).hashesToStore());
        fork.write(TreeAppender.appendEntries(9, TestLog.numberedEntries(100, 120), fork).hashesToStore());
        MerkleTree forked = new MerkleTree(fork);

        assertThatThrownBy(() -> signer.sign(forked.treeHead(29), forked::consistencyProof))
                .isInstanceOf(InconsistentCheckpointException.class)
                .hasMessageContaining("does not extend the last signed size 10");
        assertThat(lastSigned.lastSigned()).contains(tree.treeHead(10));
    }

    @Test
    void refusesAProofForOtherSizes() {
        growTo(20);
        signer.sign(tree.treeHead(10), tree::consistencyProof);

        assertThatThrownBy(() -> signer.sign(tree.treeHead(20), (oldSize, newSize) -> new ConsistencyProof(0, newSize, List.of())))
                .isInstanceOf(InconsistentCheckpointException.class);
    }

    @Test
    void signsWithBothKeysDuringARotation() {
        CheckpointSigner rotating = new CheckpointSigner(
                TestLog.ORIGIN, List.of(TestKeys.exampleSigner(), TestKeys.rotatedSigner()), lastSigned);
        growTo(5);

        byte[] note = rotating.sign(tree.treeHead(5), tree::consistencyProof);

        assertThat(SignedCheckpoint.open(note, NoteVerifiers.of(TestKeys.exampleSigner().verifier())).note().verifiedSignatures()).hasSize(1);
        assertThat(SignedCheckpoint.open(note, NoteVerifiers.of(TestKeys.rotatedSigner().verifier())).note().verifiedSignatures()).hasSize(1);
    }

    @Test
    void failsWhenAnotherSignerMovedTheLastCheckpointMeanwhile() {
        growTo(5);
        SignedCheckpointStore racing = new SignedCheckpointStore() {
            @Override
            public java.util.Optional<TreeHead> lastSigned() {
                return java.util.Optional.empty();
            }

            @Override
            public boolean replaceLastSigned(TreeHead expectedLast, TreeHead signed, byte[] signedNote) {
                return false;
            }
        };
        CheckpointSigner losing = new CheckpointSigner(TestLog.ORIGIN, List.of(TestKeys.exampleSigner()), racing);

        assertThatThrownBy(() -> losing.sign(tree.treeHead(5), tree::consistencyProof)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesKeysNotNamedAfterTheOrigin() {
        assertThatThrownBy(() -> new CheckpointSigner(TestLog.ORIGIN, List.of(TestKeys.witnessSigner()), lastSigned))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointSigner(TestLog.ORIGIN, List.of(), lastSigned)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyTreeCanBeSignedFirst() {
        Hash emptyRoot = tree.root(0);
        signer.sign(new TreeHead(0, emptyRoot), tree::consistencyProof);
        growTo(3);
        signer.sign(tree.treeHead(3), tree::consistencyProof);
        assertThat(lastSigned.lastSigned()).contains(tree.treeHead(3));
    }
}
