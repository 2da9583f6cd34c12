package dev.greenlight.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParsedEvidence;
import dev.greenlight.evidence.facts.EvidenceFacts;

/** Facts come back from the database as the very record that was stored, for every fact family. */
class StoredFactsTest {

    static List<byte[]> everyFamily() {
        return List.of(EvidenceFiles.junit(2), EvidenceFiles.lcov(), EvidenceFiles.cycloneDx(), EvidenceFiles.trivy(),
                EvidenceFiles.sarif(), EvidenceFiles.k6(), EvidenceFiles.openVex(), EvidenceFiles.provenance(EvidenceFiles.APP_SHA256));
    }

    @ParameterizedTest
    @MethodSource("everyFamily")
    void factsSurviveTheRoundTrip(byte[] file) {
        ParsedEvidence parsed = EvidenceReader.standard().read(new ByteArrayInputStream(file), null);
        String stored = StoredFacts.write(parsed.facts());
        EvidenceFacts read = StoredFacts.read(parsed.type(), stored);
        assertThat(read).isEqualTo(parsed.facts());
        assertThat(read.toMap()).isEqualTo(parsed.facts().toMap());
        assertThat(FactsSummary.of(read)).isNotEmpty();
    }

    @Test
    void theFixturesCoverEveryFamily() {
        assertThat(everyFamily().stream()
                .map(file -> EvidenceReader.standard().detect(new ByteArrayInputStream(file)).orElseThrow().family()).distinct())
                .containsExactlyInAnyOrder(EvidenceType.FactFamily.values());
    }
}
