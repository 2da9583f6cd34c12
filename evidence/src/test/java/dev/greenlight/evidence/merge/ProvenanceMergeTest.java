package dev.greenlight.evidence.merge;

import static dev.greenlight.evidence.merge.MergeFixtures.evidence;
import static dev.greenlight.evidence.merge.MergeFixtures.fact;
import static dev.greenlight.evidence.merge.MergeFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.ProvenanceFacts;
import dev.greenlight.evidence.facts.ProvenanceFacts.Subject;

class ProvenanceMergeTest {
    private static final String SLSA_V1 = "https://slsa.dev/provenance/v1";
    private static final ReleaseArtifact JAR = new ReleaseArtifact("shop-1.4.0.jar", sha256("jar bytes"));
    private static final ReleaseArtifact TARBALL = new ReleaseArtifact("shop-1.4.0.tar.gz", sha256("tarball bytes"));
    private static final Subject JAR_SUBJECT = new Subject("shop-1.4.0.jar", Map.of("sha256", sha256("jar bytes")));
    private static final Subject TARBALL_SUBJECT = new Subject("shop-1.4.0.tar.gz", Map.of("sha256", sha256("tarball bytes"), "sha512", "ab"));

    private static SourcedFacts provenance(String id, String builderId, Subject... subjects) {
        return evidence(id, EvidenceType.IN_TOTO, new ProvenanceFacts(SLSA_V1, builderId, "https://actions.github.io/buildtypes/workflow/v1",
                "https://github.com/acme/shop", "0123abc", List.of(subjects), true));
    }

    private static Map<String, Object> merge(List<ReleaseArtifact> artifacts, SourcedFacts... evidence) {
        return fact(new ReleaseFactsMerger(100).merge(List.of(evidence), artifacts), "provenance");
    }

    @Test
    void matchesEverySubjectToTheArtifactWithItsDigest() {
        Map<String, Object> provenance = merge(List.of(JAR, TARBALL), provenance("prov", "github", JAR_SUBJECT, TARBALL_SUBJECT));

        assertThat(provenance).containsEntry("present", true)
                .containsEntry("subjectsMatch", true)
                .containsEntry("mismatch", false)
                .containsEntry("matchedArtifacts", List.of("shop-1.4.0.jar", "shop-1.4.0.tar.gz"))
                .containsEntry("unmatchedSubjects", List.of())
                .containsEntry("unattestedArtifacts", List.of());
        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(provenance, "subjects"))
                .extracting(subject -> subject.get("name"), subject -> subject.get("matchedArtifact"))
                .containsExactly(org.assertj.core.api.Assertions.tuple("shop-1.4.0.jar", "shop-1.4.0.jar"),
                        org.assertj.core.api.Assertions.tuple("shop-1.4.0.tar.gz", "shop-1.4.0.tar.gz"));
    }

    @Test
    void reportsASubjectThatMatchesNoArtifactAsAMismatch() {
        Subject rebuilt = new Subject("shop-1.4.0.jar", Map.of("sha256", sha256("other jar bytes")));

        Map<String, Object> provenance = merge(List.of(JAR), provenance("prov", "github", rebuilt));

        assertThat(provenance).containsEntry("subjectsMatch", false)
                .containsEntry("mismatch", true)
                .containsEntry("unmatchedSubjects", List.of("shop-1.4.0.jar"))
                .containsEntry("unattestedArtifacts", List.of("shop-1.4.0.jar"))
                .containsEntry("matchedArtifacts", List.of());
        Map<String, Object> subject = MergeFixtures.<List<Map<String, Object>>>fact(provenance, "subjects").getFirst();
        assertThat(subject).containsEntry("matchedArtifact", null);
    }

    @Test
    void matchesNothingWhenTheReleaseHasNoArtifacts() {
        Map<String, Object> provenance = merge(List.of(), provenance("prov", "github", JAR_SUBJECT));

        assertThat(provenance).containsEntry("subjectsMatch", false).containsEntry("mismatch", true)
                .containsEntry("unmatchedSubjects", List.of("shop-1.4.0.jar"));
    }

    @Test
    void doesNotCallProvenanceWithoutSubjectsAMatch() {
        Map<String, Object> provenance = merge(List.of(JAR), provenance("prov", "github"));

        assertThat(provenance).containsEntry("subjectsMatch", false).containsEntry("mismatch", true)
                .containsEntry("unattestedArtifacts", List.of("shop-1.4.0.jar"));
    }

    @Test
    void listsArtifactsNoSubjectAttestsWhileTheSubjectsStillMatch() {
        Map<String, Object> provenance = merge(List.of(JAR, TARBALL), provenance("prov", "github", JAR_SUBJECT));

        assertThat(provenance).containsEntry("subjectsMatch", true)
                .containsEntry("matchedArtifacts", List.of("shop-1.4.0.jar"))
                .containsEntry("unattestedArtifacts", List.of("shop-1.4.0.tar.gz"));
    }

    @Test
    void doesNotMatchASubjectWithoutASha256Digest() {
        Subject sha512Only = new Subject("shop-1.4.0.jar", Map.of("sha512", "ab"));

        Map<String, Object> provenance = merge(List.of(JAR), provenance("prov", "github", sha512Only));

        assertThat(provenance).containsEntry("mismatch", true).containsEntry("unmatchedSubjects", List.of("shop-1.4.0.jar"));
    }

    @Test
    void unitesTheSubjectsOfAllProvenance() {
        Map<String, Object> provenance = merge(List.of(JAR, TARBALL),
                provenance("prov-jar", "github", JAR_SUBJECT),
                provenance("prov-tarball", "github", TARBALL_SUBJECT, JAR_SUBJECT));

        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(provenance, "subjects")).extracting(subject -> subject.get("name"))
                .containsExactly("shop-1.4.0.jar", "shop-1.4.0.tar.gz");
        assertThat(provenance).containsEntry("subjectsMatch", true).containsEntry("unattestedArtifacts", List.of());
        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(provenance, "sources")).extracting(source -> source.get("evidence"))
                .containsExactly("prov-jar", "prov-tarball");
    }

    @Test
    void takesTheBuilderFromTheLatestSlsaProvenance() {
        SourcedFacts sbomAttestation = evidence("sbom-attestation", EvidenceType.IN_TOTO,
                new ProvenanceFacts("https://cyclonedx.org/bom", null, null, null, null, List.of(JAR_SUBJECT), false));

        Map<String, Object> provenance = merge(List.of(JAR), provenance("old", "old-builder", JAR_SUBJECT),
                provenance("new", "new-builder", JAR_SUBJECT), sbomAttestation);

        assertThat(provenance).containsEntry("builderId", "new-builder").containsEntry("predicateType", SLSA_V1)
                .containsEntry("sourceRepository", "https://github.com/acme/shop").containsEntry("commit", "0123abc");
    }

    @Test
    void takesTheLatestStatementWhenNoneIsSlsaProvenance() {
        SourcedFacts sbomAttestation = evidence("sbom-attestation", EvidenceType.IN_TOTO,
                new ProvenanceFacts("https://spdx.dev/Document", null, null, null, null, List.of(JAR_SUBJECT), false));

        Map<String, Object> provenance = merge(List.of(JAR), sbomAttestation);

        assertThat(provenance).containsEntry("predicateType", "https://spdx.dev/Document").doesNotContainKey("builderId")
                .containsEntry("present", true).containsEntry("subjectsMatch", true);
    }
}
