package dev.greenlight.evidence.json;

import static dev.greenlight.evidence.json.JsonFixtures.listingAtMost;
import static dev.greenlight.evidence.json.JsonFixtures.parseFixture;
import static dev.greenlight.evidence.json.JsonFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.SeverityCounts;

class CycloneDxJsonParserTest {
    private final CycloneDxJsonParser parser = new CycloneDxJsonParser();

    @Test
    void flattensNestedComponentsInDocumentOrderWithoutTheBomSubject() {
        SbomFacts facts = parseFixture(parser, SbomFacts.class, "cyclonedx/bom-1.4-nested.json");

        assertThat(facts.format()).isEqualTo("cyclonedx");
        assertThat(facts.specVersion()).isEqualTo("1.4");
        assertThat(facts.componentCount()).isEqualTo(5);
        assertThat(facts.components()).extracting(SbomFacts.Component::name, SbomFacts.Component::version, SbomFacts.Component::type)
                .containsExactly(
                        tuple("org.slf4j/slf4j-api", "2.0.9", "library"),
                        tuple("org.springframework.boot/spring-boot", "3.2.0", "framework"),
                        tuple("spring-core", "6.1.1", "library"),
                        tuple("spring-jcl", "6.1.1", "library"),
                        tuple("README.txt", null, "file"));
        assertThat(facts.components().getFirst().purl()).isEqualTo("pkg:maven/org.slf4j/slf4j-api@2.0.9");
        assertThat(facts.componentsTruncated()).isFalse();
    }

    @Test
    void readsLicenseIdsNamesAndWholeExpressions() {
        SbomFacts facts = parseFixture(parser, SbomFacts.class, "cyclonedx/bom-1.4-nested.json");

        assertThat(facts.licenses()).containsExactly("Apache-2.0", "Apache-2.0 OR MIT", "MIT", "Spring custom licence");
        assertThat(facts.components().get(2).licenses()).containsExactly("Apache-2.0 OR MIT");
    }

    @Test
    void countsDependsOnRelations() {
        assertThat(parseFixture(parser, SbomFacts.class, "cyclonedx/bom-1.4-nested.json").dependencyCount()).isEqualTo(3);
    }

    @Test
    void readsToolsGivenAsAnObject() {
        SbomFacts facts = parseFixture(parser, SbomFacts.class, "cyclonedx/bom-1.5-vulnerabilities.json");

        assertThat(facts.specVersion()).isEqualTo("1.5");
        assertThat(facts.componentCount()).isEqualTo(2);
    }

