package dev.greenlight.ledger.note;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/** Verifier and signer key strings parse back to themselves or fail with the declared exception. */
class NoteKeyFuzzTest {
    static Stream<byte[]> seeds() {
        return Stream.of(
                WorkedExampleTest.VERIFIER_KEY,
                TestKeys.exampleSigner().signerKey(),
                TestKeys.witnessSigner().verifier().verifierKey(),
                "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
                .map(key -> key.getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest
    void parsesOrRejectsAnyKeyString(byte[] input) {
        String key = new String(input, StandardCharsets.UTF_8);
        try {
            NoteVerifier verifier = NoteVerifier.parse(key);
            if (!verifier.verifierKey().equals(key)) {
                throw new AssertionError("a parsed verifier key does not write back to itself");
            }
        } catch (LedgerFormatException e) {
            // Rejected.
        }
        try {
            NoteSigner signer = NoteSigner.parse(key);
            if (!signer.signerKey().equals(key)) {
                throw new AssertionError("a parsed signer key does not write back to itself");
            }
        } catch (LedgerFormatException e) {
            // Rejected.
        }
    }
}
