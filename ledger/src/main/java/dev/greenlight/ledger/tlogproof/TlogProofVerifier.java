package dev.greenlight.ledger.tlogproof;

import static java.util.Objects.requireNonNull;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.ProofVerificationException;
import dev.greenlight.ledger.SignatureVerificationException;
import dev.greenlight.ledger.checkpoint.SignedCheckpoint;
import dev.greenlight.ledger.merkle.ProofVerifier;
import dev.greenlight.ledger.merkle.Rfc6962;
import dev.greenlight.ledger.note.NoteVerifiers;

/** Verifies a {@code .tlog-proof} file for an entry in one call. */
public final class TlogProofVerifier {
    private TlogProofVerifier() {}

    /**
     * Verifies that {@code entry} is in the log: the checkpoint in the proof must be signed by a trusted key named
     * after its origin, and the inclusion proof must lead from the entry's leaf hash at the stated index to the
     * checkpoint's root.
     *
     * @param proofFile the bytes of the {@code .tlog-proof} file
     * @param entry the entry bytes, exactly as logged
     * @param trustedKeys the log's public keys
     * @throws LedgerFormatException if the proof file or its checkpoint is malformed
     * @throws SignatureVerificationException if the checkpoint is not signed by a trusted key of its origin
     * @throws ProofVerificationException if the entry is not at the index in the checkpoint's tree
     */
    public static VerifiedEntry verify(byte[] proofFile, byte[] entry, NoteVerifiers trustedKeys) {
        requireNonNull(proofFile, "proofFile is null");
        requireNonNull(entry, "entry is null");
        requireNonNull(trustedKeys, "trustedKeys is null");
        return verify(TlogProof.parse(proofFile), Rfc6962.leafHash(entry), trustedKeys);
    }

    /**
     * Like {@link #verify(byte[], byte[], NoteVerifiers)}, and also requires the log to be {@code expectedOrigin}.
     */
    public static VerifiedEntry verify(byte[] proofFile, byte[] entry, NoteVerifiers trustedKeys, String expectedOrigin) {
        requireNonNull(expectedOrigin, "expectedOrigin is null");
        VerifiedEntry verified = verify(proofFile, entry, trustedKeys);
        String origin = verified.checkpoint().checkpoint().origin();
        if (!origin.equals(expectedOrigin)) {
            throw new SignatureVerificationException(
                    LedgerErrorCode.ORIGIN_MISMATCH, "the proof is for log " + origin + ", not " + expectedOrigin);
        }
        return verified;
    }

    /** Verifies a parsed proof for the entry with {@code leafHash}. */
    public static VerifiedEntry verify(TlogProof proof, Hash leafHash, NoteVerifiers trustedKeys) {
        requireNonNull(proof, "proof is null");
        requireNonNull(leafHash, "leafHash is null");
        SignedCheckpoint checkpoint = SignedCheckpoint.open(proof.signedCheckpoint(), trustedKeys);
        long size = checkpoint.checkpoint().size();
        if (proof.index() >= size) {
            throw new ProofVerificationException(
                    LedgerErrorCode.INVALID_INCLUSION_PROOF,
                    "the proof is for index " + proof.index() + ", but the checkpoint's tree has only " + size + " entries");
        }
        ProofVerifier.verifyInclusion(proof.index(), size, leafHash, proof.hashes(), checkpoint.checkpoint().root());
        return new VerifiedEntry(proof.index(), leafHash, checkpoint);
    }
}
