package dev.greenlight.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.SignatureVerificationException;
import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.merkle.Rfc6962;
import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.ledger.note.SignedNote;
import dev.greenlight.ledger.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedCheckpointTest {
    private static final NoteSigner KEY = TestKeys.exampleSigner();

    private static byte[] signed(String origin, NoteSigner... signers) {
        return SignedNote.sign(Checkpoint.of(origin, new TreeHead(3, Rfc6962.EMPTY_ROOT)).toText(), List.of(signers)).toBytes();
    }

    @Test
    void opensCheckpointSignedByTheKeyNamedAfterItsOrigin() {
        SignedCheckpoint checkpoint = SignedCheckpoint.open(signed("example.com/log", KEY), TestKeys.exampleVerifiers(), "example.com/log");

        assertThat(checkpoint.checkpoint().size()).isEqualTo(3);
        assertThat(checkpoint.noteBytes()).isEqualTo(signed("example.com/log", KEY));
    }

    @Test
    void rejectsCheckpointSignedOnlyByAKeyWithAnotherName() {
        NoteSigner witness = TestKeys.witnessSigner();

        assertThatThrownBy(() -> SignedCheckpoint.open(signed("example.com/log", witness), NoteVerifiers.of(witness.verifier())))
                .isInstanceOf(SignatureVerificationException.class)
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.ORIGIN_MISMATCH);
    }

    @Test
    void rejectsCheckpointOfAnotherLog() {
        NoteSigner other = NoteSigner.ofEd25519Seed("other.example/log", TestKeys.seed(50));

        assertThatThrownBy(() -> SignedCheckpoint.open(signed("other.example/log", other), NoteVerifiers.of(other.verifier()), "example.com/log"))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessageContaining("expected a checkpoint of example.com/log");
    }

    @Test
    void rejectsSignedNoteThatIsNotACheckpoint() {
        byte[] note = SignedNote.sign("just some text\n", List.of(KEY)).toBytes();

        assertThatThrownBy(() -> SignedCheckpoint.open(note, TestKeys.exampleVerifiers())).isInstanceOf(LedgerFormatException.class);
    }
}
