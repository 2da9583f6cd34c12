package dev.greenlight.server.promotions;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.greenlight.server.health.AnalysisCriteria;

/**
 * How a canary step is judged: every {@code interval} the canary's traffic over the last {@code window} is compared
 * with the baseline's; a step passes once its interval has run and the latest analysis passed; a step that has not
 * passed {@code maxWait} after its interval ended is rolled back, because missing data never promotes.
 */
record AnalysisSettings(Duration interval, Duration window, Duration maxWait, AnalysisCriteria criteria) {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(15);

    AnalysisSettings {
        requireNonNull(interval, "interval is null");
        requireNonNull(window, "window is null");
        requireNonNull(maxWait, "maxWait is null");
        requireNonNull(criteria, "criteria is null");
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("interval", interval.toString());
        map.put("window", window.toString());
        map.put("maxWait", maxWait.toString());
        map.put("maxErrorRateIncrease", criteria.maxErrorRateIncrease());
        map.put("maxLatencyIncrease", criteria.maxLatencyIncrease());
        map.put("maxErrorRate", criteria.maxErrorRate());
        map.put("minRequests", criteria.minRequests());
        return map;
    }

    static AnalysisSettings fromMap(Map<String, Object> map) {
        return new AnalysisSettings(Duration.parse((String) map.get("interval")), Duration.parse((String) map.get("window")),
                Duration.parse((String) map.get("maxWait")),
                new AnalysisCriteria(((Number) map.get("maxErrorRateIncrease")).doubleValue(), ((Number) map.get("maxLatencyIncrease")).doubleValue(),
                        ((Number) map.get("maxErrorRate")).doubleValue(), ((Number) map.get("minRequests")).longValue()));
    }
}
