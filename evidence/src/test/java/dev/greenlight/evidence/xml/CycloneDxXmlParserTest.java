package dev.greenlight.evidence.xml;

import static dev.greenlight.evidence.xml.Fixtures.stream;
import static dev.greenlight.evidence.xml.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.SbomFacts.Component;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.SeverityCounts;

class CycloneDxXmlParserTest {
    private final CycloneDxXmlParser parser = new CycloneDxXmlParser();

    private SbomFacts parse(String resource) {
        return parser.parse(stream(resource), ParseLimits.DEFAULT);
    }

    @Test
    void version12ComponentsLicensesAndDependencies() {
        SbomFacts facts = parse("xml/cyclonedx/bom-1.2.xml");

        assertThat(facts.format()).isEqualTo("cyclonedx");
        assertThat(facts.specVersion()).isEqualTo("1.2");
        assertThat(facts.componentCount()).isEqualTo(2);
        assertThat(facts.components()).extracting(Component::name, Component::version, Component::purl, Component::type, Component::licenses)
                .containsExactly(
                        tuple("org.slf4j/slf4j-api", "1.7.30", "pkg:maven/org.slf4j/slf4j-api@1.7.30", "library", List.of("MIT")),
                        tuple("com.acme/internal-util", "2.0", "pkg:maven/com.acme/internal-util@2.0", "library", List.of("Acme Proprietary License")));
        assertThat(facts.licenses()).containsExactly("Acme Proprietary License", "MIT");
        assertThat(facts.dependencyCount()).as("shop → 2, internal-util → 1, slf4j-api → none").isEqualTo(3);
        assertThat(facts.vulnerabilities()).isEmpty();
        assertThat(facts.componentsTruncated()).isFalse();
    }

    @Test
    void licenseExpressionsAreKeptWholeAndExtensionElementsAreIgnored() {
        SbomFacts facts = parse("xml/cyclonedx/bom-1.3-with-vulnerability-extension.xml");

        assertThat(facts.specVersion()).isEqualTo("1.3");
        assertThat(facts.components()).extracting(Component::name).containsExactly("lodash", "left-pad");
        assertThat(facts.licenses()).containsExactly("MIT OR CC0-1.0", "WTFPL");
        assertThat(facts.vulnerabilities()).as("the 1.3 extension is not 1.4 vulnerabilities").isEmpty();
    }

    @Test
    void vulnerabilitiesBecomeFindingsPerAffectedComponent() {
        SbomFacts facts = parse("xml/cyclonedx/bom-1.4-vulnerabilities.xml");

        assertThat(facts.vulnerabilities()).extracting(Finding::id, Finding::severity, Finding::packageName, Finding::installedVersion,
                Finding::fixedVersion, Finding::purl).containsExactly(
                tuple("CVE-2018-7489", Severity.CRITICAL, "com.fasterxml.jackson.core/jackson-databind", "2.9.4", "2.9.5",
                        "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.4"),
                tuple("CVE-2021-44906", Severity.MEDIUM, "minimist", "0.0.8", null, "pkg:npm/minimist@0.0.8"),
                tuple("CVE-2021-44906", Severity.MEDIUM, "not-in-this-bom", "1.2.3", null, "pkg:npm/%40scope/not-in-this-bom@1.2.3?arch=x64"),
                tuple("ACME-2024-0001", Severity.UNKNOWN, null, null, null, null));
    }

    @Test
    void aFindingCarriesItsAliasesAndAShortDescription() {
        Finding finding = parse("xml/cyclonedx/bom-1.4-vulnerabilities.xml").vulnerabilities().getFirst();

        assertThat(finding.aliases()).as("its own id is no alias").containsExactly("GHSA-cggj-fvv3-cqwv");
        assertThat(finding.title()).startsWith("FasterXML jackson-databind before 2.8.11.1");
        assertThat(finding.hasFix()).isTrue();
    }

    @Test
    void theMostSevereRatingCountsAndAScoreAloneGivesASeverity() {
        List<Finding> findings = parse("xml/cyclonedx/bom-1.4-vulnerabilities.xml").vulnerabilities();

        assertThat(findings.get(0).severity()).as("GitHub says high, NVD critical").isEqualTo(Severity.CRITICAL);
        assertThat(findings.get(1).severity()).as("score 5.6, no severity word").isEqualTo(Severity.MEDIUM);
    }

    @Test
    void toolsAsComponentsAndTheSubjectsPartsAreNotComponentsButNestedComponentsAre() {
        SbomFacts facts = parse("xml/cyclonedx/bom-1.5-tools-object.xml");

        assertThat(facts.specVersion()).isEqualTo("1.5");
        assertThat(facts.components()).extracting(Component::name)
                .containsExactly("@angular/core", "@angular/core/primitives", "signals.mjs", "tslib");
        assertThat(facts.componentCount()).isEqualTo(4);
        assertThat(facts.licenses()).as("licenses found as evidence are not declared ones")
                .containsExactly("0BSD", "MIT", "Unknown license from package.json");
        assertThat(facts.dependencyCount()).isEqualTo(1);
    }

