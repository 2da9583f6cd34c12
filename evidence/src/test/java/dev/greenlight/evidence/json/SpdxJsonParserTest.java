package dev.greenlight.evidence.json;

import static dev.greenlight.evidence.json.JsonFixtures.listingAtMost;
import static dev.greenlight.evidence.json.JsonFixtures.parseFixture;
import static dev.greenlight.evidence.json.JsonFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.SbomFacts.Component;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.SeverityCounts;

class SpdxJsonParserTest {
    private final SpdxJsonParser parser = new SpdxJsonParser();

    @Test
    void readsPackagesAsComponents() {
        SbomFacts facts = parseFixture(parser, SbomFacts.class, "spdx/spdx-2.3.json");

        assertThat(facts.format()).isEqualTo("spdx");
        assertThat(facts.specVersion()).isEqualTo("2.3");
        assertThat(facts.componentCount()).isEqualTo(3);
        assertThat(facts.components()).extracting(Component::name, Component::version, Component::purl, Component::type)
                .containsExactly(
                        tuple("shop", "1.0.0", null, "application"),
                        tuple("lodash", "4.17.15", "pkg:npm/lodash@4.17.15", "library"),
                        tuple("openssl", "3.0.8", "pkg:deb/debian/openssl@3.0.8", null));
    }

    @Test
    void skipsNoAssertionAndNoneLicenses() {
        SbomFacts facts = parseFixture(parser, SbomFacts.class, "spdx/spdx-2.3.json");

        assertThat(facts.components()).extracting(Component::licenses)
                .containsExactly(java.util.List.of(), java.util.List.of("MIT"), java.util.List.of("Apache-2.0 AND OpenSSL"));
        assertThat(facts.licenses()).containsExactly("Apache-2.0 AND OpenSSL", "MIT");
    }

    @Test
    void keepsConcludedAndDeclaredLicensesWhenTheyDiffer() {
        SbomFacts facts = parseFixture(parser, SbomFacts.class, "spdx/spdx-2.2.json");

        assertThat(facts.specVersion()).isEqualTo("2.2");
        assertThat(facts.components().getFirst().licenses()).containsExactly("(Apache-2.0 OR MIT)", "Apache-2.0");
    }

    @Test
    void readsThePurlOfSpdx22PackageManagerReferences() {
        SbomFacts facts = parseFixture(parser, SbomFacts.class, "spdx/spdx-2.2.json");

        assertThat(facts.components().getFirst().purl()).isEqualTo("pkg:maven/org.apache.jena/apache-jena@3.12.0");
    }

    @Test
    void countsDependencyRelationshipsOnly() {
        assertThat(parseFixture(parser, SbomFacts.class, "spdx/spdx-2.3.json").dependencyCount()).isEqualTo(3);
        assertThat(parseFixture(parser, SbomFacts.class, "spdx/spdx-2.2.json").dependencyCount()).isEqualTo(1);
    }

    @Test
    void readsSecurityAdvisoryReferencesAsVulnerabilities() {
        SbomFacts facts = parseFixture(parser, SbomFacts.class, "spdx/spdx-2.3.json");

        assertThat(facts.vulnerabilities()).extracting(Finding::id, Finding::severity, Finding::packageName, Finding::purl)
                .containsExactly(
                        tuple("CVE-2020-8203", Severity.UNKNOWN, "lodash", "pkg:npm/lodash@4.17.15"),
                        tuple("GHSA-p6mc-m468-83gw", Severity.UNKNOWN, "lodash", "pkg:npm/lodash@4.17.15"));
    }

    @Test
    void rejectsOtherSpdxVersionsAndDocumentsWithoutOne() {
        assertThatThrownBy(() -> parseText(parser, SbomFacts.class, "{\"spdxVersion\": \"SPDX-3.0\", \"packages\": []}"))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/spdxVersion"))
                .hasMessageContaining("not SPDX 2");
        assertThatThrownBy(() -> parseText(parser, SbomFacts.class, "{\"packages\": []}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("spdxVersion is missing");
    }

    @Test
    void locatesAPackageOfTheWrongType() {
        assertThatThrownBy(() -> parseText(parser, SbomFacts.class, """
                {"spdxVersion": "SPDX-2.3", "packages": [{"name": "a", "externalRefs": {"referenceType": "purl"}}]}
                """))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/packages/0/externalRefs"))
                .hasMessageContaining("expected an array, found an object");
    }

    @Test
    void countsEveryAdvisoryWhileListingOnlyUpToTheLimit() {
        StringBuilder document = new StringBuilder("{\"spdxVersion\": \"SPDX-2.3\", \"packages\": [");
        for (int i = 0; i < 5; i++) {
            document.append(i == 0 ? "" : ",").append(spdxPackage("p" + i, 1));
        }
        document.append("]}");

        SbomFacts facts = parseText(parser, SbomFacts.class, document.toString(), listingAtMost(3));

        assertThat(facts.vulnerabilities()).hasSize(3);
        assertThat(facts.vulnerabilitiesTruncated()).isTrue();
        assertThat(facts.vulnerabilitiesBySeverity()).isEqualTo(new SeverityCounts(0, 0, 0, 0, 0, 5));
        assertThat(facts.toMap().get("vulnerabilities")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("total", 5L).containsEntry("findingsTruncated", true);
    }

    @Test
    void countsTheAdvisoriesOfAPackageBeyondThoseItKeeps() {
        SbomFacts facts = parseText(parser, SbomFacts.class, "{\"spdxVersion\": \"SPDX-2.3\", \"packages\": [" + spdxPackage("p", 120) + "]}");

        assertThat(facts.vulnerabilities()).hasSize(100);
        assertThat(facts.vulnerabilitiesBySeverity().unknown()).isEqualTo(120);
        assertThat(facts.vulnerabilitiesTruncated()).isTrue();
    }

    @Test
    void isNotTruncatedWhenEveryAdvisoryIsListed() {
        SbomFacts facts = parseText(parser, SbomFacts.class, "{\"spdxVersion\": \"SPDX-2.3\", \"packages\": [" + spdxPackage("p", 3) + "]}");

        assertThat(facts.vulnerabilities()).hasSize(3);
        assertThat(facts.vulnerabilitiesTruncated()).isFalse();
        assertThat(facts.vulnerabilitiesBySeverity()).isEqualTo(SeverityCounts.of(facts.vulnerabilities()));
    }

    private static String spdxPackage(String name, int advisories) {
        StringBuilder references = new StringBuilder();
        for (int i = 0; i < advisories; i++) {
            references.append(i == 0 ? "" : ",").append("{\"referenceCategory\": \"SECURITY\", \"referenceType\": \"advisory\", ")
                    .append("\"referenceLocator\": \"https://nvd.nist.gov/vuln/detail/CVE-2024-").append(1000 + i).append("\"}");
        }
        return "{\"SPDXID\": \"SPDXRef-" + name + "\", \"name\": \"" + name + "\", \"versionInfo\": \"1\", \"externalRefs\": ["
                + references + "]}";
    }
}
