package dev.greenlight.evidence.json;

import static dev.greenlight.evidence.json.JsonFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.ParsedEvidence;
import dev.greenlight.evidence.facts.SbomFacts;

class JsonDetectionTest {
    private final EvidenceReader reader = new EvidenceReader(JsonFormats.parsers(), ParseLimits.DEFAULT);

    @ParameterizedTest
    @CsvSource({
            "cyclonedx/bom-1.4-nested.json, CYCLONEDX",
            "cyclonedx/bom-1.5-vulnerabilities.json, CYCLONEDX",
            "spdx/spdx-2.3.json, SPDX",
            "spdx/spdx-2.2.json, SPDX",
            "sarif/two-runs.sarif.json, SARIF",
            "trivy/trivy-schema2.json, TRIVY",
            "trivy/trivy-legacy.json, TRIVY",
            "trivy/trivy-nothing-found.json, TRIVY",
            "grype/grype-matches.json, GRYPE",
            "k6/summary-export.json, K6",
            "k6/handle-summary.json, K6",
            "openvex/openvex-0.2.0.json, OPENVEX",
            "openvex/openvex-0.0.1.json, OPENVEX",
            "in-toto/statement-slsa-v1.json, IN_TOTO",
            "in-toto/statement-slsa-v02.json, IN_TOTO",
            "in-toto/dsse-envelope.json, IN_TOTO",
            "in-toto/sigstore-bundle.json, IN_TOTO",
            "in-toto/attestations.intoto.jsonl, IN_TOTO"})
    void detectsEveryFixtureByItsContent(String fixture, EvidenceType expected) {
        assertThat(detect(bytes(fixture))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "cyclonedx/bom-1.4-nested.json, 60",
            "spdx/spdx-2.3.json, 40",
            "sarif/two-runs.sarif.json, 90",
            "trivy/trivy-legacy.json, 30",
            "k6/handle-summary.json, 300",
            "openvex/openvex-0.2.0.json, 60",
            "in-toto/dsse-envelope.json, 60"})
    void detectsAHeadCutMidToken(String fixture, int length) {
        byte[] whole = bytes(fixture);
        EvidenceType expected = detect(whole).orElseThrow();

        assertThat(detect(Arrays.copyOf(whole, length))).contains(expected);
    }

    @Test
    void readsKeysAtTheirPlaceNotAnywhereInTheText() {
        String sarif = """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
                  {"ruleId": "a", "message": {"text": "\\"spdxVersion\\": \\"SPDX-2.3\\", \\"bomFormat\\": \\"CycloneDX\\""},
                   "properties": {"spdxVersion": "SPDX-2.3", "bomFormat": "CycloneDX"}}]}]}
                """;

        assertThat(detect(sarif.getBytes(StandardCharsets.UTF_8))).contains(EvidenceType.SARIF);
    }

    @Test
    void detectsSpdxWhateverTheFileIsCalled() throws IOException {
        // Detection never sees a name: an SPDX document uploaded as "bom-cdx.json" is SPDX.
        ParsedEvidence parsed = reader.read(new ByteArrayInputStream(bytes("spdx/spdx-2.3.json")), null);

        assertThat(parsed.type()).isEqualTo(EvidenceType.SPDX);
        assertThat(((SbomFacts) parsed.facts()).format()).isEqualTo("spdx");
    }

    @Test
    void detectsAGrypeReportWhoseDescriptorIsBeyondTheHead() {
        StringBuilder report = new StringBuilder("{\"matches\": [");
        for (int i = 0; i < 2000; i++) {
            report.append(i == 0 ? "" : ",").append("""
                    {"vulnerability": {"id": "CVE-2024-%d", "severity": "Low"}, "relatedVulnerabilities": [],
                     "matchDetails": [], "artifact": {"name": "package-%d", "version": "1.0"}}""".formatted(i, i));
        }
        report.append("], \"descriptor\": {\"name\": \"grype\"}}");
        byte[] bytes = report.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(EvidenceReader.HEAD_BYTES);

        assertThat(detect(bytes)).contains(EvidenceType.GRYPE);
    }

    @Test
    void detectsAK6ExportWhoseRootGroupFillsTheHead() {
        StringBuilder summary = new StringBuilder("{\"root_group\": {\"name\": \"\", \"path\": \"\", \"id\": \"x\", \"groups\": {}, \"checks\": {");
        for (int i = 0; i < 2000; i++) {
            summary.append(i == 0 ? "" : ",").append("\"check %d\": {\"name\": \"check %d\", \"passes\": 1, \"fails\": 0}".formatted(i, i));
        }
        summary.append("}}, \"metrics\": {}}");
        byte[] bytes = summary.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(EvidenceReader.HEAD_BYTES);

        assertThat(detect(bytes)).contains(EvidenceType.K6);
    }

    @Test
    void recognisesABrokenCycloneDxDocumentByItsSchemaSoThatItIsRejectedAsCycloneDx() {
        String bom = "{\"$schema\": \"http://cyclonedx.org/schema/bom-1.6.schema.json\", \"bomFormat\": \"AnotherFormat\"}";

        assertThat(detect(bom.getBytes(StandardCharsets.UTF_8))).contains(EvidenceType.CYCLONEDX);
    }

    @Test
    void recognisesNoOtherJsonXmlOrText() {
        assertThat(detect("{\"name\": \"package.json\", \"version\": \"1.0.0\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(detect("[1, 2, 3]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(detect("<?xml version=\"1.0\"?><testsuite/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(detect("TN:\nSF:src/a.c\nend_of_record\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(detect(new byte[0])).isEmpty();
    }

    @Test
    void detectsAndReadsAGzippedReport() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bytes("trivy/trivy-schema2.json"));
        }

        ParsedEvidence parsed = reader.read(new ByteArrayInputStream(compressed.toByteArray()), null);

        assertThat(parsed.type()).isEqualTo(EvidenceType.TRIVY);
        assertThat(parsed.facts().toMap().get("total")).isEqualTo(3L);
    }

    @Test
    void putsTheMostSpecificFormatsFirst() {
        assertThat(JsonFormats.parsers()).extracting(parser -> parser.type()).containsExactly(
                EvidenceType.IN_TOTO, EvidenceType.OPENVEX, EvidenceType.CYCLONEDX, EvidenceType.SPDX, EvidenceType.SARIF,
                EvidenceType.GRYPE, EvidenceType.TRIVY, EvidenceType.K6);
    }

    private Optional<EvidenceType> detect(byte[] content) {
        return reader.detect(new ByteArrayInputStream(content));
    }
}
