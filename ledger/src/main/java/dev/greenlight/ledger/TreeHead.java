package dev.greenlight.ledger;

import static java.util.Objects.requireNonNull;

/**
 * The size and root hash of a Merkle tree at one moment: what a checkpoint commits to.
 *
 * @param size the number of entries, never negative
 * @param root the RFC 6962 Merkle tree hash of those entries
 */
public record TreeHead(long size, Hash root) {
    public TreeHead {
        if (size < 0) {
            throw new IllegalArgumentException("tree size is negative: " + size);
        }
        requireNonNull(root, "root is null");
    }
}
