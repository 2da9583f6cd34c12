package dev.greenlight.ledger.checkpoint;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.TreeHead;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A {@link SignedCheckpointStore} in memory, for tests and tools. */
public final class InMemorySignedCheckpointStore implements SignedCheckpointStore {
    private @Nullable TreeHead last;
    private byte @Nullable [] lastNote;

    @Override
    public synchronized Optional<TreeHead> lastSigned() {
        return Optional.ofNullable(last);
    }

    /** Returns the last signed note, if any. */
    public synchronized Optional<byte[]> lastSignedNote() {
        return Optional.ofNullable(lastNote).map(byte[]::clone);
    }

    @Override
    public synchronized boolean replaceLastSigned(@Nullable TreeHead expectedLast, TreeHead signed, byte[] signedNote) {
        requireNonNull(signed, "signed is null");
        requireNonNull(signedNote, "signedNote is null");
        if (!Objects.equals(last, expectedLast)) {
            return false;
        }
        last = signed;
        lastNote = signedNote.clone();
        return true;
    }
}
