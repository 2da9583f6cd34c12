package dev.greenlight.ledger.merkle;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.TreeHead;
import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of a log whose stored hashes are read through a {@link HashReader}.
 *
 * <p>Every computation works out which complete subtrees it needs, reads them in a single call and folds them, so
 * the cost is O(log n) hashes read and hashed whatever the store. The same code serves the server (database rows)
 * and the CLI (tiles); a tree read from an untrusted source must still be checked against a signed root, which is
 * what verifying the proofs it produces does.
 */
public final class MerkleTree {
    private final HashReader store;

    public MerkleTree(HashReader store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** Returns the RFC 6962 root of the first {@code treeSize} entries. */
    public Hash root(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size is negative: " + treeSize);
        }
        if (treeSize == 0) {
            return Rfc6962.EMPTY_ROOT;
        }
        return hashRanges(List.of(new long[] {0, treeSize})).getFirst();
    }

    /** Returns the tree head for the first {@code treeSize} entries. */
    public TreeHead treeHead(long treeSize) {
        return new TreeHead(treeSize, root(treeSize));
    }

    /** Returns the leaf hash of entry {@code index}. */
    public Hash leafHash(long index) {
        return store.readHashes(List.of(NodeAddress.leaf(index))).getFirst();
    }

    /**
     * Returns the proof that entry {@code index} is in the tree of {@code treeSize} entries (RFC 6962 §2.1.1,
     * RFC 9162 §2.1.3.1).
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < treeSize}
     */
    public InclusionProof inclusionProof(long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + treeSize);
        }
        // PATH(m, D[lo:hi]): descend towards the leaf, noting the sibling range at each split; the proof lists
        // them from the leaf up, so in reverse.
        List<long[]> siblings = new ArrayList<>();
        long low = 0;
        long high = treeSize;
        while (high - low > 1) {
            long split = low + Subtrees.largestPowerOfTwoBelow(high - low);
            if (index < split) {
                siblings.add(new long[] {split, high});
                high = split;
            } else {
                siblings.add(new long[] {low, split});
                low = split;
            }
        }
        return new InclusionProof(index, treeSize, hashRanges(siblings.reversed()));
    }

    /**
     * Returns the proof that the tree of {@code oldSize} entries is a prefix of the tree of {@code newSize} entries
     * (RFC 6962 §2.1.2, RFC 9162 §2.1.4.1); empty when the sizes are equal or {@code oldSize} is 0.
     *
     * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize}
     */
    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("sizes out of order: " + oldSize + " -> " + newSize);
        }
        if (oldSize == 0 || oldSize == newSize) {
            return new ConsistencyProof(oldSize, newSize, List.of());
        }
        // SUBPROOF(m, D[lo:hi], b): descend while the old tree does not end exactly at hi, noting the range on the
        // other side of each split; when it does, the old subtree itself is part of the proof unless it is the
        // whole old tree (b still true), which the verifier already knows.
        List<long[]> nodes = new ArrayList<>();
        long low = 0;
        long high = newSize;
        boolean wholeOldTree = true;
        while (oldSize != high) {
            long split = low + Subtrees.largestPowerOfTwoBelow(high - low);
            if (oldSize <= split) {
                nodes.add(new long[] {split, high});
                high = split;
            } else {
                nodes.add(new long[] {low, split});
                low = split;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree) {
            nodes.add(new long[] {low, high});
        }
        return new ConsistencyProof(oldSize, newSize, hashRanges(nodes.reversed()));
    }

    /** Hashes each {@code [start, end)} range, reading every subtree they need in one call. */
    private List<Hash> hashRanges(List<long[]> ranges) {
        List<List<NodeAddress>> coverings = new ArrayList<>(ranges.size());
        List<NodeAddress> all = new ArrayList<>();
        for (long[] range : ranges) {
            List<NodeAddress> covering = Subtrees.covering(range[0], range[1]);
            coverings.add(covering);
            all.addAll(covering);
        }
        List<Hash> read = all.isEmpty() ? List.of() : store.readHashes(all);
        if (read.size() != all.size()) {
            throw new IllegalStateException("the hash store returned " + read.size() + " hashes for " + all.size() + " addresses");
        }
        List<Hash> result = new ArrayList<>(ranges.size());
        int next = 0;
        for (List<NodeAddress> covering : coverings) {
            result.add(Subtrees.foldFromRight(read.subList(next, next + covering.size())));
            next += covering.size();
        }
        return result;
    }
}
