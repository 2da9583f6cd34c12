package dev.greenlight.ledger.checkpoint;

import dev.greenlight.ledger.merkle.ConsistencyProof;

/**
 * Produces consistency proofs between two sizes of the log being signed; {@link
 * dev.greenlight.ledger.merkle.MerkleTree#consistencyProof(long, long)} is one.
 */
@FunctionalInterface
public interface ConsistencyProver {
    /** Returns the proof that the tree of {@code oldSize} entries is a prefix of the one of {@code newSize}. */
    ConsistencyProof consistencyProof(long oldSize, long newSize);
}
