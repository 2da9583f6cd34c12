package dev.greenlight.evidence.json;

import static dev.greenlight.evidence.json.JsonFixtures.listingAtMost;
import static dev.greenlight.evidence.json.JsonFixtures.parseFixture;
import static dev.greenlight.evidence.json.JsonFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.Severity;
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
}
