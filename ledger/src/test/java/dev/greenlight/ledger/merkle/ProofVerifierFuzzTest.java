package dev.greenlight.ledger.merkle;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.ProofVerificationException;
import dev.greenlight.ledger.testing.TestLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof verification on fuzzed sizes, indexes, roots and proof hashes drawn from a real tree or made up: it fails
 * only with {@link ProofVerificationException}, and whenever it accepts the true leaf and roots of the real tree the
 * proof must be the one the tree generates (anything else would be a second preimage).
 */
class ProofVerifierFuzzTest {
    private static final int SIZE = 300;
    private static final InMemoryHashStore STORE = new InMemoryHashStore();
    private static final MerkleTree TREE = new MerkleTree(STORE);
    private static final List<Hash> POOL = new ArrayList<>();

    static {
        STORE.write(TreeAppender.appendEntries(0, TestLog.numberedEntries(0, SIZE), STORE).hashesToStore());
        for (long i = 0; i < NodeAddress.storedHashCount(SIZE); i++) {
            POOL.add(STORE.readHashes(List.of(NodeAddress.fromStoredIndex(i))).getFirst());
        }
        for (int size = 0; size <= SIZE; size++) {
            POOL.add(TREE.root(size));
        }
    }

    private static Hash hash(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return POOL.get(data.consumeInt(0, POOL.size() - 1));
        }
        byte[] bytes = new byte[Hash.SIZE];
        byte[] given = data.consumeBytes(Hash.SIZE);
        System.arraycopy(given, 0, bytes, 0, given.length);
        return Hash.of(bytes);
    }

    private static List<Hash> hashes(FuzzedDataProvider data) {
        int count = data.consumeInt(0, 70);
        List<Hash> hashes = new ArrayList<>();
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            hashes.add(hash(data));
        }
        return hashes;
    }

    private static Hash rootOrNull(long size) {
        return size >= 0 && size <= SIZE ? TREE.root(size) : Rfc6962.EMPTY_ROOT;
    }

    @FuzzTest
    void verifiersAcceptOnlyGenuineProofs(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            long index = data.consumeBoolean() ? data.consumeLong() : data.consumeLong(-2, SIZE + 2);
            long size = data.consumeBoolean() ? data.consumeLong() : data.consumeLong(-2, SIZE + 2);
            Hash leaf = hash(data);
            Hash root = hash(data);
            List<Hash> proof = hashes(data);
            try {
                ProofVerifier.verifyInclusion(index, size, leaf, proof, root);
            } catch (ProofVerificationException e) {
                return;
            }
            if (size <= SIZE && index >= 0 && index < size
                    && leaf.equals(TREE.leafHash(index)) && root.equals(TREE.root(size))
                    && !proof.equals(TREE.inclusionProof(index, size).hashes())) {
                throw new AssertionError("accepted a forged inclusion proof for index " + index + " in size " + size);
            }
        } else {
            long oldSize = data.consumeBoolean() ? data.consumeLong() : data.consumeLong(-2, SIZE + 2);
            long newSize = data.consumeBoolean() ? data.consumeLong() : data.consumeLong(-2, SIZE + 2);
            Hash oldRoot = data.consumeBoolean() ? rootOrNull(oldSize) : hash(data);
            Hash newRoot = data.consumeBoolean() ? rootOrNull(newSize) : hash(data);
            List<Hash> proof = hashes(data);
            try {
                ProofVerifier.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof);
            } catch (ProofVerificationException e) {
                return;
            }
            if (oldSize < 0 || newSize < oldSize) {
                throw new AssertionError("accepted sizes out of order: " + oldSize + " -> " + newSize);
            }
            if (newSize <= SIZE && oldRoot.equals(TREE.root(oldSize)) && newRoot.equals(TREE.root(newSize))
                    && !proof.equals(TREE.consistencyProof(oldSize, newSize).hashes())) {
                throw new AssertionError("accepted a forged consistency proof from " + oldSize + " to " + newSize);
            }
        }
    }
}