    @Test
    void findingsTheBomMarksNotAffectedAreDroppedAndTheSubjectCanBeATarget() {
        SbomFacts facts = parse("xml/cyclonedx/bom-1.6-vex.xml");

        assertThat(facts.specVersion()).isEqualTo("1.6");
        assertThat(facts.components()).as("pedigree ancestors are not components").extracting(Component::name).containsExactly("openssl", "zlib");
        assertThat(facts.licenses()).containsExactly("Apache-2.0");
        assertThat(facts.dependencyCount()).as("provides is not a dependency").isEqualTo(3);
        assertThat(facts.vulnerabilities()).extracting(Finding::id, Finding::severity, Finding::packageName, Finding::fixedVersion)
                .containsExactly(
                        tuple("CVE-2023-0286", Severity.HIGH, "openssl", "vers:generic/>=3.0.8"),
                        tuple("GATEWAY-7", Severity.MEDIUM, "gateway", null));
    }

    @Test
    void componentsAreListedUpToTheLimitButAllCountAndLicense() {
        SbomFacts facts = parser.parse(stream("xml/cyclonedx/bom-1.5-tools-object.xml"), new ParseLimits(200, 1000, 1000, 10, 2));

        assertThat(facts.componentCount()).isEqualTo(4);
        assertThat(facts.components()).hasSize(2);
        assertThat(facts.componentsTruncated()).isTrue();
        assertThat(facts.licenses()).contains("0BSD");
    }

    @Test
    void findingsBeyondTheListingLimitAreCountedNotListed() {
        SbomFacts facts = parser.parse(stream("xml/cyclonedx/bom-1.4-vulnerabilities.xml"), new ParseLimits(200, 1000, 1000, 10, 2));

        assertThat(facts.vulnerabilities()).extracting(Finding::id, Finding::packageName)
                .containsExactly(tuple("CVE-2018-7489", "com.fasterxml.jackson.core/jackson-databind"), tuple("CVE-2021-44906", "minimist"));
        assertThat(facts.vulnerabilitiesBySeverity()).isEqualTo(new SeverityCounts(1, 0, 2, 0, 0, 1));
        assertThat(facts.fixableVulnerabilities()).isEqualTo(new SeverityCounts(1, 0, 0, 0, 0, 0));
        assertThat(facts.vulnerabilitiesTruncated()).isTrue();
    }

    @Test
    void countsEveryFindingOfALongBomWhereTheCriticalOnesComeLast() {
        StringBuilder bom = new StringBuilder("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><vulnerabilities>");
        for (int i = 0; i < 10; i++) {
            bom.append("<vulnerability><id>CVE-2024-").append(i).append("</id><ratings><rating><severity>low</severity></rating></ratings>")
                    .append("<affects><target><ref>pkg:npm/a@1</ref></target></affects></vulnerability>");
        }
        // After the limit: a critical one affecting five components, three of them with a version marked unaffected.
        bom.append("<vulnerability><id>CVE-2024-99</id><ratings><rating><score>9.8</score></rating></ratings><affects>");
        for (int i = 0; i < 5; i++) {
            bom.append("<target><ref>pkg:npm/c").append(i).append("@1</ref>")
                    .append(i < 3 ? "<versions><version><version>2</version><status>unaffected</status></version></versions>" : "")
                    .append("</target>");
        }
        bom.append("</affects></vulnerability>");
        bom.append("<vulnerability><id>CVE-2024-98</id><ratings><rating><severity>critical</severity></rating></ratings>")
                .append("<analysis><state>not_affected</state></analysis></vulnerability>");
        bom.append("<vulnerability><id>CVE-2024-97</id><ratings><rating><severity>high</severity></rating></ratings></vulnerability>");
        bom.append("</vulnerabilities></bom>");

        SbomFacts facts = parser.parse(utf8(bom.toString()), new ParseLimits(200, 1000, 1_000_000, 10, 3));

        assertThat(facts.vulnerabilities()).hasSize(3).extracting(Finding::severity).containsOnly(Severity.LOW);
        assertThat(facts.vulnerabilitiesTruncated()).isTrue();
        assertThat(facts.vulnerabilitiesBySeverity()).isEqualTo(new SeverityCounts(5, 1, 0, 10, 0, 0));
        assertThat(facts.fixableVulnerabilities()).isEqualTo(new SeverityCounts(3, 0, 0, 0, 0, 0));
        assertThat(facts.toMap().get("vulnerabilities")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("total", 16L).containsEntry("findingsTruncated", true);
    }

    @Test
    void aDependencyWithoutRefIsRejected() {
        assertThatThrownBy(() -> parser.parse(utf8("""
                <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
                  <dependencies>
                    <dependency ref="a"><dependency ref=""/></dependency>
                  </dependencies>
                </bom>"""), ParseLimits.DEFAULT))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> {
                    assertThat(e.location()).startsWith("line 3");
                    assertThat(e.getMessage()).contains("without a ref");
                });
    }

    @Test
    void aBomOutsideTheCycloneDxNamespaceIsRejected() {
        assertThatThrownBy(() -> parser.parse(utf8("<bom version=\"1\"><components/></bom>"), ParseLimits.DEFAULT))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("not a CycloneDX <bom>");
    }

    @Test
    void aMinimalBomHasNoComponents() {
        SbomFacts facts = parser.parse(utf8("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\" version=\"1\"/>"), ParseLimits.DEFAULT);

        assertThat(facts.componentCount()).isZero();
        assertThat(facts.toMap()).containsEntry("specVersion", "1.4").containsEntry("present", true);
    }
}
