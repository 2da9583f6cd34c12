package dev.greenlight.ledger.tlogproof;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.ProofVerificationException;
import dev.greenlight.ledger.SignatureVerificationException;
import dev.greenlight.ledger.testing.TestKeys;
import dev.greenlight.ledger.testing.TestLog;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes given as a proof file for a fixed entry either verify (and then truly prove that entry), or fail with
 * one of the verifier's declared exceptions.
 */
class TlogProofFuzzTest {
    private static final TestLog LOG = TestLog.withExampleKey();
    private static final byte[] CHECKPOINT;
    private static final long INDEX = 77;

    static {
        LOG.growTo(300);
        CHECKPOINT = LOG.signCheckpoint();
    }

    static Stream<byte[]> seeds() {
        return Stream.of(
                TlogProof.of(LOG.tree().inclusionProof(INDEX, 300), CHECKPOINT).toBytes(),
                new TlogProof(new byte[] {1, 2}, INDEX, LOG.tree().inclusionProof(INDEX, 300).hashes(), CHECKPOINT).toBytes(),
                TlogProof.of(LOG.tree().inclusionProof(299, 300), CHECKPOINT).toBytes());
    }

    @MethodSource("seeds")
    @FuzzTest
    void verifiesOrRejectsAnyProofFile(byte[] input) {
        try {
            TlogProof proof = TlogProof.parse(input);
            if (!Arrays.equals(proof.toBytes(), input)) {
                throw new AssertionError("a parsed proof does not write back to its bytes");
            }
        } catch (LedgerFormatException e) {
            return;
        }
        try {
            VerifiedEntry verified = TlogProofVerifier.verify(input, LOG.entry(INDEX), TestKeys.exampleVerifiers());
            if (verified.index() != INDEX
                    || !verified.checkpoint().checkpoint().treeHead().equals(LOG.tree().treeHead(verified.checkpoint().checkpoint().size()))) {
                throw new AssertionError("a proof verified for the wrong index or tree");
            }
        } catch (LedgerFormatException | SignatureVerificationException | ProofVerificationException e) {
            // Rejected.
        }
    }
}
