package dev.greenlight.evidence.json;

import static dev.greenlight.evidence.json.JsonFixtures.parseFixture;
import static dev.greenlight.evidence.json.JsonFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.facts.ProvenanceFacts;
import dev.greenlight.evidence.facts.ProvenanceFacts.Subject;

class InTotoParserTest {
    private static final String REPOSITORY = "https://github.com/example/shop";
    private static final String COMMIT = "7fd1a60b01f91b314f59955a4e4d4e80d8edf11d";

    private final InTotoParser parser = new InTotoParser();

    @Test
    void readsAPlainStatementWithAnSlsaV1Predicate() {
        ProvenanceFacts facts = parseFixture(parser, ProvenanceFacts.class, "in-toto/statement-slsa-v1.json");

        assertThat(facts.predicateType()).isEqualTo("https://slsa.dev/provenance/v1");
        assertThat(facts.builderId()).isEqualTo("https://github.com/example/shop/.github/workflows/release.yml@refs/heads/main");
        assertThat(facts.buildType()).isEqualTo("https://actions.github.io/buildtypes/workflow/v1");
        assertThat(facts.sourceRepository()).isEqualTo(REPOSITORY);
        assertThat(facts.commit()).isEqualTo(COMMIT);
        assertThat(facts.enveloped()).isFalse();
    }

    @Test
    void readsSubjectsWithLowerCaseDigests() {
        ProvenanceFacts facts = parseFixture(parser, ProvenanceFacts.class, "in-toto/statement-slsa-v1.json");

        assertThat(facts.subjects()).containsExactly(
                new Subject("shop-1.0.0.jar", Map.of("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")),
                new Subject("shop-1.0.0.pom", Map.of("sha256", "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
                        "sha512", "abc")));
    }

    @Test
    void opensADsseEnvelope() {
        ProvenanceFacts facts = parseFixture(parser, ProvenanceFacts.class, "in-toto/dsse-envelope.json");

        assertThat(facts.enveloped()).isTrue();
        assertThat(facts.sourceRepository()).isEqualTo(REPOSITORY);
        assertThat(facts.commit()).isEqualTo(COMMIT);
        assertThat(facts.subjects()).hasSize(2);
    }

    @Test
    void readsSlsaV02FromAStatementV01InASigstoreBundle() {
        ProvenanceFacts facts = parseFixture(parser, ProvenanceFacts.class, "in-toto/sigstore-bundle.json");

        assertThat(facts.enveloped()).isTrue();
        assertThat(facts.predicateType()).isEqualTo("https://slsa.dev/provenance/v0.2");
        assertThat(facts.builderId()).endsWith("generator_generic_slsa3.yml@refs/tags/v1.4.0");
        assertThat(facts.buildType()).isEqualTo("https://github.com/slsa-framework/slsa-github-generator/generic@v1");
        assertThat(facts.sourceRepository()).isEqualTo("https://github.com/example/legacy");
        assertThat(facts.commit()).isEqualTo("5c2b1e4a3f1c9e27f6f1f3a8c0b1d2e3f4a5b6c7");
        assertThat(facts.subjects()).extracting(Subject::name).containsExactly("legacy.tar.gz");
    }

    @Test
    void readsStatementKeysInAnyOrder() {
        ProvenanceFacts facts = parseFixture(parser, ProvenanceFacts.class, "in-toto/statement-slsa-v02.json");

        assertThat(facts.enveloped()).isFalse();
        assertThat(facts.sourceRepository()).isEqualTo("https://github.com/example/legacy");
    }

    @Test
    void takesTheProvenanceOfAStatementsFileAndTheSubjectsOfAll() {
        ProvenanceFacts facts = parseFixture(parser, ProvenanceFacts.class, "in-toto/attestations.intoto.jsonl");

        assertThat(facts.predicateType()).isEqualTo("https://slsa.dev/provenance/v1");
        assertThat(facts.commit()).isEqualTo(COMMIT);
        assertThat(facts.subjects()).extracting(Subject::name)
                .containsExactly("shop-1.0.0.jar", "shop-1.0.0.pom", "shop-1.0.0-sources.jar");
    }

