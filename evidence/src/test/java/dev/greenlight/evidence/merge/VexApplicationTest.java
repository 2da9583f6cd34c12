package dev.greenlight.evidence.merge;

import static dev.greenlight.evidence.merge.MergeFixtures.fact;
import static dev.greenlight.evidence.merge.MergeFixtures.finding;
import static dev.greenlight.evidence.merge.MergeFixtures.merge;
import static dev.greenlight.evidence.merge.MergeFixtures.scan;
import static dev.greenlight.evidence.merge.MergeFixtures.statement;
import static dev.greenlight.evidence.merge.MergeFixtures.vex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.VexFacts.Status;

/** VEX statements applied to the merged vulnerability findings. */
class VexApplicationTest {
    private static final String IMAGE = "pkg:oci/shop@sha256%3Aabc123?repository_url=registry.example.org";
    private static final String LOG4J_PURL = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar";
    private static final Finding LOG4J = finding("CVE-2021-44228", Severity.CRITICAL, "org.apache.logging.log4j:log4j-core", "2.14.1",
            "2.15.0", LOG4J_PURL, "GHSA-jfh8-c2jp-5v3q");
    private static final Finding LOG4J_GHSA = finding("GHSA-jfh8-c2jp-5v3q", Severity.CRITICAL, "log4j-core", "2.14.1", "2.15.0", null,
            "CVE-2021-44228");

    private static long total(Map<String, Object> facts) {
        return MergeFixtures.<Long>fact(facts, "vulns.total");
    }

    private static List<Map<String, Object>> suppressed(Map<String, Object> facts) {
        return fact(facts, "vulns.suppressed");
    }

