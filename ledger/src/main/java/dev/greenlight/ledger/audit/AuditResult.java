package dev.greenlight.ledger.audit;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.checkpoint.SignedCheckpoint;

/**
 * The outcome of a successful audit.
 *
 * @param checkpoint the verified checkpoint, from now on the tree head to remember as seen
 * @param firstEntryChecked the index of the first entry whose hash was recomputed (the previously seen size)
 * @param entriesChecked how many entries were read and hashed
 */
public record AuditResult(SignedCheckpoint checkpoint, long firstEntryChecked, long entriesChecked) {
    public AuditResult {
        requireNonNull(checkpoint, "checkpoint is null");
        if (firstEntryChecked < 0 || entriesChecked < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