    @Test
    void decodesUrlSafeBase64Payloads() {
        String statement = """
                {"_type": "https://in-toto.io/Statement/v1", "predicateType": "https://slsa.dev/provenance/v1",
                 "subject": [{"name": "???>>>", "digest": {"sha256": "ab"}}], "predicate": {}}
                """;
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(statement.getBytes(StandardCharsets.UTF_8));
        assertThat(payload).containsAnyOf("-", "_");

        ProvenanceFacts facts = parseText(parser, ProvenanceFacts.class,
                "{\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \"" + payload + "\", \"signatures\": []}");

        assertThat(facts.subjects()).extracting(Subject::name).containsExactly("???>>>");
        assertThat(facts.builderId()).isNull();
    }

    @Test
    void readsNoBuilderFromAnotherPredicateType() {
        ProvenanceFacts facts = parseText(parser, ProvenanceFacts.class, """
                {"_type": "https://in-toto.io/Statement/v1", "predicateType": "https://spdx.dev/Document",
                 "subject": [], "predicate": {"builder": {"id": "not provenance"}}}
                """);

        assertThat(facts.predicateType()).isEqualTo("https://spdx.dev/Document");
        assertThat(facts.builderId()).isNull();
    }

    @Test
    void rejectsAnEnvelopeOfAnotherPayloadTypeOrWithBadBase64() {
        assertThatThrownBy(() -> parseText(parser, ProvenanceFacts.class,
                "{\"payloadType\": \"application/vnd.cyclonedx+json\", \"payload\": \"e30=\", \"signatures\": []}"))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/payloadType"))
                .hasMessageContaining("is not application/vnd.in-toto+json");
        assertThatThrownBy(() -> parseText(parser, ProvenanceFacts.class,
                "{\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \"not*base64\", \"signatures\": []}"))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/payload"))
                .hasMessageContaining("not base64");
    }

    @Test
    void locatesErrorsInsideTheDecodedPayload() {
        String payload = Base64.getEncoder().encodeToString("""
                {"_type": "https://in-toto.io/Statement/v1", "predicateType": "x", "subject": [{"name": "a", "digest": "sha256:ab"}]}
                """.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> parseText(parser, ProvenanceFacts.class,
                "{\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \"" + payload + "\"}"))
                .isInstanceOfSatisfying(EvidenceFormatException.class,
                        e -> assertThat(e.location()).isEqualTo("/payload (decoded) /subject/0/digest"));
        String broken = Base64.getEncoder().encodeToString("{\"_type\": ".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> parseText(parser, ProvenanceFacts.class,
                "{\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \"" + broken + "\"}"))
                .isInstanceOfSatisfying(EvidenceFormatException.class,
                        e -> assertThat(e.location()).startsWith("/payload (decoded) /_type (line 1"));
    }

    @Test
    void rejectsOtherStatementTypesAndMissingParts() {
        assertThatThrownBy(() -> parseText(parser, ProvenanceFacts.class,
                "{\"_type\": \"https://in-toto.io/Link/v1\", \"subject\": [], \"predicateType\": \"x\"}"))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/_type"));
        assertThatThrownBy(() -> parseText(parser, ProvenanceFacts.class,
                "{\"_type\": \"https://in-toto.io/Statement/v1\", \"subject\": []}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("predicateType is missing");
        assertThatThrownBy(() -> parseText(parser, ProvenanceFacts.class, "{\"subject\": [], \"predicateType\": \"x\"}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("_type is missing");
    }

    @Test
    void stripsTheGitPrefixAndRefFromRepositoryUris() {
        assertThat(SlsaPredicate.repository("git+https://github.com/o/r@refs/heads/main")).isEqualTo("https://github.com/o/r");
        assertThat(SlsaPredicate.repository("git+ssh://git@github.com/o/r.git")).isEqualTo("ssh://git@github.com/o/r.git");
        assertThat(SlsaPredicate.repository("https://github.com/o/r")).isEqualTo("https://github.com/o/r");
    }
}
