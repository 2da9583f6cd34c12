package dev.greenlight.ledger.checkpoint;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.SignatureVerificationException;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.ledger.note.SignedNote;
import dev.greenlight.ledger.note.VerifiedNote;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A checkpoint whose signature by the log has been verified.
 *
 * @param checkpoint the parsed checkpoint text
 * @param note the verified note, with the signatures that verified and those that were ignored
 * @param noteBytes the signed note exactly as received, to pass on verbatim (in proof files, to witnesses)
 */
public record SignedCheckpoint(Checkpoint checkpoint, VerifiedNote note, byte[] noteBytes) {
    public SignedCheckpoint {
        requireNonNull(checkpoint, "checkpoint is null");
        requireNonNull(note, "note is null");
        noteBytes = requireNonNull(noteBytes, "noteBytes is null").clone();
    }

    @Override
    public byte[] noteBytes() {
        return noteBytes.clone();
    }

    /**
     * Parses and verifies a signed checkpoint: the note must carry a verifying signature by a trusted key whose
     * name is the checkpoint's origin (the log's own key), and every other trusted signature must verify too.
     *
     * @throws LedgerFormatException if the note or its checkpoint text is malformed
     * @throws SignatureVerificationException if the log's signature is missing or does not verify
     */
    public static SignedCheckpoint open(byte[] signedNote, NoteVerifiers trustedKeys) {
        requireNonNull(signedNote, "signedNote is null");
        VerifiedNote note = SignedNote.open(signedNote, trustedKeys);
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        if (!note.isSignedBy(checkpoint.origin())) {
            throw new SignatureVerificationException(
                    LedgerErrorCode.ORIGIN_MISMATCH,
                    "the checkpoint of origin " + checkpoint.origin() + " is not signed by a trusted key of that name");
        }
        return new SignedCheckpoint(checkpoint, note, signedNote);
    }

    /**
     * Like {@link #open(byte[], NoteVerifiers)}, and also requires the checkpoint to come from {@code expectedOrigin}.
     */
    public static SignedCheckpoint open(byte[] signedNote, NoteVerifiers trustedKeys, String expectedOrigin) {
        requireNonNull(expectedOrigin, "expectedOrigin is null");
        SignedCheckpoint signed = open(signedNote, trustedKeys);
        if (!signed.checkpoint.origin().equals(expectedOrigin)) {
            throw new SignatureVerificationException(
                    LedgerErrorCode.ORIGIN_MISMATCH,
                    "expected a checkpoint of " + expectedOrigin + ", got one of " + signed.checkpoint.origin());
        }
        return signed;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SignedCheckpoint that && Arrays.equals(noteBytes, that.noteBytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(noteBytes);
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[" + checkpoint.origin() + ", size " + checkpoint.size() + ", root " + checkpoint.root() + "]";
    }
}
