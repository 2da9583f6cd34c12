package dev.greenlight.evidence.json;

import static dev.greenlight.evidence.json.JsonFixtures.parseFixture;
import static dev.greenlight.evidence.json.JsonFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.facts.VexFacts;
import dev.greenlight.evidence.facts.VexFacts.Statement;
import dev.greenlight.evidence.facts.VexFacts.Status;

class OpenVexParserTest {
    private final OpenVexParser parser = new OpenVexParser();

    @Test
    void readsVersion020StatementsWithVulnerabilityObjects() {
        VexFacts facts = parseFixture(parser, VexFacts.class, "openvex/openvex-0.2.0.json");

        assertThat(facts.statements()).extracting(Statement::vulnerability, Statement::status, Statement::justification).containsExactly(
                tuple("CVE-2021-44228", Status.NOT_AFFECTED, "vulnerable_code_not_in_execute_path"),
                tuple("CVE-2022-1304", Status.FIXED, null),
                tuple("CVE-2023-0001", Status.AFFECTED, null));
    }

    @Test
    void readsAliasesAndTheVulnerabilityIdAsOne() {
        Statement log4j = parseFixture(parser, VexFacts.class, "openvex/openvex-0.2.0.json").statements().getFirst();

        assertThat(log4j.aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q", "https://nvd.nist.gov/vuln/detail/CVE-2021-44228");
    }

    @Test
    void listsProductsTheirPurlIdentifiersAndSubcomponents() {
        VexFacts facts = parseFixture(parser, VexFacts.class, "openvex/openvex-0.2.0.json");

        assertThat(facts.statements().getFirst().products()).containsExactly(
                "pkg:oci/shop@sha256%3Aabc123",
                "pkg:oci/shop@sha256%3Aabc123?repository_url=registry.example.org",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(facts.statements().get(2).products()).containsExactly("pkg:deb/debian/zlib1g@1.2.13");
    }

    @Test
    void readsVersion001StatementsWithStringsAndStatementSubcomponents() {
        VexFacts facts = parseFixture(parser, VexFacts.class, "openvex/openvex-0.0.1.json");

        assertThat(facts.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.vulnerability()).isEqualTo("CVE-2023-12345");
            assertThat(statement.status()).isEqualTo(Status.UNDER_INVESTIGATION);
            assertThat(statement.products()).containsExactly("pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64", "pkg:apk/wolfi/libcurl@8.0.0");
        });
    }

    @Test
    void locatesAnUnknownOrMissingStatus() {
        assertThatThrownBy(() -> parseText(parser, VexFacts.class, """
                {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [
                  {"vulnerability": {"name": "CVE-1"}, "status": "fixed"},
                  {"vulnerability": {"name": "CVE-2"}, "status": "wontfix"}]}
                """))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/statements/1/status"))
                .hasMessageContaining("\"wontfix\" is not one of");
        assertThatThrownBy(() -> parseText(parser, VexFacts.class, """
                {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [{"vulnerability": "CVE-1"}]}
                """))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/statements/0"))
                .hasMessageContaining("has no status");
    }

    @Test
    void rejectsAnotherContextAndADocumentWithoutStatements() {
        assertThatThrownBy(() -> parseText(parser, VexFacts.class, "{\"@context\": \"https://www.w3.org/ns/csaf\", \"statements\": []}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("is not OpenVEX's");
        assertThatThrownBy(() -> parseText(parser, VexFacts.class, "{\"@context\": \"https://openvex.dev/ns/v0.2.0\"}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("statements is missing");
    }
}
