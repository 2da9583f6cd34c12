package dev.greenlight.evidence.json;

import static dev.greenlight.evidence.json.JsonFixtures.listingAtMost;
import static dev.greenlight.evidence.json.JsonFixtures.parseFixture;
import static dev.greenlight.evidence.json.JsonFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.SeverityCounts;
import dev.greenlight.evidence.facts.VulnerabilityFacts;

class TrivyParserTest {
    private final TrivyParser parser = new TrivyParser();

    @Test
    void readsTheVulnerabilitiesOfEveryResult() {
        VulnerabilityFacts facts = parseFixture(parser, VulnerabilityFacts.class, "trivy/trivy-schema2.json");

        assertThat(facts.scanner()).isEqualTo("trivy");
        assertThat(facts.findings()).extracting(Finding::id, Finding::severity, Finding::packageName, Finding::installedVersion,
                Finding::fixedVersion)
                .containsExactly(
                        tuple("CVE-2023-4911", Severity.HIGH, "libc6", "2.36-9", "2.36-9+deb12u3"),
                        tuple("CVE-2011-3374", Severity.LOW, "apt", "2.6.1", null),
                        tuple("GHSA-35jh-r3h4-6jhm", Severity.CRITICAL, "lodash", "4.17.15", "4.17.21"));
        assertThat(facts.ignored()).isEmpty();
    }

    @Test
    void readsThePurlTitleAndVendorIds() {
        Finding glibc = parseFixture(parser, VulnerabilityFacts.class, "trivy/trivy-schema2.json").findings().getFirst();

        assertThat(glibc.purl()).isEqualTo("pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12.5");
        assertThat(glibc.title()).isEqualTo("glibc: buffer overflow in ld.so leading to privilege escalation");
        assertThat(glibc.aliases()).containsExactly("DSA-5514-1", "DLA-3600-1");
    }

    @Test
    void treatsAnEmptyFixedVersionAsNoFix() {
        Finding apt = parseFixture(parser, VulnerabilityFacts.class, "trivy/trivy-schema2.json").findings().get(1);

        assertThat(apt.hasFix()).isFalse();
    }

    @Test
    void readsTheLegacyArrayForm() {
        VulnerabilityFacts facts = parseFixture(parser, VulnerabilityFacts.class, "trivy/trivy-legacy.json");

        assertThat(facts.findings()).extracting(Finding::id, Finding::severity, Finding::packageName)
                .containsExactly(tuple("CVE-2019-1549", Severity.MEDIUM, "openssl"));
    }

    @Test
    void readsAReportWithoutResultsAsNoFindings() {
        VulnerabilityFacts facts = parseFixture(parser, VulnerabilityFacts.class, "trivy/trivy-nothing-found.json");

        assertThat(facts.findings()).isEmpty();
        assertThat(facts.findingsTruncated()).isFalse();
    }

    @Test
    void rejectsAnObjectThatIsNoTrivyReportAndAVulnerabilityWithoutId() {
        assertThatThrownBy(() -> parseText(parser, VulnerabilityFacts.class, "{\"matches\": []}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("not a Trivy report");
        assertThatThrownBy(() -> parseText(parser, VulnerabilityFacts.class, """
                {"SchemaVersion": 2, "Results": [{"Target": "x", "Vulnerabilities": [{"PkgName": "a"}]}]}
                """))
                .isInstanceOfSatisfying(EvidenceFormatException.class,
                        e -> assertThat(e.location()).isEqualTo("/Results/0/Vulnerabilities/0"))
                .hasMessageContaining("no VulnerabilityID");
    }

    @Test
    void listsFindingsUpToTheLimit() {
        VulnerabilityFacts facts = parseFixture(parser, VulnerabilityFacts.class, "trivy/trivy-schema2.json", listingAtMost(2));

        assertThat(facts.findings()).hasSize(2);
        assertThat(facts.findingsTruncated()).isTrue();
    }

    @Test
    void countsEveryFindingWhileListingOnlyUpToTheLimit() {
        StringBuilder report = new StringBuilder("{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"app\", \"Vulnerabilities\": [");
        for (int i = 0; i < 5; i++) {
            report.append(vulnerability("CVE-2024-" + i, "LOW", "")).append(',');
        }
        // Beyond the limit of 3: the findings a "no critical vulnerability" gate is about.
        report.append(vulnerability("CVE-2024-90", "CRITICAL", "1.2")).append(',')
                .append(vulnerability("CVE-2024-91", "CRITICAL", "")).append("]}, {\"Target\": \"os\", \"Vulnerabilities\": [")
                .append(vulnerability("CVE-2024-92", "HIGH", "3.0")).append("]}]}");

        VulnerabilityFacts facts = parseText(parser, VulnerabilityFacts.class, report.toString(), listingAtMost(3));

        assertThat(facts.findings()).hasSize(3).extracting(Finding::severity).containsOnly(Severity.LOW);
        assertThat(facts.findingsTruncated()).isTrue();
        assertThat(facts.bySeverity()).isEqualTo(new SeverityCounts(2, 1, 0, 5, 0, 0));
        assertThat(facts.fixable()).isEqualTo(new SeverityCounts(1, 1, 0, 0, 0, 0));
        assertThat(facts.toMap()).containsEntry("total", 8L)
                .containsEntry("bySeverity", Map.of("critical", 2L, "high", 1L, "medium", 0L, "low", 5L, "negligible", 0L, "unknown", 0L))
                .containsEntry("fixable", Map.of("critical", 1L, "high", 1L, "medium", 0L, "low", 0L, "negligible", 0L, "unknown", 0L))
                .containsEntry("findingsTruncated", true);
    }

    @Test
    void countsExactlyTheListedFindingsWhenNothingIsCut() {
        VulnerabilityFacts facts = parseFixture(parser, VulnerabilityFacts.class, "trivy/trivy-schema2.json");

        assertThat(facts.bySeverity()).isEqualTo(SeverityCounts.of(facts.findings())).isEqualTo(new SeverityCounts(1, 1, 0, 1, 0, 0));
        assertThat(facts.fixable()).isEqualTo(SeverityCounts.fixableOf(facts.findings()));
    }

    @Test
    void checksFindingsBeyondTheLimitAsItChecksListedOnes() {
        String report = "{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"x\", \"Vulnerabilities\": ["
                + vulnerability("CVE-1", "LOW", "") + ", " + vulnerability("CVE-2", "LOW", "") + ", {\"PkgName\": \"a\"}]}]}";

        assertThatThrownBy(() -> parseText(parser, VulnerabilityFacts.class, report, listingAtMost(1)))
                .isInstanceOfSatisfying(EvidenceFormatException.class,
                        e -> assertThat(e.location()).isEqualTo("/Results/0/Vulnerabilities/2"))
                .hasMessageContaining("no VulnerabilityID");
    }

    private static String vulnerability(String id, String severity, String fixedVersion) {
        return "{\"VulnerabilityID\": \"" + id + "\", \"PkgName\": \"p\", \"InstalledVersion\": \"1.0\", \"FixedVersion\": \""
                + fixedVersion + "\", \"Severity\": \"" + severity + "\"}";
    }
}
