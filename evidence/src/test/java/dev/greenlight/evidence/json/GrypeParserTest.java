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
import dev.greenlight.evidence.facts.SeverityCounts;
import dev.greenlight.evidence.facts.VulnerabilityFacts;

class GrypeParserTest {
    private final GrypeParser parser = new GrypeParser();

    @Test
    void readsMatchesAsFindings() {
        VulnerabilityFacts facts = parseFixture(parser, VulnerabilityFacts.class, "grype/grype-matches.json");

        assertThat(facts.scanner()).isEqualTo("grype");
        assertThat(facts.findings()).extracting(Finding::id, Finding::severity, Finding::packageName, Finding::installedVersion, Finding::purl)
                .containsExactly(
                        tuple("GHSA-jfh8-c2jp-5v3q", Severity.CRITICAL, "log4j-core", "2.14.1",
                                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"),
                        tuple("CVE-2022-1304", Severity.HIGH, "e2fsprogs", "1.46.5-2", null),
                        tuple("CVE-2005-2541", Severity.NEGLIGIBLE, "tar", "1.34+dfsg-1", null));
    }

    @Test
    void takesTheSuggestedFixElseAllFixedVersionsAndNoneUnlessFixed() {
        VulnerabilityFacts facts = parseFixture(parser, VulnerabilityFacts.class, "grype/grype-matches.json");

        assertThat(facts.findings()).extracting(Finding::fixedVersion).containsExactly("2.15.0", "1.46.6-1", null);
    }

    @Test
    void readsRelatedVulnerabilitiesAsAliases() {
        Finding log4j = parseFixture(parser, VulnerabilityFacts.class, "grype/grype-matches.json").findings().getFirst();

        assertThat(log4j.aliases()).containsExactly("CVE-2021-44228");
    }

    @Test
    void keepsIgnoredMatchesApart() {
        VulnerabilityFacts facts = parseFixture(parser, VulnerabilityFacts.class, "grype/grype-matches.json");

        assertThat(facts.ignored()).extracting(Finding::id, Finding::severity, Finding::hasFix)
                .containsExactly(tuple("CVE-2023-0001", Severity.MEDIUM, false));
        assertThat(facts.toMap().get("total")).isEqualTo(3L);
    }

    @Test
    void rejectsAReportWithoutMatchesAndAMatchWithoutId() {
        assertThatThrownBy(() -> parseText(parser, VulnerabilityFacts.class, "{\"descriptor\": {\"name\": \"grype\"}}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("matches is missing");
        assertThatThrownBy(() -> parseText(parser, VulnerabilityFacts.class, "{\"matches\": [{\"artifact\": {\"name\": \"a\"}}]}"))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/matches/0"));
    }

    @Test
    void countsEveryMatchWhileListingOnlyUpToTheLimit() {
        StringBuilder report = new StringBuilder("{\"matches\": [");
        for (int i = 0; i < 4; i++) {
            report.append(match("CVE-2024-" + i, "Negligible", false)).append(',');
        }
        // Beyond the limit of 3.
        report.append(match("GHSA-aaaa-bbbb-cccc", "Critical", true)).append(',').append(match("CVE-2024-91", "Critical", false)).append(',')
                .append(match("CVE-2024-92", "High", false)).append("], \"ignoredMatches\": [");
        for (int i = 0; i < 5; i++) {
            report.append(i == 0 ? "" : ",").append(match("CVE-2023-" + i, "Critical", true));
        }
        report.append("], \"descriptor\": {\"name\": \"grype\"}}");

        VulnerabilityFacts facts = parseText(parser, VulnerabilityFacts.class, report.toString(), listingAtMost(3));

        assertThat(facts.findings()).hasSize(3).extracting(Finding::severity).containsOnly(Severity.NEGLIGIBLE);
        assertThat(facts.ignored()).hasSize(3);
        assertThat(facts.findingsTruncated()).isTrue();
        assertThat(facts.bySeverity()).as("ignored matches never count").isEqualTo(new SeverityCounts(2, 1, 0, 0, 4, 0));
        assertThat(facts.fixable()).isEqualTo(new SeverityCounts(1, 0, 0, 0, 0, 0));
        assertThat(facts.toMap()).containsEntry("total", 7L);
    }

    private static String match(String id, String severity, boolean fixed) {
        return "{\"vulnerability\": {\"id\": \"" + id + "\", \"severity\": \"" + severity + "\", \"fix\": {\"state\": \""
                + (fixed ? "fixed\", \"versions\": [\"2.0\"]" : "not-fixed\", \"versions\": []") + "}}, "
                + "\"artifact\": {\"name\": \"p\", \"version\": \"1.0\"}}";
    }
}
