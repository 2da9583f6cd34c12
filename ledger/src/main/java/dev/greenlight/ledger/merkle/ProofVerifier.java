package dev.greenlight.ledger.merkle;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.ProofVerificationException;
import java.util.List;

/**
 * Strict verification of inclusion and consistency proofs, following RFC 9162 §2.1.3.2 and §2.1.4.2.
 *
 * <p>Beyond the RFC algorithms, which already fail on most malformed input, the verifier checks the proof length
 * against the one the tree shape dictates first, so that a proof with a hash too many or too few is rejected with
 * a message saying so. Trees of size 0 follow RFC 9162's definition of the empty tree: its only root is
 * {@link Rfc6962#EMPTY_ROOT}, it contains no entry, and it is consistent with every tree through an empty proof.
 */
public final class ProofVerifier {
    private ProofVerifier() {}

    /**
     * Verifies that the entry with {@code leafHash} is at {@code index} in the tree of {@code treeSize} entries
     * with {@code root}.
     *
     * @throws ProofVerificationException if the proof does not show that
     */
    public static void verifyInclusion(long index, long treeSize, Hash leafHash, List<Hash> proof, Hash root) {
        requireNonNull(root, "root is null");
        Hash computed = rootFromInclusionProof(index, treeSize, leafHash, proof);
        if (!computed.equals(root)) {
            throw new ProofVerificationException(
                    LedgerErrorCode.INVALID_INCLUSION_PROOF,
                    "inclusion proof for index " + index + " leads to root " + computed + ", not to " + root);
        }
    }