    @Test
    void turnsVulnerabilitiesIntoOneFindingPerAffectedComponent() {
        List<Finding> findings = parseFixture(parser, SbomFacts.class, "cyclonedx/bom-1.5-vulnerabilities.json").vulnerabilities();

        assertThat(findings).extracting(Finding::id, Finding::severity, Finding::packageName, Finding::installedVersion, Finding::purl)
                .containsExactly(
                        tuple("CVE-2018-7489", Severity.CRITICAL, "com.fasterxml.jackson.core/jackson-databind", "2.9.4",
                                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4"),
                        tuple("CVE-2020-8203", Severity.HIGH, "lodash", "4.17.15", "pkg:npm/lodash@4.17.15"),
                        tuple("CVE-2020-8203", Severity.HIGH, "lodash-es", "4.17.15", "pkg:npm/lodash-es@4.17.15"),
                        tuple("INTERNAL-42", Severity.NEGLIGIBLE, null, null, null));
    }

    @Test
    void takesTheHighestRatingAndTheScoreWhenARatingHasNoSeverity() {
        List<Finding> findings = parseFixture(parser, SbomFacts.class, "cyclonedx/bom-1.5-vulnerabilities.json").vulnerabilities();

        assertThat(findings.get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(findings.get(1).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void readsAnUnaffectedVersionAsTheFixAndReferencesAsAliases() {
        Finding jackson = parseFixture(parser, SbomFacts.class, "cyclonedx/bom-1.5-vulnerabilities.json").vulnerabilities().getFirst();

        assertThat(jackson.fixedVersion()).isEqualTo("2.9.5");
        assertThat(jackson.hasFix()).isTrue();
        assertThat(jackson.aliases()).containsExactly("GHSA-cggj-fvv3-cqwv");
        assertThat(jackson.title()).startsWith("FasterXML jackson-databind");
    }

    @Test
    void leavesOutVulnerabilitiesItsAuthorAnalysedAsNotAffected() {
        List<Finding> findings = parseFixture(parser, SbomFacts.class, "cyclonedx/bom-1.5-vulnerabilities.json").vulnerabilities();

        assertThat(findings).extracting(Finding::id).doesNotContain("CVE-2021-0001");
    }

    @Test
    void resolvesAffectedComponentsThatComeAfterTheVulnerabilities() {
        SbomFacts facts = parseText(parser, SbomFacts.class, """
                {"bomFormat": "CycloneDX", "specVersion": "1.6",
                 "vulnerabilities": [{"id": "CVE-1", "ratings": [{"severity": "low"}], "affects": [{"ref": "a"}]}],
                 "components": [{"bom-ref": "a", "name": "alpha", "version": "1"}]}
                """);

        assertThat(facts.vulnerabilities()).singleElement()
                .satisfies(finding -> assertThat(finding.packageName()).isEqualTo("alpha"))
                .satisfies(finding -> assertThat(finding.installedVersion()).isEqualTo("1"));
    }

    @Test
    void rejectsADocumentWhoseBomFormatIsNotCycloneDx() {
        assertThatThrownBy(() -> parseText(parser, SbomFacts.class, """
                {"bomFormat": "AnotherFormat", "specVersion": "1.6", "components": []}
                """))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
                    assertThat(e.format()).isEqualTo(EvidenceType.CYCLONEDX);
                    assertThat(e.location()).isEqualTo("/bomFormat");
                })
                .hasMessageContaining("\"AnotherFormat\", not \"CycloneDX\"");
    }

    @Test
    void rejectsADocumentWithoutBomFormatOrSpecVersion() {
        assertThatThrownBy(() -> parseText(parser, SbomFacts.class, "{\"specVersion\": \"1.6\", \"components\": []}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("bomFormat is missing");
        assertThatThrownBy(() -> parseText(parser, SbomFacts.class, "{\"bomFormat\": \"CycloneDX\"}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("specVersion is missing");
        assertThatThrownBy(() -> parseText(parser, SbomFacts.class, "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"2.0\"}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("not a CycloneDX 1.x version");
    }

    @Test
    void locatesAWrongTypeByJsonPointer() {
        assertThatThrownBy(() -> parseText(parser, SbomFacts.class, """
                {"bomFormat": "CycloneDX", "specVersion": "1.6",
                 "components": [{"name": "a"}, {"name": "b", "licenses": [{"license": "MIT"}]}]}
                """))
                .isInstanceOfSatisfying(EvidenceFormatException.class,
                        e -> assertThat(e.location()).isEqualTo("/components/1/licenses/0/license"))
                .hasMessageContaining("expected an object, found a string");
        assertThatThrownBy(() -> parseText(parser, SbomFacts.class, """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"name": "a"}, "b"]}
                """))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/components/1"));
    }

    @Test
    void rejectsAKeyItReadsThatAppearsTwice() {
        assertThatThrownBy(() -> parseText(parser, SbomFacts.class, """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"name": "a", "version": "1", "version": "2"}]}
                """))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/components/0/version"))
                .hasMessageContaining("appears more than once");
    }

    @Test
    void keepsCountingComponentsBeyondTheListingLimit() {
        SbomFacts facts = parseFixture(parser, SbomFacts.class, "cyclonedx/bom-1.4-nested.json", listingAtMost(2));

        assertThat(facts.componentCount()).isEqualTo(5);
        assertThat(facts.components()).extracting(SbomFacts.Component::name)
                .containsExactly("org.slf4j/slf4j-api", "org.springframework.boot/spring-boot");
        assertThat(facts.componentsTruncated()).isTrue();
        assertThat(facts.licenses()).contains("Spring custom licence");
    }

    @Test
    void listsVulnerabilityFindingsUpToTheLimitAndCountsThemAll() {
        SbomFacts facts = parseFixture(parser, SbomFacts.class, "cyclonedx/bom-1.5-vulnerabilities.json", listingAtMost(2));

        // The second lodash finding (same vulnerability, second affected component) is beyond the limit, yet counted.
        assertThat(facts.vulnerabilities()).extracting(Finding::id, Finding::packageName)
                .containsExactly(tuple("CVE-2018-7489", "com.fasterxml.jackson.core/jackson-databind"), tuple("CVE-2020-8203", "lodash"));
        assertThat(facts.vulnerabilitiesBySeverity()).isEqualTo(new SeverityCounts(1, 2, 0, 0, 1, 0));
        assertThat(facts.fixableVulnerabilities()).isEqualTo(new SeverityCounts(1, 0, 0, 0, 0, 0));
        assertThat(facts.vulnerabilitiesTruncated()).isTrue();
        assertThat(facts.toMap().get("vulnerabilities")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("total", 4L).containsEntry("findingsTruncated", true);
    }

    @Test
    void countsEveryVulnerabilityFindingOfALongBomWhereTheCriticalOnesComeLast() {
        StringBuilder bom = new StringBuilder("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"vulnerabilities\": [");
        for (int i = 0; i < 10; i++) {
            bom.append("{\"id\": \"CVE-2024-").append(i).append("\", \"ratings\": [{\"severity\": \"low\"}], \"affects\": [{\"ref\": \"pkg:npm/a@1\"}]},");
        }
        // After the limit: one vulnerability rated critical that affects five components, three of them fixed.
        bom.append("{\"affects\": [");
        for (int i = 0; i < 5; i++) {
            bom.append(i == 0 ? "" : ",").append("{\"ref\": \"pkg:npm/c").append(i).append("@1\"")
                    .append(i < 3 ? ", \"versions\": [{\"version\": \"2\", \"status\": \"unaffected\"}]" : "").append("}");
        }
        bom.append("], \"id\": \"CVE-2024-99\", \"ratings\": [{\"severity\": \"critical\"}]},");
        // A vulnerability the BOM's author analysed as not affecting it counts nowhere, listed or not.
        bom.append("{\"id\": \"CVE-2024-98\", \"ratings\": [{\"severity\": \"critical\"}], \"analysis\": {\"state\": \"not_affected\"}},");
        // And one affecting nothing named: one finding without a package.
        bom.append("{\"id\": \"CVE-2024-97\", \"ratings\": [{\"severity\": \"high\"}]}]}");

        SbomFacts facts = parseText(parser, SbomFacts.class, bom.toString(), listingAtMost(3));

        assertThat(facts.vulnerabilities()).hasSize(3).extracting(Finding::severity).containsOnly(Severity.LOW);
        assertThat(facts.vulnerabilitiesTruncated()).isTrue();
        assertThat(facts.vulnerabilitiesBySeverity()).isEqualTo(new SeverityCounts(5, 1, 0, 10, 0, 0));
        assertThat(facts.fixableVulnerabilities()).isEqualTo(new SeverityCounts(3, 0, 0, 0, 0, 0));
        assertThat(facts.toMap().get("vulnerabilities")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("total", 16L)
                .containsEntry("bySeverity", Map.of("critical", 5L, "high", 1L, "medium", 0L, "low", 10L, "negligible", 0L, "unknown", 0L));
    }

    @Test
    void isNotTruncatedWhenEveryFindingIsListed() {
        SbomFacts facts = parseFixture(parser, SbomFacts.class, "cyclonedx/bom-1.5-vulnerabilities.json", listingAtMost(4));

        assertThat(facts.vulnerabilities()).hasSize(4);
        assertThat(facts.vulnerabilitiesTruncated()).isFalse();
        assertThat(facts.vulnerabilitiesBySeverity()).isEqualTo(SeverityCounts.of(facts.vulnerabilities()));
    }
}
