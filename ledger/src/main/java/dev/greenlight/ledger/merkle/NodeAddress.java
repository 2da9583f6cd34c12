package dev.greenlight.ledger.merkle;

/**
 * The position of a complete subtree: the node at {@code level} (0 for leaves) and {@code index} (counted from the
 * left at that level), covering entries {@code [index·2^level, (index+1)·2^level)}.
 *
 * <p>These are the "stored hashes" of a log: once a subtree is complete its hash never changes, so a store keeps
 * exactly one row per address. {@link #storedIndex()} numbers the addresses in the order appending creates them, for
 * stores that prefer a single integer key.
 *
 * @param level the height of the subtree, 0 to 62
 * @param index the index of the subtree at its level
 */
public record NodeAddress(int level, long index) implements Comparable<NodeAddress> {
    /** The largest level a tree with at most {@link Long#MAX_VALUE} entries can complete. */
    public static final int MAX_LEVEL = 62;

    public NodeAddress {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("level must be in [0, " + MAX_LEVEL + "]: " + level);
        }
        // The subtree must end within a tree of at most Long.MAX_VALUE entries: (index + 1)·2^level < 2^63.
        if (index < 0 || index >= (1L << (63 - level)) - 1) {
            throw new IllegalArgumentException("index " + index + " at level " + level + " lies beyond any tree");
        }
    }

    /** Returns the address of leaf {@code index}. */
    public static NodeAddress leaf(long index) {
        return new NodeAddress(0, index);
    }

    /** Returns the index of the first entry the subtree covers. */
    public long firstEntry() {
        return index << level;
    }

    /** Returns the number of entries the subtree covers. */
    public long entryCount() {
        return 1L << level;
    }

    /** Returns the smallest tree size that contains this complete subtree. */
    public long minimumTreeSize() {
        return (index + 1) << level;
    }

    /** Returns the left child; this node must not be a leaf. */
    public NodeAddress leftChild() {
        if (level == 0) {
            throw new IllegalStateException("a leaf has no children");
        }
        return new NodeAddress(level - 1, 2 * index);
    }

    /** Returns the right child; this node must not be a leaf. */
    public NodeAddress rightChild() {
        if (level == 0) {
            throw new IllegalStateException("a leaf has no children");
        }
        return new NodeAddress(level - 1, 2 * index + 1);
    }

    /**
     * Returns this address's position in append order: appending entry {@code n} creates the leaf hash, then one
     * hash per level for as long as {@code n} completes a subtree, and the store counts them from zero. The value
     * is below {@code 2·minimumTreeSize()}.
     *
     * @throws ArithmeticException if the position does not fit a {@code long}
     */
    public long storedIndex() {
        // The node is created while appending entry n = (index+1)·2^level − 1, after the hashes of entries
        // 0..n−1, of which there are 2n − popcount(n): one per complete subtree of a tree of n entries.
        long entry = minimumTreeSize() - 1;
        return Math.addExact(storedHashCount(entry), level);
    }

    /**
     * Returns the address at {@code storedIndex}; the inverse of {@link #storedIndex()}.
     *
     * @throws IllegalArgumentException if {@code storedIndex} is negative or too large
     */
    public static NodeAddress fromStoredIndex(long storedIndex) {
        if (storedIndex < 0 || storedIndex > Long.MAX_VALUE - 64) {
            throw new IllegalArgumentException("stored index out of range: " + storedIndex);
        }
        // storedHashCount(n) = 2n − popcount(n) lies in [2n − 63, 2n], so the entry being appended is within
        // 32 of storedIndex / 2.
        long entry = storedIndex / 2;
        while (storedHashCount(entry + 1) <= storedIndex) {
            entry++;
        }
        int level = (int) (storedIndex - storedHashCount(entry));
        return new NodeAddress(level, entry >>> level);
    }

    /** Returns the number of stored hashes of a tree with {@code treeSize} entries: one per complete subtree. */
    public static long storedHashCount(long treeSize) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size is negative: " + treeSize);
        }
        return Math.subtractExact(Math.multiplyExact(treeSize, 2), Long.bitCount(treeSize));
    }

    @Override
    public int compareTo(NodeAddress other) {
        int byLevel = Integer.compare(level, other.level);
        return byLevel != 0 ? byLevel : Long.compare(index, other.index);
    }
}
