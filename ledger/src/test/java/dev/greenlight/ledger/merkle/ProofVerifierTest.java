package dev.greenlight.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.ProofVerificationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofVerifierTest {
    private static final List<Hash> ROOTS = Rfc6962ReferenceVectorsTest.ROOTS;
    private static final Hash SOME_HASH = Hash.fromHex("abacaba000000000000000000000000000000000000000000060061e00123456");

    private static final MerkleTree TREE = referenceTree();

    private static MerkleTree referenceTree() {
        InMemoryHashStore store = new InMemoryHashStore();
        store.write(TreeAppender.appendEntries(0, Rfc6962ReferenceVectorsTest.LEAVES, store).hashesToStore());
        return new MerkleTree(store);
    }

    private static Hash leaf(int index) {
        return Rfc6962.leafHash(Rfc6962ReferenceVectorsTest.LEAVES.get(index));
    }

    @Test
    void rejectsIndexAtOrBeyondTreeSize() {
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(8, 8, leaf(0), TREE.inclusionProof(0, 8).hashes(), ROOTS.get(7)))
                .isInstanceOf(ProofVerificationException.class)
                .hasMessageContaining("is not in a tree of size 8");
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(0, 0, leaf(0), List.of(), Rfc6962.EMPTY_ROOT))
                .isInstanceOf(ProofVerificationException.class);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(-1, 8, leaf(0), List.of(), ROOTS.get(7)))
                .isInstanceOf(ProofVerificationException.class);
    }

    @Test
    void rejectsInclusionProofWithAHashTooManyOrTooFew() {
        List<Hash> proof = TREE.inclusionProof(5, 8).hashes();
        List<Hash> longer = new ArrayList<>(proof);
        longer.add(SOME_HASH);

        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(5, 8, leaf(5), longer, ROOTS.get(7)))
                .isInstanceOf(ProofVerificationException.class)
                .hasMessageContaining("too long")
                .extracting(e -> ((ProofVerificationException) e).errorCode())
                .isEqualTo(LedgerErrorCode.INVALID_INCLUSION_PROOF);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(5, 8, leaf(5), proof.subList(0, 2), ROOTS.get(7)))
                .isInstanceOf(ProofVerificationException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void rejectsCorruptedInclusionProofs() {
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                InclusionProof proof = TREE.inclusionProof(index, size);
                Hash root = ROOTS.get(size - 1);
                Hash leafHash = leaf(index);
                assertThatCode(() -> proof.verify(leafHash, root)).doesNotThrowAnyException();
                for (Probe probe : inclusionProbes(index, size, proof.hashes(), leafHash, root)) {
                    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(probe.index, probe.size, probe.leaf, probe.hashes, probe.root))
                            .as("%s for index %d in size %d", probe.description, index, size)
                            .isInstanceOf(ProofVerificationException.class);
                }
            }
        }
    }

    @Test
    void singleEntryTreeHasEmptyProofAndRootEqualToLeafHash() {
        Hash leafHash = Rfc6962.leafHash("data".getBytes());
        assertThatCode(() -> ProofVerifier.verifyInclusion(0, 1, leafHash, List.of(), leafHash)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(0, 1, leafHash, List.of(), SOME_HASH))
                .isInstanceOf(ProofVerificationException.class);
    }

    @Test
    void acceptsSizeEqualConsistencyOnlyWithEmptyProofAndEqualRoots() {
        assertThatCode(() -> ProofVerifier.verifyConsistency(5, 5, ROOTS.get(4), ROOTS.get(4), List.of()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(5, 5, ROOTS.get(4), ROOTS.get(5), List.of()))
                .isInstanceOf(ProofVerificationException.class)
                .hasMessageContaining("different roots");
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(5, 5, ROOTS.get(4), ROOTS.get(4), List.of(ROOTS.get(4))))
                .isInstanceOf(ProofVerificationException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void emptyTreeIsConsistentWithAnyTreeThroughAnEmptyProofOnly() {
        assertThatCode(() -> ProofVerifier.verifyConsistency(0, 8, Rfc6962.EMPTY_ROOT, ROOTS.get(7), List.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProofVerifier.verifyConsistency(0, 0, Rfc6962.EMPTY_ROOT, Rfc6962.EMPTY_ROOT, List.of()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(0, 8, Rfc6962.EMPTY_ROOT, ROOTS.get(7), List.of(ROOTS.get(7))))
                .isInstanceOf(ProofVerificationException.class);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(0, 8, SOME_HASH, ROOTS.get(7), List.of()))
                .isInstanceOf(ProofVerificationException.class)
                .hasMessageContaining("root of the empty tree");
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(0, 0, SOME_HASH, SOME_HASH, List.of()))
                .isInstanceOf(ProofVerificationException.class);
    }

    @Test
    void rejectsNewTreeSmallerThanOldOne() {
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(8, 6, ROOTS.get(7), ROOTS.get(5), TREE.consistencyProof(6, 8).hashes()))
                .isInstanceOf(ProofVerificationException.class)
                .hasMessageContaining("smaller");
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(1, 0, ROOTS.get(0), Rfc6962.EMPTY_ROOT, List.of()))
                .isInstanceOf(ProofVerificationException.class);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(-1, 3, ROOTS.get(0), ROOTS.get(2), List.of()))
                .isInstanceOf(ProofVerificationException.class);
    }

    @Test
    void rejectsEmptyConsistencyProofBetweenDifferentSizes() {
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(1, 2, ROOTS.get(0), ROOTS.get(1), List.of()))
                .isInstanceOf(ProofVerificationException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void rejectsCorruptedConsistencyProofs() {
        for (int newSize = 2; newSize <= 8; newSize++) {
            for (int oldSize = 1; oldSize < newSize; oldSize++) {
                ConsistencyProof proof = TREE.consistencyProof(oldSize, newSize);
                Hash oldRoot = ROOTS.get(oldSize - 1);
                Hash newRoot = ROOTS.get(newSize - 1);
                assertThatCode(() -> proof.verify(oldRoot, newRoot)).doesNotThrowAnyException();
                for (ConsistencyProbe probe : consistencyProbes(oldSize, newSize, proof.hashes(), oldRoot, newRoot)) {
                    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(
                                    probe.oldSize, probe.newSize, probe.oldRoot, probe.newRoot, probe.hashes))
                            .as("%s from %d to %d", probe.description, oldSize, newSize)
                            .isInstanceOf(ProofVerificationException.class);
                }
            }
        }
    }

    @Test
    void proofLengthsMatchGeneratedProofs() {
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                assertThat(ProofVerifier.inclusionProofLength(index, size)).isEqualTo(TREE.inclusionProof(index, size).hashes().size());
            }
            for (int oldSize = 0; oldSize <= size; oldSize++) {
                assertThat(ProofVerifier.consistencyProofLength(oldSize, size))
                        .isEqualTo(TREE.consistencyProof(oldSize, size).hashes().size());
            }
        }
    }

    record Probe(String description, long index, long size, Hash leaf, List<Hash> hashes, Hash root) {}

    record ConsistencyProbe(String description, long oldSize, long newSize, Hash oldRoot, Hash newRoot, List<Hash> hashes) {}

    static List<Probe> inclusionProbes(long index, long size, List<Hash> proof, Hash leaf, Hash root) {
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("index - 1", index - 1, size, leaf, proof, root));
        probes.add(new Probe("index + 1", index + 1, size, leaf, proof, root));
        probes.add(new Probe("index ^ 2", index ^ 2, size, leaf, proof, root));
        probes.add(new Probe("size * 2", index, size * 2, leaf, proof, root));
        probes.add(new Probe("size / 2", index, size / 2, leaf, proof, root));
        probes.add(new Probe("wrong leaf", index, size, SOME_HASH, proof, root));
        probes.add(new Probe("empty root", index, size, leaf, proof, Rfc6962.EMPTY_ROOT));
        probes.add(new Probe("random root", index, size, leaf, proof, SOME_HASH));
        probes.add(new Probe("trailing root", index, size, leaf, with(proof, proof.size(), root), root));
        probes.add(new Probe("preceding root", index, size, leaf, with(proof, 0, root), root));
        for (int i = 0; i < proof.size(); i++) {
            probes.add(new Probe("flipped bit in hash " + i, index, size, leaf, flipped(proof, i), root));
        }
        if (!proof.isEmpty()) {
            probes.add(new Probe("removed hash", index, size, leaf, proof.subList(0, proof.size() - 1), root));
        }
        if (proof.size() > 1) {
            probes.add(new Probe("inserted hash", index, size, leaf, with(proof, 1, SOME_HASH), root));
        }
        return probes.stream().filter(p -> !(p.index == index && p.size == size && p.leaf.equals(leaf) && p.root.equals(root) && p.hashes.equals(proof))).toList();
    }

    static List<ConsistencyProbe> consistencyProbes(long oldSize, long newSize, List<Hash> proof, Hash oldRoot, Hash newRoot) {
        List<ConsistencyProbe> probes = new ArrayList<>();
        probes.add(new ConsistencyProbe("old size - 1", oldSize - 1, newSize, oldRoot, newRoot, proof));
        probes.add(new ConsistencyProbe("old size + 1", oldSize + 1, newSize, oldRoot, newRoot, proof));
        probes.add(new ConsistencyProbe("old size ^ 2", oldSize ^ 2, newSize, oldRoot, newRoot, proof));
        probes.add(new ConsistencyProbe("new size * 2", oldSize, newSize * 2, oldRoot, newRoot, proof));
        probes.add(new ConsistencyProbe("new size / 2", oldSize, newSize / 2, oldRoot, newRoot, proof));
        probes.add(new ConsistencyProbe("wrong old root", oldSize, newSize, SOME_HASH, newRoot, proof));
        probes.add(new ConsistencyProbe("wrong new root", oldSize, newSize, oldRoot, SOME_HASH, proof));
        probes.add(new ConsistencyProbe("swapped roots", oldSize, newSize, newRoot, oldRoot, proof));
        probes.add(new ConsistencyProbe("empty proof", oldSize, newSize, oldRoot, newRoot, List.of()));
        probes.add(new ConsistencyProbe("trailing old root", oldSize, newSize, oldRoot, newRoot, with(proof, proof.size(), oldRoot)));
        probes.add(new ConsistencyProbe("trailing new root", oldSize, newSize, oldRoot, newRoot, with(proof, proof.size(), newRoot)));
        probes.add(new ConsistencyProbe("preceding old root", oldSize, newSize, oldRoot, newRoot, with(proof, 0, oldRoot)));
        probes.add(new ConsistencyProbe("preceding first hash", oldSize, newSize, oldRoot, newRoot, with(proof, 0, proof.getFirst())));
        probes.add(new ConsistencyProbe("truncated proof", oldSize, newSize, oldRoot, newRoot, proof.subList(0, proof.size() - 1)));
        for (int i = 0; i < proof.size(); i++) {
            probes.add(new ConsistencyProbe("flipped bit in hash " + i, oldSize, newSize, oldRoot, newRoot, flipped(proof, i)));
        }
        return probes;
    }

    static List<Hash> with(List<Hash> proof, int position, Hash extra) {
        List<Hash> result = new ArrayList<>(proof);
        result.add(position, extra);
        return result;
    }

    static List<Hash> flipped(List<Hash> proof, int position) {
        List<Hash> result = new ArrayList<>(proof);
        byte[] bytes = result.get(position).bytes();
        bytes[0] ^= 0x10;
        result.set(position, Hash.of(bytes));
        return result;
    }
}
