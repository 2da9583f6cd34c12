package dev.greenlight.ledger.merkle;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.ProofVerificationException;
import java.util.List;

/**
 * An RFC 6962 / RFC 9162 inclusion proof: the audit path from entry {@code index} to the root of a tree of
 * {@code treeSize} entries, sibling nearest the leaf first.
 *
 * @param index the entry's index, below {@code treeSize}
 * @param treeSize the size of the tree the path leads to the root of
 * @param hashes the audit path
 */
public record InclusionProof(long index, long treeSize, List<Hash> hashes) {
    public InclusionProof {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + treeSize);
        }
        hashes = List.copyOf(requireNonNull(hashes, "hashes is null"));
    }

    /**
     * Verifies that the entry with {@code leafHash} is at {@link #index()} in the tree with {@code root}.
     *
     * @throws ProofVerificationException if it does not
     */
    public void verify(Hash leafHash, Hash root) {
        ProofVerifier.verifyInclusion(index, treeSize, leafHash, hashes, root);
    }
}
