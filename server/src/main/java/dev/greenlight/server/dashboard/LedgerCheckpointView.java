package dev.greenlight.server.dashboard;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.checkpoint.Checkpoint;
import dev.greenlight.ledger.note.NoteSignature;
import dev.greenlight.ledger.note.NoteVerifier;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.ledger.note.SignedNote;
import dev.greenlight.ledger.note.VerifiedNote;
import dev.greenlight.server.ledger.LedgerBrowsing;

/**
 * The newest checkpoint as the ledger page shows it, with the outcome of verifying its note on the server: every
 * signature by a published key must verify (the ledger library's signed-note rules), at least one must be present, and
 * the signed text must name the log's origin and the tree size and root recorded with it. Anything else is
 * "NOT verified", with the reason.
 *
 * @param signatures each signature line of the note, and which published key (if any) made it
 * @param problem why the checkpoint is not verified; null when it is
 */
record LedgerCheckpointView(String origin, long size, String root, Instant signedAt, boolean verified, @Nullable String problem,
        List<Signature> signatures) {

    /**
     * One signature of the note.
     *
     * @param keyName the key name the signature line gives
     * @param keyId its key id, hex
     * @param verifierKey the published verifier key with that name and id; null for a key this instance does not publish
     * @param keyStatus "active", "retired" or "not published"
     * @param verified whether this signature was checked and holds
     */
    record Signature(String keyName, String keyId, @Nullable String verifierKey, String keyStatus, boolean verified) {
    }

    static LedgerCheckpointView verify(LedgerBrowsing.StoredCheckpoint stored, List<LedgerBrowsing.VerifierKey> keys) {
        NoteVerifiers trusted = NoteVerifiers.of(keys.stream().map(LedgerBrowsing.VerifierKey::verifier).toList());
        SignedNote note;
        try {
            note = SignedNote.parse(stored.note());
        } catch (LedgerException e) {
            return new LedgerCheckpointView(stored.origin(), stored.size(), stored.rootBase64(), stored.signedAt(), false,
                    "The stored note is malformed: " + e.getMessage(), List.of());
        }
        String problem = null;
        List<NoteSignature> verifiedSignatures = List.of();
        try {
            VerifiedNote verified = note.verify(trusted);
            verifiedSignatures = verified.verifiedSignatures();
            Checkpoint checkpoint = Checkpoint.parse(verified.text());
            if (!checkpoint.origin().equals(stored.origin())) {
                problem = "The note names the origin '" + checkpoint.origin() + "', not this log's '" + stored.origin() + "'.";
            } else if (checkpoint.size() != stored.size() || !checkpoint.root().base64().equals(stored.rootBase64())) {
                problem = "The signed tree head (size " + checkpoint.size() + ") differs from the one recorded with it.";
            }
        } catch (LedgerException e) {
            problem = e.getMessage();
        }
        List<NoteSignature> held = verifiedSignatures;
        List<Signature> signatures = note.signatures().stream().map(signature -> {
            LedgerBrowsing.VerifierKey key = keys.stream()
                    .filter(candidate -> candidate.verifier().name().equals(signature.keyName())
                            && candidate.verifier().keyId().equals(signature.keyId()))
                    .findFirst().orElse(null);
            NoteVerifier verifier = key == null ? null : key.verifier();
            return new Signature(signature.keyName(), signature.keyId().hex(), verifier == null ? null : verifier.verifierKey(),
                    key == null ? "not published" : key.active() ? "active" : "retired", held.contains(signature));
        }).toList();
        return new LedgerCheckpointView(stored.origin(), stored.size(), stored.rootBase64(), stored.signedAt(), problem == null, problem,
                signatures);
    }
}
