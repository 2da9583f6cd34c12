package dev.greenlight.evidence.merge;

import static dev.greenlight.evidence.merge.MergeFixtures.evidence;
import static dev.greenlight.evidence.merge.MergeFixtures.fact;
import static dev.greenlight.evidence.merge.MergeFixtures.merge;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.evidence.EvidenceType;
import dev.greenlight.evidence.facts.PerformanceFacts;
import dev.greenlight.evidence.facts.PerformanceFacts.Threshold;

class PerfMergeTest {
    private static final PerformanceFacts SLOW = new PerformanceFacts(400.0, 900.0, 1500.0, 300.0, 250.0, 2000.0, 0.02, 50.0, 3000L, 10, 2,
            List.of(new Threshold("http_req_duration", "p(95)<500", false)));
    private static final PerformanceFacts FAST = new PerformanceFacts(200.0, 320.0, null, 150.0, 120.0, 700.0, 0.0, 80.0, 4800L, 12, 0,
            List.of(new Threshold("http_req_duration", "p(95)<500", true)));

    @Test
    void takesTheLatestRunWhole() {
        Map<String, Object> facts = merge(evidence("k6-1", EvidenceType.K6, SLOW), evidence("k6-2", EvidenceType.K6, FAST));

        Map<String, Object> perf = fact(facts, "perf");
        assertThat(perf).containsAllEntriesOf(FAST.toMap()).containsEntry("p95Ms", 320.0).containsEntry("thresholdsPassed", true);
        assertThat(perf).as("a percentile the latest run did not export").doesNotContainKey("p99Ms");
    }

    @Test
    void countsTheRunsAndNamesTheOneThatCounts() {
        Map<String, Object> facts = merge(evidence("k6-1", EvidenceType.K6, FAST), evidence("k6-2", EvidenceType.K6, SLOW),
                evidence("k6-3", EvidenceType.K6, SLOW));

        assertThat(MergeFixtures.<Long>fact(facts, "perf.runs")).isEqualTo(3L);
        assertThat(MergeFixtures.<List<Map<String, Object>>>fact(facts, "perf.sources")).extracting(source -> source.get("evidence"))
                .containsExactly("k6-3");
        assertThat(MergeFixtures.<Boolean>fact(facts, "perf.thresholdsPassed")).isFalse();
    }
}
