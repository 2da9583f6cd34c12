package dev.greenlight.ledger.note;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A note whose text at least one trusted key has signed.
 *
 * @param text the note text, ending in a newline
 * @param verifiedSignatures the signatures by trusted keys, all of which verified; never empty
 * @param unknownSignatures the signatures by keys not trusted, which were ignored (witness cosignatures, keys of
 *     other parties, retired or future keys)
 */
public record VerifiedNote(String text, List<NoteSignature> verifiedSignatures, List<NoteSignature> unknownSignatures) {
    public VerifiedNote {
        requireNonNull(text, "text is null");
        verifiedSignatures = List.copyOf(requireNonNull(verifiedSignatures, "verifiedSignatures is null"));
        unknownSignatures = List.copyOf(requireNonNull(unknownSignatures, "unknownSignatures is null"));
        if (verifiedSignatures.isEmpty()) {
            throw new IllegalArgumentException("a verified note has at least one verified signature");
        }
    }

    /** Reports whether a trusted key with this name signed the note. */
    public boolean isSignedBy(String keyName) {
        return verifiedSignatures.stream().anyMatch(signature -> signature.keyName().equals(keyName));
    }
}
