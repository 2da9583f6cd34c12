package dev.greenlight.ledger.checkpoint;

import dev.greenlight.ledger.TreeHead;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link CheckpointSigner} keeps the last tree head it signed, so that it survives restarts and is shared by
 * every instance that signs for the same log. The server backs it with a database row.
 */
public interface SignedCheckpointStore {
    /** Returns the last tree head signed, or empty if none ever was. */
    Optional<TreeHead> lastSigned();

    /**
     * Records {@code signed} as the last tree head signed, with its note, if the stored one is still
     * {@code expectedLast} (compare and set), and reports whether it did. Implementations must make the comparison
     * and the update atomic.
     *
     * @param expectedLast the tree head the signer checked consistency against, or null if there was none
     */
    boolean replaceLastSigned(@Nullable TreeHead expectedLast, TreeHead signed, byte[] signedNote);
}
