package dev.greenlight.evidence.facts;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceType.FactFamily;

/**
 * A load test's summary (k6 {@code --summary-export} or {@code handleSummary} JSON): HTTP request duration
 * percentiles in milliseconds, error and request rates, checks, and each threshold with whether it passed. (In
 * {@code --summary-export} files a threshold's boolean means "failed"; parsers normalise to {@code passed}.)
 */
public record PerformanceFacts(
        @Nullable Double p90Ms, @Nullable Double p95Ms, @Nullable Double p99Ms, @Nullable Double avgMs,
        @Nullable Double medianMs, @Nullable Double maxMs,
        @Nullable Double errorRate, @Nullable Double requestRate, @Nullable Long requests,
        long checksPassed, long checksFailed, List<Threshold> thresholds) implements EvidenceFacts {

    public PerformanceFacts {
        thresholds = List.copyOf(thresholds);
    }

    /** A threshold expression on a metric, e.g. metric {@code http_req_duration}, expression {@code p(95)<500}. */
    public record Threshold(String metric, String expression, boolean passed) {
        Map<String, Object> toMap() {
            return FactMaps.create().put("metric", metric).put("expression", expression).put("passed", passed).build();
        }
    }

    public boolean allThresholdsPassed() {
        return thresholds.stream().allMatch(Threshold::passed);
    }

    @Override
    public FactFamily family() {
        return FactFamily.PERFORMANCE;
    }

    @Override
    public Map<String, Object> toMap() {
        return FactMaps.create()
                .put("p90Ms", p90Ms).put("p95Ms", p95Ms).put("p99Ms", p99Ms).put("avgMs", avgMs)
                .put("medianMs", medianMs).put("maxMs", maxMs)
                .put("errorRate", errorRate).put("requestRate", requestRate).put("requests", requests)
                .put("checksPassed", checksPassed).put("checksFailed", checksFailed)
                .put("thresholds", thresholds.stream().map(Threshold::toMap).toList())
                .put("thresholdsPassed", allThresholdsPassed())
                .build();
    }
}
