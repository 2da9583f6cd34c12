package dev.greenlight.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.facts.CoverageFacts;
import dev.greenlight.evidence.facts.EvidenceFacts;
import dev.greenlight.evidence.facts.TestFacts;

/**
 * Numbers at the edge of their types never turn into facts outside their range (the invariants the fuzz tests check,
 * {@link FuzzTestSupport#check}): coverage totals and ratios that wrapped negative, infinite durations or latencies.
 */
class NumbersAtTheirLimitsTest {
    private static final String MAX = Long.toString(Long.MAX_VALUE);

    @Test
    void aJacocoCounterWhoseCountsAddUpPastTheLargestCountIsAFormatError() {
        String report = "<report name=\"r\"><counter type=\"LINE\" missed=\"" + MAX + "\" covered=\"1\"/></report>";

        assertThatThrownBy(() -> read(report, EvidenceType.JACOCO))
                .isInstanceOfSatisfying(EvidenceFormatException.class, e -> assertThat(e.format()).isEqualTo(EvidenceType.JACOCO))
                .hasMessageContaining("add up to more than");
    }

    @Test
    void jacocoFileCountsAddUpWithoutWrapping() {
        String report = "<report name=\"r\"><package name=\"p\">"
                + "<sourcefile name=\"A.java\"><counter type=\"LINE\" missed=\"0\" covered=\"" + (Long.MAX_VALUE - 1) + "\"/></sourcefile>"
                + "<sourcefile name=\"B.java\"><counter type=\"LINE\" missed=\"" + (Long.MAX_VALUE - 1) + "\" covered=\"0\"/></sourcefile>"
                + "</package></report>";

        CoverageFacts facts = (CoverageFacts) read(report, EvidenceType.JACOCO);

        assertThat(facts.lines().total()).isEqualTo(Long.MAX_VALUE);
        assertThat(facts.lines().ratio()).isBetween(0.0, 1.0);
        FuzzTestSupport.check(facts, ParseLimits.DEFAULT);
    }

    @Test
    void lcovSummariesAddUpWithoutWrapping() {
        String tracefile = "SF:a.c\nLF:" + MAX + "\nLH:" + MAX + "\nend_of_record\nSF:b.c\nLF:" + MAX + "\nLH:0\nend_of_record\n";

        CoverageFacts facts = (CoverageFacts) read(tracefile, EvidenceType.LCOV);

        assertThat(facts.lines().total()).isEqualTo(Long.MAX_VALUE);
        assertThat(facts.lines().ratio()).isBetween(0.0, 1.0);
        FuzzTestSupport.check(facts, ParseLimits.DEFAULT);
    }

    @Test
    void junitTimesAddUpToAFiniteDuration() {
        String suite = "<testsuite name=\"s\"><testcase name=\"a\" time=\"1e308\"/><testcase name=\"b\" time=\"1.7e308\"/></testsuite>";

        TestFacts facts = (TestFacts) read(suite, EvidenceType.JUNIT);

        assertThat(facts.durationSeconds()).isEqualTo(Double.MAX_VALUE);
        FuzzTestSupport.check(facts, ParseLimits.DEFAULT);
    }

    @Test
    void aJsonNumberBeyondTheRangeOfADoubleIsAFormatErrorLikeTheSameNumberInAString() {
        String k6 = "{\"metrics\": {\"http_req_duration\": {\"avg\": 12, \"p(95)\": -1e999}}}";
        String k6Quoted = "{\"metrics\": {\"http_req_duration\": {\"values\": {\"avg\": 12, \"p(95)\": \"-1e999\"}}}}";
        String cyclonedx = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\","
                + " \"vulnerabilities\": [{\"id\": \"CVE-1\", \"ratings\": [{\"score\": 1e999}]}]}";

        assertThatThrownBy(() -> read(k6, EvidenceType.K6))
                .isInstanceOfSatisfying(EvidenceFormatException.class,
                        e -> assertThat(e.location()).isEqualTo("/metrics/http_req_duration/p(95)"))
                .hasMessageContaining("expected a finite number");
        assertThatThrownBy(() -> read(k6Quoted, EvidenceType.K6))
                .isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("expected a finite number");
        assertThatThrownBy(() -> read(cyclonedx, EvidenceType.CYCLONEDX)).isInstanceOf(EvidenceFormatException.class)
                .hasMessageContaining("expected a finite number");
    }

    private static EvidenceFacts read(String content, EvidenceType type) {
        return EvidenceReader.standard().read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), type).facts();
    }
}
