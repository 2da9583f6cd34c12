package dev.greenlight.evidence.json;

import static dev.greenlight.evidence.json.JsonFixtures.parseFixture;
import static dev.greenlight.evidence.json.JsonFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.facts.PerformanceFacts;
import dev.greenlight.evidence.facts.PerformanceFacts.Threshold;

class K6SummaryParserTest {
    private final K6SummaryParser parser = new K6SummaryParser();

    @Test
    void readsSummaryExportStatisticsFromTheUntaggedDurationMetric() {
        PerformanceFacts facts = parseFixture(parser, PerformanceFacts.class, "k6/summary-export.json");

        assertThat(facts.p90Ms()).isEqualTo(210.0);
        assertThat(facts.p95Ms()).isEqualTo(350.25);
        assertThat(facts.p99Ms()).isNull();
        assertThat(facts.avgMs()).isEqualTo(120.5);
        assertThat(facts.medianMs()).isEqualTo(95.0);
        assertThat(facts.maxMs()).isEqualTo(1500.75);
        assertThat(facts.errorRate()).isEqualTo(0.0625);
        assertThat(facts.requestRate()).isEqualTo(13.3333);
        assertThat(facts.requests()).isEqualTo(400);
    }

    @Test
    void readsSummaryExportThresholdsWhereTrueMeansFailed() {
        PerformanceFacts facts = parseFixture(parser, PerformanceFacts.class, "k6/summary-export.json");

        assertThat(facts.thresholds()).extracting(Threshold::metric, Threshold::expression, Threshold::passed).containsExactly(
                tuple("http_req_duration{expected_response:true}", "p(95)<300", true),
                tuple("http_req_duration", "p(95)<300", false),
                tuple("http_req_duration", "avg<200", true),
                tuple("http_req_failed", "rate<0.01", false));
        assertThat(facts.allThresholdsPassed()).isFalse();
    }

    @Test
    void countsChecksOfTheRootGroupAndItsGroupsWhenThereIsNoChecksMetric() {
        PerformanceFacts export = parseFixture(parser, PerformanceFacts.class, "k6/summary-export.json");
        PerformanceFacts handleSummary = parseFixture(parser, PerformanceFacts.class, "k6/handle-summary.json");

        assertThat(export.checksPassed()).isEqualTo(390);
        assertThat(export.checksFailed()).isEqualTo(10);
        assertThat(handleSummary.checksPassed()).isEqualTo(65);
        assertThat(handleSummary.checksFailed()).isEqualTo(3);
    }

    @Test
    void prefersTheChecksMetric() {
        PerformanceFacts facts = parseText(parser, PerformanceFacts.class, """
                {"root_group": {"path": "", "checks": {"a": {"passes": 1, "fails": 1}}},
                 "metrics": {"checks": {"passes": 7, "fails": 3, "value": 0.7}}}
                """);

        assertThat(facts.checksPassed()).isEqualTo(7);
        assertThat(facts.checksFailed()).isEqualTo(3);
    }

    @Test
    void readsHandleSummaryValuesAndOkThresholds() {
        PerformanceFacts facts = parseFixture(parser, PerformanceFacts.class, "k6/handle-summary.json");

        assertThat(facts.p90Ms()).isEqualTo(150.0);
        assertThat(facts.p95Ms()).isEqualTo(180.5);
        assertThat(facts.p99Ms()).isEqualTo(410.75);
        assertThat(facts.avgMs()).isEqualTo(80.5);
        assertThat(facts.errorRate()).isEqualTo(0.02);
        assertThat(facts.requests()).isEqualTo(100);
        assertThat(facts.requestRate()).isEqualTo(3.3332);
        assertThat(facts.thresholds()).extracting(Threshold::expression, Threshold::passed)
                .containsExactly(tuple("p(95)<200", true), tuple("p(99)<400", false), tuple("rate<0.05", true));
    }

    @Test
    void fallsBackToTheExpectedResponseDurationAndCountsTheErrorRate() {
        PerformanceFacts facts = parseText(parser, PerformanceFacts.class, """
                {"metrics": {
                  "http_req_duration{expected_response:true}": {"p(95)": 12.5, "avg": 5},
                  "http_req_failed": {"passes": 1, "fails": 3}}}
                """);

        assertThat(facts.p95Ms()).isEqualTo(12.5);
        assertThat(facts.avgMs()).isEqualTo(5.0);
        assertThat(facts.errorRate()).isEqualTo(0.25);
        assertThat(facts.requests()).isNull();
    }

    @Test
    void rejectsASummaryWithoutMetricsAndAThresholdWithoutResult() {
        assertThatThrownBy(() -> parseText(parser, PerformanceFacts.class, "{\"root_group\": {}}"))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("metrics is missing");
        assertThatThrownBy(() -> parseText(parser, PerformanceFacts.class, """
                {"metrics": {"http_reqs": {"count": 1, "thresholds": {"count>0": "yes"}}}}
                """))
                .isInstanceOfSatisfying(EvidenceFormatException.class,
                        e -> assertThat(e.location()).isEqualTo("/metrics/http_reqs/thresholds/count>0"));
    }
}
