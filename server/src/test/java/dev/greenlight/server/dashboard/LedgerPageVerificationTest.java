package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.greenlight.ledger.Hash;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.checkpoint.Checkpoint;
import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.ledger.note.SignedNote;
import dev.greenlight.server.ledger.LedgerBrowsing;

/** The ledger page's checkpoint verdict comes from verifying the note's signatures, never from comparing strings. */
class LedgerPageVerificationTest {
    private static final String ORIGIN = "greenlight.test/ledger/default";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Hash ROOT = Hash.of(new byte[32]);
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final NoteSigner published = NoteSigner.generate(ORIGIN, RANDOM);
    private final NoteSigner other = NoteSigner.generate(ORIGIN, RANDOM);

    @Test
    void aCheckpointSignedByAPublishedKeyIsVerifiedAndNamesTheKey() {
        LedgerCheckpointView view = LedgerCheckpointView.verify(stored(7, sign(7, published)), keys(published, null));

        assertThat(view.verified()).isTrue();
        assertThat(view.problem()).isNull();
        assertThat(view.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.keyId()).isEqualTo(published.keyId().hex());
            assertThat(signature.verifierKey()).isEqualTo(published.verifier().verifierKey());
            assertThat(signature.keyStatus()).isEqualTo("active");
            assertThat(signature.verified()).isTrue();
        });
    }

    @Test
    void aRetiredKeyStillVerifiesWhatItSigned() {
        LedgerCheckpointView view = LedgerCheckpointView.verify(stored(7, sign(7, published)), keys(published, NOW));

        assertThat(view.verified()).isTrue();
        assertThat(view.signatures().getFirst().keyStatus()).isEqualTo("retired");
    }

    @Test
    void aCheckpointSignedOnlyByAnUnpublishedKeyIsNotVerified() {
        LedgerCheckpointView view = LedgerCheckpointView.verify(stored(7, sign(7, other)), keys(published, null));

        assertThat(view.verified()).isFalse();
        assertThat(view.problem()).contains("not signed by any trusted key");
        assertThat(view.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.keyStatus()).isEqualTo("not published");
            assertThat(signature.verified()).isFalse();
        });
    }

    @Test
    void aForgedSignatureUnderThePublishedKeyIdIsNotVerified() {
        byte[] genuine = sign(7, published);
        String text = new String(genuine, java.nio.charset.StandardCharsets.UTF_8);
        // Same key name and id, the text changed after signing: the signature no longer holds.
        byte[] forged = text.replaceFirst("\n7\n", "\n8\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        LedgerCheckpointView view = LedgerCheckpointView.verify(stored(8, forged), keys(published, null));

        assertThat(view.verified()).isFalse();
        assertThat(view.problem()).contains("does not verify");
    }

    @Test
    void aSignedTreeHeadThatDiffersFromTheRecordedOneIsNotVerified() {
        LedgerCheckpointView view = LedgerCheckpointView.verify(stored(9, sign(7, published)), keys(published, null));

        assertThat(view.verified()).isFalse();
        assertThat(view.problem()).contains("differs");
    }

    @Test
    void aMalformedNoteIsNotVerified() {
        LedgerCheckpointView view = LedgerCheckpointView.verify(stored(7, "not a note".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                keys(published, null));

        assertThat(view.verified()).isFalse();
        assertThat(view.problem()).startsWith("The stored note is malformed");
    }

    private static byte[] sign(long size, NoteSigner signer) {
        return SignedNote.sign(Checkpoint.of(ORIGIN, new TreeHead(size, ROOT)).toText(), List.of(signer)).toBytes();
    }

    private static LedgerBrowsing.StoredCheckpoint stored(long size, byte[] note) {
        return new LedgerBrowsing.StoredCheckpoint(ORIGIN, size, ROOT.base64(), note, NOW);
    }

    private static List<LedgerBrowsing.VerifierKey> keys(NoteSigner signer, Instant retiredAt) {
        return List.of(new LedgerBrowsing.VerifierKey(signer.verifier(), NOW.minusSeconds(3600), retiredAt));
    }
}
