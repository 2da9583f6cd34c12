package dev.greenlight.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.checkpoint.Checkpoint;
import dev.greenlight.ledger.checkpoint.SignedCheckpoint;
import dev.greenlight.ledger.merkle.Rfc6962;
import dev.greenlight.ledger.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example of LEDGER.md: a signed empty-tree checkpoint with seed 0x01..0x20 for example.com/log. */
class WorkedExampleTest {
    static final String VERIFIER_KEY = "example.com/log+556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk";
    static final String SIGNED_EMPTY_TREE = """
            example.com/log
            0
            47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=

            \u2014 example.com/log VWQG1kWaVNS1fN8GOEVU3C3kux9y029MHm1RM9bu5lr3qO953sZhwTSDualE9fZ172LlpMXaHoZIffIhVYbU4h3W+AQ=
            """;

    @Test
    void seedGivesTheExampleVerifierKey() {
        NoteSigner signer = NoteSigner.ofEd25519Seed("example.com/log", TestKeys.exampleSeed());

        assertThat(signer.verifier().verifierKey()).isEqualTo(VERIFIER_KEY);
        assertThat(signer.keyId().hex()).isEqualTo("556406d6");
    }

    @Test
    void signingTheEmptyTreeGivesTheExampleNoteByteForByte() {
        NoteSigner signer = NoteSigner.ofEd25519Seed("example.com/log", TestKeys.exampleSeed());
        String text = Checkpoint.of("example.com/log", new TreeHead(0, Rfc6962.EMPTY_ROOT)).toText();

        byte[] note = SignedNote.sign(text, List.of(signer)).toBytes();

        assertThat(new String(note, StandardCharsets.UTF_8)).isEqualTo(SIGNED_EMPTY_TREE);
    }

    @Test
    void exampleNoteVerifiesWithTheExampleVerifierKey() {
        SignedCheckpoint checkpoint = SignedCheckpoint.open(
                SIGNED_EMPTY_TREE.getBytes(StandardCharsets.UTF_8), NoteVerifiers.of(NoteVerifier.parse(VERIFIER_KEY)));

        assertThat(checkpoint.checkpoint().origin()).isEqualTo("example.com/log");
        assertThat(checkpoint.checkpoint().size()).isZero();
        assertThat(checkpoint.checkpoint().root()).isEqualTo(Rfc6962.EMPTY_ROOT);
    }

    @Test
    void signerKeyStringRoundTrips() {
        NoteSigner signer = NoteSigner.ofEd25519Seed("example.com/log", TestKeys.exampleSeed());

        assertThat(signer.signerKey()).isEqualTo("PRIVATE+KEY+example.com/log+556406d6+AQECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g");
        assertThat(NoteSigner.parse(signer.signerKey())).isEqualTo(signer);
    }
}
