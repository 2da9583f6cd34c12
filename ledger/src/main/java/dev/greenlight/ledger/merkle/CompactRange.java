package dev.greenlight.ledger.merkle;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: the hashes of the complete subtrees that make up its first {@code size}
 * entries, one per set bit of the size. That is all it takes to append further entries and to compute the root, so
 * an auditor can stream a whole log through it in O(log n) memory.
 */
public final class CompactRange {
    private final List<Hash> hashes = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private long size;

    private CompactRange() {}

    /** Returns the compact range of the empty tree. */
    public static CompactRange empty() {
        return new CompactRange();
    }

    /**
     * Returns the compact range of a tree of {@code size} entries from the hashes at {@link #addressesFor(long)
     * addressesFor(size)}, in that order.
     */
    public static CompactRange of(long size, List<Hash> subtreeHashes) {
        requireNonNull(subtreeHashes, "subtreeHashes is null");
        List<NodeAddress> addresses = addressesFor(size);
        if (addresses.size() != subtreeHashes.size()) {
            throw new IllegalArgumentException(
                    "a tree of size " + size + " has " + addresses.size() + " subtrees, not " + subtreeHashes.size());
        }
        CompactRange range = new CompactRange();
        for (int i = 0; i < addresses.size(); i++) {
            range.levels.add(addresses.get(i).level());
            range.hashes.add(requireNonNull(subtreeHashes.get(i), "subtree hash is null"));
        }
        range.size = size;
        return range;
    }

    /** Returns the addresses of the complete subtrees a tree of {@code size} entries is made of, largest first. */
    public static List<NodeAddress> addressesFor(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size is negative: " + size);
        }
        return Subtrees.ofTree(size);
    }

    /** Returns the number of entries covered. */
    public long size() {
        return size;
    }

    /**
     * Appends one leaf and returns the hashes that became complete: the leaf itself, then one per level it closed.
     */
    public List<StoredHash> append(Hash leafHash) {
        requireNonNull(leafHash, "leafHash is null");
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        long entry = size;
        List<StoredHash> created = new ArrayList<>();
        Hash hash = leafHash;
        int level = 0;
        created.add(new StoredHash(NodeAddress.leaf(entry), hash));
        while (!levels.isEmpty() && levels.getLast() == level) {
            levels.removeLast();
            hash = Rfc6962.nodeHash(hashes.removeLast(), hash);
            level++;
            created.add(new StoredHash(new NodeAddress(level, entry >>> level), hash));
        }
        levels.add(level);
        hashes.add(hash);
        size++;
        return created;
    }

    /** Returns the RFC 6962 root of the entries covered. */
    public Hash root() {
        return hashes.isEmpty() ? Rfc6962.EMPTY_ROOT : Subtrees.foldFromRight(hashes);
    }

    /** Returns the hashes of the subtrees covered, largest first. */
    public List<Hash> subtreeHashes() {
        return List.copyOf(hashes);
    }
}
