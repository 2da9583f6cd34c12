package dev.greenlight.ledger.merkle;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import java.util.List;

/**
 * What appending a batch of entries produced.
 *
 * @param oldSize the tree size before the batch; the first new entry has this index
 * @param newSize the tree size after the batch
 * @param leafHashes the leaf hash of each new entry, in order
 * @param hashesToStore every hash the batch completed, leaves included, in the order to write them
 * @param newRoot the root of the tree of {@code newSize} entries
 */
public record AppendResult(
        long oldSize, long newSize, List<Hash> leafHashes, List<StoredHash> hashesToStore, Hash newRoot) {
    public AppendResult {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("sizes out of order: " + oldSize + " -> " + newSize);
        }
        leafHashes = List.copyOf(requireNonNull(leafHashes, "leafHashes is null"));
        hashesToStore = List.copyOf(requireNonNull(hashesToStore, "hashesToStore is null"));
        requireNonNull(newRoot, "newRoot is null");
        if (leafHashes.size() != newSize - oldSize) {
            throw new IllegalArgumentException("expected " + (newSize - oldSize) + " leaf hashes, got " + leafHashes.size());
        }
    }
}
