package dev.greenlight.evidence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceLimitException;
import dev.greenlight.evidence.EvidenceReader;
import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.ParsedEvidence;
import dev.greenlight.evidence.ParseLimits;
import dev.greenlight.evidence.facts.SbomFacts;
import dev.greenlight.evidence.facts.VulnerabilityFacts;

/** What every JSON parser shares: limits, syntax errors with their place, and the end of the document. */
class JsonDocumentsTest {
    private final CycloneDxJsonParser cycloneDx = new CycloneDxJsonParser();

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"metadata\": " + "[".repeat(50) + "]".repeat(50) + "}";
        ParseLimits shallow = new ParseLimits(20, 1000, 1 << 20, 100, 100);

        assertThatThrownBy(() -> cycloneDx.parse(input(deep), shallow))
                .isInstanceOf(EvidenceLimitException.class)
                .hasMessage("cyclonedx: Document nesting depth (21) exceeds the maximum allowed (20)");
    }

    @Test
    void refusesAStringItReadsThatIsLongerThanTheLimit() {
        String longName = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [{\"name\": \"" + "a".repeat(5000) + "\"}]}";
        ParseLimits limits = new ParseLimits(50, 1000, 1 << 20, 100, 100);

        assertThatThrownBy(() -> cycloneDx.parse(input(longName), limits)).isInstanceOf(EvidenceLimitException.class);
    }

    @Test
    void refusesAnAbsurdlyLongNumber() {
        String number = "{\"SchemaVersion\": 2, \"Results\": [{\"Vulnerabilities\": [{\"VulnerabilityID\": \"a\", \"CVSS\": "
                + "9".repeat(5000) + "}]}]}";

        assertThatThrownBy(() -> new TrivyParser().parse(input(number), ParseLimits.DEFAULT)).isInstanceOf(EvidenceLimitException.class);
    }

    @Test
    void locatesASyntaxErrorByPointerLineAndColumn() {
        String broken = """
                {
                  "bomFormat": "CycloneDX",
                  "specVersion": "1.6",
                  "components": [
                    {"name": "a" "version": "1"}
                  ]
                }
                """;

        assertThatThrownBy(() -> cycloneDx.parse(input(broken), ParseLimits.DEFAULT))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e ->
                        assertThat(e.location()).isEqualTo("/components/0/name (line 5, column 18)"))
                .hasMessageStartingWith("cyclonedx at /components/0/name (line 5, column 18): not valid JSON: Unexpected character")
                .hasMessageNotContaining("Source");
    }

    @Test
    void rejectsATruncatedDocument() {
        assertThatThrownBy(() -> cycloneDx.parse(input("{\"bomFormat\": \"CycloneDX\", \"components\": [{\"name\""), ParseLimits.DEFAULT))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsAnEmptyFileContentAfterTheDocumentAndAScalarRoot() {
        assertThatThrownBy(() -> cycloneDx.parse(input("  \n"), ParseLimits.DEFAULT))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/"))
                .hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> cycloneDx.parse(input("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\"} {}"), ParseLimits.DEFAULT))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("unexpected content after the end of the JSON document");
        assertThatThrownBy(() -> cycloneDx.parse(input("\"CycloneDX\""), ParseLimits.DEFAULT))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.location()).isEqualTo("/"))
                .hasMessageContaining("expected an object, found a string");
    }

    @Test
    void readsAByteOrderMark() {
        byte[] bom = "\uFEFF{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\"}".getBytes(StandardCharsets.UTF_8);

        SbomFacts facts = (SbomFacts) cycloneDx.parse(new ByteArrayInputStream(bom), ParseLimits.DEFAULT);

        assertThat(facts.specVersion()).isEqualTo("1.6");
    }

    @Test
    void readsUtf16WithAByteOrderMark() {
        byte[] utf16 = "\uFEFF{\"SchemaVersion\": 2, \"ArtifactName\": \"shop\", \"Results\": []}".getBytes(StandardCharsets.UTF_16LE);

        ParsedEvidence parsed = new EvidenceReader(JsonFormats.parsers(), ParseLimits.DEFAULT).read(new ByteArrayInputStream(utf16), null);

        assertThat(parsed.type()).isEqualTo(EvidenceType.TRIVY);
    }

    @Test
    void rejectsBytesThatBreakTheDetectedEncoding() {
        // Zero bytes make Jackson read UTF-32; the rest is not valid UTF-32.
        byte[] broken = {0, 0, 0, '{', 0, 0, 0, '"', (byte) 0xba, 0x7d, 0, 0};

        assertThatThrownBy(() -> cycloneDx.parse(new ByteArrayInputStream(broken), ParseLimits.DEFAULT))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("not valid JSON");
        byte[] unsupportedByteOrder = {0, 0, (byte) 0xff, (byte) 0xfe, 0, 0, 0, '{'};
        assertThatThrownBy(() -> cycloneDx.parse(new ByteArrayInputStream(unsupportedByteOrder), ParseLimits.DEFAULT))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("UCS-4");
    }

    @Test
    void readsNullsAsAbsentValues() {
        VulnerabilityFacts facts = (VulnerabilityFacts) new TrivyParser().parse(input("""
                {"SchemaVersion": 2, "Results": [{"Target": null, "Vulnerabilities": [
                  {"VulnerabilityID": "CVE-1", "PkgName": null, "Severity": null, "PkgIdentifier": null, "VendorIDs": null}]}]}
                """), ParseLimits.DEFAULT);

        assertThat(facts.findings()).singleElement().satisfies(finding -> assertThat(finding.packageName()).isNull());
    }

    @Test
    void letsReadFailuresThroughAsUncheckedIoExceptions() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThatThrownBy(() -> cycloneDx.parse(failing, ParseLimits.DEFAULT))
                .isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk gone");
    }

    @Test
    void leavesTheCallersStreamOpen() {
        boolean[] closed = new boolean[1];
        InputStream input = new ByteArrayInputStream("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\"}".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        cycloneDx.parse(input, ParseLimits.DEFAULT);

        assertThat(closed[0]).isFalse();
    }

    private static InputStream input(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
