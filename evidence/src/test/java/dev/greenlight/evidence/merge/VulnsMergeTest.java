package dev.greenlight.evidence.merge;

import static dev.greenlight.evidence.merge.MergeFixtures.evidence;
import static dev.greenlight.evidence.merge.MergeFixtures.fact;
import static dev.greenlight.evidence.merge.MergeFixtures.finding;
import static dev.greenlight.evidence.merge.MergeFixtures.merge;
import static dev.greenlight.evidence.merge.MergeFixtures.scan;
import static dev.greenlight.evidence.merge.MergeFixtures.statement;
import static dev.greenlight.evidence.merge.MergeFixtures.vex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.SeverityCounts;
import dev.greenlight.evidence.facts.VexFacts.Status;
import dev.greenlight.evidence.facts.VulnerabilityFacts;

class VulnsMergeTest {
    private static final String LOG4J_PURL = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
    private static final Finding TRIVY_LOG4J = finding("CVE-2021-44228", Severity.HIGH, "org.apache.logging.log4j:log4j-core", "2.14.1",
            null, LOG4J_PURL);
    private static final Finding GRYPE_LOG4J = finding("GHSA-jfh8-c2jp-5v3q", Severity.CRITICAL, "org.apache.logging.log4j:log4j-core",
            "2.14.1", "2.15.0", null, "CVE-2021-44228");

    private static List<Map<String, Object>> findings(Map<String, Object> facts) {
        return fact(facts, "vulns.findings");
    }

    private static SourcedFacts sbomWith(String id, Finding... vulnerabilities) {
        return evidence(id, EvidenceType.CYCLONEDX, SbomFacts.withAllVulnerabilities("cyclonedx", "1.6", 0, List.of(), Set.of(), 0, List.of(vulnerabilities), false));
    }

