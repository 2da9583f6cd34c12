package dev.greenlight.ledger.note;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.SignatureVerificationException;
import dev.greenlight.ledger.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/** Any bytes either parse as a note that writes back to the same bytes, or fail with the declared exception. */
class SignedNoteFuzzTest {
    private static final NoteVerifiers TRUSTED = NoteVerifiers.of(
            TestKeys.exampleSigner().verifier(), TestKeys.rotatedSigner().verifier());

    static Stream<byte[]> seeds() {
        String text = "example.com/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
        return Stream.of(
                SignedNote.sign(text, List.of(TestKeys.exampleSigner())).toBytes(),
                SignedNote.sign(text, List.of(TestKeys.exampleSigner(), TestKeys.rotatedSigner(), TestKeys.witnessSigner())).toBytes(),
                WorkedExampleTest.SIGNED_EMPTY_TREE.getBytes(StandardCharsets.UTF_8),
                "a\n\n\u2014 b AAAAAAA=\n".getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest
    void parsesOrRejectsAnyNote(byte[] input) {
        SignedNote note;
        try {
            note = SignedNote.parse(input);
        } catch (LedgerFormatException e) {
            return;
        }
        if (!Arrays.equals(note.toBytes(), input)) {
            throw new AssertionError("a parsed note does not write back to its bytes");
        }
        try {
            VerifiedNote verified = note.verify(TRUSTED);
            if (verified.verifiedSignatures().isEmpty()) {
                throw new AssertionError("verified without a verified signature");
            }
        } catch (SignatureVerificationException e) {
            // Expected for almost every input.
        }
    }
}