    @Test
    void suppressesAFindingTheReleaseIsNotAffectedByAndSaysWhy() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J), vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of(IMAGE))));

        assertThat(total(facts)).isZero();
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.bySeverity.critical")).isZero();
        assertThat(MergeFixtures.<Long>fact(facts, "vulns.fixable.critical")).isZero();
        assertThat(suppressed(facts)).singleElement().satisfies(finding -> assertThat(finding)
                .containsEntry("id", "CVE-2021-44228")
                .containsEntry("status", "not_affected")
                .containsEntry("justification", "vulnerable_code_not_in_execute_path")
                .containsEntry("vexEvidence", "vex-1"));
    }

    @Test
    void suppressesAFixedFinding() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J), vex("vex-1", statement("CVE-2021-44228", Status.FIXED, List.of(IMAGE))));

        assertThat(total(facts)).isZero();
        assertThat(suppressed(facts)).singleElement().satisfies(finding -> assertThat(finding)
                .containsEntry("status", "fixed").doesNotContainKey("justification"));
    }

    @Test
    void matchesAStatementByTheFindingsAlias() {
        Map<String, Object> facts = merge(scan("grype", "grype", LOG4J_GHSA),
                vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of(IMAGE))));

        assertThat(total(facts)).isZero();
    }

    @Test
    void matchesAFindingByTheStatementsAlias() {
        Map<String, Object> facts = merge(scan("grype", "grype", finding("CVE-2022-1304", Severity.MEDIUM, "zlib", "1.2.13", null, null)),
                vex("vex-1", statement("GHSA-xxxx-yyyy-zzzz", Status.NOT_AFFECTED, List.of(IMAGE), "CVE-2022-1304")));

        assertThat(total(facts)).isZero();
    }

    @Test
    void matchesAnAliasWrittenAsAnAdvisoryAddress() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", finding("CVE-2022-1304", Severity.MEDIUM, "zlib", "1.2.13", null, null)),
                vex("vex-1", statement("zlib-overflow", Status.NOT_AFFECTED, List.of(IMAGE), "https://nvd.nist.gov/vuln/detail/CVE-2022-1304")));

        assertThat(total(facts)).isZero();
    }

    @Test
    void leavesOtherVulnerabilitiesCounted() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J),
                vex("vex-1", statement("CVE-2021-45046", Status.NOT_AFFECTED, List.of(IMAGE), "GHSA-7rjr-3q55-vv33")));

        assertThat(total(facts)).isEqualTo(1L);
        assertThat(suppressed(facts)).isEmpty();
    }

    @Test
    void suppressesWhenAProductIsTheFindingsPackageUrlIgnoringQualifiers() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J),
                vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of(IMAGE, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"))));

        assertThat(total(facts)).isZero();
    }

    @Test
    void suppressesEveryVersionWhenTheProductNamesNone() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J),
                vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of("pkg:maven/org.apache.logging.log4j/log4j-core"))));

        assertThat(total(facts)).isZero();
    }

    @Test
    void doesNotSuppressAnotherPackageOfTheSameImage() {
        // The statement is about log4j-api inside the image: naming a package narrows it to that package.
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J),
                vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of(IMAGE, "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1"))));

        assertThat(total(facts)).isEqualTo(1L);
    }

    @Test
    void doesNotSuppressAnotherVersionOfThePackage() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J),
                vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.0"))));

        assertThat(total(facts)).isEqualTo(1L);
    }

    @Test
    void doesNotSuppressAFindingWithoutPackageUrlByAPackageStatement() {
        Map<String, Object> facts = merge(scan("grype", "grype", LOG4J_GHSA),
                vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"))));

        assertThat(total(facts)).isEqualTo(1L);
    }

    @Test
    void suppressesForAProductThatIsNoPackageUrl() {
        Map<String, Object> facts = merge(scan("grype", "grype", LOG4J_GHSA),
                vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of("https://example.org/shop/releases/1.4.0"))));

        assertThat(total(facts)).isZero();
    }

    @Test
    void countsAgainWhenALaterStatementSaysAffected() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J),
                vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of(IMAGE))),
                vex("vex-2", statement("GHSA-jfh8-c2jp-5v3q", Status.AFFECTED, List.of(IMAGE))));

        assertThat(total(facts)).isEqualTo(1L);
        assertThat(suppressed(facts)).isEmpty();
    }

    @Test
    void countsAgainWhenALaterStatementOfTheSameDocumentIsUnderInvestigation() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J), vex("vex-1",
                statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of(IMAGE)),
                statement("CVE-2021-44228", Status.UNDER_INVESTIGATION, List.of(IMAGE))));

        assertThat(total(facts)).isEqualTo(1L);
    }

    @Test
    void suppressesWhenALaterStatementSaysNotAffected() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J),
                vex("vex-1", statement("CVE-2021-44228", Status.AFFECTED, List.of(IMAGE))),
                vex("vex-2", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of(IMAGE))));

        assertThat(total(facts)).isZero();
        assertThat(suppressed(facts)).singleElement().satisfies(finding -> assertThat(finding).containsEntry("vexEvidence", "vex-2"));
    }

    @Test
    void aLaterStatementAboutAnotherPackageDoesNotOverride() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J),
                vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of(IMAGE))),
                vex("vex-2", statement("CVE-2021-44228", Status.AFFECTED, List.of("pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1"))));

        assertThat(total(facts)).isZero();
    }

    @Test
    void appliesToTheDeduplicatedFinding() {
        Map<String, Object> facts = merge(scan("trivy", "trivy", LOG4J),
                scan("grype", "grype", finding("GHSA-jfh8-c2jp-5v3q", Severity.CRITICAL, "log4j-core", "2.14.1", "2.15.0",
                        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "CVE-2021-44228")),
                vex("vex-1", statement("GHSA-jfh8-c2jp-5v3q", Status.NOT_AFFECTED, List.of(IMAGE))));

        assertThat(total(facts)).isZero();
        assertThat(suppressed(facts)).hasSize(1);
    }

    @Test
    void cutsTheSuppressedListAtTheLimit() {
        Map<String, Object> facts = merge(1, scan("trivy", "trivy", LOG4J, finding("CVE-2022-1304", Severity.MEDIUM, "zlib", "1.2.13", null, null)),
                vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of(IMAGE)), statement("CVE-2022-1304", Status.FIXED, List.of(IMAGE))));

        assertThat(suppressed(facts)).hasSize(1);
        assertThat(MergeFixtures.<Boolean>fact(facts, "vulns.findingsTruncated")).isTrue();
    }

    @Test
    void namesTheVexDocumentsAmongTheSources() {
        Map<String, Object> facts = merge(vex("vex-1"), scan("trivy", "trivy", LOG4J));

        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(facts, "vulns.sources")).extracting(source -> source.get("evidence"))
                .containsExactly("vex-1", "trivy");
    }

    @Test
    void vexWithoutAScanGivesNoVulnerabilityFacts() {
        Map<String, Object> facts = merge(vex("vex-1", statement("CVE-2021-44228", Status.NOT_AFFECTED, List.of(IMAGE))));

        assertThat(facts).containsOnlyKeys("vex");
    }
}
