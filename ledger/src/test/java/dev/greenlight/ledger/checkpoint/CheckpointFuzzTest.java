package dev.greenlight.ledger.checkpoint;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.SignatureVerificationException;
import dev.greenlight.ledger.testing.TestKeys;
import dev.greenlight.ledger.testing.TestLog;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/** Checkpoint texts and signed checkpoints parse back to themselves or fail with the declared exceptions. */
class CheckpointFuzzTest {
    static Stream<byte[]> seeds() {
        TestLog log = TestLog.withExampleKey();
        log.growTo(20);
        return Stream.of(
                log.signCheckpoint(),
                "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n".getBytes(StandardCharsets.UTF_8),
                "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\next\n".getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest
    void parsesOrRejectsAnyCheckpoint(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Checkpoint checkpoint = Checkpoint.parse(text);
            if (!checkpoint.toText().equals(text)) {
                throw new AssertionError("a parsed checkpoint does not write back to its text");
            }
        } catch (LedgerFormatException e) {
            // Rejected.
        }
        try {
            SignedCheckpoint.open(input, TestKeys.exampleVerifiers());
        } catch (LedgerFormatException | SignatureVerificationException e) {
            // Rejected.
        }
    }
}