    /**
     * Returns the root that {@code proof} leads to from the entry with {@code leafHash} at {@code index} in a tree
     * of {@code treeSize} entries.
     *
     * @throws ProofVerificationException if the index is not in the tree or the proof has the wrong length
     */
    public static Hash rootFromInclusionProof(long index, long treeSize, Hash leafHash, List<Hash> proof) {
        requireNonNull(leafHash, "leafHash is null");
        requireNonNull(proof, "proof is null");
        if (index < 0 || treeSize < 0 || index >= treeSize) {
            throw new ProofVerificationException(
                    LedgerErrorCode.INVALID_INCLUSION_PROOF,
                    "index " + index + " is not in a tree of size " + treeSize);
        }
        int expected = inclusionProofLength(index, treeSize);
        if (proof.size() != expected) {
            throw new ProofVerificationException(
                    LedgerErrorCode.INVALID_INCLUSION_PROOF,
                    lengthMessage("inclusion proof for index " + index + " in a tree of size " + treeSize, proof.size(), expected));
        }
        // RFC 9162 §2.1.3.2, steps 2 to 5.
        long fn = index;
        long sn = treeSize - 1;
        Hash r = leafHash;
        for (Hash p : proof) {
            if (sn == 0) {
                throw tooLong(LedgerErrorCode.INVALID_INCLUSION_PROOF, "inclusion proof");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = Rfc6962.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofVerificationException(LedgerErrorCode.INVALID_INCLUSION_PROOF, "inclusion proof is too short");
        }
        return r;
    }

    /**
     * Verifies that the tree of {@code oldSize} entries with {@code oldRoot} is a prefix of the tree of
     * {@code newSize} entries with {@code newRoot}.
     *
     * @throws ProofVerificationException if the proof does not show that
     */
    public static void verifyConsistency(long oldSize, long newSize, Hash oldRoot, Hash newRoot, List<Hash> proof) {
        requireNonNull(oldRoot, "oldRoot is null");
        requireNonNull(newRoot, "newRoot is null");
        requireNonNull(proof, "proof is null");
        LedgerErrorCode code = LedgerErrorCode.INVALID_CONSISTENCY_PROOF;
        if (oldSize < 0 || newSize < 0) {
            throw new ProofVerificationException(code, "tree sizes must not be negative: " + oldSize + ", " + newSize);
        }
        if (newSize < oldSize) {
            throw new ProofVerificationException(code, "the new tree (size " + newSize + ") is smaller than the old one (size " + oldSize + ")");
        }
        if (oldSize == 0 || oldSize == newSize) {
            if (!proof.isEmpty()) {
                throw new ProofVerificationException(
                        code, lengthMessage("consistency proof from size " + oldSize + " to " + newSize, proof.size(), 0));
            }
            if (oldSize == 0 && !oldRoot.equals(Rfc6962.EMPTY_ROOT)) {
                throw new ProofVerificationException(code, "the root of the empty tree is " + Rfc6962.EMPTY_ROOT + ", not " + oldRoot);
            }
            if (oldSize == newSize && !oldRoot.equals(newRoot)) {
                throw new ProofVerificationException(
                        code, "two trees of size " + oldSize + " have different roots: " + oldRoot + " and " + newRoot);
            }
            return;
        }
        int expected = consistencyProofLength(oldSize, newSize);
        if (proof.size() != expected) {
            throw new ProofVerificationException(
                    code, lengthMessage("consistency proof from size " + oldSize + " to " + newSize, proof.size(), expected));
        }
        // RFC 9162 §2.1.4.2, steps 1 to 7.
        if (proof.isEmpty()) {
            throw new ProofVerificationException(code, "consistency proof is empty");
        }
        boolean oldIsPowerOfTwo = Long.bitCount(oldSize) == 1;
        int next = 0;
        Hash start = oldIsPowerOfTwo ? oldRoot : proof.get(next++);
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        Hash fr = start;
        Hash sr = start;
        for (; next < proof.size(); next++) {
            Hash c = proof.get(next);
            if (sn == 0) {
                throw tooLong(code, "consistency proof");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.nodeHash(c, fr);
                sr = Rfc6962.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = Rfc6962.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofVerificationException(code, "consistency proof is too short");
        }
        if (!fr.equals(oldRoot)) {
            throw new ProofVerificationException(
                    code, "consistency proof leads to old root " + fr + ", not to " + oldRoot);
        }
        if (!sr.equals(newRoot)) {
            throw new ProofVerificationException(
                    code, "consistency proof leads to new root " + sr + ", not to " + newRoot);
        }
    }

    /** Returns the number of hashes in the inclusion proof of {@code index} in a tree of {@code treeSize}. */
    public static int inclusionProofLength(long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + treeSize);
        }
        // Below the level where the paths to the leaf and to the last entry meet, every level has a sibling;
        // above it, only the levels where the leaf's subtree has a left neighbour do.
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (treeSize - 1));
        int border = Long.bitCount(index >>> inner);
        return inner + border;
    }

    /** Returns the number of hashes in the consistency proof from {@code oldSize} to {@code newSize}. */
    public static int consistencyProofLength(long oldSize, long newSize) {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("sizes out of order: " + oldSize + " -> " + newSize);
        }
        if (oldSize == 0 || oldSize == newSize) {
            return 0;
        }
        // The proof is the inclusion path of the old tree's last entry, less the levels inside the old tree's
        // last complete subtree, plus that subtree's own hash unless it is the whole old tree.
        int inner = 64 - Long.numberOfLeadingZeros((oldSize - 1) ^ (newSize - 1));
        int border = Long.bitCount((oldSize - 1) >>> inner);
        int shared = Long.numberOfTrailingZeros(oldSize);
        return (Long.bitCount(oldSize) == 1 ? 0 : 1) + inner - shared + border;
    }

    private static String lengthMessage(String what, int actual, int expected) {
        String verdict = actual > expected ? "too long" : "too short";
        return what + " is " + verdict + ": it has " + actual + " hashes, but must have " + expected;
    }

    private static ProofVerificationException tooLong(LedgerErrorCode code, String what) {
        return new ProofVerificationException(code, what + " is too long");
    }
}
