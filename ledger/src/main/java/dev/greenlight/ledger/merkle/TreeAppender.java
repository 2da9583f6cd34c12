package dev.greenlight.ledger.merkle;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends entries to a log whose hashes live in a {@link HashReader}, returning the hashes to persist.
 *
 * <p>Appending reads only the right edge of the existing tree (at most one hash per set bit of its size, in a
 * single call) and creates, per entry, its leaf hash plus one hash per subtree it completes: two per entry on
 * average, never more than 63. The caller writes {@link AppendResult#hashesToStore()} and the entries in one
 * transaction.
 */
public final class TreeAppender {
    /** The largest entry a log can carry: entry bundles prefix each entry with a 16-bit length. */
    public static final int MAX_ENTRY_SIZE = 65_535;

    private TreeAppender() {}

    /**
     * Appends {@code entries} to the tree of {@code treeSize} entries stored in {@code store}.
     *
     * @throws LedgerFormatException if an entry is longer than {@link #MAX_ENTRY_SIZE} bytes
     * @throws dev.greenlight.ledger.HashUnavailableException if the store lacks a hash of the existing tree
     */
    public static AppendResult appendEntries(long treeSize, List<byte[]> entries, HashReader store) {
        requireNonNull(entries, "entries is null");
        List<Hash> leafHashes = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            byte[] entry = requireNonNull(entries.get(i), "entry is null");
            if (entry.length > MAX_ENTRY_SIZE) {
                throw new LedgerFormatException(
                        LedgerErrorCode.ENTRY_TOO_LARGE,
                        "entry " + i + " of the batch is " + entry.length + " bytes; the limit is " + MAX_ENTRY_SIZE);
            }
            leafHashes.add(Rfc6962.leafHash(entry));
        }
        return appendLeafHashes(treeSize, leafHashes, store);
    }

    /** Appends entries given by their leaf hashes; see {@link #appendEntries}. */
    public static AppendResult appendLeafHashes(long treeSize, List<Hash> leafHashes, HashReader store) {
        requireNonNull(leafHashes, "leafHashes is null");
        requireNonNull(store, "store is null");
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size is negative: " + treeSize);
        }
        if (leafHashes.size() > Long.MAX_VALUE - treeSize) {
            throw new IllegalArgumentException("the tree would outgrow a long");
        }
        List<NodeAddress> edge = CompactRange.addressesFor(treeSize);
        CompactRange range = CompactRange.of(treeSize, edge.isEmpty() ? List.of() : store.readHashes(edge));
        List<StoredHash> created = new ArrayList<>(2 * leafHashes.size() + 1);
        for (Hash leafHash : leafHashes) {
            created.addAll(range.append(leafHash));
        }
        return new AppendResult(treeSize, range.size(), leafHashes, created, range.root());
    }
}
