package dev.greenlight.ledger.tlogproof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.LedgerErrorCode;
import dev.greenlight.ledger.LedgerException;
import dev.greenlight.ledger.LedgerFormatException;
import dev.greenlight.ledger.ProofVerificationException;
import dev.greenlight.ledger.SignatureVerificationException;
import dev.greenlight.ledger.merkle.InclusionProof;
import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.ledger.note.NoteVerifiers;
import dev.greenlight.ledger.testing.TestKeys;
import dev.greenlight.ledger.testing.TestLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlogProofTest {
    private final TestLog log = TestLog.withExampleKey();
    private byte[] checkpoint;

    @BeforeEach
    void buildLog() {
        log.growTo(1000);
        checkpoint = log.signCheckpoint();
    }

    private byte[] proofFile(long index) {
        return TlogProof.of(log.tree().inclusionProof(index, log.size()), checkpoint).toBytes();
    }

    @Test
    void writesTheSpecifiedLayout() {
        InclusionProof inclusion = log.tree().inclusionProof(73, 1000);
        String file = new String(TlogProof.of(inclusion, checkpoint).toBytes(), StandardCharsets.UTF_8);

        StringBuilder expected = new StringBuilder("c2sp.org/tlog-proof@v1\nindex 73\n");
        inclusion.hashes().forEach(hash -> expected.append(hash.base64()).append('\n'));
        expected.append('\n').append(new String(checkpoint, StandardCharsets.UTF_8));
        assertThat(file).isEqualTo(expected.toString());
    }

    @Test
    void roundTripsWithAndWithoutExtraData() {
        InclusionProof inclusion = log.tree().inclusionProof(5, 1000);
        for (byte[] extra : new byte[][] {null, new byte[0], "age-v1.2.1-darwin-arm64.tar.gz".getBytes(StandardCharsets.UTF_8)}) {
            TlogProof proof = new TlogProof(extra, 5, inclusion.hashes(), checkpoint);
            TlogProof parsed = TlogProof.parse(proof.toBytes());
            assertThat(parsed).isEqualTo(proof);
            assertThat(parsed.toBytes()).isEqualTo(proof.toBytes());
        }
        String withExtra = new String(new TlogProof(new byte[] {1, 2, 3}, 5, inclusion.hashes(), checkpoint).toBytes(), StandardCharsets.UTF_8);
        assertThat(withExtra).startsWith("c2sp.org/tlog-proof@v1\nextra AQID\nindex 5\n");
    }

    @Test
    void verifiesEveryEntryOfTheLog() {
        for (long index = 0; index < 1000; index += 37) {
            VerifiedEntry verified = TlogProofVerifier.verify(proofFile(index), log.entry(index), TestKeys.exampleVerifiers(), TestLog.ORIGIN);
            assertThat(verified.index()).isEqualTo(index);
            assertThat(verified.checkpoint().checkpoint().size()).isEqualTo(1000);
        }
    }

    @Test
    void rejectsAnotherEntry() {
        assertThatThrownBy(() -> TlogProofVerifier.verify(proofFile(10), log.entry(11), TestKeys.exampleVerifiers()))
                .isInstanceOf(ProofVerificationException.class)
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.INVALID_INCLUSION_PROOF);
    }

    @Test
    void rejectsProofForAnotherIndex() {
        byte[] file = new String(proofFile(10), StandardCharsets.UTF_8).replace("index 10\n", "index 11\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TlogProofVerifier.verify(file, log.entry(10), TestKeys.exampleVerifiers()))
                .isInstanceOf(ProofVerificationException.class);
    }

    @Test
    void rejectsIndexBeyondTheCheckpoint() {
        TlogProof proof = TlogProof.parse(proofFile(999));
        byte[] file = new TlogProof(null, 1000, proof.hashes(), checkpoint).toBytes();
        assertThatThrownBy(() -> TlogProofVerifier.verify(file, log.entry(999), TestKeys.exampleVerifiers()))
                .isInstanceOf(ProofVerificationException.class)
                .hasMessageContaining("only 1000 entries");
    }

    @Test
    void rejectsCheckpointNotSignedByATrustedKey() {
        NoteSigner stranger = NoteSigner.ofEd25519Seed(TestLog.ORIGIN, TestKeys.seed(77));
        assertThatThrownBy(() -> TlogProofVerifier.verify(proofFile(3), log.entry(3), NoteVerifiers.of(stranger.verifier())))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void rejectsProofOfAnotherLogWhenTheOriginIsGiven() {
        assertThatThrownBy(() -> TlogProofVerifier.verify(proofFile(3), log.entry(3), TestKeys.exampleVerifiers(), "other.example/log"))
                .isInstanceOf(SignatureVerificationException.class)
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.ORIGIN_MISMATCH);
    }

    @Test
    void rejectsTamperedHashOrTamperedCheckpoint() {
        String file = new String(proofFile(500), StandardCharsets.UTF_8);
        String[] lines = file.split("\n", -1);
        String tamperedHash = lines[2].charAt(0) == 'A' ? "B" + lines[2].substring(1) : "A" + lines[2].substring(1);
        String withBadHash = file.replace(lines[2] + "\n", tamperedHash + "\n");
        assertThatThrownBy(() -> TlogProofVerifier.verify(withBadHash.getBytes(StandardCharsets.UTF_8), log.entry(500), TestKeys.exampleVerifiers()))
                .isInstanceOf(LedgerException.class);

        String withBadSize = file.replace("\n1000\n", "\n1001\n");
        assertThatThrownBy(() -> TlogProofVerifier.verify(withBadSize.getBytes(StandardCharsets.UTF_8), log.entry(500), TestKeys.exampleVerifiers()))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void rejectsProofWithAHashRemovedOrAdded() {
        TlogProof proof = TlogProof.parse(proofFile(500));
        List<dev.greenlight.ledger.Hash> fewer = proof.hashes().subList(1, proof.hashes().size());
        List<dev.greenlight.ledger.Hash> more = new java.util.ArrayList<>(proof.hashes());
        more.add(proof.hashes().getFirst());
        for (List<dev.greenlight.ledger.Hash> hashes : List.of(fewer, more)) {
            byte[] file = new TlogProof(null, 500, hashes, checkpoint).toBytes();
            assertThatThrownBy(() -> TlogProofVerifier.verify(file, log.entry(500), TestKeys.exampleVerifiers()))
                    .isInstanceOf(ProofVerificationException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "c2sp.org/tlog-proof@v1",
        "c2sp.org/tlog-proof@v1\n",
        "c2sp.org/tlog-proof@v2\nindex 1\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nindex 01\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nindex -1\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nindex\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nindex  1\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nindex 18446744073709551615\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nIndex 1\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nextra AQID\nextra AQID\nindex 1\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nextra AQI\nindex 1\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nindex 1\nextra AQID\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nindex 1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nindex 1\nAQID\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nindex 1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
        "c2sp.org/tlog-proof@v1\nindex 1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n",
        "c2sp.org/tlog-proof@v1\r\nindex 1\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nindex 1\r\n\nCHECKPOINT",
        "c2sp.org/tlog-proof@v1\nindex 1\n\nCHECK\u0000POINT",
    })
    void rejectsMalformedProofFiles(String file) {
        assertThatThrownBy(() -> TlogProof.parse(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LedgerFormatException.class)
                .extracting(e -> ((LedgerException) e).errorCode())
                .isEqualTo(LedgerErrorCode.MALFORMED_TLOG_PROOF);
    }

    @Test
    void rejectsMoreHashesThanAnyTreeNeeds() {
        StringBuilder file = new StringBuilder("c2sp.org/tlog-proof@v1\nindex 1\n");
        file.append("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n".repeat(64)).append("\nCHECKPOINT");
        assertThatThrownBy(() -> TlogProof.parse(file.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LedgerFormatException.class)
                .hasMessageContaining("more than 63");
    }

    @Test
    void acceptsTheSpecificationExampleShape() {
        String file = """
                c2sp.org/tlog-proof@v1
                extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6
                index 73894
                gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
                B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=

                example.com/fancylog
                109482
                sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=

                \u2014 example.com/fancylog hI2DJw==
                """;
        TlogProof proof = TlogProof.parse(file.getBytes(StandardCharsets.UTF_8));

        assertThat(proof.index()).isEqualTo(73894);
        assertThat(proof.hashes()).hasSize(2);
        assertThat(new String(proof.extraData().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("age-v1.2.1-darwin-arm64.tar.gz");
        assertThat(new String(proof.signedCheckpoint(), StandardCharsets.UTF_8)).startsWith("example.com/fancylog\n109482\n");
    }
}
