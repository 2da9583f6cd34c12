package dev.greenlight.evidence.merge;

import static dev.greenlight.evidence.merge.MergeFixtures.evidence;
import static dev.greenlight.evidence.merge.MergeFixtures.fact;
import static dev.greenlight.evidence.merge.MergeFixtures.merge;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.SbomFacts.Component;

class SbomMergeTest {
    private static final Component LOG4J = new Component("org.apache.logging.log4j/log4j-core", "2.14.1",
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "library", List.of("Apache-2.0"));
    private static final Component ZLIB = new Component("zlib", "1.2.13", null, "library", List.of("Zlib"));
    private static final Component OPENSSL = new Component("openssl", "3.0.2", "pkg:deb/ubuntu/openssl@3.0.2", "library", List.of());

    private static SourcedFacts cycloneDx(String id, long dependencies, Set<String> licenses, Component... components) {
        return evidence(id, EvidenceType.CYCLONEDX, SbomFacts.withAllVulnerabilities("cyclonedx", "1.6", components.length, List.of(components), licenses,
                dependencies, List.of(), false));
    }

    private static SourcedFacts spdx(String id, Component... components) {
        return evidence(id, EvidenceType.SPDX, SbomFacts.withAllVulnerabilities("spdx", "SPDX-2.3", components.length, List.of(components), Set.of(),
                0, List.of(), false));
    }

    @Test
    void countsEachComponentOnceByPackageUrlElseNameAndVersion() {
        Map<String, Object> facts = merge(
                cycloneDx("app", 0, Set.of(), LOG4J, ZLIB),
                spdx("image", LOG4J, new Component("zlib", "1.2.13", null, "library", List.of()), OPENSSL));

        assertThat(MergeFixtures.<Long>fact(facts, "sbom.componentCount")).isEqualTo(3L);
        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(facts, "sbom.components")).extracting(component -> component.get("name"))
                .containsExactly("org.apache.logging.log4j/log4j-core", "zlib", "openssl");
    }

    @Test
    void countsOtherVersionsOfAComponentApart() {
        Map<String, Object> facts = merge(
                cycloneDx("app", 0, Set.of(), ZLIB),
                spdx("image", new Component("zlib", "1.3.1", null, "library", List.of()),
                        new Component("org.apache.logging.log4j/log4j-core", "2.17.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1", null, List.of()),
                        LOG4J));

        assertThat(MergeFixtures.<Long>fact(facts, "sbom.componentCount")).isEqualTo(4L);
    }

    @Test
    void sumsTheCountsWhenAnSbomWasCut() {
        Map<String, Object> facts = merge(
                cycloneDx("app", 0, Set.of(), LOG4J, ZLIB),
                evidence("image", EvidenceType.SPDX, SbomFacts.withAllVulnerabilities("spdx", "SPDX-2.3", 5000, List.of(LOG4J), Set.of(), 0, List.of(), true)));

        assertThat(MergeFixtures.<Long>fact(facts, "sbom.componentCount")).isEqualTo(5002L);
        assertThat(MergeFixtures.<Boolean>fact(facts, "sbom.componentsTruncated")).isTrue();
    }

    @Test
    void cutsTheComponentListAtTheLimitButStillCountsEveryComponent() {
        Map<String, Object> facts = merge(2, cycloneDx("app", 0, Set.of(), LOG4J, ZLIB), spdx("image", OPENSSL));

        assertThat(MergeFixtures.<List<?>>fact(facts, "sbom.components")).hasSize(2);
        assertThat(MergeFixtures.<Boolean>fact(facts, "sbom.componentsTruncated")).isTrue();
        assertThat(MergeFixtures.<Long>fact(facts, "sbom.componentCount")).isEqualTo(3L);
    }

    @Test
    void unitesFormatsAndSortedLicensesAndSumsDependencies() {
        Map<String, Object> facts = merge(
                cycloneDx("app", 7, Set.of("MIT", "Apache-2.0"), LOG4J),
                spdx("image", ZLIB),
                cycloneDx("lib", 3, Set.of("Zlib", "MIT")));

        Map<String, Object> sbom = fact(facts, "sbom");
        assertThat(sbom).containsEntry("present", true)
                .containsEntry("formats", List.of("cyclonedx", "spdx"))
                .containsEntry("licenses", List.of("Apache-2.0", "MIT", "Zlib"))
                .containsEntry("dependencyCount", 10L)
                .containsEntry("componentsTruncated", false);
    }

    @Test
    void leavesVulnerabilitiesToTheVulnsFamily() {
        assertThat(MergeFixtures.<Map<String, Object>>fact(merge(spdx("image", ZLIB)), "sbom")).doesNotContainKey("vulnerabilities");
    }
}
