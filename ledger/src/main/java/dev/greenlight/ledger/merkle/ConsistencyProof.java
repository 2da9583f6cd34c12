package dev.greenlight.ledger.merkle;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.ProofVerificationException;
import java.util.List;

/**
 * An RFC 6962 / RFC 9162 consistency proof that the tree of {@code oldSize} entries is a prefix of the tree of
 * {@code newSize} entries. It is empty when the sizes are equal or the old tree is empty.
 *
 * @param oldSize the size of the earlier tree
 * @param newSize the size of the later tree, at least {@code oldSize}
 * @param hashes the proof nodes
 */
public record ConsistencyProof(long oldSize, long newSize, List<Hash> hashes) {
    public ConsistencyProof {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("sizes out of order: " + oldSize + " -> " + newSize);
        }
        hashes = List.copyOf(requireNonNull(hashes, "hashes is null"));
    }

    /**
     * Verifies that the tree with {@code oldRoot} is a prefix of the tree with {@code newRoot}.
     *
     * @throws ProofVerificationException if it is not
     */
    public void verify(Hash oldRoot, Hash newRoot) {
        ProofVerifier.verifyConsistency(oldSize, newSize, oldRoot, newRoot, hashes);
    }
}
