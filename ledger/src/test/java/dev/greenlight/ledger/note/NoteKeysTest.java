package dev.greenlight.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.testing.TestKeys;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoteKeysTest {
    private static final String EXAMPLE = WorkedExampleTest.VERIFIER_KEY;

    @Test
    void verifierKeySplitsOnTheFirstTwoPlusSignsOnly() {
        NoteVerifier verifier = NoteVerifier.parse(EXAMPLE);

        assertThat(verifier.name()).isEqualTo("example.com/log");
        assertThat(verifier.keyId()).isEqualTo(new KeyId(0x556406d6));
        assertThat(verifier.verifierKey()).isEqualTo(EXAMPLE);
    }

    @Test
    void readsTheGoNoteDocumentationKeys() {
        // The example keys of golang.org/x/mod/sumdb/note.
        NoteVerifier verifier = NoteVerifier.parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        NoteSigner signer = NoteSigner.parse("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");

        assertThat(signer.verifier()).isEqualTo(verifier);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "example.com/log",
        "example.com/log+556406d6",
        "+556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk",
        "example.com/log+556406D6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk",
        "example.com/log+556406d+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk",
        "example.com/log+0556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk",
        "example.com/log+556406d7+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk",
        "example.com/log+556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk=",
        "example.com/log+556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZ",
        "example.com/log+556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk ",
        "example.org/log+556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk",
        "example com+556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk",
        "example.com/log+556406d6+Anm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk",
        "example.com/log+556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJ",
        "example.com/log+556406d6+",
    })
    void rejectsMalformedVerifierKeys(String verifierKey) {
        assertThatThrownBy(() -> NoteVerifier.parse(verifierKey))
                .isInstanceOf(LedgerFormatException.class)
                .extracting(e -> ((LedgerFormatException) e).errorCode())
                .isEqualTo(LedgerErrorCode.MALFORMED_KEY);
    }

    @Test
    void rejectsVerifierKeyWithIdForAnotherName() {
        assertThatThrownBy(() -> NoteVerifier.parse("example.org/log+556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk"))
                .isInstanceOf(LedgerFormatException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void rejectsPublicKeyThatIsNotACurvePoint() {
        byte[] typed = new byte[33];
        typed[0] = 1;
        java.util.Arrays.fill(typed, 1, 33, (byte) 0xff);
        String data = Base64.getEncoder().encodeToString(typed);
        KeyId id = KeyId.compute("bad.example", typed);
        assertThatThrownBy(() -> NoteVerifier.parse("bad.example+" + id.hex() + "+" + data))
                .isInstanceOf(LedgerFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "PRIVATE+KEY+example.com/log+556406d6",
        "PRIVATE+KEY+example.com/log+556406d7+AQECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g",
        "PRIVATE+KEYS+example.com/log+556406d6+AQECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g",
        "example.com/log+556406d6+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk",
        "PRIVATE+KEY+example.com/log+556406d6+AgECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g",
        "PRIVATE+KEY+example.com/log+556406d6+AQECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
    })
    void rejectsMalformedSignerKeys(String signerKey) {
        assertThatThrownBy(() -> NoteSigner.parse(signerKey)).isInstanceOf(LedgerFormatException.class);
    }

    @Test
    void generatedKeysRoundTripThroughTheirStrings() {
        NoteSigner signer = NoteSigner.generate("greenlight.example.com/ledger", new SecureRandom());

        assertThat(NoteSigner.parse(signer.signerKey())).isEqualTo(signer);
        assertThat(NoteVerifier.parse(signer.verifier().verifierKey())).isEqualTo(signer.verifier());
        assertThat(signer.toString()).doesNotContain(signer.signerKey().substring(30));
    }

    @Test
    void keysWithTheSameNameHaveDifferentIds() {
        assertThat(TestKeys.exampleSigner().keyId()).isNotEqualTo(TestKeys.rotatedSigner().keyId());
        assertThat(NoteVerifiers.of(TestKeys.exampleSigner().verifier(), TestKeys.rotatedSigner().verifier()).all()).hasSize(2);
    }

    @Test
    void keyNamesMayNotHoldSpacesOrPlusSigns() {
        for (String name : new String[] {"", "a b", "a+b", "a\u00a0b", "a\u2003b", "a\tb", "a\u0085b"}) {
            assertThatThrownBy(() -> NoteSigner.ofEd25519Seed(name, TestKeys.exampleSeed()))
                    .as("name %s", name)
                    .isInstanceOf(LedgerFormatException.class);
        }
        assertThat(NoteSigner.ofEd25519Seed("caf\u00e9.example/log", TestKeys.exampleSeed()).name()).isEqualTo("caf\u00e9.example/log");
    }
}
