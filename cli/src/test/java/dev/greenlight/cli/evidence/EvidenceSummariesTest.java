package dev.greenlight.cli.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvidenceSummariesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void tests() {
        assertThat(summary("junit", "{\"total\":3,\"passed\":2,\"failed\":1,\"errors\":0,\"skipped\":0,\"flaky\":0}"))
                .isEqualTo("3 tests, 1 failed");
        assertThat(summary("junit", "{\"total\":1,\"passed\":1,\"failed\":0,\"errors\":0,\"skipped\":0,\"flaky\":0}"))
                .isEqualTo("1 test, 0 failed");
        assertThat(summary("junit", "{\"total\":120,\"failed\":2,\"errors\":1,\"skipped\":4,\"flaky\":2}"))
                .isEqualTo("120 tests, 2 failed, 1 error, 4 skipped, 2 flaky");
    }

    @Test
    void coverageIsRoundedDownAndLeavesOutWhatWasNotMeasured() {
        assertThat(summary("jacoco", "{\"lines\":{\"covered\":815,\"missed\":185,\"ratio\":0.815},"
                + "\"branches\":{\"covered\":62,\"missed\":38,\"ratio\":0.62}}")).isEqualTo("lines 81.5%, branches 62.0%");
        assertThat(summary("lcov", "{\"lines\":{\"covered\":9999,\"missed\":1},\"branches\":{\"covered\":0,\"missed\":0}}"))
                .isEqualTo("lines 99.9%");
        assertThat(summary("cobertura", "{\"lines\":{\"covered\":0,\"missed\":0},\"branches\":{\"covered\":0,\"missed\":0}}"))
                .isEqualTo("nothing to cover");
    }

    @Test
    void vulnerabilitiesBySeverity() {
        assertThat(summary("trivy", "{\"scanner\":\"Trivy\",\"total\":2,\"bySeverity\":{\"critical\":1,\"high\":1,\"medium\":0,"
                + "\"low\":0,\"negligible\":0,\"unknown\":0},\"fixable\":{}}")).isEqualTo("2 vulnerabilities: 1 critical, 1 high");
        assertThat(summary("grype", "{\"total\":0,\"bySeverity\":{}}")).isEqualTo("no vulnerabilities");
    }

    @Test
    void sbomSastPerformanceVexAndProvenance() {
        assertThat(summary("cyclonedx", "{\"format\":\"CycloneDX\",\"componentCount\":124,\"licenses\":5,\"vulnerabilities\":0}"))
                .isEqualTo("124 components, 5 licenses");
        assertThat(summary("sarif", "{\"tools\":[\"CodeQL\"],\"total\":3,\"byLevel\":{\"error\":1,\"warning\":2,\"note\":0,\"none\":0}}"))
                .isEqualTo("3 results: 1 error, 2 warnings");
        assertThat(summary("k6", "{\"p95Ms\":350.2,\"p99Ms\":null,\"errorRate\":0.01,\"requestRate\":13.3,\"thresholdsPassed\":false}"))
                .isEqualTo("p95 350.2 ms, 1.00% errors, thresholds failed");
        assertThat(summary("openvex", "{\"statements\":1}")).isEqualTo("1 statement");
        assertThat(summary("in-toto", "{\"builderId\":\"https://github.com/actions/runner\",\"commit\":\"0123456789abcdef0123\",\"subjects\":2}"))
                .isEqualTo("2 subjects, commit 0123456789ab");
    }

    @Test
    void anUnknownTypeShowsItsPlainValuesAndNothingShowsADash() {
        assertThat(summary("future-format", "{\"widgets\":3,\"name\":\"w\",\"nested\":{\"a\":1}}")).isEqualTo("widgets=3, name=w");
        assertThat(summary("junit", "{}")).isEqualTo("-");
        assertThat(EvidenceSummaries.of("junit", JSON.missingNode())).isEqualTo("-");
    }

    @Test
    void controlCharactersFromTheServerAreNeutralised() {
        assertThat(summary("in-toto", "{\"commit\":\"ab\\u001b[2Jcd\",\"subjects\":1}")).isEqualTo("1 subject, commit ab?[2Jcd");
    }

    private static String summary(String type, String json) {
        JsonNode summary = JSON.readTree(json);
        return EvidenceSummaries.of(type, summary);
    }
}