    @Test
    void countsAVulnerabilityTrivyAndGrypeBothFoundOnceUnderItsAliases() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", TRIVY_LOG4J), scan("grype", "grype", GRYPE_LOG4J));

        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isEqualTo(1L);
        assertThat(findings(facts)).singleElement().satisfies(merged -> assertThat(merged)
                .containsEntry("id", "CVE-2021-44228")
                .containsEntry("severity", "critical")
                .containsEntry("fixedVersion", "2.15.0")
                .containsEntry("hasFix", true)
                .containsEntry("purl", LOG4J_PURL)
                .containsEntry("aliases", List.of("GHSA-jfh8-c2jp-5v3q")));
        assertThat(MergeFixtures.<List<String>>fact(facts, "vulns.scanners")).containsExactly("trivy", "grype");
    }

    @Test
    void keepsTheHigherSeverityWhicheverScannerReportsIt() {
        Map<String, Object> facts = merge(scan("grype", "grype", finding("CVE-1", Severity.CRITICAL, "p", "1", null, null)),
                scan("trivy", "trivy", finding("CVE-1", Severity.LOW, "p", "1", null, null)));

        assertThat(findings(facts)).extracting(finding -> finding.get("severity")).containsExactly("critical");
    }

    @Test
    void keepsApartTheSameVulnerabilityInAnotherVersion() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", TRIVY_LOG4J),
                scan("grype", "grype", finding("CVE-2021-44228", Severity.CRITICAL, "org.apache.logging.log4j:log4j-core", "2.15.0", "2.16.0", null)));

        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isEqualTo(2L);
    }

    @Test
    void keepsApartOtherVulnerabilitiesOfTheSamePackage() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", TRIVY_LOG4J,
                finding("CVE-2021-45046", Severity.CRITICAL, "org.apache.logging.log4j:log4j-core", "2.14.1", "2.16.0", LOG4J_PURL)));

        assertThat(findings(facts)).extracting(finding -> finding.get("id")).containsExactly("CVE-2021-44228", "CVE-2021-45046");
    }

    @Test
    void recognisesOnePackageByItsPackageUrlWhenScannersNameItDifferently() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", TRIVY_LOG4J),
                scan("grype", "grype", finding("GHSA-jfh8-c2jp-5v3q", Severity.CRITICAL, "log4j-core", "2.14.1", "2.15.0",
                        LOG4J_PURL + "?type=jar", "CVE-2021-44228")));

        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isEqualTo(1L);
    }

    @Test
    void joinsFindingsThatALaterFindingShowsToBeOne() {
        Map<String, Object> facts = merge(
                scan("trivy", "trivy", finding("CVE-1", Severity.LOW, "p", "1", null, null), finding("GHSA-1", Severity.HIGH, "p", "1", null, null)),
                scan("grype", "grype", finding("GHSA-1", Severity.MEDIUM, "p", "1", "2", null, "CVE-1")));

        assertThat(findings(facts)).singleElement().satisfies(merged -> assertThat(merged)
                .containsEntry("id", "CVE-1").containsEntry("severity", "high").containsEntry("fixedVersion", "2")
                .containsEntry("aliases", List.of("GHSA-1")));
    }

    @Test
    void comparesIdsWhateverTheirCase() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", finding("GHSA-ABCD-1234-EFGH", Severity.HIGH, "p", "1", null, null)),
                scan("grype", "grype", finding("ghsa-abcd-1234-efgh", Severity.HIGH, "p", "1", null, null)));

        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isEqualTo(1L);
    }

    @Test
    void countsSbomVulnerabilitiesWithTheScannersOnce() {
        SourcedFacts sbom = sbomWith("bom", finding("CVE-2021-44228", Severity.CRITICAL, "org.apache.logging.log4j:log4j-core", "2.14.1",
                null, LOG4J_PURL), finding("CVE-2022-1304", Severity.MEDIUM, "zlib", "1.2.13", null, null));

        Map<String, Object> facts = merge(sbom, scan("trivy", "trivy", TRIVY_LOG4J));

        assertThat(findings(facts)).extracting(finding -> finding.get("id")).containsExactly("CVE-2021-44228", "CVE-2022-1304");
        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(facts, "vulns.sources")).extracting(source -> source.get("evidence"))
                .containsExactly("bom", "trivy");
    }

    @Test
    void isAbsentWhenOnlySbomsWithoutVulnerabilitiesExist() {
        Map<String, Object> facts = merge(sbomWith("bom"));

        assertThat(facts).containsKey("sbom").doesNotContainKey("vulns");
    }

    @Test
    void isPresentForAnSbomThatListsVulnerabilities() {
        Map<String, Object> facts = merge(sbomWith("bom", finding("CVE-1", Severity.LOW, "p", "1", null, null)));

        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isEqualTo(1L);
        assertThat(MergeFixtures.<List<String>>fact(facts, "vulns.scanners")).isEmpty();
    }

    @Test
    void isPresentWithZeroFindingsForAScanThatFoundNothing() {
        Map<String, Object> facts = merge(scan("trivy", "trivy"));

        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isZero();
        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "vulns.bySeverity"))
                .isEqualTo(Map.of("critical", 0L, "high", 0L, "medium", 0L, "low", 0L, "negligible", 0L, "unknown", 0L));
    }

    @Test
    void countsBySeverityAndFixableBySeverity() {
        Map<String, Object> facts = merge(scan("grype", "grype",
                finding("CVE-1", Severity.CRITICAL, "a", "1", "2", null),
                finding("CVE-2", Severity.CRITICAL, "b", "1", null, null),
                finding("CVE-3", Severity.LOW, "c", "1", "1.1", null)));

        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "vulns.bySeverity"))
                .containsEntry("critical", 2L).containsEntry("low", 1L).containsEntry("high", 0L);
        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "vulns.fixable"))
                .containsEntry("critical", 1L).containsEntry("low", 1L).containsEntry("unknown", 0L);
    }

    @Test
    void listsWhatScannersWereToldToIgnoreWithoutCountingIt() {
        Finding ignored = finding("CVE-9", Severity.CRITICAL, "q", "1", null, null);
        Map<String, Object> facts = merge(
                evidence("grype-1", EvidenceType.GRYPE, VulnerabilityFacts.complete("grype", List.of(), List.of(ignored))),
                evidence("grype-2", EvidenceType.GRYPE, VulnerabilityFacts.complete("grype", List.of(), List.of(ignored))));

        assertThat(MergeFixtures.<List<?>>fact(facts, "vulns.ignored")).hasSize(2);
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isZero();
        assertThat(MergeFixtures.<List<String>>fact(facts, "vulns.scanners")).containsExactly("grype");
    }

    @Test
    void cutsTheFindingListAtTheLimitButCountsEveryFinding() {
        Map<String, Object> facts = merge(2, scan("trivy", "trivy",
                finding("CVE-1", Severity.HIGH, "a", "1", null, null),
                finding("CVE-2", Severity.HIGH, "b", "1", null, null),
                finding("CVE-3", Severity.HIGH, "c", "1", null, null)));

        assertThat(findings(facts)).hasSize(2);
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isEqualTo(3L);
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.bySeverity.high")).isEqualTo(3L);
        assertThat(MergeFixtures.<Boolean>fact(facts, "vulns.findingsTruncated")).isTrue();
    }

    @Test
    void isNotTruncatedWithinTheLimit() {
        Map<String, Object> facts = merge(3, scan("trivy", "trivy",
                finding("CVE-1", Severity.HIGH, "a", "1", null, null),
                finding("CVE-2", Severity.HIGH, "b", "1", null, null),
                finding("CVE-3", Severity.HIGH, "c", "1", null, null)));

        assertThat(MergeFixtures.<Boolean>fact(facts, "vulns.findingsTruncated")).isFalse();
    }

    @Test
    void keepsAScannersOwnTruncation() {
        Map<String, Object> facts = merge(evidence("trivy", EvidenceType.TRIVY, new VulnerabilityFacts("trivy", List.of(TRIVY_LOG4J), List.of(), true,
                new SeverityCounts(0, 2, 0, 0, 0, 0), SeverityCounts.ZERO)));

        assertThat(MergeFixtures.<Boolean>fact(facts, "vulns.findingsTruncated")).isTrue();
    }

    /** A Trivy report cut after its log4j finding: it counted two criticals (one with a fix) it did not list. */
    private static SourcedFacts truncatedTrivy() {
        return evidence("trivy", EvidenceType.TRIVY, new VulnerabilityFacts("trivy", List.of(TRIVY_LOG4J), List.of(), true,
                new SeverityCounts(2, 1, 0, 0, 0, 0), new SeverityCounts(1, 0, 0, 0, 0, 0)));
    }

    @Test
    void countsTheFindingsATruncatedReportDidNotListOnTopOfTheMergedOnes() {
        Map<String, Object> facts = merge(truncatedTrivy(), scan("grype", "grype", GRYPE_LOG4J));

        // log4j is listed by both and counted once (as Grype's critical); the two unlisted criticals count as they are.
        assertThat(findings(facts)).extracting(finding -> finding.get("id")).containsExactly("CVE-2021-44228");
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isEqualTo(3L);
        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "vulns.bySeverity"))
                .isEqualTo(Map.of("critical", 3L, "high", 0L, "medium", 0L, "low", 0L, "negligible", 0L, "unknown", 0L));
        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "vulns.fixable")).containsEntry("critical", 2L).containsEntry("high", 0L);
        assertThat(MergeFixtures.<Boolean>fact(facts, "vulns.findingsTruncated")).isTrue();
    }

    @Test
    void vexCannotSuppressWhatATruncatedReportDidNotList() {
        Map<String, Object> facts = merge(truncatedTrivy(),
                vex("vex", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of("pkg:oci/app"))));

        assertThat(MergeFixtures.<List<?>>fact(facts, "vulns.suppressed")).hasSize(1);
        assertThat(findings(facts)).isEmpty();
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isEqualTo(2L);
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.bySeverity.critical")).isEqualTo(2L);
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.bySeverity.high")).isZero();
    }

    @Test
    void addsNothingForReportsWhoseListsAreComplete() {
        VulnerabilityFacts trivy = new VulnerabilityFacts("trivy", List.of(TRIVY_LOG4J), List.of(), false,
                SeverityCounts.of(List.of(TRIVY_LOG4J)), SeverityCounts.fixableOf(List.of(TRIVY_LOG4J)));

        Map<String, Object> facts = merge(evidence("trivy", EvidenceType.TRIVY, trivy), scan("grype", "grype", GRYPE_LOG4J));

        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isEqualTo(1L);
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.bySeverity.critical")).isEqualTo(1L);
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.bySeverity.high")).isZero();
        assertThat(MergeFixtures.<Boolean>fact(facts, "vulns.findingsTruncated")).isFalse();
    }

    @Test
    void countsTheVulnerabilitiesATruncatedSbomDidNotList() {
        Finding zlib = finding("CVE-2022-1304", Severity.MEDIUM, "zlib", "1.2.13", null, null);
        SbomFacts sbom = new SbomFacts("cyclonedx", "1.6", 0, List.of(), Set.of(), 0, List.of(zlib), false,
                new SeverityCounts(4, 0, 1, 0, 0, 0), new SeverityCounts(3, 0, 0, 0, 0, 0), true);

        Map<String, Object> facts = merge(evidence("bom", EvidenceType.CYCLONEDX, sbom), scan("trivy", "trivy", TRIVY_LOG4J));

        assertThat(MergeFixtures.<Map<String, Object>>fact(facts, "vulns.bySeverity"))
                .containsEntry("critical", 4L).containsEntry("high", 1L).containsEntry("medium", 1L);
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.fixable.critical")).isEqualTo(3L);
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isEqualTo(6L);
        assertThat(MergeFixtures.<Boolean>fact(facts, "vulns.findingsTruncated")).isTrue();
    }

    @Test
    void isPresentForAnSbomThatCountedVulnerabilitiesItCouldNotList() {
        SbomFacts sbom = new SbomFacts("spdx", "2.3", 0, List.of(), Set.of(), 0, List.of(), false,
                new SeverityCounts(0, 0, 0, 0, 0, 2), SeverityCounts.ZERO, true);

        Map<String, Object> facts = merge(evidence("bom", EvidenceType.SPDX, sbom));

        assertThat(MergeFixtures.<Long>fact(facts, "vulns.total")).isEqualTo(2L);
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.bySeverity.unknown")).isEqualTo(2L);
        assertThat(MergeFixtures.<Boolean>fact(facts, "vulns.findingsTruncated")).isTrue();
    }
}
