package dev.greenlight.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {
    @ParameterizedTest
    @CsvSource({
        "TEST-CartTest.xml, application/xml",
        "jacoco.XML, application/xml",
        "trivy.json, application/json",
        "sbom.cdx.json, application/json",
        "provenance.intoto.jsonl, application/json",
        "codeql.sarif, application/json",
        "junit.xml.gz, application/gzip",
        "lcov.info, text/plain",
        "coverage.lcov, text/plain",
        "report.bin, application/octet-stream",
        "README, application/octet-stream",
        "xml, application/octet-stream"
    })
    void followsTheFileName(String fileName, String contentType) {
        assertThat(ContentTypes.of(fileName)).isEqualTo(contentType);
    }
}
