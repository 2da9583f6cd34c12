package dev.greenlight.ledger.tlogproof;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.checkpoint.SignedCheckpoint;

/**
 * What a verified tlog-proof establishes: the entry with {@code leafHash} is at {@code index} in the log tree that
 * {@code checkpoint} signs.
 *
 * @param index the entry's index
 * @param leafHash the entry's RFC 6962 leaf hash
 * @param checkpoint the verified checkpoint the proof leads to
 */
public record VerifiedEntry(long index, Hash leafHash, SignedCheckpoint checkpoint) {
    public VerifiedEntry {
        requireNonNull(leafHash, "leafHash is null");
        requireNonNull(checkpoint, "checkpoint is null");
        if (index < 0 || index >= checkpoint.checkpoint().size()) {
            throw new IllegalArgumentException("index " + index + " is not in the checkpoint's tree");
        }
    }
}
