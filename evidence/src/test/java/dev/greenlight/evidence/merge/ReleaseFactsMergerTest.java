package dev.greenlight.evidence.merge;

import static dev.greenlight.evidence.merge.MergeFixtures.evidence;
import static dev.greenlight.evidence.merge.MergeFixtures.fact;
import static dev.greenlight.evidence.merge.MergeFixtures.merge;
import static dev.greenlight.evidence.merge.MergeFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.CoverageFacts.Counter;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.PerformanceFacts;
import dev.greenlight.evidence.facts.ProvenanceFacts;
import dev.greenlight.evidence.facts.SastFacts;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.TestFacts;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VulnerabilityFacts;

class ReleaseFactsMergerTest {
    private static final TestFacts TESTS = new TestFacts(1, 1, 0, 0, 0, 0, 0.5, List.of(), List.of(), false, false);

    @Test
    void mergesNoEvidenceIntoNoFamilies() {
        assertThat(new ReleaseFactsMerger(10).merge(List.of(), List.of())).isEmpty();
    }

    @Test
    void leavesOutFamiliesWithoutEvidence() {
        Map<String, Object> facts = merge(evidence("e1", EvidenceType.JUNIT, TESTS));

        assertThat(facts).containsOnlyKeys("tests");
    }

    @Test
    void keysEveryFamilyByItsPrefixInFamilyOrder() {
        Map<String, Object> facts = merge(
                evidence("prov", EvidenceType.IN_TOTO, new ProvenanceFacts("https://slsa.dev/provenance/v1", null, null, null, null, List.of(), false)),
                evidence("vex", EvidenceType.OPENVEX, new VexFacts(List.of())),
                evidence("k6", EvidenceType.K6, new PerformanceFacts(null, null, null, null, null, null, null, null, null, 0, 0, List.of())),
                evidence("sarif", EvidenceType.SARIF, SastFacts.complete(List.of("CodeQL"), List.of(), List.of())),
                evidence("trivy", EvidenceType.TRIVY, VulnerabilityFacts.complete("trivy", List.of(), List.of())),
                evidence("sbom", EvidenceType.SPDX, SbomFacts.withAllVulnerabilities("spdx", "SPDX-2.3", 0, List.of(), Set.of(), 0, List.of(), false)),
                evidence("jacoco", EvidenceType.JACOCO, new CoverageFacts(new Counter(1, 0), new Counter(0, 0), List.of(), false)),
                evidence("junit", EvidenceType.JUNIT, TESTS));

        assertThat(facts.keySet()).containsExactly("tests", "coverage", "sbom", "vulns", "sast", "perf", "vex", "provenance");
    }

    @Test
    void listsTheEvidenceEachFamilyCameFrom() {
        Map<String, Object> facts = merge(
                evidence("junit-1", EvidenceType.JUNIT, TESTS),
                evidence("lcov-1", EvidenceType.LCOV, new CoverageFacts(new Counter(1, 0), new Counter(0, 0), List.of(), false)),
                evidence("junit-2", EvidenceType.JUNIT, TESTS));

        assertThat(MergeFixtures.<Object>fact(facts, "tests.sources")).isEqualTo(List.of(
                Map.of("evidence", "junit-1", "type", "junit", "sha256", sha256("junit-1")),
                Map.of("evidence", "junit-2", "type", "junit", "sha256", sha256("junit-2"))));
        assertThat(MergeFixtures.<Object>fact(facts, "coverage.sources")).isEqualTo(List.of(
                Map.of("evidence", "lcov-1", "type", "lcov", "sha256", sha256("lcov-1"))));
    }

    @Test
    void returnsFactsNobodyCanChange() {
        Map<String, Object> facts = merge(evidence("e1", EvidenceType.JUNIT, TESTS));

        assertThatThrownBy(() -> facts.put("vulns", Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> MergeFixtures.<Map<String, Object>>fact(facts, "tests").put("failed", 0L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsFactsOfAnotherFamilyThanTheEvidenceType() {
        assertThatThrownBy(() -> evidence("e1", EvidenceType.GRYPE, TESTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grype").hasMessageContaining("tests");
    }

    @Test
    void acceptsFactsOfTheEvidenceTypesFamily() {
        assertThat(new SourcedFacts("e1", EvidenceType.GRYPE, sha256("e1"), Instant.EPOCH,
                VulnerabilityFacts.complete("grype", List.<Finding>of(), List.of())).type()).isEqualTo(EvidenceType.GRYPE);
    }

    @Test
    void rejectsALimitBelowOne() {
        assertThatThrownBy(() -> new ReleaseFactsMerger(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReleaseFactsMerger(1)).isNotNull();
    }

    @Test
    void readsArtifactDigestsInLowerCaseAndRejectsOthers() {
        String digest = sha256("app.jar");

        assertThat(new ReleaseArtifact("app.jar", digest.toUpperCase()).sha256()).isEqualTo(digest);
        assertThatThrownBy(() -> new ReleaseArtifact("app.jar", "sha256:" + digest)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseArtifact("app.jar", digest.substring(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersEvidenceByUploadTimeWhateverTheListOrder() {
        Instant earlier = Instant.parse("2025-06-01T10:00:00Z");
        PerformanceFacts first = new PerformanceFacts(null, 900.0, null, null, null, null, null, null, null, 0, 0, List.of());
        PerformanceFacts second = new PerformanceFacts(null, 300.0, null, null, null, null, null, null, null, 0, 0, List.of());

        Map<String, Object> facts = new ReleaseFactsMerger(10).merge(List.of(
                evidence("k6-second", EvidenceType.K6, second, earlier.plusSeconds(60)),
                evidence("k6-first", EvidenceType.K6, first, earlier)), List.of());

        assertThat(MergeFixtures.<Double>fact(facts, "perf.p95Ms")).isEqualTo(300.0);
    }

    @Test
    void keepsTheListOrderOfFilesUploadedAtTheSameInstant() {
        Instant instant = Instant.parse("2025-06-01T10:00:00Z");

        Map<String, Object> facts = new ReleaseFactsMerger(10).merge(List.of(
                evidence("junit-b", EvidenceType.JUNIT, TESTS, instant),
                evidence("junit-a", EvidenceType.JUNIT, TESTS, instant)), List.of());

        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(facts, "tests.sources")).extracting(source -> source.get("evidence"))
                .containsExactly("junit-b", "junit-a");
    }
}
