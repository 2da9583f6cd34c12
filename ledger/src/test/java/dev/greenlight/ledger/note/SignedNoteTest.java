package dev.greenlight.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.SignatureVerificationException;
import dev.greenlight.ledger.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedNoteTest {
    private static final String TEXT = "example.com/log\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    private static final NoteSigner KEY = TestKeys.exampleSigner();
    private static final NoteSigner ROTATED = TestKeys.rotatedSigner();
    private static final NoteSigner WITNESS = TestKeys.witnessSigner();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signsAndVerifiesTheGoNoteDocumentationExample() {
        // golang.org/x/mod/sumdb/note's example: Ed25519 is deterministic, so the signature must match exactly.
        NoteSigner signer = NoteSigner.parse("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
        String text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
        String expected = text + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

        assertThat(new String(SignedNote.sign(text, List.of(signer)).toBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(SignedNote.open(bytes(expected), NoteVerifiers.of(signer.verifier())).text()).isEqualTo(text);
    }

    @Test
    void parseAndWriteRoundTrip() {
        byte[] note = SignedNote.sign(TEXT, List.of(KEY, WITNESS)).toBytes();
        SignedNote parsed = SignedNote.parse(note);

        assertThat(parsed.text()).isEqualTo(TEXT);
        assertThat(parsed.signatures()).extracting(NoteSignature::keyName).containsExactly("example.com/log", "witness.example.org");
        assertThat(parsed.toBytes()).isEqualTo(note);
    }

    @Test
    void textMayContainBlankLinesSinceTheLastOneSeparatesSignatures() {
        String text = "first\n\nsecond\n";
        byte[] note = SignedNote.sign(text, List.of(KEY)).toBytes();

        assertThat(SignedNote.open(note, NoteVerifiers.of(KEY.verifier())).text()).isEqualTo(text);
    }

    @Test
    void ignoresSignaturesFromUnknownKeys() {
        byte[] note = SignedNote.sign(TEXT, List.of(WITNESS, KEY)).toBytes();

        VerifiedNote verified = SignedNote.open(note, NoteVerifiers.of(KEY.verifier()));

        assertThat(verified.verifiedSignatures()).extracting(NoteSignature::keyName).containsExactly("example.com/log");
        assertThat(verified.unknownSignatures()).extracting(NoteSignature::keyName).containsExactly("witness.example.org");
    }

    @Test
    void rejectsNoteWhoseTrustedSignatureFails() {
        SignedNote signed = SignedNote.sign(TEXT, List.of(KEY));
        byte[] badSignature = signed.signatures().getFirst().signature();
        badSignature[0] ^= 1;
        SignedNote tampered = new SignedNote(TEXT, List.of(
                SignedNote.sign(TEXT, List.of(ROTATED)).signatures().getFirst(),
                new NoteSignature(KEY.name(), KEY.keyId(), badSignature)));

        assertThatThrownBy(() -> SignedNote.open(tampered.toBytes(), NoteVerifiers.of(KEY.verifier(), ROTATED.verifier())))
                .isInstanceOf(SignatureVerificationException.class)
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void rejectsNoteWithChangedText() {
        byte[] note = SignedNote.sign(TEXT, List.of(KEY)).toBytes();
        byte[] changed = new String(note, StandardCharsets.UTF_8).replace("\n5\n", "\n6\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SignedNote.open(changed, NoteVerifiers.of(KEY.verifier())))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void rejectsNoteWithoutAnyTrustedSignature() {
        byte[] note = SignedNote.sign(TEXT, List.of(WITNESS)).toBytes();

        assertThatThrownBy(() -> SignedNote.open(note, NoteVerifiers.of(KEY.verifier())))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessageContaining("witness.example.org")
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.NO_TRUSTED_SIGNATURE);
    }

    @Test
    void signatureWithKnownNameButUnknownIdIsIgnored() {
        // A client that only knows the new key sees the old key's signature as unknown, and vice versa.
        byte[] note = SignedNote.sign(TEXT, List.of(KEY, ROTATED)).toBytes();

        assertThat(SignedNote.open(note, NoteVerifiers.of(KEY.verifier())).unknownSignatures()).hasSize(1);
        assertThat(SignedNote.open(note, NoteVerifiers.of(ROTATED.verifier())).unknownSignatures()).hasSize(1);
        assertThat(SignedNote.open(note, NoteVerifiers.of(KEY.verifier(), ROTATED.verifier())).verifiedSignatures()).hasSize(2);
        assertThatThrownBy(() -> SignedNote.open(SignedNote.sign(TEXT, List.of(ROTATED)).toBytes(), NoteVerifiers.of(KEY.verifier())))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void addingASignatureReplacesAnEarlierOneByTheSameKey() {
        SignedNote note = SignedNote.sign(TEXT, List.of(KEY)).withSignatureBy(WITNESS).withSignatureBy(KEY);

        assertThat(note.signatures()).extracting(NoteSignature::keyName).containsExactly("witness.example.org", "example.com/log");
        assertThat(SignedNote.open(note.toBytes(), NoteVerifiers.of(KEY.verifier(), WITNESS.verifier())).verifiedSignatures()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "text\n",
        "text\n\n",
        "text\n\n\u2014 example.com/log AAAAAAA=",
        "text\n\n- example.com/log VWQG1kWa\n",
        "text\n\n\u2014example.com/log VWQG1kWa\n",
        "text\n\n\u2014 example.com/log\n",
        "text\n\n\u2014 example.com/log \n",
        "text\n\n\u2014 example.com/log VWQG1kWa=\n",
        "text\n\n\u2014 example.com/log VWQG1kWa \n",
        "text\n\n\u2014 example.com/log AAAAAA==\n",
        "text\n\n\u2014  AAAAAAA=\n",
        "text\n\n\u2014 a+b AAAAAAA=\n",
        "text\n\n\u2014 example.com/log AAAAAAA=\n\n",
        "text\n\n\u2014 example.com/log AAAAAAA=\nextra\n",
        "te\rxt\n\n\u2014 example.com/log AAAAAAA=\n",
        "te\u0000xt\n\n\u2014 example.com/log AAAAAAA=\n",
        "text\n\n\u2014 example.com/log AAAAAAA=\r\n",
    })
    void rejectsMalformedNotes(String note) {
        assertThatThrownBy(() -> SignedNote.parse(bytes(note)))
                .isInstanceOf(LedgerFormatException.class)
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.MALFORMED_NOTE);
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] note = bytes("text\n\n\u2014 example.com/log AAAAAAA=\n");
        note[1] = (byte) 0xc3;
        assertThatThrownBy(() -> SignedNote.parse(note)).isInstanceOf(LedgerFormatException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void acceptsSixteenSignaturesAndRejectsMoreThanTheLimit() {
        List<NoteSigner> signers = new ArrayList<>();
        for (int i = 0; i < SignedNote.MAX_SIGNATURES + 1; i++) {
            signers.add(NoteSigner.ofEd25519Seed("witness" + i + ".example", TestKeys.seed(i)));
        }
        byte[] sixteen = SignedNote.sign(TEXT, signers.subList(0, 16)).toBytes();
        assertThat(SignedNote.parse(sixteen).signatures()).hasSize(16);

        byte[] tooMany = SignedNote.sign(TEXT, signers).toBytes();
        assertThatThrownBy(() -> SignedNote.parse(tooMany)).isInstanceOf(LedgerFormatException.class).hasMessageContaining("more than");
    }

    @Test
    void refusesToSignTextWithoutFinalNewline() {
        assertThatThrownBy(() -> SignedNote.sign("no newline", List.of(KEY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.sign("tab\there\n", List.of(KEY))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameKeyTrustedTwiceCountsOnce() {
        NoteVerifier verifier = KEY.verifier();
        assertThat(NoteVerifiers.of(verifier, NoteVerifier.parse(verifier.verifierKey())).all()).hasSize(1);
    }
}
