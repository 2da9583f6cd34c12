package dev.greenlight.ledger.merkle;

import dev.greenlight.ledger.Hash;
import java.util.ArrayList;
import java.util.List;

/** Splitting entry ranges into complete subtrees, and folding their hashes back into RFC 6962 tree hashes. */
final class Subtrees {
    private Subtrees() {}

    /**
     * Returns the complete subtrees that make up {@code [start, end)}, left to right, each as large as alignment
     * allows. For the ranges RFC 6962 builds trees and proofs from ({@code start} a multiple of a power of two at
     * least {@code end − start}), the subtrees shrink from left to right, so folding them from the right gives the
     * RFC 6962 hash of the range.
     */
    static List<NodeAddress> covering(long start, long end) {
        List<NodeAddress> nodes = new ArrayList<>();
        long position = start;
        while (position < end) {
            int alignment = position == 0 ? NodeAddress.MAX_LEVEL : Long.numberOfTrailingZeros(position);
            int fits = 63 - Long.numberOfLeadingZeros(end - position);
            int level = Math.min(Math.min(alignment, fits), NodeAddress.MAX_LEVEL);
            nodes.add(new NodeAddress(level, position >>> level));
            position += 1L << level;
        }
        return nodes;
    }

    /** Returns the complete subtrees of a tree of {@code size} entries, largest first: one per set bit of size. */
    static List<NodeAddress> ofTree(long size) {
        return covering(0, size);
    }

    /** Folds subtree hashes (largest first) from the right into the hash of their concatenated range. */
    static Hash foldFromRight(List<Hash> hashes) {
        Hash result = hashes.getLast();
        for (int i = hashes.size() - 2; i >= 0; i--) {
            result = Rfc6962.nodeHash(hashes.get(i), result);
        }
        return result;
    }

    /** Returns the largest power of two strictly below {@code n}, for {@code n > 1}. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
