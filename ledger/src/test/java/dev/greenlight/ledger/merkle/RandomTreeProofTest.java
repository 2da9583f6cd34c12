package dev.greenlight.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.ProofVerificationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proofs over random trees: every generated proof verifies, every proof changed by one hash or bit does not. */
class RandomTreeProofTest {
    private static final int MAX_SIZE = 3000;

    private static RandomTree randomTree(long seed) {
        Random random = new Random(seed);
        int size = 1 + random.nextInt(MAX_SIZE);
        InMemoryHashStore store = new InMemoryHashStore();
        List<Hash> roots = new ArrayList<>();
        roots.add(Rfc6962.EMPTY_ROOT);
        List<byte[]> all = new ArrayList<>();
        while (all.size() < size) {
            int batch = Math.min(size - all.size(), 1 + random.nextInt(40));
            List<byte[]> entries = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                byte[] entry = new byte[random.nextInt(64)];
                random.nextBytes(entry);
                entries.add(entry);
            }
            // Roots after every single entry, to check each size's root later.
            CompactRange range = CompactRange.of(all.size(), all.isEmpty() ? List.of() : store.readHashes(CompactRange.addressesFor(all.size())));
            for (byte[] entry : entries) {
                range.append(Rfc6962.leafHash(entry));
                roots.add(range.root());
            }
            AppendResult result = TreeAppender.appendEntries(all.size(), entries, store);
            store.write(result.hashesToStore());
            all.addAll(entries);
            assertThat(result.newRoot()).isEqualTo(roots.getLast());
        }
        return new RandomTree(random, all, store, roots);
    }

    record RandomTree(Random random, List<byte[]> entries, InMemoryHashStore store, List<Hash> roots) {
        int size() {
            return entries.size();
        }

        Hash leaf(int index) {
            return Rfc6962.leafHash(entries.get(index));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyRootMatchesIncrementalComputation(long seed) {
        RandomTree tree = randomTree(seed);
        MerkleTree merkleTree = new MerkleTree(tree.store());
        for (int size = 0; size <= tree.size(); size++) {
            assertThat(merkleTree.root(size)).isEqualTo(tree.roots().get(size));
        }
        assertThat(merkleTree.root(tree.size())).isEqualTo(naiveRoot(tree.entries().subList(0, tree.size())));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void everyInclusionProofVerifiesAndEveryOneHashChangeIsRejected(long seed) {
        RandomTree tree = randomTree(seed);
        MerkleTree merkleTree = new MerkleTree(tree.store());
        int size = tree.size();
        Hash root = tree.roots().get(size);
        for (int index = 0; index < size; index++) {
            InclusionProof proof = merkleTree.inclusionProof(index, size);
            Hash leaf = tree.leaf(index);
            assertThatCode(() -> proof.verify(leaf, root)).doesNotThrowAnyException();
            assertThat(proof.hashes()).hasSize(ProofVerifier.inclusionProofLength(index, size));
            if (index % 7 == 0) {
                for (List<Hash> mutated : mutations(proof.hashes(), tree.random())) {
                    long at = index;
                    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(at, size, leaf, mutated, root))
                            .isInstanceOf(ProofVerificationException.class);
                }
            }
        }
        // Smaller trees too: a sample of sizes, every index.
        for (int round = 0; round < 30; round++) {
            int smaller = 1 + tree.random().nextInt(size);
            int index = tree.random().nextInt(smaller);
            InclusionProof proof = merkleTree.inclusionProof(index, smaller);
            assertThatCode(() -> proof.verify(tree.leaf(index), tree.roots().get(smaller))).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void everyConsistencyProofVerifiesAndEveryOneHashChangeIsRejected(long seed) {
        RandomTree tree = randomTree(seed);
        MerkleTree merkleTree = new MerkleTree(tree.store());
        int size = tree.size();
        for (int oldSize = 0; oldSize <= size; oldSize++) {
            checkConsistency(tree, merkleTree, oldSize, size, oldSize % 11 == 0);
        }
        for (int round = 0; round < 500; round++) {
            int newSize = tree.random().nextInt(size + 1);
            int oldSize = tree.random().nextInt(newSize + 1);
            checkConsistency(tree, merkleTree, oldSize, newSize, round % 5 == 0);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32})
    void inASmallTreeEveryMutationOfEveryProofIsRejected(long seed) {
        RandomTree tree = randomTree(seed);
        int size = Math.min(tree.size(), 200);
        MerkleTree merkleTree = new MerkleTree(tree.store());
        Hash root = tree.roots().get(size);
        for (int index = 0; index < size; index++) {
            Hash leaf = tree.leaf(index);
            long at = index;
            for (List<Hash> mutated : mutations(merkleTree.inclusionProof(index, size).hashes(), tree.random())) {
                assertThatThrownBy(() -> ProofVerifier.verifyInclusion(at, size, leaf, mutated, root))
                        .isInstanceOf(ProofVerificationException.class);
            }
        }
        for (int oldSize = 0; oldSize <= size; oldSize++) {
            checkConsistency(tree, merkleTree, oldSize, size, true);
        }
    }

    private static void checkConsistency(RandomTree tree, MerkleTree merkleTree, int oldSize, int newSize, boolean mutate) {
        ConsistencyProof proof = merkleTree.consistencyProof(oldSize, newSize);
        Hash oldRoot = tree.roots().get(oldSize);
        Hash newRoot = tree.roots().get(newSize);
        assertThatCode(() -> proof.verify(oldRoot, newRoot)).doesNotThrowAnyException();
        assertThat(proof.hashes()).hasSize(ProofVerifier.consistencyProofLength(oldSize, newSize));
        if (mutate) {
            for (List<Hash> mutated : mutations(proof.hashes(), tree.random())) {
                assertThatThrownBy(() -> ProofVerifier.verifyConsistency(oldSize, newSize, oldRoot, newRoot, mutated))
                        .isInstanceOf(ProofVerificationException.class);
            }
        }
    }

    /** Every proof obtained by flipping one random bit of one hash, removing one hash, or inserting one. */
    private static List<List<Hash>> mutations(List<Hash> proof, Random random) {
        List<List<Hash>> mutated = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            List<Hash> copy = new ArrayList<>(proof);
            byte[] bytes = copy.get(i).bytes();
            bytes[random.nextInt(Hash.SIZE)] ^= (byte) (1 << random.nextInt(8));
            copy.set(i, Hash.of(bytes));
            mutated.add(copy);

            List<Hash> removed = new ArrayList<>(proof);
            removed.remove(i);
            mutated.add(removed);
        }
        for (int i = 0; i <= proof.size(); i++) {
            List<Hash> added = new ArrayList<>(proof);
            byte[] bytes = new byte[Hash.SIZE];
            random.nextBytes(bytes);
            added.add(i, Hash.of(bytes));
            mutated.add(added);
            if (!proof.isEmpty()) {
                List<Hash> duplicated = new ArrayList<>(proof);
                duplicated.add(i, proof.get(random.nextInt(proof.size())));
                mutated.add(duplicated);
            }
        }
        return mutated;
    }

    /** The RFC 6962 definition, recursively, as an independent check of the stored-hash arithmetic. */
    static Hash naiveRoot(List<byte[]> entries) {
        if (entries.isEmpty()) {
            return Rfc6962.EMPTY_ROOT;
        }
        if (entries.size() == 1) {
            return Rfc6962.leafHash(entries.getFirst());
        }
        int split = Integer.highestOneBit(entries.size() - 1);
        return Rfc6962.nodeHash(naiveRoot(entries.subList(0, split)), naiveRoot(entries.subList(split, entries.size())));
    }
}
